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
local c = require "conventio"
local common = require "conventio.finance.common"
local data = require "conventio.data"

local M = {}

--- The fields of this variant's data (docs/reference.md lists them).
M.fields = {
  variant = "\"strata\" (informative)",
  payer = "role of the member that pays (default \"partner\")",
  receiver = "role of the party that receives (required)",
  members = "who the members are, in the plural (\"départements\")",
  strata = "the population strata, ordered: { from, below, annual }",
  entering_factor = "how many times the annual amount an entering member pays",
  population = "the payer's population",
  insee_year = "the year of that INSEE legal population",
  entering = "true when the payer joins now",
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

--- A whole number from data, or an error naming the field.
local function integer(value, field, minimum)
  if value == nil then error(("%s is required"):format(field), 0) end
  local n = type(value) == "number" and math.tointeger(value) or nil
  if not n then error(("%s must be a whole number, got %s"):format(field, tostring(value)), 0) end
  if minimum and n < minimum then error(("%s must be at least %d, got %d"):format(field, minimum, n), 0) end
  return n
end

--- The strata of `spec.strata`, checked: in increasing order, each starting where the
--- previous one ends (no overlap, no gap), only the last one open-ended.
---@param list table
---@param where string?
function M.strata(list, where)
  where = where .. ".strata"
  if type(list) ~= "table" or #list == 0 then
    error(("%s must be a non-empty list of { below =, annual = }"):format(where), 0)
  end
  local strata, lower = {}, 0
  for i, s in ipairs(list) do
    local field = ("%s[%d]"):format(where, i)
    if type(s) ~= "table" then error(("%s must be an object { below =, annual = }"):format(field), 0) end
    common.check_spec(s, { from = true, below = true, annual = true }, field)
    if s.from ~= nil then
      local from = integer(s.from, field .. ".from", 0)
      if from < lower then
        error(("%s.from (%s) overlaps %s[%d], which goes up to %s: strata must not overlap"):format(
          field, M.group_digits(from), where, i - 1, M.group_digits(lower - 1)), 0)
      elseif from > lower then
        error(("%s.from (%s) leaves a gap: populations from %s to %s fall in no stratum"):format(
          field, M.group_digits(from), M.group_digits(lower), M.group_digits(from - 1)), 0)
      end
    end
    local below
    if s.below == nil then
      if i < #list then
        error(("%s.below is missing: only the last stratum can be open-ended"):format(field), 0)
      end
    else
      below = integer(s.below, field .. ".below", 1)
      if below <= lower then
        error(("%s.below (%s) must be above the stratum's lower bound (%s): strata go in increasing order"):format(
          field, M.group_digits(below), M.group_digits(lower)), 0)
      end
    end
    local ok, annual = pcall(common.money, s.annual, field .. ".annual")
    if not ok then error((tostring(annual):gsub("^[^\n]-:%d+: ", "", 1)), 0) end
    if annual <= c.Money(0) then error(("%s.annual must be positive"):format(field), 0) end
    strata[i] = {
      from = lower, below = below, annual = annual,
      from_display = M.group_digits(lower),
      below_display = below and M.group_digits(below) or nil,
    }
    lower = below
  end
  return strata
end

-- What one payer owes on checked `strata` (M.compute): its stratum, amounts and payments.
local function due_of(strata, spec, where, payer, payer_where)
  local population = integer(payer.population, payer_where .. ".population", 1)
  local stratum
  for _, s in ipairs(strata) do
    if population >= s.from and (s.below == nil or population < s.below) then stratum = s end
  end
  if not stratum then
    error(("%s.population (%s) falls in no stratum: %s[%d] ends below %s"):format(payer_where,
      M.group_digits(population), where .. ".strata", #strata, strata[#strata].below_display), 0)
  end
  if type(payer.entering) ~= "boolean" then
    error(("%s.entering must be true or false (is the payer an entering collectivity?)"):format(payer_where), 0)
  end
  local factor = integer(spec.entering_factor or 2, where .. ".entering_factor", 1)
  local years = integer(spec.years, where .. ".years", 1)
  local first_year = integer(spec.first_year, where .. ".first_year", 1900)
  local annual = payer.entering and stratum.annual * factor or stratum.annual
  local insee_year = payer.insee_year == nil and payer ~= spec and spec.insee_year or payer.insee_year
  local due = {
    strata = strata, stratum = stratum, population = population,
    population_display = M.group_digits(population),
    insee_year = integer(insee_year, payer_where .. ".insee_year", 1900),
    entering = payer.entering, entering_factor = factor,
    base_annual = stratum.annual, annual = annual, total = annual * years,
    years = {},
  }
  for k = 1, years do due.years[k] = first_year + k - 1 end

  local schedule = spec.schedule or "signature"
  if schedule == "signature" then
    due.single = true
  elseif type(schedule) == "table" and schedule.kind == "annual" then
    common.check_spec(schedule, { kind = true, due = true }, where .. ".schedule")
    if type(schedule.due) ~= "string" or not schedule.due:match("^%d%d%-%d%d$") then
      error(("%s.schedule.due must be a month and day, \"MM-DD\" (got %s)"):format(where, tostring(schedule.due)), 0)
    end
    due.tranches = {}
    local sum = c.Money(0)
    for k, year in ipairs(due.years) do
      due.tranches[k] = {
        year = year, amount = annual, at_signature = k == 1,
        due_date = k > 1 and c.Date(("%d-%s"):format(year, schedule.due), where .. ".schedule.due") or nil,
      }
      sum = sum + annual
    end
    assert(sum == due.total, "the tranches add up to the total")
  else
    error(("%s.schedule must be \"signature\" or { kind = \"annual\", due = \"MM-DD\" }"):format(where), 0)
  end
  return due
end

--- What the payer owes: its stratum, the yearly and total amounts, and the payments.
--- `payer` (default: `spec` itself) gives the population, insee_year and entering of another
--- payer, named `payer_where` in messages; the strata, years and schedule are `spec`'s.
---@param spec table
---@param where string?
---@param payer table?
---@param payer_where string?
function M.compute(spec, where, payer, payer_where)
  where = where or "finance"
  local strata = M.strata(spec.strata, where)
  return due_of(strata, spec, where, payer or spec, payer_where or where)
end


-- The other payers of `spec.other_payers`, each { party, due, refund_account }, checked.
local function other_payers(agreement, spec, where, strata, first)
  if spec.other_payers == nil then return {} end
  local field = where .. ".other_payers"
  if type(spec.other_payers) ~= "table" or #spec.other_payers == 0 then
    error(("%s must be a list of { party =, population =, entering = }"):format(field), 0)
  end
  local out, seen = {}, { [first] = true }
  for i, p in ipairs(spec.other_payers) do
    local at = ("%s[%d]"):format(field, i)
    if type(p) ~= "table" then error(("%s must be an object { party =, population =, entering = }"):format(at), 0) end
    common.check_spec(p, { party = true, population = true, insee_year = true, entering = true,
                           refund_account = true }, at)
    local party = common.party(agreement, p, "party", nil, at)
    if seen[party] then error(("%s.party (%s) already pays in this article"):format(at, p.party), 0) end
    seen[party] = true
    out[i] = { party = party, due = due_of(strata, spec, where, p, at),
               refund_account = common.account(p, "refund_account", at) }
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
  common.check_spec(spec, M.fields, where)
  options = common.options(options, { "service", "titles" })
  local payer = common.party(agreement, spec, "payer", "partner", where)
  local receiver = common.party(agreement, spec, "receiver", nil, where)
  if type(options.service) ~= "string" then error("strata.add: options.service (the service's name) is required", 2) end
  if type(spec.members) ~= "string" then
    error(where .. ".members is required (who the earlier members are: \"départements\")", 2)
  end
  local ok, due = pcall(M.compute, spec, where)
  if not ok then error(due, 2) end
  local payment_account = common.account(spec, "payment_account", where, true)
  local refund_account = common.account(spec, "refund_account", where)
  local payers = { { party = payer, due = due, refund_account = refund_account } }
  local ok2, others = pcall(other_payers, agreement, spec, where, due.strata, payer)
  if not ok2 then error(others, 2) end
  for _, p in ipairs(others) do payers[#payers + 1] = p end

  local cofunder, cofunding
  if spec.cofunding then
    common.check_spec(spec.cofunding, { party = true, amount = true }, where .. ".cofunding")
    cofunder = agreement.parties[spec.cofunding.party or ""]
    if not cofunder then error(where .. ".cofunding.party names no party", 2) end
    cofunding = common.money(spec.cofunding.amount, where .. ".cofunding.amount")
  end
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

  local article = agreement:article {
    key = options.key or "finances",
    title = options.title or spec.title or common.heading("dispositions_financieres"),
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
                                                     through = spec.report_through }) },
    },
  }
  return article, due, payers
end

-- Problems found in the data name the data file, not this module.
M.add = data.guarded(M.add)
M.compute = data.guarded(M.compute)

return M
