--- Variant 2: the partner pays in tranches, the first at signature and each next one once the
--- DINUM has consumed a threshold, on a call for funds with an état récapitulatif des
--- dépenses acceptées; at closing the DINUM draws up the ERDA and returns what was not used.
---
--- data: { amount = "1600000", payer = "partner", receiver = "dinum",
---         tranches = { { amount = "800000" },                          -- at signature
---                      { amount = "400000", threshold = "600000" },     -- once 600 000 € consumed
---                      { amount = "400000", threshold = "1000000" } },
---         payment_account = BankAccount spec (the CBCM's),
---         refund_account = BankAccount spec (default: the payer's bank_account),
---         fund = { number, label, programme, programme_label | budget = { owner, label, code } },
---         costs_annex = "frais" (key of the annex listing the expenses financed) }
--- Checks: the tranches add up to the amount; only the first is paid at signature; the
--- thresholds increase, and none exceeds what the receiver will have been paid by then.
local c = require "conventio"
local common = require "conventio.finance.common"
local data = require "conventio.data"

local M = {}

--- Checks `spec` and returns the total and the tranches { amount, threshold } (Money).
function M.compute(spec, where)
  where = where or "finance"
  local total = common.money(spec.amount, where .. ".amount")
  if total <= c.Money(0) then error(where .. ".amount must be positive", 2) end
  local list = spec.tranches
  if type(list) ~= "table" or #list == 0 then
    error(where .. ".tranches must list at least one tranche", 2)
  end
  local tranches, sum, previous_threshold = {}, c.Money(0), nil
  for i, t in ipairs(list) do
    local field = ("%s.tranches[%d]"):format(where, i)
    if type(t) ~= "table" then error(field .. " must be an object { amount, threshold }", 2) end
    local amount = common.money(t.amount, field .. ".amount")
    if amount <= c.Money(0) then error(field .. ".amount must be positive", 2) end
    local threshold = nil
    if t.threshold ~= nil then
      if i == 1 then
        error(field .. ".threshold: the first tranche is paid at signature, before any consumption", 2)
      end
      threshold = common.money(t.threshold, field .. ".threshold")
      if threshold <= c.Money(0) then error(field .. ".threshold must be positive", 2) end
      if previous_threshold and threshold <= previous_threshold then
        error(("%s.threshold (%s) must be greater than the previous tranche's threshold (%s)"):format(
          field, tostring(threshold), tostring(previous_threshold)), 2)
      end
      if threshold > sum then
        error(("%s.threshold (%s) exceeds what will have been paid before this tranche (%s)"):format(
          field, tostring(threshold), tostring(sum)), 2)
      end
      previous_threshold = threshold
    elseif i > 1 then
      error(field .. ".threshold is required: only the first tranche is paid at signature", 2)
    end
    sum = sum + amount
    tranches[i] = { amount = amount, threshold = threshold }
  end
  if sum ~= total then
    error(("%s.tranches add up to %s, but %s.amount is %s"):format(where, tostring(sum), where, tostring(total)), 2)
  end
  return total, tranches
end

--- Adds the "Dispositions financières" article to `agreement`; returns the total.
function M.add(agreement, spec, key)
  local where = "finance"
  local payer = common.party(agreement, spec, "payer", "partner", where)
  local receiver = common.party(agreement, spec, "receiver", "dinum", where)
  local total, tranches = M.compute(spec, where)
  local fund = common.required(spec, "fund", where)
  local payment_account = common.account(spec, "payment_account", where, true)
  local refund_account = common.account(spec, "refund_account", where) or payer.bank_account
  if not refund_account then
    error(("%s.refund_account is required when %s has no bank_account"):format(where, payer.where), 2)
  end
  local clause = common.clause_maker(agreement, { payer = payer, receiver = receiver })

  agreement:article {
    key = key or "finances",
    title = spec.title or common.heading("dispositions_financieres"),
    content = {
      clause("finances/participation", { costs_annex = spec.costs_annex, amount = total }),
      clause("finances/tranches", { tranches = tranches }),
      common.bank_details(agreement, payment_account),
      clause("finances/imputation_fonds_concours", { fund = fund }),
      clause("finances/erda_cloture"),
      clause("finances/restitution", { single_account = true, without_proportions = true }),
      common.bank_details(agreement, refund_account),
    },
  }
  return total
end

-- Problems found in the data name the data file, not this module.
M.add = data.guarded(M.add)
M.compute = data.guarded(M.compute)

return M
