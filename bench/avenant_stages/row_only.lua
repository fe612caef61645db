-- Stage 1 of an avenant row (bench/batch_bench.sh, "where an avenant row's Lua time goes"): the
-- row read into the département's convention data (samples/batch/departement.lua), then a
-- one-paragraph document: what every row costs before any agreement is built.
local c = require "conventio"
local convention_of = require "departement"
convention_of(...)
return c.Document { title = "row only", body = { c.Para("row only") } }
