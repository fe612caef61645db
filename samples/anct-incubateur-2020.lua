-- Convention de partenariat ANCT – DINUM (2020): the initial convention creating the ANCT's
-- incubator with the DINUM; 1 600 000 € paid in tranches triggered by consumption thresholds.
-- Regenerates seed 001 (an OCR text) from anct-incubateur-2020.json and the clause library.
local Agreement = require "conventio.agreement"
local annexes = require "conventio.annexes"
local closing = require "conventio.closing"
local quantities = require "conventio.quantities"
local tranches = require "conventio.finance.tranches"
local c = require "conventio"

local data = ...
local a = Agreement.from_data(data, {
  fields = { "preamble_markdown", "purpose", "commitments", "finance", "forecast_duration", "closing" },
})
local partner = a.parties.partner

a:visa(a:clause("beta_gouv/commun/visas_dinum", { without_decree = true }))
for _, paragraph in ipairs(data.preamble_markdown) do a:add_preamble(c.Markdown(paragraph)) end

a:article { key = "objet", title = "Objet de la convention",
            content = a:clause("beta_gouv/objet/cooperation", { partner = partner, purpose = data.purpose }) }
a:article { key = "roles", title = "Rôles et responsabilités des parties",
            content = { a:clause("beta_gouv/engagements/incubateur_partenaire", { commitments = data.commitments }),
                        a:clause("beta_gouv/engagements/incubateur_dinum",
                                 { costs_annex = data.finance.costs_annex }) } }
a:article { key = "travaux", title = "Déroulement des travaux",
            content = a:clause("beta_gouv/engagements/code_ouvert") }

tranches.add(a, data.finance)

local forecast = quantities.duration(data.forecast_duration, "forecast_duration")
a:article { key = "duree", title = "Durée",
            content = a:clause("commun/duree", { covers_expenses = true, forecast_duration = forecast,
                                                 without_orders = true }) }
closing.add(a, data.closing)

a:annex { key = "manifeste", title = "le manifeste beta.gouv.fr",
          content = a:clause("beta_gouv/annexes/manifeste_partenaire") }
a:annex { key = data.finance.costs_annex, title = "détermination des frais encourus",
          content = { a:clause("beta_gouv/annexes/frais_encourus"),
                      annexes.headed_parts("beta_gouv/annexes/frais_categories") } }

return a:document()
