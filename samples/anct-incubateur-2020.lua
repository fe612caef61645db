-- Convention de partenariat ANCT – DINUM (2020): the initial convention creating the ANCT's
-- incubator with the DINUM; 1 600 000 € paid in tranches triggered by consumption thresholds.
-- Regenerates seed 001 (an OCR text) from anct-incubateur-2020.json and the clause library.
local Agreement = require "conventio.agreement"
local Party = require "conventio.party"
local annexes = require "conventio.annexes"
local tranches = require "conventio.finance.tranches"
local c = require "conventio"

local data = ...
local presentation = data.presentation or {}
local partner = Party.new(Party.with(data.parties.partner, presentation.partner, "presentation.partner"),
                          "parties.partner")
local dinum = Party.new(Party.with(data.parties.dinum, presentation.dinum, "presentation.dinum"), "parties.dinum")

local a = Agreement.new {
  title = data.title,
  subject = data.subject,
  place = data.place,
  date = data.date,
  parties = { partner = partner, dinum = dinum },
  party_order = { "partner", "dinum" },
  -- "Il a été convenu ce qui suit" opens the preamble in this convention.
  parts = { "title", "parties", "visas", "agreed", "preamble", "articles", "signatures", "annexes" },
}

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

a:article { key = "duree", title = "Durée",
            content = a:clause("commun/duree", { covers_expenses = true, forecast_duration = data.forecast_duration,
                                                 without_orders = true }) }
a:article {
  key = "resiliation", title = "Résiliation",
  sections = {
    { key = "resiliation_faute", title = "Résiliation pour faute",
      content = a:clause("commun/resiliation_faute", { payer = partner }) },
    { key = "resiliation_effets", title = "Effets de la résiliation",
      content = a:clause("commun/resiliation_effets", { payer = partner, receiver = dinum }) },
  },
}
a:article {
  key = "dispositions_generales", title = "Dispositions générales",
  sections = {
    { key = "modification", title = "Modification de la convention",
      content = a:clause("commun/modification_contrat") },
    { key = "nullite", title = "Nullité", content = a:clause("commun/nullite") },
    { key = "renonciation", title = "Renonciation", content = a:clause("commun/renonciation") },
  },
}
a:article { key = "litiges", title = "Litiges", content = a:clause("commun/litiges") }
a:article { key = "publication", title = "Publication de la convention",
            content = a:clause("commun/publication", { publisher = dinum,
                                                       first_publisher = data.publication.first_publisher,
                                                       first_site = data.publication.first_site }) }

a:signatures { originals = data.originals }

a:annex { key = "manifeste", title = "le manifeste beta.gouv.fr",
    content = a:clause("beta_gouv/annexes/manifeste_partenaire") }
a:annex { key = data.finance.costs_annex, title = "détermination des frais encourus",
          content = { a:clause("beta_gouv/annexes/frais_encourus"),
              annexes.headed_parts("beta_gouv/annexes/frais_categories") } }

return a:document()
