--- Variant 3: credits carried over and recycled. The partner paid under a previous agreement
--- (and its amendments); this agreement authorises the commitment of what is left of it:
--- the AE carried over to the new year minus what was already committed on them, plus the
--- commitments withdrawn and recycled (authorised by the budget controller).
---
--- data: { payer = "partner", receiver = "state",
---         previous = { date = "2020-05-11", amendments = { { number = 1, date = "2021-01-22" } },
---                      paid = "6000000" },
---         fund = { number, label, programme, programme_label },
---         carry_over = { from_year = 2021, to_year = 2022, ae = "112403.60", cp = "950864",
---                        committed = "109989" },
---         recycling = { year = 2022, amount = "487372.52", market, market_title, orders },
---         stated_total = "489787.12",   -- the total the drafters state: checked, never printed
---         period = "duree" }            -- key of the article fixing the period
--- The carried-over AE and the total are computed here with conventio.Money and printed by
--- the templates; a stated total that differs from the computed one is an error.
local tr = require("conventio").tr
local c = require "conventio"
local common = require "conventio.finance.common"
local data = require "conventio.data"

local M = {}

--- The fields of this variant's data (docs/reference.md lists them).
M.fields = {
  variant = "\"carried_over\" (informative)",
  payer = "role of the party that paid (default \"partner\")",
  receiver = "role of the State service that received (required; kind \"etat\")",
  previous = "the previous agreement: { date, amendments = { { number, date } }, paid }",
  fund = "the State fund the credits went to { number, label, programme, programme_label }",
  carry_over = "{ from_year, to_year, ae, cp, committed }",
  recycling = "{ year, amount, market, market_title, orders }",
  stated_total = "the total the drafters state: checked against the computed one, never printed",
  period = "key of the article fixing the period (default \"duree\")",
  title = "the article's heading",
}

local function year(value, field)
  if math.type(value) ~= "integer" or value < 2000 or value > 2100 then
    error(tr("%s must be a year such as 2022, got %s"):format(field, tostring(value)), 3)
  end
  return value
end

local function positive(value, field, allow_zero)
  local amount = common.money(value, field)
  if amount < c.Money(0) or (not allow_zero and amount:is_zero()) then
    error(tr("%s must be %s, got %s"):format(field, allow_zero and "zero or more" or "positive", tostring(amount)), 3)
  end
  return amount
end

--- Checks `spec` and computes the amounts: { previous, carry_over, recycling, carried, total }.
---@param spec table
---@param where string?
function M.compute(spec, where)
  where = where or "finance"
  local p = common.required(spec, "previous", where)
  common.check_spec(p, { date = true, amendments = true, paid = true }, where .. ".previous")
  local previous = {
    date = c.Date(common.required(p, "date", where .. ".previous")),
    paid = positive(p.paid, where .. ".previous.paid"),
    amendments = {},
  }
  for i, a in ipairs(p.amendments or {}) do
    local field = ("%s.previous.amendments[%d]"):format(where, i)
    common.check_spec(a, { number = true, date = true }, field)
    if math.type(a.number) ~= "integer" then error(tr("%s.number must be a whole number"):format(field), 2) end
    previous.amendments[i] = { number = a.number, date = c.Date(common.required(a, "date", field)) }
  end

  local co = common.required(spec, "carry_over", where)
  common.check_spec(co, { from_year = true, to_year = true, ae = true, cp = true, committed = true },
      where .. ".carry_over")
  local carry_over = {
    from_year = year(co.from_year, where .. ".carry_over.from_year"),
    to_year = year(co.to_year, where .. ".carry_over.to_year"),
    ae = positive(co.ae, where .. ".carry_over.ae", true),
    cp = positive(co.cp, where .. ".carry_over.cp", true),
    committed = positive(co.committed, where .. ".carry_over.committed", true),
  }
  if carry_over.to_year ~= carry_over.from_year + 1 then
    error(tr("%s.carry_over.to_year (%d) must follow from_year (%d)"):format(
      where, carry_over.to_year, carry_over.from_year), 2)
  end
  if carry_over.committed > carry_over.ae then
    error(tr("%s.carry_over.committed (%s) exceeds the AE carried over (%s)"):format(
      where, tostring(carry_over.committed), tostring(carry_over.ae)), 2)
  end

  local r = common.required(spec, "recycling", where)
  common.check_spec(r, { year = true, amount = true, market = true, market_title = true, orders = true },
      where .. ".recycling")
  local recycling = {
    year = year(r.year, where .. ".recycling.year"),
    amount = positive(r.amount, where .. ".recycling.amount"),
    market = common.required(r, "market", where .. ".recycling"),
    market_title = common.required(r, "market_title", where .. ".recycling"),
    orders = common.required(r, "orders", where .. ".recycling"),
  }

  local carried = carry_over.ae - carry_over.committed
  local total = carried + recycling.amount
  if total > previous.paid then
    error(tr("%s: the credits made available (%s) exceed what was paid under the previous agreement (%s)"):format(
      where, tostring(total), tostring(previous.paid)), 2)
  end
  if spec.stated_total ~= nil then
    local stated = common.money(spec.stated_total, where .. ".stated_total")
    if stated ~= total then
      error(tr("%s.stated_total is %s, but the AE carried over (%s - %s = %s) plus the recycling (%s) make %s"):format(
        where, tostring(stated), tostring(carry_over.ae), tostring(carry_over.committed), tostring(carried),
        tostring(recycling.amount), tostring(total)), 2)
    end
  end
  return { previous = previous, carry_over = carry_over, recycling = recycling, carried = carried, total = total }
end

--- Adds the "Dispositions financières" article with its three sub-articles to `agreement`;
--- returns the article and the computed amounts. Carried-over AE exist on the State budget
--- only: the receiver is of kind "etat".
---@param agreement conventio.Agreement
---@param spec table the finance data (M.fields)
---@param options table? { key = "finances", title = ... }
---@return table article, table amounts
function M.add(agreement, spec, options)
  local where = "finance"
  common.check_spec(spec, M.fields, where)
  options = common.options(options)
  local payer = common.party(agreement, spec, "payer", "partner", where)
  local receiver = common.party(agreement, spec, "receiver", nil, where)
  if receiver:budget() ~= "etat" then
    error(tr("%s.receiver: carried-over credits exist on the State budget only; %s is not of kind etat"):format(
      where, receiver.where), 2)
  end
  local amounts = M.compute(spec, where)
  local fund = common.required(spec, "fund", where)
  common.check_spec(fund, { number = true, label = true, programme = true, programme_label = true }, where .. ".fund")
  local clause = common.clause_maker(agreement,
                                     { payer = payer, receiver = receiver, period_key = spec.period or "duree" })

  local article = agreement:article {
    key = options.key or "finances",
    title = options.title or spec.title or common.heading("dispositions_financieres"),
    content = clause("finances/participation"),
    sections = {
      { key = "modalites_financieres", title = common.heading("modalites_financieres"),
        content = {
          clause("finances/credits_reportes", {
            previous = amounts.previous, fund = fund, carry_over = amounts.carry_over,
            recycling = amounts.recycling, carried = amounts.carried, total = amounts.total }),
          common.rows_table("finances/credits_reportes_tableau", {
            carry_over = amounts.carry_over, recycling = amounts.recycling, carried = amounts.carried }, { 1, 1 }),
        } },
      { key = "restitution", title = common.heading("restitution"),
        content = clause("finances/restitution", { amount_key = "modalites_financieres" }) },
      { key = "compte_rendu", title = common.heading("compte_rendu"),
        content = common.report(clause, receiver) },
    },
  }
  return article, amounts
end

-- Problems found in the data name the data file, not this module.
M.add = data.guarded(M.add)
M.compute = data.guarded(M.compute)

return M
