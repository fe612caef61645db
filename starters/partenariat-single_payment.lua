-- @NAME@: a new partenariat agreement
-- (conventio new NAME --kind partenariat --finance single_payment),
-- from samples/cerema-urbanvitaliz-2023.lua.
-- Fill in @NAME@.json: `conventio check @NAME@.lua --data @NAME@.json` lists every
-- "[à compléter]" left, all at once. Keep the articles this agreement needs; add its own
-- with a:article{...}. docs/reference.md describes every field and function.
--
-- The data fields:
--   title: the title (default: from kind)
--   subject: the document's subject metadata
--   place: where it is signed
--   party_order: the roles in the order the agreement names them
--   parties.partner.legal_name: full legal name, in bold in the party block
--   parties.partner.acronym: shown after the legal name ("(ANCT)")
--   parties.partner.short_name: how the text names the party: "Cerema", "Commune de Melun" (required)
--   parties.partner.kind: the kind of body: etat, epa, epic, commune, departement, region, epci, gip, association
--   parties.partner.gender: grammatical gender of short_name: "m" or "f" (required unless the kind gives it)
--   parties.partner.status: its status as the party block says it ("établissement public administratif de l'État")
--   parties.partner.address: its postal address
--   parties.partner.representation: the whole representation sentence, instead of representative
--   parties.partner.signature_label: the signature column's first line (default: "Pour le Cerema,")
--   parties.dinum.legal_name: full legal name, in bold in the party block
--   parties.dinum.legal_gender: gender of legal_name when it differs from gender
--   parties.dinum.acronym: shown after the legal name ("(ANCT)")
--   parties.dinum.short_name: how the text names the party: "Cerema", "Commune de Melun" (required)
--   parties.dinum.kind: the kind of body: etat, epa, epic, commune, departement, region, epci, gip, association
--   parties.dinum.gender: grammatical gender of short_name: "m" or "f" (required unless the kind gives it)
--   parties.dinum.address: its postal address
--   parties.dinum.representative.name: the signatory's name (required)
--   parties.dinum.representative.title: the signatory's title (required unless the kind gives it: "Maire")
--   parties.dinum.signature_label: the signature column's first line (default: "Pour le Cerema,")
--   parties.dinum.accountant: its public accountant, with its article ("le comptable public de Melun")
--   parties.dinum.account_of: whose account receives payments, after "sur le compte" (default: the party)
--   parties.dinum.accountant_short: its accountant as a copy is sent to it, a masculine noun ("payeur
--       départemental")
--   preamble_markdown: this agreement's own field: see where the script reads data.preamble_markdown
--   purpose_markdown: what the agreement is for, in Markdown; the sentence goes on after "afin": it starts with
--       "de" or "d'" ("d'**accélérer** le service")
--   finance.variant: "single_payment" (checked: the variant the script builds)
--   finance.amount: the amount, a string "475000" or "112403.60", or whole euros
--   finance.payer: role of the party that pays (default "partner")
--   finance.receiver: role of the party that receives (required)
--   finance.fund.{number, label, programme, programme_label}: for a State receiver: the State fund { number, label,
--       programme, programme_label }
--   finance.payment_account.{holder, domiciliation, bank, branch, account, key}: the account paid into: a bank
--       account object (required, checked)
--   finance.refund_account.{holder, domiciliation, bank, branch, account, key}: the payer's account unspent credits
--       go back to (required, checked)
--   visa_number: this agreement's own field: see where the script reads data.visa_number
--   closing[n].article: the closing article's builder: modification, duree, resiliation, dispositions_generales,
--       donnees_personnelles, litiges, publication
--   closing[n].title: the article's heading (default from templates/commun/intitules.md)
--   closing[n].partner: role of the party that receives a copy (default: the first party)
--   closing[n].duration.end_date: { months = N } | { years = N } | { end_date = "YYYY-MM-DD" }
--   closing[n].covers_expenses: true: the period covers commitments, services and payments
--   closing[n].purchase_orders: true: a paragraph on the duration of purchase orders on public contracts
--   closing[n].publisher: role of the party that publishes it on data.gouv.fr
local c = require "conventio"
local Agreement = require "conventio.agreement"
local annexes = require "conventio.annexes"
local closing = require "conventio.closing"
local clauses = require "conventio.clauses"
local single_payment = require "conventio.finance.single_payment"

local data = ...
-- The method both parties follow, linked from the object of the agreement.
local beta_gouv_approach = clauses.markup("<https://beta.gouv.fr/approche/>")
local a = Agreement.from_data(data, {
  fields = { "preamble_markdown", "purpose_markdown", "finance", "visa_number", "closing" },
})
local partner, dinum = a.parties.partner, a.parties.dinum

a:visa(a:clause("beta_gouv/commun/visas_dinum"))
a:add_preamble(a:clause("beta_gouv/preambule/beta_gouv"))
for _, paragraph in ipairs(data.preamble_markdown) do a:add_preamble(c.Markdown(paragraph)) end

a:article { key = "objet", title = "Objet du partenariat",
            -- The purpose is this agreement's own wording, with its emphasis: Markdown on purpose.
            content = a:clause("objet/partenariat", {
              counterpart = dinum, purpose = clauses.markup(data.purpose_markdown), approach = beta_gouv_approach }) }

local engaged = "le partenaire"
a:article {
  key = "obligations_partenaire", title = "Obligations " .. partner.du,
  content = { a:clause("beta_gouv/engagements/information_besoins"),
              a:clause("beta_gouv/engagements/approche_startup", { engaged = engaged }) },
  sections = {
    { title = "Manifeste beta.gouv", numbered = false,
      content = a:clause("beta_gouv/engagements/manifeste", { engaged = engaged }) },
    { title = "Intrapreneur et sponsors", numbered = false,
      content = a:clause("beta_gouv/engagements/intrapreneur_sponsors", { engaged = engaged }) },
    { title = "Comités d'investissements semestriels", numbered = false,
      content = a:clause("beta_gouv/engagements/comites_investissement", { chair = "du partenaire" }) },
    { title = "Autres engagements", numbered = false,
      content = a:clause("beta_gouv/engagements/autres_engagements", { engaged = engaged, controller = partner }) },
  },
}
a:article { key = "obligations_dinum", title = "Obligations de la DINUM",
            content = a:clause("beta_gouv/engagements/obligations_dinum") }

single_payment.add(a, data.finance)

closing.add(a, data.closing)

a:signatures { after = a:clause("commun/visa_controleur", { number = data.visa_number }) }

a:annex { key = "rgpd", title = "tableau de répartition des responsabilités RGPD",
          content = annexes.gdpr_matrix { controller = partner, processor = dinum } }

return a:document()
