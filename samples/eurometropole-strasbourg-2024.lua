-- Convention de partenariat Eurométropole de Strasbourg – ANCT (2024): an agreement no seed
-- contains, assembled only from the clause library and its data. The Eurométropole joins the
-- commun numérique RDV Service Public as an entering collectivity: its contribution is
-- computed from the stratum table (printed as a table) and paid in yearly tranches; the ANCT
-- does not co-finance; the duration clause is the DINUM agreements' one.
-- Beside seed 003 (la collectivité, le Département), the payer here elides ("de
-- l'Eurométropole de Strasbourg", "à l'Eurométropole"), and its representative is a woman.
local c = require "conventio"
local Agreement = require "conventio.agreement"
local closing = require "conventio.closing"
local strata = require "conventio.finance.strata"

local data = ...
local a = Agreement.from_data(data, { fields = { "preamble_markdown", "service", "finance", "closing" } })
local partner, anct = a.parties.partner, a.parties.anct
local service = data.service

a:add_preamble(a:clause("beta_gouv/preambule/incubateur_territoires", { incubator = anct }))
for _, paragraph in ipairs(data.preamble_markdown) do a:add_preamble(c.Markdown(paragraph)) end

a:article { key = "objet", title = "Objet de la convention",
            content = a:clause("beta_gouv/objet/commun_numerique", { incubator = anct, service = service }) }
a:article { key = "obligations_partenaire", title = "Obligations " .. partner.du,
            content = a:clause("beta_gouv/engagements/obligations_commun", {
              service = service, finance_key = "finances", manifesto_key = "manifeste" }) }
a:article { key = "obligations_anct", title = "Obligations " .. anct.du,
            content = a:clause("beta_gouv/engagements/obligations_incubateur_anct", { incubator = anct,
                service = service }) }
a:article { key = "travaux", title = "Déroulement des travaux",
            content = a:clause("beta_gouv/engagements/deroulement_travaux", {
              beneficiary = partner, funder = partner, service = service }) }

strata.add(a, data.finance, { key = "finances", service = service })

closing.add(a, data.closing)

a:annex { key = "manifeste", title = "manifeste beta.gouv.fr",
    content = a:clause("beta_gouv/annexes/manifeste_trois_piliers") }

return a:document()
