-- A département's own RDV-Solidarités convention: seed 003's co-financing
-- (rdv-solidarites-departement-2024.json) with the name, address, representative, population,
-- entry and refund account of its row of departements.csv. The batch scripts beside it start
-- from it (avenant-report.lua); a cell that does not read names its row and column.
local c = require "conventio"
local batch = require "conventio.batch"

--- The convention's data for `row` (a row of departements.csv).
return function(row)
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
  return convention
end
