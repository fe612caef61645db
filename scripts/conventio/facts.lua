--- What the agreement's model states, handed to the document so that `conventio check` can
--- compare the text with it: the parties' names (every text a party was given), the
--- acronyms the text may cite that name no party (templates/structure/sigles), and every
--- amount the templates printed from the model.
local tr = require("conventio").tr
local c = require "conventio"
local clauses = require "conventio.clauses"
local Party = require "conventio.party"

local M = {}

-- Taken when the library loads: a script's view of conventio cannot change who may state.
local called_by_library = c.called_by_library

-- What only the library may do (`by_library`: called_by_library() in the function asking): a
-- script stating facts, or ending the record of the amounts printed, would silence the check of
-- its own text.
local function library_only(by_library, what)
  if not by_library then
    error(tr("%s is the library's own: conventio's Agreement states the facts of the document it builds"):format(
      what), 3)
  end
end

-- What conventio.avenant states of the avenant it builds, keyed by its agreement: the amounts
-- of the two versions of the Convention it compares, beside those its templates print. Being
-- here is what makes an agreement an avenant to check: its text may quote the Convention's,
-- which check leaves unchecked. Kept here, out of a script's reach: read from the agreement
-- (`spec.kind == "avenant"`, a field), a script's own agreement passed for an avenant.
local avenants = setmetatable({}, { __mode = "k" })

--- States that `agreement` is an avenant, whose text may quote the amounts of the Convention it
--- amends: `amounts` (texts of conventio.Money values), those of the two versions it compares.
---@param agreement table the Agreement
---@param amounts string[]
function M.state_avenant(agreement, amounts)
  library_only(called_by_library(), "facts.state_avenant")
  avenants[agreement] = amounts
end

--- Starts recording the amounts templates print, for one document.
function M.begin()
  library_only(called_by_library(), "facts.begin")
  clauses.printed_amounts = {}
end

--- Stops recording and states the facts on `doc`: its parties' texts as the library made them
--- (Party.add_texts).
---@param agreement table the Agreement being built
---@param doc userdata its conventio.Document
---@param party_list table the agreement's parties
function M.finish(agreement, doc, party_list)
  library_only(called_by_library(), "facts.finish")
  local amounts = clauses.printed_amounts or {}
  clauses.printed_amounts = nil
  -- An avenant's amounts beside those its templates printed: those of the two versions of the
  -- Convention it compares (conventio.avenant), which its text quotes.
  local avenant = avenants[agreement]
  for _, amount in ipairs(avenant or {}) do amounts[#amounts + 1] = amount end
  local parties = {}
  for _, party in ipairs(party_list) do Party.add_texts(party, parties) end
  -- The common list, and those of the clause sets it includes (a programme's own bodies).
  local common = clauses.front_matter("structure/sigles")
  local cited = {}
  for _, acronym in ipairs(common.acronyms or {}) do cited[#cited + 1] = acronym end
  for _, set in ipairs(common.include or {}) do
    for _, acronym in ipairs(clauses.front_matter(set).acronyms or {}) do cited[#cited + 1] = acronym end
  end
  doc:state_facts { parties = parties, cited = cited, amounts = amounts, amends = avenant ~= nil }
end

--- Stops recording without stating anything (the build failed).
function M.abandon()
  library_only(called_by_library(), "facts.abandon")
  clauses.printed_amounts = nil
end

return M
