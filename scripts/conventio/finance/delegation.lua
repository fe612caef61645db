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
  variant = "\"delegation\" (checked: the variant the script builds)",
  delegant = "role of the party that delegates (default \"delegant\"); a State service",
  delegataire = "role of the party that manages the credits (required); a State service",
  budget_unit = "the UO, also the centre financier (\"0105-CRES-DNUM\")",
  ceilings = "the yearly ceilings: { { year, ae, cp } }",
  total = "false: no total line (default: printed)",
  chorus = "{ axis, functional_domain, cost_centre, activities = { { code, label } } }",
  title = "the article's heading",
}

-- A required text of `spec`, or nil with the problem recorded in `found`.
local function text(found, spec, field, where)
  local value = spec[field]
  if value == nil then return found:add(tr("%s.%s is required"):format(where, field)) end
  if type(value) ~= "string" or value == "" then
    return found:add(tr("%s.%s must be a non-empty string"):format(where, field))
  end
  return value
end

local function programme_of(found, code, pattern, field, example)
  local programme = code:match(pattern)
  if not programme then
    found:add(tr("%s: '%s' is not a valid code (expected e.g. %s)"):format(field, code, example))
  end
  return programme
end

-- The yearly ceilings, into `found`; every year's problems are recorded, and the running
-- AE/CP comparison stops at the first year whose amounts are unknown.
local function read_years(found, spec, where)
  local ceilings = spec.ceilings
  if ceilings == nil then return found:add(tr("%s.%s is required"):format(where, "ceilings")) end
  if type(ceilings) ~= "table" or #ceilings == 0 then
    return found:add(tr("%s.ceilings must list at least one year: { year =, ae =, cp = }"):format(where))
  end
  local years, ae_sum, cp_sum, previous_year = {}, c.Money(0), c.Money(0), nil
  for i, line in ipairs(ceilings) do
    local at = ("%s.ceilings[%d]"):format(where, i)
    if type(line) ~= "table" then
      found:add(tr("%s must be an object { year =, ae =, cp = }"):format(at))
      ae_sum = nil
    else
      common.check_spec(line, { year = true, ae = true, cp = true }, at, found)
      local year = line.year
      if math.type(year) ~= "integer" then
        found:add(tr("%s.year must be a whole year (2022), got %s"):format(at, tostring(year)))
        year = nil
      elseif previous_year and year <= previous_year then
        found:add(tr("%s.year: the years must follow each other in increasing order (%d after %d)")
          :format(at, year, previous_year))
      end
      previous_year = year or previous_year
      local ae = found:try(common.money, line.ae, at .. ".ae")
      local cp = found:try(common.money, line.cp, at .. ".cp")
      if ae and not found:check(ae >= c.Money(0), tr("%s.ae cannot be negative"):format(at)) then ae = nil end
      if cp and not found:check(cp >= c.Money(0), tr("%s.cp cannot be negative"):format(at)) then cp = nil end
      if ae_sum and ae and cp then
        ae_sum, cp_sum = ae_sum + ae, cp_sum + cp
        -- Payment credits pay commitments: up to any year, more CP than AE would pay for nothing.
        if cp_sum > ae_sum then
          found:add(tr("%s: up to %d the CP (%s) exceed the AE (%s)"):format(at, year or 0, tostring(cp_sum),
                                                                              tostring(ae_sum)))
        end
      else
        ae_sum = nil
      end
      years[i] = { year = year, ae = ae, cp = cp }
    end
  end
  if ae_sum and ae_sum <= c.Money(0) then
    found:add(tr("%s.ceilings: the delegation allocates no credits (every AE is 0)"):format(where))
  end
  return years, ae_sum and { ae = ae_sum, cp = cp_sum } or nil
end

-- The Chorus references, into `found`; each code is checked against the budget unit's
-- programme when that is known.
local function read_chorus(found, spec, where, programme)
  local chorus = spec.chorus
  if chorus == nil then return found:add(tr("%s.%s is required"):format(where, "chorus")) end
  where = where .. ".chorus"
  if not common.check_spec(chorus, { axis = true, functional_domain = true, cost_centre = true, activities = true },
                           where, found) then
    return nil
  end
  if chorus.axis == nil then found:add(tr("%s.%s is required"):format(where, "axis")) end
  local out = {
    axis = chorus.axis ~= nil and tostring(chorus.axis) or nil,
    functional_domain = text(found, chorus, "functional_domain", where),
    cost_centre = text(found, chorus, "cost_centre", where),
    activities = {},
  }
  local function same_programme(code, field, pattern, example)
    local p = programme_of(found, code, pattern, field, example)
    if p and programme and p ~= programme then
      found:add(tr("%s: '%s' belongs to programme %s, the budget unit to programme %s"):format(field, code, p,
                                                                                            programme))
    end
  end
  if out.functional_domain then
    same_programme(out.functional_domain, where .. ".functional_domain", "^(%d%d%d%d)%-%d%d%-%d%d$", "0105-06-08")
  end
  if out.cost_centre and not out.cost_centre:match("^%w+$") then
    found:add(tr("%s.cost_centre: '%s' is not a valid code (letters and digits, e.g. AECDSI4092)"):format(where,
                                                                                                       out.cost_centre))
  end
  local activities = chorus.activities
  if activities == nil then
    found:add(tr("%s.%s is required"):format(where, "activities"))
  elseif type(activities) ~= "table" or #activities == 0 then
    found:add(tr("%s.activities must list at least one activity"):format(where))
  else
    for i, activity in ipairs(activities) do
      local at = ("%s.activities[%d]"):format(where, i)
      if type(activity) ~= "table" then
        found:add(tr("%s must be an object { code =, label = }"):format(at))
      else
        common.check_spec(activity, { code = true, label = true }, at, found)
        local code = text(found, activity, "code", at)
        if code then same_programme(code, at .. ".code", "^(%d%d%d%d)%w%w%w%w%w%w%w%w$", "010501A61404") end
        if activity.label ~= nil and type(activity.label) ~= "string" then
          found:add(tr("%s.label must be a string"):format(at))
        end
        out.activities[i] = { code = code, label = activity.label }
      end
    end
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
  local found = data.problems()
  if type(spec) == "table" and spec.is_read then return spec end
  if not common.check_spec(spec, M.fields, where, found) then
    found:settle(agreement)
    return { is_read = true, stand_in = true }
  end
  common.check_variant(spec, "delegation", where, found)
  local delegant = found:try(common.party, agreement, spec, "delegant", "delegant", where)
  local delegataire = found:try(common.party, agreement, spec, "delegataire", nil, where)
  -- A délégation de gestion (décret n° 2004-1085) is between State services. A stand-in's
  -- kind is unknown: its problems are reported already.
  local Party = require "conventio.party"
  for _, party in ipairs { delegant or false, delegataire or false } do
    if party and not Party.is_stand_in(party) and not party:is_state() then
      found:add(tr("%s.kind must be \"etat\": a délégation de gestion is between State services"):format(party.where))
    end
  end
  if delegataire and not Party.is_stand_in(delegataire) and not delegataire.accountant then
    found:add(tr("%s.accountant is required: the délégataire's public accountant is named"):format(delegataire.where))
  end
  local budget_unit = text(found, spec, "budget_unit", where)
  local programme = budget_unit
    and programme_of(found, budget_unit, "^(%d%d%d%d)%-%w+%-%w+$", where .. ".budget_unit", "0105-CRES-DNUM")
  local years, total = read_years(found, spec, where)
  local chorus = read_chorus(found, spec, where, programme)
  local complete = found:settle(agreement)
  return {
    -- With problems (recorded, raised when the agreement is built), what could be read: the
    -- script reads on, and M.add adds a stand-in article.
    stand_in = not complete,
    delegant = delegant,
    delegataire = delegataire,
    budget_unit = budget_unit,
    programme = programme,
    years = years,
    total = total,
    show_total = spec.total ~= false,
    chorus = chorus,
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
  options = common.options(options)
  local finance = M.read(agreement, spec)
  if finance.stand_in then  -- its problems are recorded: a stand-in article, so the rest is checked on
    return common.article(agreement, options, {}, "execution_delegation")
  end
  local chorus = finance.chorus
  -- Each State party's accountant receives a copy, the délégataire's first.
  local copies = {}
  for _, party in ipairs { finance.delegataire, finance.delegant } do
    if party.accountant_name then copies[#copies + 1] = party.accountant_name end
  end
  local article = common.article(agreement, options, {
    title = finance.title,
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
  }, "execution_delegation")
  return article, finance.total
end

-- Problems found in the data name the data file, not this module.
M.add = data.for_script(M.add, 2, "finance")
M.read = data.for_script(M.read, 2, "finance")

return M
