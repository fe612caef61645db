-- conventio.batch: a row's columns read with messages that name the column (the batch command
-- turns "column 'x'" into the cell's place), French numbers and yes/no cells.
local check = require "check"
local c = require "conventio"
local batch = require "conventio.batch"

local row = { nom = "Drôme", population = "516\u{a0}762", vide = "  ", montant = "1 234,56", entrant = "Oui",
              iban = "FR76 3000 1007 9412 3456 7890 185" }

check.eq(batch.column(row, "nom"), "Drôme")
check.eq(batch.column(row, "population", batch.integer), 516762, "digits grouped by a no-break space")
check.eq(batch.column(row, "montant", c.Money), c.Money "1234.56", "a French amount")
check.eq(batch.column(row, "entrant", batch.yes_no), true)
check.eq(batch.optional(row, "vide"), nil, "a blank cell is no value")
check.eq(batch.optional(row, "absente"), nil, "a missing column is no value")
check.eq(batch.optional(row, "population", batch.integer), 516762)

check.fails("column 'nmo': no such column (did you mean nom?)", batch.column, row, "nmo")
check.fails("column 'vide': empty", batch.column, row, "vide")
check.fails("column 'nom': 'Drôme' is not a whole number", batch.column, row, "nom", batch.integer)
check.fails("column 'nom': 'Drôme' is not oui or non", batch.column, row, "nom", batch.yes_no)
check.fails("column 'nom': invalid IBAN", batch.column, row, "nom", c.id.iban)
-- A conversion's own location (a library file) is not the drafter's place: the column is.
local _, message = pcall(batch.column, row, "nom", function() error("bad value") end)
check.eq(message, "column 'nom': bad value", "no Lua location in front of the column")

for _, word in ipairs { "oui", "NON", " x ", "1", "faux", "yes" } do
  check.eq(type(batch.yes_no(word)), "boolean", word)
end
check.eq(batch.yes_no("non"), false)
check.eq(batch.integer(" -12 "), -12)
check.fails("is too large", batch.integer, "99999999999999999999")

return check.done()
