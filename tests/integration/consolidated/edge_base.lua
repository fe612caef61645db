-- The consolidated version's edge cases (tests/integration/test_consolidated.py): an agreement
-- whose data decides a live reference that appears, an unchanged reference beside changed
-- words, a list whose items change one at a time, a paragraph alone between two tables, a
-- paragraph alone between an article's heading and its table, a last paragraph before the
-- signatures, and a note that comes and goes with words. Not a sample: its change sets are
-- edge-*avenant-*.json.
local c = require "conventio"
local Agreement = require "conventio.agreement"
local Party = require "conventio.party"

local data = ...
local a = Agreement.new {
  kind = "partenariat", place = "Melun", date = "2024-01-15",
  parties = {
    commune = Party.new({ short_name = "Commune de Melun", kind = "commune", representation = "r" }, "parties.commune"),
    asso = Party.new({ short_name = "association X", gender = "f", kind = "association", representation = "r" },
                     "parties.asso"),
  },
  party_order = { "commune", "asso" },
}
local amount = c.Money(data.amount, "amount")
a:article { key = "objet", title = "Objet", content = function(ctx)
  return {
    c.Para { "La présente convention fixe le soutien de la Commune, dont le montant de ", tostring(amount),
             " est fixé à ", ctx.agreement:ref_inlines("montant"), "." },
    c.Para { "Elle est suivie par un comité.",
             data.report_ref and { " Il rend compte selon ", ctx.agreement:ref_inlines("suivi"), "." } or "" },
  }
end }
a:article { key = "montant", title = "Montant", content = c.Para("Le montant est versé en une fois.") }
a:article { key = "engagements", title = "Engagements", content = {
  c.Para("L'association s'engage à :"),
  c.BulletList(data.items),
} }
local function rows(list)
  local out = {}
  for _, r in ipairs(list) do out[#out + 1] = { r[1], r[2] } end
  return c.Table { widths = { 1, 1 }, header = { "Étape", "Échéance" }, rows = out }
end
local follow_up = { rows { { "Lancement", "mars" } } }
if data.between then follow_up[#follow_up + 1] = c.Para(data.between) end
follow_up[#follow_up + 1] = rows { { "Bilan", "décembre" } }
a:article { key = "suivi", title = "Suivi", content = follow_up }
-- A paragraph that, when there, is the only one between the article's heading and its table.
local calendar = {}
if data.calendar_note then calendar[1] = c.Para(data.calendar_note) end
calendar[#calendar + 1] = rows { { "Comité", "juin" } }
a:article { key = "calendrier", title = "Calendrier", content = calendar }
local closing = { c.Para("La convention entre en vigueur à sa signature.") }
if data.closing then closing[#closing + 1] = c.Para(data.closing) end
-- A paragraph whose note comes and goes with the words around it (edge-notes-avenant-*):
-- inserted with them, then deleted with them before words that stay and start the paragraph.
local publication = {
  { "Les comptes sont publiés. Reste du texte." },
  { "Les comptes sont publiés au recueil", c.Note("Recueil des actes administratifs."),
    " chaque année. Reste du texte." },
  { "Reste du texte." },
}
if data.publication then closing[#closing + 1] = c.Para(publication[data.publication]) end
a:article { key = "fin", title = "Fin", content = closing }
return a:document()
