-- @NAME@: a new partenariat agreement
-- (conventio new NAME --kind partenariat),
-- from samples/bfc-association-mediation-2025.lua.
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
--   parties.partner.short_name: how the text names the party: "Cerema", "Commune de Melun" (required)
--   parties.partner.kind: the kind of body: etat, epa, epic, commune, departement, region, epci, gip, association
--   parties.partner.status: its status as the party block says it ("établissement public administratif de l'État")
--   parties.partner.seat: its seat ("dont le siège est ...")
--   parties.partner.representative.civility: "Madame" or "Monsieur"
--   parties.partner.representative.name: the signatory's name (required)
--   parties.partner.representative.act: the act that empowers them ("dûment habilité par délibération du ...")
--   parties.partner.signature_name: the signatory's name in the signature column (default: the representative's;
--       false: none)
--   parties.partner.signature_title: the signatory's title in the signature column (default: the representative's;
--       false: none)
--   parties.partner.bank_account.{holder, domiciliation, bank, branch, account, key}: its bank account: { holder,
--       domiciliation, bank, branch, account, key, iban, bic } (checked)
--   parties.counterpart.short_name: how the text names the party: "Cerema", "Commune de Melun" (required)
--   parties.counterpart.gender: grammatical gender of short_name: "m" or "f" (required unless the kind gives it)
--   parties.counterpart.kind: the kind of body: etat, epa, epic, commune, departement, region, epci, gip,
--       association
--   parties.counterpart.status: its status as the party block says it ("établissement public administratif de
--       l'État")
--   parties.counterpart.rna: an association's number in the répertoire national des associations: "W212001234"
--       (checked)
--   parties.counterpart.seat: its seat ("dont le siège est ...")
--   parties.counterpart.representative.civility: "Madame" or "Monsieur"
--   parties.counterpart.representative.name: the signatory's name (required)
--   parties.counterpart.representative.act: the act that empowers them ("dûment habilité par délibération du ...")
--   parties.counterpart.signature_name: the signatory's name in the signature column (default: the
--       representative's; false: none)
--   parties.counterpart.signature_title: the signatory's title in the signature column (default: the
--       representative's; false: none)
--   visas: this agreement's own field: see where the script reads data.visas
--   preamble_markdown: this agreement's own field: see where the script reads data.preamble_markdown
--   purpose: what the agreement is for; the sentence goes on after "afin": it starts with "de" or "d'" ("de créer
--       le guichet numérique des solidarités")
--   action: the action financed; the sentence goes on after "exclusivement à": it starts with its article, "la",
--       "l'", "le" or "les" ("la création du guichet numérique")
--   finance.variant: "single_payment" (checked: the variant the script builds)
--   finance.payer: role of the party that pays (default "partner")
--   finance.receiver: role of the party that receives (required)
--   finance.financed: what the participation finances (default: the construction of a digital service)
--   finance.amount: the amount, a string "475000" or "112403.60", or whole euros
--   finance.imputation: for another receiver: where the receipt is recorded ("chapitre 74, article 7473")
--   finance.payment_account.{holder, domiciliation, bank, branch, account, key, iban, bic}: the account paid into:
--       a bank account object (required, checked)
--   finance.refund_account.{holder, domiciliation, bank, branch, account, key}: the payer's account unspent credits
--       go back to (required, checked)
--   closing[n].article: the closing article's builder: modification, duree, resiliation, dispositions_generales,
--       donnees_personnelles, litiges, publication
--   closing[n].duration.years: { months = N } | { years = N } | { end_date = "YYYY-MM-DD" }
--   closing[n].covers_expenses: true: the period covers commitments, services and payments
--   closing[n].payer: role of the party that pays, or the list of roles when several pay (for "faute" and "effets")
--   closing[n].receiver: role of the party that receives (for "effets")
--   closing[n].court: the seat of the tribunal administratif (default Paris)
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
