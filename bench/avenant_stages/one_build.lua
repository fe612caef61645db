-- Stage 2: the row's Convention built once by its own script, every clause rendered (its
-- document dropped), then a one-paragraph document.
local c = require "conventio"
local convention_of = require "departement"
-- As conventio.avenant builds its versions: to be compared, their documents dropped.
require("conventio.agreement").building_versions = true
local build = c.load_script("seine-et-marne-rdv-solidarites-2020.lua")
build(convention_of(...))
return c.Document { title = "one build", body = { c.Para("one build") } }
