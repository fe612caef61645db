-- @NAME@: a new avenant agreement
-- (conventio new NAME --kind avenant),
-- from samples/cerema-avenant-1-2024.lua.
-- Fill in @NAME@.json: `conventio check @NAME@.lua --data @NAME@.json` lists every
-- "[à compléter]" left, all at once. Keep the articles this agreement needs; add its own
-- with a:article{...}. docs/reference.md describes every field and function.
--
-- The data fields:
--   kind: "partenariat", "delegation" or "avenant"
--   place: where it is signed
--   number: an avenant's number
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
--   amends.{kind, date, amount, end_date, articles.amount, articles.amount_title, articles.duration,
--       articles.duration_title, articles.payment_terms}: what an avenant amends: { kind, date }
--   changes.{amount, end_date}: this agreement's own field: see where the script reads data.changes
--   preamble_markdown: this agreement's own field: see where the script reads data.preamble_markdown
local c = require "conventio"
local Agreement = require "conventio.agreement"

local data = ...
local a = Agreement.from_data(data, { fields = { "changes", "preamble_markdown" } })
local partner, dinum = a.parties.partner, a.parties.dinum
local base = data.amends

local old_amount = c.Money(base.amount, "amends.amount")
local new_amount = c.Money(data.changes.amount, "changes.amount")
if new_amount <= old_amount then
  error(("%s: changes.amount (%s) must exceed amends.amount (%s): this avenant tops the financing up"):format(
    c.data_file, tostring(new_amount), tostring(old_amount)), 0)
end
local complement = new_amount - old_amount
local new_end = c.Date(data.changes.end_date, "changes.end_date")

a:visa(a:clause("avenant/visa_convention", { base_kind = "convention de partenariat",
                                             base_date = c.Date(base.date).long, partner = partner,
                                             counterpart = dinum }))
for _, paragraph in ipairs(data.preamble_markdown) do a:add_preamble(c.Markdown(paragraph)) end

a:article { key = "objet", title = "Objet de l'avenant",
            content = a:clause("avenant/objet", { payer = partner, old_amount = old_amount, new_amount = new_amount,
                                                  complement = complement, new_end_date = new_end.long }) }
a:article { key = "montant", title = "Modification de l'article " .. base.articles.amount .. " de la convention",
            content = {
              a:clause("avenant/remplacement", { base_article = base.articles.amount,
                                                 base_title = base.articles.amount_title }),
              -- The new wording comes from the clause the convention itself was written with.
              a:clause("finances/montant_unique", { payer = partner, amount = new_amount }),
            } }
a:article { key = "duree", title = "Modification de l'article " .. base.articles.duration .. " de la convention",
            content = {
              a:clause("avenant/remplacement", { base_article = base.articles.duration,
                                                 base_title = base.articles.duration_title }),
              a:clause("commun/duree", { end_date = new_end, covers_expenses = true }),
            } }
a:article { key = "versement", title = "Versement du complément",
            content = a:clause("avenant/versement_complement", {
              payer = partner, complement = complement, payment_terms_article = base.articles.payment_terms }) }
a:article { key = "autres", title = "Autres stipulations", content = a:clause("avenant/stipulations_inchangees") }
a:article { key = "effet", title = "Prise d'effet", content = a:clause("avenant/prise_effet") }

return a:document()
