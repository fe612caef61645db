--- Variant 5: co-financing of a commun numérique by population stratum. Each member
--- collectivity pays a yearly amount that depends on its population (the latest INSEE legal
--- population); an entering collectivity pays a multiple of it (double, in the 2020
--- agreements) while it catches up with the earlier members; another party (the ANCT) may
--- co-finance a fixed amount. The stratum table is data; the amount THIS payer owes is
--- computed here, with conventio.Money, and printed: a clause never says "the amount fixed in
--- article 5.1" when 5.1 fixes a table and not an amount.
---
--- data: { payer = "partner", receiver = "anct", members = "départements",
---         strata = { { below = 500000, annual = "7500" }, { below = 1000000, annual = "15000" },
---                    { annual = "22500" } },          -- ordered; `from` optional, checked
---         entering_factor = 2, population = 1412516, insee_year = 2017, entering = false,
---         first_year = 2021, years = 2,
---         schedule = "signature" | { kind = "annual", due = "03-31" },
---         contributions = { "...", ... },            -- in kind, one list item each
---         cofunding = { party = "anct", amount = "200000" },
---         payment_account = BankAccount spec, refund_account = BankAccount spec (optional),
---         other_payers = { { party = "val_de_marne", population = 1407124, entering = true,
---                            insee_year = 2019, refund_account = BankAccount spec }, ... },
---         report_through = "...", period = "duree", strata_as_table = false }
--- Several members may pay in one convention (a département joining a co-financing by an
--- avenant): `payer` and its fields are the first, `other_payers` the others; each owes the
--- amount of its own stratum, computed and printed for each.
local tr = require("conventio").tr
local c = require "conventio"
local amending = require "conventio.avenant.amending"
local common = require "conventio.finance.common"
local data = require "conventio.data"

local M = {}

--- The fields of this variant's data (docs/reference.md lists them).
M.fields = {
  variant = "\"strata\" (checked: the variant the script builds)",
  payer = "role of the member that pays (default \"partner\")",
  receiver = "role of the party that receives (required)",
  members = "who the members are, in the plural (\"départements\")",
  strata = "the population strata, ordered: { from, below, annual }",
  entering_factor = "how many times the annual amount an entering member pays",
  population = "the payer's population",
  insee_year = "the year of that INSEE legal population",
  entering = "whether the payer joins now: true or false (required)",
  first_year = "the first year paid",
  years = "how many years are paid",
  schedule = "\"signature\" or { kind = \"annual\", due = \"MM-DD\" }",
  contributions = "the members' contributions in kind, one list item each",
  cofunding = "another party's fixed co-financing: { party, amount }",
  payment_account = "the account paid into (checked)",
  refund_account = "the account unspent credits go back to (checked)",
  other_payers = "other members paying by stratum: { party, population, insee_year, entering, refund_account }",
  report_through = "what the management report's expenses were made on",
  period = "key of the article fixing the period (default \"duree\")",
  strata_as_table = "true: the strata are printed as a table",
  title = "the article's heading",
}

local NBSP = "\u{a0}"

--- 1412516 -> "1 412 516" (no-break spaces, as conventio.Money groups digits).
---@param n integer
function M.group_digits(n)
  local s = tostring(n)
  local out = s:reverse():gsub("(%d%d%d)", "%1" .. NBSP:reverse()):reverse()
  if out:sub(1, #NBSP) == NBSP then out = out:sub(#NBSP + 1) end
  return out
end

--- A whole number from data, or nil with the problem recorded in `found`.
local function integer(found, value, field, minimum)
  if value == nil then return found:add(tr("%s is required"):format(field)) end
  local n = type(value) == "number" and math.tointeger(value) or nil
  if not n then return found:add(tr("%s must be a whole number, got %s"):format(field, tostring(value))) end
  if minimum and n < minimum then
    return found:add(tr("%s must be at least %d, got %d"):format(field, minimum, n))
  end
  return n
end

-- The strata into `found`: every stratum's problems recorded; nil when the list is unusable,
-- and the bounds' continuity checked only where both neighbours are known.
local function read_strata(found, list, where)
  where = where .. ".strata"
  if type(list) ~= "table" or #list == 0 then
    return found:add(tr("%s must be a non-empty list of { below =, annual = }"):format(where))
  end
  local strata, lower, complete = {}, 0, true
  for i, s in ipairs(list) do
    local field = ("%s[%d]"):format(where, i)
    if type(s) ~= "table" then
      found:add(tr("%s must be an object { below =, annual = }"):format(field))
      complete, lower = false, nil
    else
      common.check_spec(s, { from = true, below = true, annual = true }, field, found)
      if s.from ~= nil then
        local from = integer(found, s.from, field .. ".from", 0)
        if from and lower and from < lower then
          found:add(tr("%s.from (%s) overlaps %s[%d], which goes up to %s: strata must not overlap"):format(
            field, M.group_digits(from), where, i - 1, M.group_digits(lower - 1)))
        elseif from and lower and from > lower then
          found:add(tr("%s.from (%s) leaves a gap: populations from %s to %s fall in no stratum"):format(
            field, M.group_digits(from), M.group_digits(lower), M.group_digits(from - 1)))
        end
        lower = lower or from
      end
      local below
      if s.below == nil then
        if i < #list then
          found:add(tr("%s.below is missing: only the last stratum can be open-ended"):format(field))
        end
      else
        below = integer(found, s.below, field .. ".below", 1)
        if below and lower and below <= lower then
          found:add(tr("%s.below (%s) must be above the stratum's lower bound (%s): strata go in increasing order")
            :format(field, M.group_digits(below), M.group_digits(lower)))
        end
      end
      local annual = found:try(common.money, s.annual, field .. ".annual")
      if annual and not found:check(annual > c.Money(0), tr("%s.annual must be positive"):format(field)) then
        annual = nil
      end
      if lower and annual then
        strata[i] = {
          from = lower, below = below, annual = annual,
          from_display = M.group_digits(lower),
          below_display = below and M.group_digits(below) or nil,
        }
      else
        complete = false
      end
      lower = below
    end
  end
  return complete and strata or nil
end

--- The strata of `spec.strata`, checked: in increasing order, each starting where the
--- previous one ends (no overlap, no gap), only the last one open-ended. Every problem is
--- raised at once.
---@param list table
---@param where string?
function M.strata(list, where)
  local found = data.problems()
  local strata = read_strata(found, list, where)
  found:settle(nil)
  return strata
end

-- What one payer owes on `strata` (nil when they have problems, already recorded): its
-- stratum, amounts and payments; nil when a problem leaves it unknown.
local function due_of(found, strata, spec, where, payer, payer_where)
  local population = integer(found, payer.population, payer_where .. ".population", 1)
  local stratum
  if population and strata then
    for _, s in ipairs(strata) do
      if population >= s.from and (s.below == nil or population < s.below) then stratum = s end
    end
    if not stratum then
      found:add(tr("%s.population (%s) falls in no stratum: %s[%d] ends below %s"):format(payer_where,
        M.group_digits(population), where .. ".strata", #strata, strata[#strata].below_display))
    end
  end
  if type(payer.entering) ~= "boolean" then
    found:add(tr("%s.entering must be true or false (is the payer an entering collectivity?)"):format(payer_where))
  end
  local factor = integer(found, spec.entering_factor or 2, where .. ".entering_factor", 1)
  local years = integer(found, spec.years, where .. ".years", 1)
  local first_year = integer(found, spec.first_year, where .. ".first_year", 1900)
  local insee_year = payer.insee_year == nil and payer ~= spec and spec.insee_year or payer.insee_year
  insee_year = integer(found, insee_year, payer_where .. ".insee_year", 1900)
  local schedule = spec.schedule or "signature"
  local annual_due
  if type(schedule) == "table" and schedule.kind == "annual" then
    common.check_spec(schedule, { kind = true, due = true }, where .. ".schedule", found)
    if type(schedule.due) ~= "string" or not schedule.due:match("^%d%d%-%d%d$") then
      found:add(tr("%s.schedule.due must be a month and day, \"MM-DD\" (got %s)"):format(where,
                                                                                        tostring(schedule.due)))
    else
      annual_due = schedule.due
    end
  elseif schedule ~= "signature" then
    found:add(tr("%s.schedule must be \"signature\" or { kind = \"annual\", due = \"MM-DD\" }"):format(where))
  end
  if not (stratum and factor and years and first_year and insee_year and type(payer.entering) == "boolean")
     or (schedule ~= "signature" and not annual_due) then
    return nil
  end
  local annual = payer.entering and stratum.annual * factor or stratum.annual
  local due = {
    strata = strata, stratum = stratum, population = population,
    population_display = M.group_digits(population),
    insee_year = insee_year,
    entering = payer.entering, entering_factor = factor,
    base_annual = stratum.annual, annual = annual, total = annual * years,
    years = {},
  }
  for k = 1, years do due.years[k] = first_year + k - 1 end
  if schedule == "signature" then
    due.single = true
    return due
  end
  due.tranches = {}
  local sum = c.Money(0)
  for k, year in ipairs(due.years) do
    local due_date = nil
    if k > 1 then
      due_date = found:try(c.Date, ("%d-%s"):format(year, annual_due), where .. ".schedule.due")
      if not due_date then return nil end
    end
    due.tranches[k] = { year = year, amount = annual, at_signature = k == 1, due_date = due_date }
    sum = sum + annual
  end
  assert(sum == due.total, "the tranches add up to the total")
  return due
end

--- What the payer owes: its stratum, the yearly and total amounts, and the payments.
--- `payer` (default: `spec` itself) gives the population, insee_year and entering of another
--- payer, named `payer_where` in messages; the strata, years and schedule are `spec`'s.
--- Every problem is raised at once.
---@param spec table
---@param where string?
---@param payer table?
---@param payer_where string?
function M.compute(spec, where, payer, payer_where)
  where = where or "finance"
  local found = data.problems()
  local strata = read_strata(found, spec.strata, where)
  local due = due_of(found, strata, spec, where, payer or spec, payer_where or where)
  found:settle(nil)
  return due
end

-- The other payers of `spec.other_payers`, each { party, due, refund_account }, into `found`.
local function other_payers(found, agreement, spec, where, strata, first)
  if spec.other_payers == nil then return {} end
  local field = where .. ".other_payers"
  if type(spec.other_payers) ~= "table" or #spec.other_payers == 0 then
    return found:add(tr("%s must be a list of { party =, population =, entering = }"):format(field)) or {}
  end
  local out, seen = {}, { [first or false] = true }
  for i, p in ipairs(spec.other_payers) do
    local at = ("%s[%d]"):format(field, i)
    if type(p) ~= "table" then
      found:add(tr("%s must be an object { party =, population =, entering = }"):format(at))
    else
      common.check_spec(p, { party = true, population = true, insee_year = true, entering = true,
                             refund_account = true }, at, found)
      local party = found:try(common.party, agreement, p, "party", nil, at)
      if party and seen[party] then
        found:add(tr("%s.party (%s) already pays in this article"):format(at, p.party))
      end
      if party then seen[party] = true end
      out[#out + 1] = { party = party, role = p.party, where = at, due = due_of(found, strata, spec, where, p, at),
                        refund_account = found:try(common.account, p, "refund_account", at) }
    end
  end
  return out
end

--- Adds the "Dispositions financières" article to `agreement`, with sub-articles moyens,
--- calendrier, modalites, restitution, compte_rendu; returns the article, what compute()
--- gives for the first payer, and the list of every payer { party, due, refund_account }.
--- options: { key = "finances", service = "RDV-Solidarités", titles = { moyens = ..., ... } }
---@param agreement conventio.Agreement
---@param spec table the finance data (M.fields)
---@param options table { key = "finances", title =, service = "RDV-Solidarités", titles = {...} }
---@return table article, table due, table payers
function M.add(agreement, spec, options)
  local where = "finance"
  options = common.options(options, { "service", "titles" })
  if type(options.service) ~= "string" then
    error(tr("strata.add: options.service (the service's name) is required"), 2)
  end
  local found = data.problems()
  if not common.check_spec(spec, M.fields, where, found) then return common.finish(agreement, found, options, spec) end
  common.check_variant(spec, "strata", where, found)
  local payer = found:try(common.party, agreement, spec, "payer", "partner", where)
  local receiver = found:try(common.party, agreement, spec, "receiver", nil, where)
  if type(spec.members) ~= "string" then
    found:add(tr("%s.members is required (who the earlier members are: \"départements\")"):format(where))
  end
  local strata = read_strata(found, spec.strata, where)
  local due = due_of(found, strata, spec, where, spec, where)
  local payment_account = found:try(common.account, spec, "payment_account", where, true)
  local refund_account = found:try(common.account, spec, "refund_account", where)
  local payers = { { party = payer, role = spec.payer or "partner", where = where, due = due,
                      refund_account = refund_account } }
  for _, p in ipairs(other_payers(found, agreement, spec, where, strata, payer)) do payers[#payers + 1] = p end
  -- What each payer pays at signature: in a version an avenant amends, what fell due at the
  -- Convention's signature stays so, and a payer joining by the avenant pays at its signature.
  for _, p in ipairs(payers) do
    local at_signature = p.due and (p.due.single and p.due.total or p.due.tranches[1].amount)
    if at_signature and p.role then
      p.due.signed = amending.due_at_signature(agreement, p.role, at_signature, found, p.where)
    end
  end

  local cofunder, cofunding
  if spec.cofunding then
    if common.check_spec(spec.cofunding, { party = true, amount = true }, where .. ".cofunding", found) then
      cofunder = agreement.parties[spec.cofunding.party or ""]
      if not cofunder then found:add(tr("%s.cofunding.party names no party"):format(where)) end
      cofunding = found:try(common.money, spec.cofunding.amount, where .. ".cofunding.amount")
    end
  end
  local article = common.finish(agreement, found, options, spec, function()
    local titles = options.titles or {}
    local clause = common.clause_maker(agreement,
                                       { payer = payer, receiver = receiver, due = due, service = options.service })
    -- One paragraph per payer, on its own amounts; the moyens name them all.
    local paying = {}
    local calendar, terms, refund = {}, {}, {}
    for _, p in ipairs(payers) do
      paying[#paying + 1] = p.party
      calendar[#calendar + 1] = clause("finances/calendrier_strate", { payer = p.party, due = p.due })
      terms[#terms + 1] = clause("finances/modalites_strate",
                                 { payer = p.party, due = p.due, calendar_key = "calendrier" })
      refund[#refund + 1] = clause("finances/restitution", { payer = p.party, single_account = true,
                                                             without_proportions = true })
      if p.refund_account then
        refund[#refund + 1] = common.bank_details(agreement, p.refund_account, { rib_line = true })
      end
    end
    terms[#terms + 1] = common.bank_details(agreement, payment_account)

    return common.article(agreement, options, {
      title = spec.title,
      sections = {
        { key = "moyens", title = titles.moyens or common.heading("moyens"),
          content = clause("finances/strates_moyens", {
            strata = due.strata, entering_factor = due.entering_factor, members = spec.members,
            contributions = spec.contributions, cofunder = cofunder, cofunding = cofunding,
            as_table = spec.strata_as_table, payers = #paying > 1 and paying or nil }) },
        { key = "calendrier", title = titles.calendrier or common.heading("calendrier"), content = calendar },
        { key = "modalites", title = titles.modalites or common.heading("modalites"), content = terms },
        { key = "restitution", title = titles.restitution or common.heading("restitution"), content = refund },
        { key = "compte_rendu", title = titles.compte_rendu or common.heading("compte_rendu"),
          content = common.report(clause, receiver, { period_key = spec.period or "duree",
                                                       through = spec.report_through,
                                                       payers = #paying > 1 and paying or nil }) },
      },
    })
  end)
  return article, due, payers
end

-- Problems found in the data name the data file, not this module.
M.add = data.for_script(M.add, 2, "finance")
M.compute = data.for_script(M.compute, 1, "finance")

return M
