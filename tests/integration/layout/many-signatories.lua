-- Nine signatories (five rows of a signature block) after a text that ends two thirds down a
-- page: test_outputs checks the block breaks between its rows rather than moving whole (which
-- left that page half blank and, filling the next, a blank page after it).
local c = require "conventio"
local columns = {}
for i = 1, 9 do
  columns[i] = { "Pour la commune n° " .. i .. ",", "Le maire,", "Signataire " .. i }
end
local body = {}
for i = 1, 12 do
  body[#body + 1] = c.Para("Alinéa " .. i .. " : " .. string.rep("texte de la convention ", 20) .. "fin " .. i .. ".")
end
body[#body + 1] = c.Para "Fait à Paris, en neuf exemplaires originaux, le"
body[#body + 1] = c.Signatures(columns)
return c.Document { title = "Neuf signataires", body = body }
