-- @NAME@: a new partenariat agreement
-- (conventio new NAME --kind partenariat --finance tranches),
-- from samples/drome-valence-guichet-2025.lua.
-- Fill in @NAME@.json: `conventio check @NAME@.lua --data @NAME@.json` lists every
-- "[à compléter]" left, all at once. Keep the articles this agreement needs; add its own
-- with a:article{...}. docs/reference.md describes every field and function.
--
-- The data fields:
--   kind: "partenariat", "delegation" or "avenant"
--   subject: the document's subject metadata
--   place: where it is signed
--   date: the signature date, "YYYY-MM-DD"
--   amounts_in_words: true: amounts are followed by their words
--   party_order: the roles in the order the agreement names them
--   parties.departement.short_name: how the text names the party: "Cerema", "Commune de Melun" (required)
--   parties.departement.kind: the kind of body: etat, epa, epic, commune, departement, region, epci, gip,
--       association
--   parties.departement.legal_name: full legal name, in bold in the party block
--   parties.departement.status: its status as the party block says it ("établissement public administratif de
--       l'État")
--   parties.departement.seat: its seat ("dont le siège est ...")
--   parties.departement.representative.civility: "Madame" or "Monsieur"
--   parties.departement.representative.name: the signatory's name (required)
--   parties.departement.representative.act: the act that empowers them ("dûment habilité par délibération du ...")
--   parties.departement.bank_account.{holder, domiciliation, bank, branch, account, key, iban, bic}: its bank
--       account: { holder, domiciliation, bank, branch, account, key, iban, bic } (checked)
--   parties.departement.signature_name: the signatory's name in the signature column (default: the
--       representative's; false: none)
--   parties.departement.signature_title: the signatory's title in the signature column (default: the
--       representative's; false: none)
--   parties.commune.short_name: how the text names the party: "Cerema", "Commune de Melun" (required)
--   parties.commune.kind: the kind of body: etat, epa, epic, commune, departement, region, epci, gip, association
--   parties.commune.status: its status as the party block says it ("établissement public administratif de l'État")
--   parties.commune.address: its postal address
--   parties.commune.representative.civility: "Madame" or "Monsieur"
--   parties.commune.representative.name: the signatory's name (required)
--   parties.commune.representative.act: the act that empowers them ("dûment habilité par délibération du ...")
--   parties.commune.accountant: its public accountant, with its article ("le comptable public de Melun")
--   parties.commune.signature_name: the signatory's name in the signature column (default: the representative's;
--       false: none)
--   parties.commune.signature_title: the signatory's title in the signature column (default: the representative's;
--       false: none)
--   visas: this agreement's own field: see where the script reads data.visas
--   preamble_markdown: this agreement's own field: see where the script reads data.preamble_markdown
--   purpose: what the agreement is for; the sentence goes on after "afin": it starts with "de" or "d'" ("de créer
--       le guichet numérique des solidarités")
--   action: the action financed; the sentence goes on after "exclusivement à": it starts with its article, "la",
--       "l'", "le" or "les" ("la création du guichet numérique")
--   finance.variant: "tranches" (checked: the variant the script builds)
--   finance.payer: role of the party that pays (default "partner")
--   finance.receiver: role of the party that receives (required)
--   finance.cofinancing.{cost, rate}: the payer's share of the project's cost: { cost = "300000", rate = "60 %" }
--   finance.tranches[n].share: the tranche as a percentage of the total ("60 %"), instead of amount; the last share
--       takes what is left
--   finance.tranches[n].threshold: what the receiver must have consumed before it: an amount, or a percentage of
--       what was paid before
--   finance.imputation: for another receiver: where the receipt is recorded
--   finance.payment_account.{holder, domiciliation, bank, branch, account, key, iban, bic}: the account paid into
--       (checked)
--   closing[n].article: the closing article's builder: modification, duree, resiliation, dispositions_generales,
--       donnees_personnelles, litiges, publication
--   closing[n].partner: role of the party that receives a copy (default: the first party)
--   closing[n].duration.months: { months = N } | { years = N } | { end_date = "YYYY-MM-DD" }
--   closing[n].covers_expenses: true: the period covers commitments, services and payments
--   closing[n].payer: role of the party that pays, or the list of roles when several pay (for "faute" and "effets")
--   closing[n].receiver: role of the party that receives (for "effets")
--   closing[n].court: the seat of the tribunal administratif (default Paris)
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
