-- Avenant n° 1 to the Cerema – DINUM convention of 31 January 2023: it extends the duration and
-- tops up the financing. An example of the avenant kind (no seed contains one): the
-- complement is computed from the old and new amounts, and the new wording of the amended
-- article is written by the same clause template as the convention's own.
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
