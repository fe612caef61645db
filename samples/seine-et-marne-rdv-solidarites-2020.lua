-- Convention de partenariat Département de Seine-et-Marne – ANCT (2020): the département
-- joins the commun numérique RDV-Solidarités of the Incubateur des Territoires and
-- co-finances it according to its population stratum. Regenerates seed 003 from
-- seine-et-marne-rdv-solidarites-2020.json and the clause library; the amount the département
-- owes is computed from the stratum table and its population, and printed.
local c = require "conventio"
local Agreement = require "conventio.agreement"
local Party = require "conventio.party"
local strata = require "conventio.finance.strata"

local data = ...
local partner = Party.new(data.parties.partner, "parties.partner")
local anct = Party.new(data.parties.anct, "parties.anct")
local service = data.service

local a = Agreement.new {
  title = data.title,
  subject = data.subject,
  keywords = data.keywords,
  place = data.place,
  parties = { partner = partner, anct = anct },
  party_order = { "partner", "anct" },
  -- "Il a été convenu ce qui suit" opens the preamble in this convention.
  parts = { "title", "parties", "visas", "agreed", "preamble", "articles", "signatures", "annexes" },
}

a:add_preamble(a:clause("beta_gouv/preambule/incubateur_territoires", { incubator = anct }))
for _, paragraph in ipairs(data.preamble_markdown) do a:add_preamble(c.Markdown(paragraph)) end

a:article { key = "objet", title = "Objet de la convention",
            content = a:clause("beta_gouv/objet/commun_numerique", { incubator = anct, service = service }) }
a:article { key = "obligations_partenaire", title = "Obligations " .. partner.du,
            content = a:clause("beta_gouv/engagements/obligations_commun", {
              service = service, finance_key = "finances", manifesto_key = "manifeste" }) }
a:article { key = "obligations_anct", title = "Obligations " .. anct.du,
            content = a:clause("beta_gouv/engagements/obligations_incubateur_anct", {
              incubator = anct, service = service, cofinancing_key = "finances" }) }
a:article { key = "travaux", title = "Déroulement des travaux",
            content = a:clause("beta_gouv/engagements/deroulement_travaux", {
              beneficiary = partner, funder = anct, service = service }) }

strata.add(a, data.finance, { key = "finances", service = service })

a:article {
  key = "resiliation", title = "Résiliation",
  sections = {
    { key = "resiliation_faute", title = "Résiliation pour faute",
      content = a:clause("commun/resiliation_faute", { payer = partner }) },
    { key = "resiliation_effets", title = "Effets de la résiliation",
      content = a:clause("commun/resiliation_effets", { payer = partner, receiver = anct }) },
  },
}
a:article {
  key = "dispositions_generales", title = "Dispositions générales",
  sections = {
    { key = "modification", title = "Modification de la convention",
      content = a:clause("commun/modification_contrat") },
    { key = "nullite", title = "Nullité", content = a:clause("commun/nullite") },
    { key = "renonciation", title = "Renonciation", content = a:clause("commun/renonciation") },
    { key = "duree", title = "Durée",
      content = a:clause("commun/duree_vigueur", { end_date = c.Date(data.end_date) }) },
  },
}
a:article { key = "litiges", title = "Litiges",
            content = a:clause("commun/litiges", { court = data.court, one_paragraph = true }) }
a:article { key = "publication", title = "Publication de la convention",
            content = a:clause("commun/publication", { publisher = anct }) }

a:signatures { originals = data.originals }

a:annex { key = "manifeste", title = "manifeste beta.gouv.fr",
    content = a:clause("beta_gouv/annexes/manifeste_trois_piliers") }

return a:document()
