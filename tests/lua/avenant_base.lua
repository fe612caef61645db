-- A minimal agreement for tests/lua/avenant_test.lua: its data decides an amount, a date, a
-- duration and a table, so that change sets can change each (not a test itself).
local c = require "conventio"
local Agreement = require "conventio.agreement"
local Party = require "conventio.party"

local data = ...
local a = Agreement.new {
  kind = "partenariat", place = "Melun", date = "2024-01-15",
  parties = {
    commune = Party.new({ short_name = "Commune de Melun", kind = "commune", representation = "r",
                          address = data.address }, "parties.commune"),
    asso = Party.new({ short_name = "association X", gender = "f", kind = "association", representation = "r" },
                     "parties.asso"),
  },
  party_order = { "commune", "asso" },
}
local amount = c.Money(data.amount, "amount")
if amount > c.Money("100000") then error(c.data_file .. ": amount: above the ceiling of 100 000 €", 0) end
a:article { key = "objet", title = "Objet", content = { c.Para(data.purpose),
    c.Para("La convention est conclue pour l'année.") } }
local rows = {}
for _, r in ipairs(data.rows) do rows[#rows + 1] = { tostring(r.year), tostring(c.Money(r.amount)) } end
a:article { key = "montant", title = "Montant", content = {
  c.Para("Le montant est fixé à " .. tostring(amount) .. "."),
  c.Table { widths = { 1, 1 }, header = { "Année", "Montant" }, rows = rows },
  c.Para("Il est versé en une fois."),
  c.Para("Le versement est effectué sur le compte de l'association."),
} }
a:article { key = "duree", title = "Durée", content = {
  c.Para("La convention prend fin le " .. c.Date(data.end_date).long .. "."),
  c.Para("Elle peut être prolongée par avenant."),
  c.Table { widths = { 2, 1 }, header = { "Étape", "Échéance" }, rows = { { "Lancement", "mars" }, { "Bilan",
      "décembre" } } },
} }
a:article { key = "litiges", title = "Litiges",
            content = "Les litiges relèvent du tribunal administratif de Melun. Les parties recherchent "
  .. "d'abord un accord amiable." }
a:annex { key = "calendrier", title = "Calendrier", content = c.Para(data.calendar) }
return a:document()
