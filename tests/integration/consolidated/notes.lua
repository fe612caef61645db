-- Notes kept, inserted and deleted in a consolidated version (tests/integration/test_consolidated.py):
-- with the words around them, with whole paragraphs, with a table's row. Each note's word is
-- followed by its number, so a PDF's text tells which number a reader shows. Not a sample.
local c = require "conventio"
local doc = c.Document { revision = { author = "Avenant n° 1", date = "2024-05-15" } }
doc:add(c.Para { "Alpha", c.Note "Note alpha.", " reste." })
doc:add(c.track_changes(c.Para { "Début, puis bravo", c.Note "Note bravo.", " et suite." },
                        c.Para { "Début et suite." }))
doc:add(c.track_changes(c.Para { "Début et suite." },
                        c.Para { "Début, puis charlie", c.Note "Note charlie.", " et suite." }))
doc:add(c.track_changes(c.Para { "Delta", c.Note "Note delta.", " supprimé." }, nil))
doc:add(c.track_changes(nil, c.Para { "Echo", c.Note "Note echo.", " ajouté." }))
doc:add(c.track_changes(
  c.Table { widths = { 1, 1 }, rows = { { "Étape", "Date" }, { { "Golf", c.Note "Note golf." }, "mars" } } },
  c.Table { widths = { 1, 1 }, rows = { { "Étape", "Date" } } }))
doc:add(c.Para { "Foxtrot", c.Note "Note foxtrot.", " fin." })
return doc
