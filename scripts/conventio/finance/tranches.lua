--- Variant 2: the payer pays in tranches, the first at signature and each next one once the
--- receiver has consumed a threshold, on a call for funds with an état récapitulatif des
--- dépenses acceptées; at closing the receiver draws up the ERDA and returns what was not used.
--- A tranche is an amount or a share of the total ("60 %"); a threshold is an amount or a
--- share of what was paid before it ("50 %": once half the credits already paid are
--- consumed). Shares are computed exactly, to the cent, and printed with the amounts.
local tr = require("conventio").tr
local c = require "conventio"
local common = require "conventio.finance.common"
local data = require "conventio.data"
local quantities = require "conventio.quantities"
local strict = require "conventio.strict"

local M = {}

--- The fields of this variant's data (docs/reference.md lists them).
M.fields = {
  variant = "\"tranches\" (informative)",
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
  share = "the tranche as a percentage of the total (\"60 %\"), instead of amount",
  threshold = "what the receiver must have consumed before it: an amount, or a percentage of what was paid before",
}
local known_tranche = strict.set(M.tranche_fields)

--- Checks `spec` and returns the total and the tranches { amount, share, threshold,
--- threshold_share } (Money and conventio.Percent).
---@param spec table the finance data (M.fields)
---@param where string? its place in the data
---@return conventio.Money total, table[] tranches
function M.compute(spec, where)
  where = where or "finance"
  local cofinancing = spec.cofinancing ~= nil and M.cofinancing(spec, where) or nil
  local total = cofinancing and cofinancing.amount or common.money(spec.amount, where .. ".amount")
  if total <= c.Money(0) then error(tr("%s.amount must be positive"):format(where), 2) end
  local list = spec.tranches
  if type(list) ~= "table" or #list == 0 then
    error(tr("%s.tranches must list at least one tranche"):format(where), 2)
  end
  local tranches, sum, previous_threshold = {}, c.Money(0), nil
  for i, t in ipairs(list) do
    local field = ("%s.tranches[%d]"):format(where, i)
    if type(t) ~= "table" then error(tr("%s must be an object { amount, threshold }"):format(field), 2) end
    strict.check_keys(t, known_tranche, field, "field", 2)
    local amount, share
    if t.share ~= nil then
      if t.amount ~= nil then error(tr("%s: give amount or share, not both"):format(field), 2) end
      share = quantities.percent(t.share, field .. ".share")
      amount = share:of(total)
    else
      amount = common.money(t.amount, field .. ".amount")
    end
    if amount <= c.Money(0) then error(tr("%s.amount must be positive"):format(field), 2) end
    local threshold, threshold_share = nil, nil
    if t.threshold ~= nil then
      if i == 1 then
        error(tr("%s.threshold: the first tranche is paid at signature, before any consumption"):format(field), 2)
      end
      if type(t.threshold) == "string" and t.threshold:find("%%") then
        threshold_share = quantities.percent(t.threshold, field .. ".threshold")
        threshold = threshold_share:of(sum)
      else
        threshold = common.money(t.threshold, field .. ".threshold")
      end
      if threshold <= c.Money(0) then error(tr("%s.threshold must be positive"):format(field), 2) end
      if previous_threshold and threshold <= previous_threshold then
        error(tr("%s.threshold (%s) must be greater than the previous tranche's threshold (%s)"):format(
          field, tostring(threshold), tostring(previous_threshold)), 2)
      end
      if threshold > sum then
        error(tr("%s.threshold (%s) exceeds what will have been paid before this tranche (%s)"):format(
          field, tostring(threshold), tostring(sum)), 2)
      end
      previous_threshold = threshold
    elseif i > 1 then
      error(tr("%s.threshold is required: only the first tranche is paid at signature"):format(field), 2)
    end
    sum = sum + amount
    tranches[i] = { amount = amount, share = share, threshold = threshold, threshold_share = threshold_share }
  end
  if sum ~= total then
    error(tr("%s.tranches add up to %s, but %s.amount is %s"):format(where, tostring(sum), where, tostring(total)), 2)
  end
  return total, tranches, cofinancing
end

--- The co-financing plan: the payer's rate of the project's cost gives its amount (exact, to
--- the cent), the receiver funds the rest. A stated amount must agree.
---@param spec table
---@param where string?
function M.cofinancing(spec, where)
  local field = where .. ".cofinancing"
  common.check_spec(spec.cofinancing, { cost = true, rate = true }, field)
  local cost = common.money(spec.cofinancing.cost, field .. ".cost")
  if cost <= c.Money(0) then error(tr("%s.cost must be positive"):format(field), 2) end
  local rate = quantities.percent(common.required(spec.cofinancing, "rate", field), field .. ".rate")
  local amount = rate:of(cost)
  if spec.amount ~= nil then
    local stated = common.money(spec.amount, where .. ".amount")
    if stated ~= amount then
      error(tr("%s.amount is %s, but %s of %s is %s"):format(where, tostring(stated), tostring(rate), tostring(cost),
                                                            tostring(amount)), 2)
    end
  end
  return { cost = cost, rate = rate, amount = amount, remainder = cost - amount,
           remainder_rate = quantities.complement(rate) }
end

--- Adds the "Dispositions financières" article to `agreement`; returns the article, the
--- total and the computed tranches.
---@param agreement conventio.Agreement
---@param spec table the finance data (M.fields)
---@param options table? { key = "finances", title = ... }
---@return table article, conventio.Money total, table[] tranches
function M.add(agreement, spec, options)
  local where = "finance"
  common.check_spec(spec, M.fields, where)
  options = common.options(options)
  local payer = common.party(agreement, spec, "payer", "partner", where)
  local receiver = common.party(agreement, spec, "receiver", nil, where)
  local total, tranches, cofinancing = M.compute(spec, where)
  local payment_account = common.account(spec, "payment_account", where, true)
  local refund_account = common.account(spec, "refund_account", where) or payer.bank_account
  if not refund_account then
    error(tr("%s.refund_account is required when %s has no bank_account"):format(where, payer.where), 2)
  end
  local clause = common.clause_maker(agreement, { payer = payer, receiver = receiver })

  local content = { clause("finances/participation", { costs_annex = spec.costs_annex, amount = total,
      financed = spec.financed }) }
  if cofinancing then content[#content + 1] = clause("finances/cofinancement", { cofinancing = cofinancing }) end
  for _, part in ipairs {
    clause("finances/tranches", { tranches = tranches }),
    common.bank_details(agreement, payment_account),
    common.receipt(agreement, spec, payer, receiver, where),
    clause("finances/erda_cloture"),
    clause("finances/restitution", { single_account = true, without_proportions = true }),
    common.bank_details(agreement, refund_account),
  } do content[#content + 1] = part end
  local article = agreement:article {
    key = options.key or "finances",
    title = options.title or spec.title or common.heading("dispositions_financieres"),
    content = content,
  }
  return article, total, tranches
end

-- Problems found in the data name the data file, not this module.
M.add = data.guarded(M.add)
M.compute = data.guarded(M.compute)

return M
