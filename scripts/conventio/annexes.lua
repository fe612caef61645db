--- Annexes built from structured templates: the GDPR responsibilities matrix, whose wording
--- a drafter edits as a document (one "#" per row, one "##" per column) and which becomes a
--- table whose columns are the DINUM and the partner, named.
local c = require "conventio"
local clauses = require "conventio.clauses"

local M = {}

--- The GDPR matrix as a table block: a header row ("", "DINUM", the partner's name), then
--- one row per responsibility. `partner_label` is what heads the partner's column, never a
--- placeholder: a missing name is an error.
function M.gdpr_matrix(partner_label, template)
  if type(partner_label) ~= "string" or partner_label == "" then
    error("gdpr_matrix: the partner's column needs the partner's name", 2)
  end
  local rows = {}
  for _, section in ipairs(c.sections(clauses.blocks(template or "annexes/rgpd", {}))) do
    if #section.parts ~= 2 then
      error(("gdpr_matrix: each row needs a '## DINUM' and a '## Partenaire' part (%d found)"):format(
        #section.parts), 2)
    end
    rows[#rows + 1] = { c.Bold(section.title), section.parts[1].blocks, section.parts[2].blocks }
  end
  return c.Table { widths = { 2, 3, 3 }, header = { "", "DINUM", partner_label }, rows = rows }
end

--- An annex in titled parts, written by drafters as a document (template with
--- `headings: true`, one "#" per part): each title becomes an unnumbered sub-heading, its
--- text follows. Returns deferred content (rendered when the document is built).
function M.headed_parts(template, params)
  return function()
    local blocks = {}
    for _, section in ipairs(c.sections(clauses.blocks(template, params or {}))) do
      if #section.parts > 0 then
        error(("%s: a part is one '#' heading and its text, without '##' headings"):format(template), 0)
      end
      blocks[#blocks + 1] = c.SubArticle(section.title)
      for _, b in ipairs(section.blocks) do blocks[#blocks + 1] = b end
    end
    return blocks
  end
end

return M
