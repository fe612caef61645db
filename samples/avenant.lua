-- The avenant of a change set (--data CHANGES.json): computed from the Convention's own
-- script and data, which the change set names (see README, "Amending an agreement").
--   conventio render samples/avenant.lua --data samples/cerema-avenant-1-2024.json -o avenant.odt
local Avenant = require "conventio.avenant"
return Avenant.from_change_set(...):document()
