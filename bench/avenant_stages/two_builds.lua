-- Stage 3: the two versions an avenant compares, each built by the Convention's script: the
-- row's Convention and a copy with the change set's two changes (as conventio.avenant copies and
-- changes it), then a one-paragraph document. No comparison, no avenant.
local c = require "conventio"
local convention_of = require "departement"
local change_set = require "conventio.avenant.change_set"
local row = ...
-- Each with its document made: conventio.avenant's versions skip it (the library's own switch,
-- out of a script's reach), so this is a little more than what the avenant spends on them.
local build = c.load_script("seine-et-marne-rdv-solidarites-2020.lua")
local base = convention_of(row)
local amended = change_set.copy(base)
amended.finance.first_year = amended.finance.first_year + 1
amended.end_date = "2026-12-31"
build(base)
build(amended)
return c.Document { title = "two builds", body = { c.Para("two builds") } }
