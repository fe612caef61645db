-- A minimal agreement for tests/lua/avenant_test.lua: its data decides an amount, a date, a
-- duration and a table, so that change sets can change each (not a test itself).
local c = require "conventio"
local Agreement = require "conventio.agreement"
local Party = require "conventio.party"

local data = ...
local parties = {
  commune = Party.new({ short_name = data.commune_name or "Commune de Melun", kind = "commune", representation = "r",
                        address = data.address }, "parties.commune"),
  asso = Party.new({ short_name = "association X", gender = "f", kind = "association", representation = "r" },
                   "parties.asso"),
}
local order = { "commune", "asso" }
-- Parties that join by an avenant (optional): { role =, the party's fields }.
for i, spec in ipairs(data.other_parties or {}) do
  local fields = {}
  for k, v in pairs(spec) do if k ~= "role" then fields[k] = v end end
  parties[spec.role] = Party.new(fields, ("other_parties[%d]"):format(i))
  order[#order + 1] = spec.role
end
local a = Agreement.new {
  kind = "partenariat", place = "Melun", date = "2024-01-15", parties = parties, party_order = order,
}
-- Visas and a preamble (optional): lists of texts.
for _, v in ipairs(data.visas or {}) do a:visa(c.Para(v)) end
for _, p in ipairs(data.preamble or {}) do a:add_preamble(c.Para(p)) end
local amount = c.Money(data.amount, "amount")
if amount > c.Money("100000") then error(c.data_file .. ": amount: above the ceiling of 100 000 €", 0) end
a:article { key = "objet", title = "Objet", content = { c.Para(data.purpose),
    c.Para("La convention est conclue pour l'année.") } }
local rows = {}
for _, r in ipairs(data.rows) do rows[#rows + 1] = { tostring(r.year), tostring(c.Money(r.amount)) } end
-- Sub-articles of the amount (optional): { { key =, title =, text = } }, numbered 2.1, 2.2.
local sections = {}
for _, s in ipairs(data.amount_sections or {}) do
  sections[#sections + 1] = { key = s.key, title = s.title, content = c.Para(s.text), numbered = true }
end
a:article { key = "montant", title = "Montant", sections = sections, content = {
  c.Para("Le montant est fixé à " .. tostring(amount) .. "."),
  c.Table { widths = { 1, 1 }, header = { "Année", "Montant" }, rows = rows },
  c.Para("Il est versé en une fois."),
  c.Para("Le versement est effectué sur le compte de l'association."),
  -- Its bank details, when the data gives them (optional).
  data.account and require("conventio.finance.common").bank_details(a, c.BankAccount(data.account, "account")) or nil,
} }
-- A duration in months or years instead of the end date (optional): { months = N }.
local quantities = require "conventio.quantities"
a:article { key = "duree", title = "Durée", content = {
  data.duration and a:clause("commun/duree", { duration = quantities.duration(data.duration, "duration"),
                                               without_orders = true })
    or c.Para("La convention prend fin le " .. c.Date(data.end_date).long .. "."),
  c.Para("Elle peut être prolongée par avenant."),
  c.Table { widths = { 2, 1 }, header = { "Étape", "Échéance" }, rows = { { "Lancement", "mars" }, { "Bilan",
      "décembre" } } },
} }
a:article { key = "litiges", title = "Litiges",
            content = "Les litiges relèvent du tribunal administratif de Melun. Les parties recherchent "
  .. "d'abord un accord amiable." }
-- The calendar annex may be left out (no_calendar), an annex of indicators added (optional).
if not data.no_calendar then a:annex { key = "calendrier", title = "Calendrier", content = c.Para(data.calendar) } end
if data.indicators then a:annex { key = "indicateurs", title = "Indicateurs", content = c.Para(data.indicators) } end
return a:document()
