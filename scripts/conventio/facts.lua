--- What the agreement's model states, handed to the document so that `conventio check` can
--- compare the text with it: the parties' names (every text a party was given), the
--- acronyms the text may cite that name no party (templates/structure/sigles), and every
--- amount the templates printed from the model.
local clauses = require "conventio.clauses"

local M = {}

-- Every string in a party (its names, seat, accountant...) and in its tables, a few levels
-- deep (the representative, the bank account's domiciliation): an acronym found there is the
-- party's, whatever field holds it.
local function party_texts(value, out, depth)
  depth = depth or 0
  if type(value) == "string" then
    out[#out + 1] = value
  elseif type(value) == "table" and depth < 3 then
    for _, inner in pairs(value) do party_texts(inner, out, depth + 1) end
  end
end

--- Starts recording the amounts templates print, for one document.
function M.begin()
  clauses.printed_amounts = {}
end

--- Stops recording and states the facts on `doc`.
---@param agreement table the Agreement being built
---@param doc userdata its conventio.Document
function M.finish(agreement, doc)
  local amounts = clauses.printed_amounts or {}
  clauses.printed_amounts = nil
  -- Amounts the agreement states beside those its templates printed: an avenant's are those of
  -- the two versions of the Convention it compares (conventio.avenant), which its text quotes.
  for _, amount in ipairs(agreement.stated_amounts or {}) do amounts[#amounts + 1] = amount end
  local parties = {}
  for _, party in ipairs(agreement:party_list()) do party_texts(party, parties) end
  -- The common list, and those of the clause sets it includes (a programme's own bodies).
  local common = clauses.front_matter("structure/sigles")
  local cited = {}
  for _, acronym in ipairs(common.acronyms or {}) do cited[#cited + 1] = acronym end
  for _, set in ipairs(common.include or {}) do
    for _, acronym in ipairs(clauses.front_matter(set).acronyms or {}) do cited[#cited + 1] = acronym end
  end
  doc:state_facts { parties = parties, cited = cited, amounts = amounts,
                    amends = agreement.spec ~= nil and agreement.spec.kind == "avenant" }
end

--- Stops recording without stating anything (the build failed).
function M.abandon()
  clauses.printed_amounts = nil
end

return M
