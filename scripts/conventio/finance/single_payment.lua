--- Variant 1: the payer pays the whole amount in one payment at signature, into the receiver's
--- account (or its public accountant's); the receiver's kind decides how the credits are
--- received (a State fund for a State service, a recette, a subvention); unspent
--- credits go back to the payer.
local tr = require("conventio").tr
local c = require "conventio"
local amending = require "conventio.avenant.amending"
local common = require "conventio.finance.common"
local data = require "conventio.data"

local M = {}

--- The fields of this variant's data (docs/reference.md lists them).
M.fields = {
  variant = "\"single_payment\" (checked: the variant the script builds)",
  amount = "the amount, a string \"475000\" or \"112403.60\", or whole euros",
  payer = "role of the party that pays (default \"partner\")",
  financed = "what the participation finances (default: the construction of a digital service)",
  receiver = "role of the party that receives (required)",
  fund = "for a State receiver: the State fund { number, label, programme, programme_label }",
  imputation = "for another receiver: where the receipt is recorded (\"chapitre 74, article 7473\")",
  payment_account = "the account paid into: a bank account object (required, checked)",
  refund_account = "the payer's account unspent credits go back to (required, checked)",
  period = "key of the article fixing the period (default \"duree\")",
  title = "the article's heading (default from templates/finances/intitules.md)",
}

--- Adds the "Dispositions financières" article with its six sub-articles to `agreement`.
--- Returns the article and the amount.
---@param agreement conventio.Agreement
---@param spec table the finance data (M.fields)
---@param options table? { key = "finances", title = ... }
---@return table article, conventio.Money amount
function M.add(agreement, spec, options)
  local where = "finance"
  options = common.options(options)
  local found = data.problems()
  if not common.check_spec(spec, M.fields, where, found) then return common.finish(agreement, found, options, spec) end
  common.check_variant(spec, "single_payment", where, found)
  local payer = found:try(common.party, agreement, spec, "payer", "partner", where)
  local receiver = found:try(common.party, agreement, spec, "receiver", nil, where)
  local amount = found:try(common.money, spec.amount, where .. ".amount")
  if amount then found:check(amount > c.Money(0), tr("%s.amount must be positive"):format(where)) end
  local payment_account = found:try(common.account, spec, "payment_account", where, true)
  local refund_account = found:try(common.account, spec, "refund_account", where, true)
  local receipt = payer and receiver and found:try(common.receipt, agreement, spec, payer, receiver, where, found)
  -- Paid at signature: in a version an avenant amends, what fell due at the Convention's
  -- signature stays so, an increase falls due at the avenant's.
  local signed = amount and amending.due_at_signature(agreement, spec.payer or "partner", amount, found,
                                                      where .. ".amount")
  local article = common.finish(agreement, found, options, spec, function()
    -- The sub-articles' keys ("montant", "calendrier"...) are the ones the finance templates
    -- refer to; the period is the key of the article that fixes the agreement's duration.
    local clause = common.clause_maker(agreement,
                                       { payer = payer, receiver = receiver, period_key = spec.period or "duree" })

    return common.article(agreement, options, {
      title = spec.title,
      content = clause("finances/participation", { financed = spec.financed }),
      sections = {
        { key = "montant", title = common.heading("montant"),
          content = clause("finances/montant_unique", { amount = amount }) },
        { key = "calendrier", title = common.heading("calendrier"),
          content = clause("finances/calendrier_signature", { signed = signed }) },
        { key = "modalites", title = common.heading("modalites"),
          content = { clause("finances/modalites_versement"), common.bank_details(agreement, payment_account) } },
        { key = "imputation", title = common.heading("imputation"),
          content = receipt },
        { key = "restitution", title = common.heading("restitution"),
          content = { clause("finances/restitution"), common.bank_details(agreement, refund_account) } },
        { key = "compte_rendu", title = common.heading("compte_rendu"),
          content = common.report(clause, receiver) },
      },
    })
  end)
  return article, amount
end

-- Problems found in the data name the data file, not this module.
M.add = data.for_script(M.add, 2, "finance")

return M
