-- Convention de partenariat Région Bourgogne-Franche-Comté – association (2025): the Région
-- grants a subvention to an association for its itinerant digital mediation, paid at
-- signature. The association's kind makes the payment a subvention; nothing is worded here.
local Agreement = require "conventio.agreement"
local closing = require "conventio.closing"
local single_payment = require "conventio.finance.single_payment"
local c = require "conventio"

local data = ...
local a = Agreement.from_data(data, { fields = { "visas", "preamble_markdown", "purpose", "action", "finance",
    "closing" } })
local region, association = a.parties.region, a.parties.association

a:visa(a:clause("commun/visas", { visas = data.visas }))
for _, paragraph in ipairs(data.preamble_markdown) do a:add_preamble(c.Markdown(paragraph)) end

a:article { key = "objet", title = "Objet de la convention",
            content = a:clause("objet/partenariat", { partner = region, counterpart = association,
                                                      purpose = data.purpose, partner_named = true }) }
a:article { key = "obligations_association", title = "Obligations " .. association.du,
            content = a:clause("engagements/obligations_beneficiaire", {
              beneficiary = association, financer = region, purpose = data.action, report_key = "compte_rendu" }) }
a:article { key = "obligations_region", title = "Obligations " .. region.du,
            content = a:clause("engagements/obligations_financeur", { financer = region, beneficiary = association }) }

single_payment.add(a, data.finance)
closing.add(a, data.closing)

return a:document()
