-- Stage 2: the row's Convention built once by its own script, every clause rendered and its
-- document made (conventio.avenant's versions skip the document: a little less than this), then
-- a one-paragraph document.
local c = require "conventio"
local convention_of = require "departement"
local build = c.load_script("seine-et-marne-rdv-solidarites-2020.lua")
build(convention_of(...))
return c.Document { title = "one build", body = { c.Para("one build") } }
