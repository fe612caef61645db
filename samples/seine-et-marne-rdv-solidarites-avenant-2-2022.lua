-- An avenant computed from its change set (seine-et-marne-rdv-solidarites-avenant-2-2022.json):
-- the Convention it amends is rebuilt by its own script and data, which the change set names
-- (README, "Amending an agreement").
local Avenant = require "conventio.avenant"
return Avenant.from_change_set(...):document()
