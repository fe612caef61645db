-- An agreement whose data decides a note's text and a link's address, for tests/lua/avenant_test.lua:
-- a change set may change either alone, with the words around them unchanged (not a test itself).
local c = require "conventio"
local Agreement = require "conventio.agreement"
local Party = require "conventio.party"

local data = ...
local a = Agreement.new {
  kind = "partenariat", place = "Melun", date = "2024-01-15", party_order = { "commune", "asso" },
  parties = {
    commune = Party.new({ short_name = "Commune de Melun", kind = "commune", representation = "r" }, "parties.commune"),
    asso = Party.new({ short_name = "association X", gender = "f", kind = "association", representation = "r" },
                     "parties.asso"),
  },
}
-- The note may cite another article by a live reference (`note_cites`), which a quotation of
-- the alinéa in the avenant makes text: the avenant holds no such article.
a:article { key = "objet", title = "Objet", content = function(ctx)
  local note = data.note_cites and c.Note(c.Para { data.note, " Voir ", ctx.agreement:ref_inlines("suivi"), "." })
               or c.Note(data.note)
  return {
    c.Para { "La convention organise le soutien de la Commune", note, "." },
    c.Para("Elle est conclue pour un an."),
    c.Para { "Le programme est décrit sur ", c.Link(data.url, "le site du programme"), "." },
  }
end }
a:article { key = "suivi", title = "Suivi", content = {
  c.Para("Un comité suit la convention."),
  c.BulletList {
    { c.Para("il se réunit chaque année ;") },
    { c.Para { "il publie ses ", c.Link(data.url, "comptes"), "." } },
  },
} }
return a:document()
