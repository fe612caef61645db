--- Variant 1: the partner pays the whole amount in one payment at signature, into the CBCM's
--- account; the money goes to a fonds de concours; unspent credits go back to the partner.
---
--- data: { amount = "475000", payer = "partner", receiver = "dinum",
---         fund = { number, label, programme, programme_label },
---         payment_account = BankAccount spec (the CBCM's), refund_account = BankAccount spec,
---         period = "duree" (key of the article fixing the period) }
local c = require "conventio"
local common = require "conventio.finance.common"
local data = require "conventio.data"

local M = {}

--- Adds the "Dispositions financières" article with its six sub-articles to `agreement`.
function M.add(agreement, spec, key)
  local where = "finance"
  local payer = common.party(agreement, spec, "payer", "partner", where)
  local receiver = common.party(agreement, spec, "receiver", "dinum", where)
  local amount = common.money(spec.amount, where .. ".amount")
  if amount <= c.Money(0) then error(where .. ".amount must be positive", 2) end
  local fund = common.required(spec, "fund", where)
  local payment_account = common.account(spec, "payment_account", where, true)
  local refund_account = common.account(spec, "refund_account", where, true)

  -- The sub-articles' keys ("montant", "calendrier"...) are the ones the finance templates
  -- refer to; the period is the key of the article that fixes the agreement's duration.
  local clause = common.clause_maker(agreement,
                                     { payer = payer, receiver = receiver, period_key = spec.period or "duree" })

  agreement:article {
    key = key or "finances",
    title = spec.title or common.heading("dispositions_financieres"),
    content = clause("finances/participation"),
    sections = {
      { key = "montant", title = common.heading("montant"),
        content = clause("finances/montant_unique", { amount = amount }) },
      { key = "calendrier", title = common.heading("calendrier"),
        content = clause("finances/calendrier_signature") },
      { key = "modalites", title = common.heading("modalites"),
        content = { clause("finances/modalites_versement"), common.bank_details(agreement, payment_account) } },
      { key = "imputation", title = common.heading("imputation"),
        content = clause("finances/imputation_fonds_concours", { fund = fund }) },
      { key = "restitution", title = common.heading("restitution"),
        content = { clause("finances/restitution"), common.bank_details(agreement, refund_account) } },
      { key = "compte_rendu", title = common.heading("compte_rendu"),
        content = clause("finances/compte_rendu") },
    },
  }
  return amount
end

-- Problems found in the data name the data file, not this module.
M.add = data.guarded(M.add)

return M
