--- What the agreement's model states, handed to the document so that `conventio check` can
--- compare the text with it: the parties' names (every text a party was given), the
--- acronyms the text may cite that name no party (templates/structure/sigles), and every
--- amount the templates printed from the model.
local clauses = require "conventio.clauses"

local M = {}

-- Every string in a party (its names, seat, accountant...), one level of nesting deep (the
-- representative): an acronym found there is the party's, whatever field holds it.
local function party_texts(party, out)
  for _, value in pairs(party) do
    if type(value) == "string" then
      out[#out + 1] = value
    elseif type(value) == "table" and getmetatable(value) == nil then
      for _, inner in pairs(value) do
        if type(inner) == "string" then out[#out + 1] = inner end
      end
    end
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
