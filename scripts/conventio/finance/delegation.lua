--- Variant 4: délégation de gestion (décret n° 2004-1085) with a ceiling of AE and CP per
--- year. The délégant lets the délégataire consume credits of one of its budget units (UO)
--- up to a yearly ceiling of authorisations of commitment (AE) and payment credits (CP); the
--- expenses are imputed with the délégant's Chorus references.
---
--- data: { delegant = "meae", delegataire = "service",   -- roles in agreement.parties
---         budget_unit = "0105-CRES-DNUM",                -- the UO, also the centre financier
---         ceilings = { { year = 2022, ae = "30000", cp = "30000" }, ... },
---         total = true,                                  -- print a total line (default true)
---         chorus = { axis = "1", functional_domain = "0105-06-08", cost_centre = "AECDSI4092",
---                    activities = { { code = "010501A61404", label = "..." }, ... } } }
---
--- Every amount is a conventio.Money; the totals are computed, never typed. The Chorus codes
--- must all belong to the programme of the budget unit (its first four digits).
local tr = require("conventio").tr
local c = require "conventio"
local common = require "conventio.finance.common"
local data = require "conventio.data"

local M = {}

--- The fields of this variant's data (docs/reference.md lists them).
M.fields = {
  variant = "\"delegation\" (informative)",
  delegant = "role of the party that delegates (default \"delegant\"); a State service",
  delegataire = "role of the party that manages the credits (required); a State service",
  budget_unit = "the UO, also the centre financier (\"0105-CRES-DNUM\")",
  ceilings = "the yearly ceilings: { { year, ae, cp } }",
  total = "false: no total line (default: printed)",
  chorus = "{ axis, functional_domain, cost_centre, activities = { { code, label } } }",
  title = "the article's heading",
}

local function fail(message, ...) error(message:format(...), 0) end

local function text(spec, field, where)
  local value = common.required(spec, field, where)
  if type(value) ~= "string" or value == "" then fail(tr("%s.%s must be a non-empty string"), where, field) end
  return value
end

--- The programme a Chorus code belongs to: its first four digits ("0105").
local function programme_of(code, pattern, field, example)
  local programme = code:match(pattern)
  if not programme then fail(tr("%s: '%s' is not a valid code (expected e.g. %s)"), field, code, example) end
  return programme
end

local function read_years(spec, where)
  local ceilings = common.required(spec, "ceilings", where)
  if type(ceilings) ~= "table" or #ceilings == 0 then
    fail(tr("%s.ceilings must list at least one year: { year =, ae =, cp = }"), where)
  end
  local years, ae_sum, cp_sum = {}, c.Money(0), c.Money(0)
  for i, line in ipairs(ceilings) do
    local at = ("%s.ceilings[%d]"):format(where, i)
    if type(line) ~= "table" then fail(tr("%s must be an object { year =, ae =, cp = }"), at) end
    common.check_spec(line, { year = true, ae = true, cp = true }, at)
    local year = line.year
    if math.type(year) ~= "integer" then fail(tr("%s.year must be a whole year (2022), got %s"), at, tostring(year)) end
    if i > 1 and year <= years[i - 1].year then
      fail(tr("%s.year: the years must follow each other in increasing order (%d after %d)"), at, year,
           years[i - 1].year)
    end
    local ae, cp = common.money(line.ae, at .. ".ae"), common.money(line.cp, at .. ".cp")
    if ae < c.Money(0) then fail(tr("%s.ae cannot be negative"), at) end
    if cp < c.Money(0) then fail(tr("%s.cp cannot be negative"), at) end
    ae_sum, cp_sum = ae_sum + ae, cp_sum + cp
    -- Payment credits pay commitments: up to any year, more CP than AE would pay for nothing.
    if cp_sum > ae_sum then
      fail(tr("%s: up to %d the CP (%s) exceed the AE (%s)"), at, year, tostring(cp_sum), tostring(ae_sum))
    end
    years[i] = { year = year, ae = ae, cp = cp }
  end
  if ae_sum <= c.Money(0) then fail(tr("%s.ceilings: the delegation allocates no credits (every AE is 0)"), where) end
  return years, { ae = ae_sum, cp = cp_sum }
end

local function read_chorus(spec, where, programme)
  local chorus = common.required(spec, "chorus", where)
  where = where .. ".chorus"
  if type(chorus) ~= "table" then fail(tr("%s must be an object"), where) end
  common.check_spec(chorus, { axis = true, functional_domain = true, cost_centre = true, activities = true }, where)
  local out = {
    axis = tostring(common.required(chorus, "axis", where)),
    functional_domain = text(chorus, "functional_domain", where),
    cost_centre = text(chorus, "cost_centre", where),
    activities = {},
  }
  local function same_programme(code, field, pattern, example)
    local p = programme_of(code, pattern, field, example)
    if p ~= programme then
      fail(tr("%s: '%s' belongs to programme %s, the budget unit to programme %s"), field, code, p, programme)
    end
  end
  same_programme(out.functional_domain, where .. ".functional_domain", "^(%d%d%d%d)%-%d%d%-%d%d$", "0105-06-08")
  if not out.cost_centre:match("^%w+$") then
    fail(tr("%s.cost_centre: '%s' is not a valid code (letters and digits, e.g. AECDSI4092)"), where, out.cost_centre)
  end
  local activities = common.required(chorus, "activities", where)
  if type(activities) ~= "table" or #activities == 0 then
    fail(tr("%s.activities must list at least one activity"), where)
  end
  for i, activity in ipairs(activities) do
    local at = ("%s.activities[%d]"):format(where, i)
    if type(activity) ~= "table" then fail(tr("%s must be an object { code =, label = }"), at) end
    common.check_spec(activity, { code = true, label = true }, at)
    local code = text(activity, "code", at)
    same_programme(code, at .. ".code", "^(%d%d%d%d)%w%w%w%w%w%w%w%w$", "010501A61404")
    if activity.label ~= nil and type(activity.label) ~= "string" then fail(tr("%s.label must be a string"), at) end
    out.activities[i] = { code = code, label = activity.label }
  end
  return out
end

--- Reads and checks the delegation's data: call it before the articles that name the budget
--- unit (the object of the agreement does). Returns the table M.add takes.
---@param agreement conventio.Agreement
---@param spec table
---@param where string?
function M.read(agreement, spec, where)
  where = where or "finance"
  if type(spec) ~= "table" then fail(tr("%s must be an object"), where) end
  if spec.is_read then return spec end
  common.check_spec(spec, M.fields, where)
  local delegant = common.party(agreement, spec, "delegant", "delegant", where)
  local delegataire = common.party(agreement, spec, "delegataire", nil, where)
  -- A délégation de gestion (décret n° 2004-1085) is between State services.
  for _, party in ipairs { delegant, delegataire } do
    if not party:is_state() then fail(tr("%s.kind must be \"etat\": a délégation de gestion is between State services"),
        party.where) end
  end
  if not delegataire.accountant then
    fail(tr("%s.accountant is required: the délégataire's public accountant is named"), delegataire.where)
  end
  local budget_unit = text(spec, "budget_unit", where)
  local programme = programme_of(budget_unit, "^(%d%d%d%d)%-%w+%-%w+$", where .. ".budget_unit", "0105-CRES-DNUM")
  local years, total = read_years(spec, where)
  if spec.total ~= nil and type(spec.total) ~= "boolean" then fail(tr("%s.total must be true or false"), where) end
  return {
    delegant = delegant,
    delegataire = delegataire,
    budget_unit = budget_unit,
    programme = programme,
    years = years,
    total = total,
    show_total = spec.total ~= false,
    chorus = read_chorus(spec, where, programme),
    title = spec.title,
    is_read = true,
  }
end

--- Adds the article "Exécution financière de la délégation" to `agreement`; `spec` is the
--- finance data, or what M.read returned. Returns the article and the total AE and CP
--- ({ae =, cp =}, conventio.Money).
---@param agreement conventio.Agreement
---@param spec table the finance data (M.fields), or M.read's result
---@param options table? { key = "finances", title = ... }
---@return table article, table total
function M.add(agreement, spec, options)
  local finance = M.read(agreement, spec)
  options = common.options(options)
  local chorus = finance.chorus
  -- Each State party's accountant receives a copy, the délégataire's first.
  local copies = {}
  for _, party in ipairs { finance.delegataire, finance.delegant } do
    if party.accountant_name then copies[#copies + 1] = party.accountant_name end
  end
  local article = agreement:article {
    key = options.key or "finances",
    title = options.title or finance.title or common.heading("execution_delegation"),
    content = {
      agreement:clause("finances/delegation_mise_a_disposition", {
        budget_unit = finance.budget_unit, years = finance.years,
        total = finance.show_total and finance.total or nil,
      }),
      agreement:clause("finances/delegation_gestion", { budget_unit = finance.budget_unit }),
      agreement:clause("finances/references_chorus", {
        axis = chorus.axis, functional_domain = chorus.functional_domain,
        financial_centre = finance.budget_unit, activities = chorus.activities, cost_centre = chorus.cost_centre,
      }),
      agreement:clause("finances/delegation_comptable", { delegataire = finance.delegataire, copies = copies }),
      agreement:clause("finances/delegation_compte_rendu"),
    },
  }
  return article, finance.total
end

-- Problems found in the data name the data file, not this module.
M.add = data.guarded(M.add)
M.read = data.guarded(M.read)

return M
