-- Anchors renumbered by a consolidated version (tests/integration/test_consolidated.py): an
-- article's number 6 deleted and 7 inserted under one anchor, a reference replaced with it, one
-- kept that shows the new number; an article deleted whole with the reference to it; an annex's
-- heading deleted whole and another inserted under its anchor, with the paragraphs citing them.
-- Not a sample.
local c = require "conventio"
local doc = c.Document { revision = { author = "Avenant n° 1", date = "2024-05-15" } }
doc:add(c.Article { "Article ", c.Anchor("objet", "1"), " : Objet" })
doc:add(c.track_changes(c.Para { "La durée est fixée à l'article ", c.Ref("duree", "6"), "." },
                        c.Para { "La durée est fixée à l'article ", c.Ref("duree", "7"), "." }))
doc:add(c.Para { "Son objet est celui de l'article ", c.Ref("objet", "1"), "." })
doc:add(c.track_changes(c.Article { "Article ", c.Anchor("duree", "6"), " : Durée" },
                        c.Article { "Article ", c.Anchor("duree", "7"), " : Durée" }))
doc:add(c.Para { "Sa durée est celle de l'article ", c.Ref("duree", "7"), "." })
doc:add(c.track_changes(c.Para { "Il prend fin selon l'article ", c.Ref("fin", "9"), "." }, nil))
doc:add(c.track_changes(c.Article { "Article ", c.Anchor("fin", "9"), " : Fin" }, nil))
doc:add(c.track_changes(c.Para { "Le plan figure à l'annexe ", c.Ref("plan", "2"), "." }, nil))
doc:add(c.track_changes(nil, c.Para { "Le plan détaillé figure à l'annexe ", c.Ref("plan", "3"), "." }))
doc:add(c.track_changes(c.AnnexHeading { "Annexe ", c.Anchor("plan", "2"), " : Plan" }, nil))
doc:add(c.track_changes(nil, c.AnnexHeading { "Annexe ", c.Anchor("plan", "3"), " : Plan détaillé" }))
doc:add(c.Para "Le plan est tenu à jour.")
return doc
