--- Annexes built from structured templates: the GDPR responsibilities matrix, whose wording
--- a drafter edits as a document (one "#" per row, one "##" per column) and which becomes a
--- table whose columns are the processor and the controller, named from the parties.
local tr = require("conventio").tr
local c = require "conventio"
local clauses = require "conventio.clauses"
local strict = require "conventio.strict"
local Party = require "conventio.party"

local M = {}

local matrix_options = strict.set { "controller", "processor", "controller_named", "template", "labels" }

--- The GDPR matrix as a table block: a header row ("", the processor's name, the controller's
--- name), then one row per responsibility. The columns and the wording come from the parties'
--- roles: `controller` is responsible for the processing, `processor` is its sub-contractor.
--- options: { controller = Party, processor = Party, controller_named = true (the text names
--- the controller instead of "le partenaire"), labels = { processor =, controller = }
--- (column headings other than the short names), template = "annexes/rgpd" }
---@param options table
---@return conventio.Block table
function M.gdpr_matrix(options)
  if type(options) ~= "table" or getmetatable(options) ~= nil then
    error(tr("gdpr_matrix: expected { controller = Party, processor = Party }"), 2)
  end
  strict.check_names(options, matrix_options, "gdpr_matrix", "option", 2)
  for _, role in ipairs { "controller", "processor" } do
    if not Party.is_party(options[role]) then
      error(tr("gdpr_matrix: %s must be a party (the %s of the processing)"):format(role,
            role == "controller" and "party responsible" or "sub-contractor"), 2)
    end
  end
  local labels = options.labels or {}
  strict.check_names(labels, strict.set { "processor", "controller" }, "gdpr_matrix labels", "label", 2)
  local template = options.template or "annexes/rgpd"
  local rows = {}
  local params = { controller = options.controller, processor = options.processor,
                   controller_named = options.controller_named }
  for _, section in ipairs(c.sections(clauses.blocks(template, params))) do
    if #section.parts ~= 2 then
      error(tr("%s: each row needs a '## Sous-traitant' and a '## Responsable' part (%d found)"):format(
        template, #section.parts), 2)
    end
    rows[#rows + 1] = { c.Bold(section.title), section.parts[1].blocks, section.parts[2].blocks }
  end
  local processor_label = strict.text(labels.processor or options.processor.short_name,
      "gdpr_matrix labels.processor", 2)
  local controller_label = strict.text(labels.controller or options.controller.short_name,
                                       "gdpr_matrix labels.controller", 2)
  return c.Table { widths = { 2, 3, 3 }, header = { "", processor_label, controller_label }, rows = rows }
end

--- An annex in titled parts, written by drafters as a document (template with
--- `headings: true`, one "#" per part): each title becomes an unnumbered sub-heading, its
--- text follows. Returns deferred content (rendered when the document is built).
---@param template string
---@param params table?
---@return function content
function M.headed_parts(template, params)
  return clauses.content_function(function()
    local blocks = {}
    for _, section in ipairs(c.sections(clauses.blocks(template, params or {}))) do
      if #section.parts > 0 then
        error(tr("%s: a part is one '#' heading and its text, without '##' headings"):format(template), 0)
      end
      blocks[#blocks + 1] = c.SubArticle(section.title)
      for _, b in ipairs(section.blocks) do blocks[#blocks + 1] = b end
    end
    return blocks
  end)
end

return M
