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
  variant = "\"carried_over\" (checked: the variant the script builds)",
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

-- A year from data, or nil with the problem recorded in `found`.
local function year(found, value, field)
  if math.type(value) ~= "integer" or value < 2000 or value > 2100 then
    return found:add(tr("%s must be a year such as 2022, got %s"):format(field, tostring(value)))
  end
  return value
end

-- An amount from data that is positive (or zero), or nil with the problem recorded.
local function positive(found, value, field, allow_zero)
  local amount = found:try(common.money, value, field)
  if amount and (amount < c.Money(0) or (not allow_zero and amount:is_zero())) then
    return found:add((allow_zero and tr("%s must be zero or more, got %s") or tr("%s must be positive, got %s"))
                       :format(field, tostring(amount)))
  end
  return amount
end

-- A required object of `spec` with only the `fields`, or nil with its problems recorded.
local function object(found, spec, field, where, fields)
  local value = spec[field]
  if value == nil then return found:add(tr("%s.%s is required"):format(where, field)) end
  return common.check_spec(value, fields, where .. "." .. field, found) and value or nil
end

-- A required value of `t`, or nil with the problem recorded.
local function required(found, t, field, where)
  if t[field] == nil then return found:add(tr("%s.%s is required"):format(where, field)) end
  return t[field]
end

-- A date from data, or nil with the problem recorded.
local function date(found, t, field, where)
  local value = required(found, t, field, where)
  return value ~= nil and found:try(c.Date, value, where .. "." .. field) or nil
end

-- Reads `spec` into `found`: every problem recorded; nil when one leaves the amounts unknown.
local function read(found, spec, where)
  local p = object(found, spec, "previous", where, { date = true, amendments = true, paid = true })
  local previous
  if p then
    previous = { date = date(found, p, "date", where .. ".previous"),
                 paid = positive(found, p.paid, where .. ".previous.paid"), amendments = {} }
    for i, a in ipairs(type(p.amendments) == "table" and p.amendments or {}) do
      local field = ("%s.previous.amendments[%d]"):format(where, i)
      if common.check_spec(a, { number = true, date = true }, field, found) then
        if math.type(a.number) ~= "integer" then found:add(tr("%s.number must be a whole number"):format(field)) end
        previous.amendments[i] = { number = a.number, date = date(found, a, "date", field) }
      end
    end
  end

  local co = object(found, spec, "carry_over", where,
                    { from_year = true, to_year = true, ae = true, cp = true, committed = true })
  local carry_over
  if co then
    carry_over = {
      from_year = year(found, co.from_year, where .. ".carry_over.from_year"),
      to_year = year(found, co.to_year, where .. ".carry_over.to_year"),
      ae = positive(found, co.ae, where .. ".carry_over.ae", true),
      cp = positive(found, co.cp, where .. ".carry_over.cp", true),
      committed = positive(found, co.committed, where .. ".carry_over.committed", true),
    }
    if carry_over.to_year and carry_over.from_year and carry_over.to_year ~= carry_over.from_year + 1 then
      found:add(tr("%s.carry_over.to_year (%d) must follow from_year (%d)"):format(
        where, carry_over.to_year, carry_over.from_year))
    end
    if carry_over.committed and carry_over.ae and carry_over.committed > carry_over.ae then
      found:add(tr("%s.carry_over.committed (%s) exceeds the AE carried over (%s)"):format(
        where, tostring(carry_over.committed), tostring(carry_over.ae)))
    end
  end

  local r = object(found, spec, "recycling", where,
                   { year = true, amount = true, market = true, market_title = true, orders = true })
  local recycling
  if r then
    recycling = {
      year = year(found, r.year, where .. ".recycling.year"),
      amount = positive(found, r.amount, where .. ".recycling.amount"),
      market = required(found, r, "market", where .. ".recycling"),
      market_title = required(found, r, "market_title", where .. ".recycling"),
      orders = required(found, r, "orders", where .. ".recycling"),
    }
  end
  local stated = spec.stated_total ~= nil and found:try(common.money, spec.stated_total, where .. ".stated_total")

  if not (previous and previous.paid and carry_over and carry_over.ae and carry_over.committed and recycling
          and recycling.amount) then
    return nil
  end
  local carried = carry_over.ae - carry_over.committed
  local total = carried + recycling.amount
  if total > previous.paid then
    found:add(tr("%s: the credits made available (%s) exceed what was paid under the previous agreement (%s)"):format(
      where, tostring(total), tostring(previous.paid)))
  end
  if stated and stated ~= total then
    found:add(tr("%s.stated_total is %s, but the AE carried over (%s - %s = %s) plus the recycling (%s) make %s")
      :format(where, tostring(stated), tostring(carry_over.ae), tostring(carry_over.committed), tostring(carried),
              tostring(recycling.amount), tostring(total)))
  end
  return { previous = previous, carry_over = carry_over, recycling = recycling, carried = carried, total = total }
end

--- The amounts of the carried-over credits: the AE carried over (less what was already
--- committed on them) plus the recycled amount, checked against what was paid under the
--- previous agreement and against `stated_total`. Every problem is raised at once.
---@param spec table
---@param where string?
function M.compute(spec, where)
  local found = data.problems()
  local amounts = read(found, spec, where or "finance")
  found:settle(nil)
  return amounts
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
  options = common.options(options)
  local found = data.problems()
  if not common.check_spec(spec, M.fields, where, found) then return common.finish(agreement, found, options, spec) end
  common.check_variant(spec, "carried_over", where, found)
  local payer = found:try(common.party, agreement, spec, "payer", "partner", where)
  local receiver = found:try(common.party, agreement, spec, "receiver", nil, where)
  if receiver and not require("conventio.party").is_stand_in(receiver) and receiver:budget() ~= "etat" then
    found:add(tr("%s.receiver: carried-over credits exist on the State budget only; %s is not of kind etat"):format(
      where, receiver.where))
  end
  local amounts = read(found, spec, where)
  local fund = object(found, spec, "fund", where, { number = true, label = true, programme = true,
                                                     programme_label = true })
  local article = common.finish(agreement, found, options, spec, function()
    local clause = common.clause_maker(agreement,
                                       { payer = payer, receiver = receiver, period_key = spec.period or "duree" })

    return common.article(agreement, options, {
      title = spec.title,
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
    })
  end)
  return article, amounts
end

-- Problems found in the data name the data file, not this module.
M.add = data.for_script(M.add, 2, "finance")
M.compute = data.for_script(M.compute, 1, "finance")

return M
