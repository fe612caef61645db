-- Two signatories whose block ends at the very foot of the second page: the paragraph a reader
-- adds after a table that ends a document (ours is a 6 pt spacer, LibreOffice's own a whole
-- line) must not push onto a blank third page. test_outputs checks both formats have the same
-- pages and none blank.
local c = require "conventio"
local body = {}
for i = 1, 8 do
  body[#body + 1] = c.Para("Alinéa " .. i .. " : " .. string.rep("texte de la convention ", 20) .. "fin " .. i .. ".")
end
for i = 1, 33 do body[#body + 1] = c.Para("Ligne courte " .. i .. ".") end
body[#body + 1] = c.Para "Dernier alinéa du texte."
body[#body + 1] = c.Para "Fait à Paris, en deux exemplaires originaux, le"
body[#body + 1] = c.Signatures {
  { "Pour la commune n° 1,", "Le maire,", "Signataire 1" },
  { "Pour la commune n° 2,", "Le maire,", "Signataire 2" },
}
return c.Document { title = "Signataires en pied de page", body = body }
