-- Convention de partenariat Région Bourgogne-Franche-Comté – association (2025): the Région
-- grants a subvention to an association for its itinerant digital mediation, paid at
-- signature. The association's kind makes the payment a subvention; nothing is worded here,
-- and no body is named: the roles are the partner (the Région) and its counterpart.
local Agreement = require "conventio.agreement"
local closing = require "conventio.closing"
local single_payment = require "conventio.finance.single_payment"
local c = require "conventio"

local data = ...
local a = Agreement.from_data(data, { fields = { "visas", "preamble_markdown", "purpose", "action", "finance",
    "closing" } })
-- The roles say what each party does here: the partner pays, the counterpart carries the action.
local partner, counterpart = a.parties.partner, a.parties.counterpart

a:visa(a:clause("commun/visas", { visas = data.visas }))
for _, paragraph in ipairs(data.preamble_markdown) do a:add_preamble(c.Markdown(paragraph)) end

a:article { key = "objet", title = "Objet de la convention",
            content = a:clause("objet/partenariat", { partner = partner, counterpart = counterpart,
                                                      purpose = data.purpose, partner_named = true }) }
a:article { key = "obligations_beneficiaire", title = "Obligations " .. counterpart.du,
            content = a:clause("engagements/obligations_beneficiaire", {
              beneficiary = counterpart, financer = partner, purpose = data.action, report_key = "compte_rendu" }) }
a:article { key = "obligations_financeur", title = "Obligations " .. partner.du,
            content = a:clause("engagements/obligations_financeur", { financer = partner, beneficiary = counterpart }) }

single_payment.add(a, data.finance)
closing.add(a, data.closing)

return a:document()
