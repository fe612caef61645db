--- Variant 2: the payer pays in tranches, the first at signature and each next one once the
--- receiver has consumed a threshold, on a call for funds with an état récapitulatif des
--- dépenses acceptées; at closing the receiver draws up the ERDA and returns what was not used.
--- A tranche is an amount or a share of the total ("60 %"); a threshold is an amount or a
--- share of what was paid before it ("50 %": once half the credits already paid are
--- consumed). Shares are computed exactly, to the cent, and printed with the amounts.
local tr = require("conventio").tr
local c = require "conventio"
local amending = require "conventio.avenant.amending"
local common = require "conventio.finance.common"
local data = require "conventio.data"
local quantities = require "conventio.quantities"
local strict = require "conventio.strict"

local M = {}

--- The fields of this variant's data (docs/reference.md lists them).
M.fields = {
  variant = "\"tranches\" (checked: the variant the script builds)",
  amount = "the total amount (computed from cofinancing when that is given; must then agree)",
  cofinancing = "the payer's share of the project's cost: { cost = \"300000\", rate = \"60 %\" }",
  payer = "role of the party that pays (default \"partner\")",
  financed = "what the participation finances (default: the construction of a digital service)",
  receiver = "role of the party that receives (required)",
  tranches = "the tranches in order: { amount | share, threshold }; the first has no threshold",
  fund = "for a State receiver: the State fund { number, label, programme, programme_label }",
  imputation = "for another receiver: where the receipt is recorded",
  payment_account = "the account paid into (checked)",
  refund_account = "the account unspent credits go back to (default: the payer's bank_account)",
  costs_annex = "key of the annex listing the expenses financed",
  title = "the article's heading",
}
M.tranche_fields = {
  amount = "the tranche's amount",
  share = "the tranche as a percentage of the total (\"60 %\"), instead of amount; the last share takes what is left",
  threshold = "what the receiver must have consumed before it: an amount, or a percentage of what was paid before",
}
local known_tranche = strict.set(M.tranche_fields)

-- The co-financing plan into `found`; nil when a problem leaves it unknown.
local function read_cofinancing(spec, where, found)
  local field = where .. ".cofinancing"
  if not common.check_spec(spec.cofinancing, { cost = true, rate = true }, field, found) then return nil end
  local cost = found:try(common.money, spec.cofinancing.cost, field .. ".cost")
  if cost and not found:check(cost > c.Money(0), tr("%s.cost must be positive"):format(field)) then cost = nil end
  local rate_text = spec.cofinancing.rate
  if rate_text == nil then found:add(tr("%s.%s is required"):format(field, "rate")) end
  local rate = rate_text ~= nil and found:try(quantities.percent, rate_text, field .. ".rate") or nil
  local stated = spec.amount ~= nil and found:try(common.money, spec.amount, where .. ".amount") or nil
  if not (cost and rate) then return nil end
  local amount = rate:of(cost)
  if stated and stated ~= amount then
    found:add(tr("%s.amount is %s, but %s of %s is %s"):format(where, tostring(stated), tostring(rate), tostring(cost),
                                                              tostring(amount)))
  end
  return { cost = cost, rate = rate, amount = amount, remainder = cost - amount,
           remainder_rate = quantities.complement(rate) }
end

-- The last tranche's amount when it is given as a share: what the tranches before it leave of
-- the total. When every tranche is a share, that is the last share's (their sum is checked
-- against 100 % apart). Otherwise its share of the total, rounded to the cent, may differ
-- from what is left by what the `shares` shares were rounded by, half a cent each at most;
-- a larger difference is the drafter's, and the share's own amount is kept.
local function left_for_last(field, share, total, before, shares, all_shares, found)
  local left = total - before
  if all_shares then return left end
  local rounded = share:of(total)
  local gap = math.abs(left:cents() - rounded:cents())
  if gap * 2 > shares then
    found:add(tr("%s.share: %s of the total (%s) is %s, but the tranches before it leave %s"):format(
      field, tostring(share), tostring(total), tostring(rounded), tostring(left)))
    return rounded
  end
  return left
end

-- Reads `spec` into `found` (conventio.data): every problem is recorded, and what can still
-- be checked is, with the problem's value left out. Returns the total, the tranches and the
-- co-financing (nil where a problem left them unknown).
local function read(spec, where, found)
  local cofinancing = spec.cofinancing ~= nil and read_cofinancing(spec, where, found) or nil
  local total
  if spec.cofinancing ~= nil then
    total = cofinancing and cofinancing.amount
  else
    total = found:try(common.money, spec.amount, where .. ".amount")
  end
  if total and not found:check(total > c.Money(0), tr("%s.amount must be positive"):format(where)) then
    total = nil
  end
  local list = spec.tranches
  if type(list) ~= "table" or #list == 0 then
    return total, found:add(tr("%s.tranches must list at least one tranche"):format(where)), cofinancing
  end
  -- `sum` is what has been paid before each tranche; nil once a tranche's amount is unknown
  -- (the checks that need it are then left out).
  local tranches, sum, previous_threshold = {}, c.Money(0), nil
  -- Shares are of the total, each rounded to the cent: the last tranche given as a share takes
  -- what is left, so shares adding up to 100 % always add up to the total, to the cent.
  local shares_total, shares, all_shares = 0, 0, true
  for _, t in ipairs(list) do
    local is_share = type(t) == "table" and t.share ~= nil
    all_shares = all_shares and is_share
    if is_share then shares = shares + 1 end
  end
  for i, t in ipairs(list) do
    local field = ("%s.tranches[%d]"):format(where, i)
    if type(t) ~= "table" then
      found:add(tr("%s must be an object { amount, threshold }"):format(field))
      sum = nil
    else
      for _, message in ipairs(strict.unknown_messages(t, known_tranche, field, "field")) do found:add(message) end
      local amount, share
      if t.share ~= nil then
        if t.amount ~= nil then found:add(tr("%s: give amount or share, not both"):format(field)) end
        share = found:try(quantities.percent, t.share, field .. ".share")
        shares_total = share and shares_total and shares_total + share.hundredths or nil
        amount = share and total and share:of(total)
        if amount and i == #list and sum and sum < total then
          amount = left_for_last(field, share, total, sum, shares, all_shares, found)
        end
      else
        amount = found:try(common.money, t.amount, field .. ".amount")
      end
      if amount and not found:check(amount > c.Money(0), tr("%s.amount must be positive"):format(field)) then
        amount = nil
      end
      local threshold, threshold_share = nil, nil
      if t.threshold ~= nil then
        if i == 1 then
          found:add(tr("%s.threshold: the first tranche is paid at signature, before any consumption"):format(field))
        elseif type(t.threshold) == "string" and t.threshold:find("%%") then
          threshold_share = found:try(quantities.percent, t.threshold, field .. ".threshold")
          threshold = threshold_share and sum and threshold_share:of(sum)
        else
          threshold = found:try(common.money, t.threshold, field .. ".threshold")
        end
        if threshold then
          if not found:check(threshold > c.Money(0), tr("%s.threshold must be positive"):format(field)) then
            threshold = nil
          elseif previous_threshold and threshold <= previous_threshold then
            found:add(tr("%s.threshold (%s) must be greater than the previous tranche's threshold (%s)"):format(
              field, tostring(threshold), tostring(previous_threshold)))
          elseif sum and threshold > sum then
            found:add(tr("%s.threshold (%s) exceeds what will have been paid before this tranche (%s)"):format(
              field, tostring(threshold), tostring(sum)))
          end
          previous_threshold = threshold or previous_threshold
        end
      elseif i > 1 then
        found:add(tr("%s.threshold is required: only the first tranche is paid at signature"):format(field))
      end
      sum = sum and amount and sum + amount or nil
      tranches[i] = { amount = amount, share = share, threshold = threshold, threshold_share = threshold_share }
    end
  end
  if all_shares and shares_total and shares_total ~= 10000 then
    found:add(tr("%s.tranches: the shares add up to %s, not 100 %%"):format(where,
      tostring(quantities.percent_of_hundredths(shares_total))))
  elseif sum and total and sum ~= total then
    -- The total is named as the drafter wrote it: an amount, or the co-financing's rate of a cost.
    local stated = spec.cofinancing ~= nil
        and tr("%s.cofinancing gives %s (%s of %s)"):format(where, tostring(total), tostring(cofinancing.rate),
                                                           tostring(cofinancing.cost))
        or tr("%s.amount is %s"):format(where, tostring(total))
    found:add(tr("%s.tranches add up to %s, but %s"):format(where, tostring(sum), stated))
  end
  return total, tranches, cofinancing
end

--- Checks `spec` and returns the total and the tranches { amount, share, threshold,
--- threshold_share } (Money and conventio.Percent). Every problem of `spec` is raised at
--- once, one a line.
---@param spec table the finance data (M.fields)
---@param where string? its place in the data
---@return conventio.Money total, table[] tranches
function M.compute(spec, where)
  where = where or "finance"
  local found = data.problems()
  local total, tranches, cofinancing = read(spec, where, found)
  found:settle(nil)
  return total, tranches, cofinancing
end

--- The co-financing plan: the payer's rate of the project's cost gives its amount (exact, to
--- the cent), the receiver funds the rest. A stated amount must agree.
---@param spec table
---@param where string?
function M.cofinancing(spec, where)
  local found = data.problems()
  local cofinancing = read_cofinancing(spec, where or "finance", found)
  found:settle(nil)
  return cofinancing
end

--- Adds the "Dispositions financières" article to `agreement`; returns the article, the
--- total and the computed tranches. Every problem of the data is recorded, and raised with
--- the rest of the data's when the agreement is built.
---@param agreement conventio.Agreement
---@param spec table the finance data (M.fields)
---@param options table? { key = "finances", title = ... }
---@return table article, conventio.Money total, table[] tranches
function M.add(agreement, spec, options)
  local where = "finance"
  options = common.options(options)
  local found = data.problems()
  if not common.check_spec(spec, M.fields, where, found) then
    return common.finish(agreement, found, options, spec)
  end
  common.check_variant(spec, "tranches", where, found)
  local payer = found:try(common.party, agreement, spec, "payer", "partner", where)
  local receiver = found:try(common.party, agreement, spec, "receiver", nil, where)
  local total, tranches, cofinancing = read(spec, where, found)
  -- The first tranche is due at signature: in a version an avenant amends, what fell due at the
  -- Convention's signature stays so, an increase falls due at the avenant's.
  local first = type(tranches) == "table" and tranches[1]
  if first and first.amount then
    first.due = amending.due_at_signature(agreement, spec.payer or "partner", first.amount, found,
                                          where .. ".tranches[1]")
  end
  local payment_account = found:try(common.account, spec, "payment_account", where, true)
  local refund_account = found:try(common.account, spec, "refund_account", where)
  if payer and not require("conventio.party").is_stand_in(payer) and not refund_account
     and spec.refund_account == nil then
    refund_account = payer.bank_account
    found:check(refund_account, function()
      return tr("%s.refund_account is required when %s has no bank_account"):format(where, payer.where)
    end)
  end
  local receipt = payer and receiver and found:try(common.receipt, agreement, spec, payer, receiver, where, found)
  local article = common.finish(agreement, found, options, spec, function()
    local clause = common.clause_maker(agreement, { payer = payer, receiver = receiver })
    local content = { clause("finances/participation", { costs_annex = spec.costs_annex, amount = total,
        financed = spec.financed }) }
    if cofinancing then content[#content + 1] = clause("finances/cofinancement", { cofinancing = cofinancing }) end
    for _, part in ipairs {
      clause("finances/tranches", { tranches = tranches }),
      common.bank_details(agreement, payment_account),
      receipt,
      clause("finances/erda_cloture"),
      clause("finances/restitution", { single_account = true, without_proportions = true }),
      common.bank_details(agreement, refund_account),
    } do content[#content + 1] = part end
    return common.article(agreement, options, {
      title = spec.title,
      content = content,
    })
  end)
  return article, total, tranches
end

-- Problems found in the data name the data file, not this module.
M.add = data.for_script(M.add, 2, "finance")
M.compute = data.for_script(M.compute, 1, "finance")
M.cofinancing = data.for_script(M.cofinancing, 1, "finance")

return M
