-- The Convention as amended by a change set (--data CHANGES.json), with its numbers kept:
-- the clean consolidated version.
--   conventio render samples/consolidated.lua --data samples/cerema-avenant-1-2024.json -o amended.odt
local Avenant = require "conventio.avenant"
return Avenant.from_change_set(...):amended_document()
