-- Convention de partenariat Département de la Drôme – Commune de Valence (2025): no State
-- party. The Département co-finances 60 % of the Commune's guichet numérique des solidarités
-- in two tranches (half at signature, half once half of the first is consumed); the Commune
-- is responsible for the processing of personal data, the Département its sub-contractor for
-- the social workers' access. Every sentence comes from the library: nothing is worded here.
local Agreement = require "conventio.agreement"
local annexes = require "conventio.annexes"
local closing = require "conventio.closing"
local tranches = require "conventio.finance.tranches"
local c = require "conventio"

local data = ...
local a = Agreement.from_data(data, { fields = { "visas", "preamble_markdown", "purpose", "action", "finance",
    "closing" } })
local departement, commune = a.parties.departement, a.parties.commune

a:visa(a:clause("commun/visas", { visas = data.visas }))
for _, paragraph in ipairs(data.preamble_markdown) do a:add_preamble(c.Markdown(paragraph)) end

a:article { key = "objet", title = "Objet de la convention",
            content = a:clause("objet/partenariat", { partner = departement, counterpart = commune,
                                                      purpose = data.purpose, partner_named = true }) }
a:article { key = "obligations_commune", title = "Obligations " .. commune.du,
            content = a:clause("engagements/obligations_beneficiaire", {
              beneficiary = commune, financer = departement, purpose = data.action,
              report_key = "finances", steering = true }) }
a:article { key = "obligations_departement", title = "Obligations " .. departement.du,
            content = a:clause("engagements/obligations_financeur", {
              financer = departement, beneficiary = commune, steering = true }) }
a:article { key = "donnees", title = "Protection des données à caractère personnel",
            content = a:clause("engagements/protection_donnees", { controller = commune, processor = departement }) }

tranches.add(a, data.finance)
closing.add(a, data.closing)

a:annex { key = "rgpd", title = "tableau de répartition des responsabilités RGPD",
          content = annexes.gdpr_matrix { controller = commune, processor = departement, controller_named = true } }

return a:document()
