-- One row of departements.csv: the avenant that moves a département's RDV-Solidarités
-- convention (seed 003's co-financing, rdv-solidarites-departement-2024.json) one year later.
-- The convention is the département's own (its name, representative, population, entry and
-- refund account from the row); the avenant is computed from it and the change set below.
--   conventio batch samples/batch/avenant-report.lua --rows samples/batch/departements.csv \
--     --lib samples --out out --name 'avenant-report-{code}-{departement}'
local c = require "conventio"
local Avenant = require "conventio.avenant"
local batch = require "conventio.batch"

local row = ...
local convention = c.load_data("rdv-solidarites-departement-2024.json")
local name = batch.column(row, "denomination")
local civility = batch.column(row, "civilite")
local representative = batch.column(row, "representant")
local title = batch.column(row, "titre")
local partner = convention.parties.partner
partner.legal_name = name
partner.address = batch.column(row, "adresse")
-- "Président du Conseil départemental" of "de la Drôme", from "Département de la Drôme".
partner.representative = { civility = civility, name = representative,
                           title = title .. " " .. name:gsub("^Département ", "") }
partner.signature_label = "Pour le " .. name .. ","
partner.signature_name = civility .. " " .. representative .. ","
partner.signature_title = partner.representative.title
local finance = convention.finance
finance.population = batch.column(row, "population", batch.integer)
finance.entering = batch.column(row, "entrant", batch.yes_no)
finance.refund_account = {
  holder = name,
  iban = batch.column(row, "iban", c.id.iban),
  bic = batch.column(row, "bic", c.id.bic),
}

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
    { set = "finance.first_year", to = finance.first_year + 1 },
    { set = "end_date", to = "2026-12-31" },
  },
}, c.data_file):document()
