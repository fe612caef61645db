-- One row of departements.csv: the avenant that moves a département's RDV-Solidarités
-- convention (departement.lua: seed 003's co-financing with the row's name, representative,
-- population, entry and refund account) one year later, computed from the convention and the
-- change set below.
--   conventio batch samples/batch/avenant-report.lua --rows samples/batch/departements.csv \
--     --lib samples --out out --name 'avenant-report-{code}-{departement}'
local c = require "conventio"
local Avenant = require "conventio.avenant"
local convention_of = require "departement"

local convention = convention_of(...)

return Avenant.from_change_set({
  base = { script = "seine-et-marne-rdv-solidarites-2020.lua", data = convention,
           kind = "partenariat", date = "2023-12-15" },
  number = 1,
  date = "2024-11-15",
  reasons = {
    "Le déploiement de RDV-Solidarités dans les services du Département a pris du retard ; les parties "
      .. "conviennent de reporter d'un an la période de cofinancement et la durée de la convention.",
  },
  data = {
    { set = "finance.first_year", to = convention.finance.first_year + 1 },
    { set = "end_date", to = "2026-12-31" },
  },
}, c.data_file):document()
