--- What every financial variant shares: reading amounts and accounts from data with the field
--- named in errors, the bank details block, and the sub-articles every variant ends with.
local tr = require("conventio").tr
local c = require "conventio"
local clauses = require "conventio.clauses"
local strict = require "conventio.strict"

local M = {}

--- An exact amount from data: a string ("112403.60", "112 403,60") or whole euros.
--- `field` names it in errors ("finance.amount").
---@param value any
---@param field string
function M.money(value, field)
  if value == nil then error(tr("%s is required"):format(field), 3) end
  if type(value) == "number" and math.type(value) ~= "integer" then
    error(tr("%s: write amounts with cents as strings (\"112403.60\"), got %s"):format(field, tostring(value)), 3)
  end
  return c.Money(value, field)
end

--- The bank details block of `account` (a conventio.BankAccount), the same wherever it appears.
--- `options` are the template's optional parameters (rib_line = true: the RIB on one line).
---@param agreement conventio.Agreement
---@param account conventio.BankAccount
---@param options table?
function M.bank_details(agreement, account, options)
  local params = { account = account }
  for k, v in pairs(options or {}) do params[k] = v end
  -- A bank details block is never split across two pages.
  return agreement:clause("finances/coordonnees_bancaires", params, { keep_together = true })
end

--- The party that `spec[field]` names by its role (default `role`; without a default the field
--- is required), or an error naming the data field: "finance.payer names no party".
---@param agreement conventio.Agreement
---@param spec table
---@param field string
---@param role string?
---@param where string?
function M.party(agreement, spec, field, role, where)
  local name = spec[field] or role
  if name == nil then error(tr("%s.%s is required (the role of a party)"):format(where, field), 3) end
  local party = agreement.parties[name]
  if not party then
    error(tr("%s.%s names no party: %s%s"):format(where, field, tostring(name), strict.suggestion(name,
        agreement.parties)), 3)
  end
  return party
end

--- A clause maker for one financial article: every clause gets those of `shared` (the payer,
--- the receiver, the computed amounts...) it reads, plus its own parameters (checked).
---@param agreement conventio.Agreement
---@param shared table
function M.clause_maker(agreement, shared)
  local Agreement = require "conventio.agreement"
  return function(name, extra)
    local params = {}
    local reads = Agreement.template_parameters(name)
    for k, v in pairs(shared) do
      if reads[k] then params[k] = v end
    end
    for k, v in pairs(extra or {}) do params[k] = v end
    return agreement:clause(name, params)
  end
end

--- A bank account from data (validated), or an error naming the field when it is required.
---@param spec table
---@param field string
---@param where string?
---@param required boolean?
function M.account(spec, field, where, required)
  local value = spec[field]
  if value == nil then
    if required then error(tr("%s.%s is required"):format(where, field), 3) end
    return nil
  end
  return c.BankAccount(value, where .. "." .. field)
end

--- The heading of the financial article or of one of its sub-articles, from the template
--- finances/intitules (wording lives in templates).
---@param key string
function M.heading(key)
  local heading = clauses.front_matter("finances/intitules")[key]
  if type(heading) ~= "string" then
    error(tr("templates/finances/intitules.md has no heading '%s'"):format(key), 2)
  end
  return heading
end

--- Checks that a field is present and returns it.
---@param spec table
---@param field string
---@param where string?
function M.required(spec, field, where)
  local value = spec[field]
  if value == nil then error(tr("%s.%s is required"):format(where, field), 3) end
  return value
end

--- A table without header whose rows a drafter writes as a document: template `name` (with
--- `headings: true`) has one "#" per row, its label, and the row's other cell below it.
--- Returned as deferred content (rendered when the document is built).
---@param name string
---@param params table?
---@param widths number[]?
function M.rows_table(name, params, widths)
  return clauses.content_function(function()
    local rows = {}
    for _, section in ipairs(c.sections(clauses.blocks(name, params))) do
      if #section.parts > 0 then
        error(tr("%s: a row is one '#' heading and its text, without '##' parts"):format(name), 0)
      end
      rows[#rows + 1] = { section.title, section.blocks }
    end
    return c.Table { widths = widths or { 1, 1 }, rows = rows }
  end)
end

--- Refuses a finance data object with an unknown field (suggesting the nearest of `fields`,
--- the variant's documented fields) or that is not an object. With `found` (a
--- conventio.data problems counter), every problem is recorded instead and the result says
--- whether `spec` is an object to read on.
---@param spec table
---@param fields table
---@param where string?
---@param found conventio.Problems?
function M.check_spec(spec, fields, where, found)
  if not found then
    if type(spec) ~= "table" then error(tr("%s must be an object"):format(where), 3) end
    strict.check_keys(spec, strict.set(fields), where, "field", 3)
    strict.check_switches(spec, fields, where, 3)
    return true
  end
  if spec == nil then return found:add(tr("%s is required"):format(where)) or false end
  if type(spec) ~= "table" then return found:add(tr("%s must be an object"):format(where)) or false end
  local known = strict.set(fields)
  for _, message in ipairs(strict.unknown_messages(spec, known, where, "field")) do found:add(message) end
  for _, message in ipairs(strict.switch_messages(spec, fields, where)) do found:add(message) end
  -- A blank text at its field, before a template prints it at one of the library's lines.
  for _, message in ipairs((strict.blank_messages(spec, known, where))) do found:add(message) end
  return true
end

--- The financial variants, as `finance.variant` names them (each is `conventio.finance.NAME`).
M.variants = { "single_payment", "tranches", "carried_over", "strata", "delegation" }

--- Records a `variant` field of `spec` that is not `variant`, the variant the script builds:
--- a misspelt name with the nearest suggested, another variant's name as a disagreement
--- between the data and the script.
---@param spec table
---@param variant string
---@param where string
---@param found conventio.Problems
function M.check_variant(spec, variant, where, found)
  local given = spec.variant
  if given == nil or given == variant then return true end
  local known = strict.set(M.variants)
  if known[given] then
    return found:add(tr("%s.variant is \"%s\", but the script builds the %s variant (%s.add)"):format(where, given,
      variant, variant)) or false
  end
  return found:add(tr("%s.variant must be \"%s\" (the variant the script builds), got %s%s"):format(where, variant,
    tostring(given), type(given) == "string" and strict.suggestion(given, known) or "")) or false
end

--- The end of a variant's M.add: with no problem, the article `build()` adds; with problems
--- (recorded, raised when the agreement is built), a stand-in article with its key and
--- heading, so that references to it and the rest of the data are checked on.
---@param agreement conventio.Agreement
---@param found conventio.Problems
---@param options table
---@param spec table
---@param build fun(): table
function M.finish(agreement, found, options, spec, build)
  if found:none() then return build() end
  local title = type(spec) == "table" and type(spec.title) == "string" and spec.title or nil
  local article = M.article(agreement, options, { title = title })
  found:settle(agreement)
  return article
end

--- Adds a variant's article (`article`: its content and sections, and the data's title if any):
--- its key is "finances" and its title the data's, unless the options name others; with
--- neither, the heading `heading` of finances/intitules ("dispositions_financieres" when nil).
---@param agreement conventio.Agreement
---@param options table
---@param article table
---@param heading string?
function M.article(agreement, options, article, heading)
  article.key = options.key or "finances"
  article.title = options.title or article.title or M.heading(heading or "dispositions_financieres")
  return agreement:article(article)
end

--- Every variant's third argument: { key = "finances", title = ..., ... }; `extra` lists
--- the variant's own options.
---@param options table?
---@param extra string[]?
function M.options(options, extra)
  if options == nil then return {} end
  if type(options) ~= "table" then error(tr("finance options must be a table { key =, title = }"), 3) end
  local known = strict.set { "key", "title" }
  for _, name in ipairs(extra or {}) do known[name] = true end
  strict.check_names(options, known, "finance options", "option", 3)
  return options
end

--- How the receiver receives the credits, decided by its kind: a State service imputes them
--- on a State fund (`spec.fund` required), a collectivité or an établissement records
--- a recette on its own budget, an association receives a subvention (`spec.imputation`
--- optional for both). Returns the clause, or nil when the spec has problems: each is recorded
--- in `found` (a variant's conventio.data.problems), or without one raised together.
---@param agreement conventio.Agreement
---@param spec table
---@param payer conventio.Party
---@param receiver conventio.Party
---@param where string?
---@param found conventio.Problems?
function M.receipt(agreement, spec, payer, receiver, where, found)
  -- A stand-in's kind is unknown: its data's problems are reported already.
  if require("conventio.party").is_stand_in(receiver) then return nil end
  local budget = receiver:budget()
  if budget == nil then
    error(tr("%s.kind is required: the receiver's kind decides how it receives the credits"):format(receiver.where), 3)
  end
  local fund = spec.fund
  if budget == "etat" then
    -- Every problem of the fund at once: its fields and its budget's, an imputation as well.
    local problems = found or require("conventio.data").problems()
    local before = problems.count
    if fund == nil then
      problems:add(tr("%s.%s is required"):format(where, "fund"))
    elseif M.check_spec(fund, { number = true, label = true, programme = true, programme_label = true, budget = true },
                        where .. ".fund", problems) and fund.budget ~= nil then
      M.check_spec(fund.budget, { owner = true, label = true, code = true }, where .. ".fund.budget", problems)
    end
    if spec.imputation ~= nil then
      problems:add(tr("%s.imputation: a State receiver imputes on a State fund (fund), not imputation"):format(where))
    end
    if problems.count > before then
      if not found then problems:settle(agreement) end
      return nil
    end
    return agreement:clause("finances/imputation_fonds_concours", { payer = payer, fund = fund })
  end
  if fund ~= nil then
    error(tr("%s.fund: only a State receiver imputes on a State fund; %s is of kind %s (give imputation instead)")
        :format(
      where, receiver.where, receiver.kind), 3)
  end
  strict.text(spec.imputation, where .. ".imputation", 3, true)
  local template = budget == "subvention" and "finances/imputation_subvention" or "finances/imputation_recette"
  return agreement:clause(template, { payer = payer, receiver = receiver, imputation = spec.imputation })
end

--- The management report's clause: a State receiver reports its AE and CP on its fund
--- (finances/compte_rendu_etat), any other receiver on the credits paid.
---@param clause function
---@param receiver conventio.Party
---@param params table?
function M.report(clause, receiver, params)
  return clause(receiver:budget() == "etat" and "finances/compte_rendu_etat" or "finances/compte_rendu", params)
end

return M
