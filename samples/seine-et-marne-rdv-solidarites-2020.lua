-- Convention de partenariat Département de Seine-et-Marne – ANCT (2020): the département
-- joins the commun numérique RDV-Solidarités of the Incubateur des Territoires and
-- co-finances it according to its population stratum. Regenerates seed 003 from
-- seine-et-marne-rdv-solidarites-2020.json and the clause library; the amount the département
-- owes is computed from the stratum table and its population, and printed.
local c = require "conventio"
local Agreement = require "conventio.agreement"
local closing = require "conventio.closing"
local strata = require "conventio.finance.strata"

local data = ...
local a = Agreement.from_data(data, {
  fields = { "preamble_markdown", "service", "finance", "end_date", "court" },
})
local partner, anct = a.parties.partner, a.parties.anct
local service = data.service

a:add_preamble(a:clause("beta_gouv/preambule/incubateur_territoires", { incubator = anct }))
for _, paragraph in ipairs(data.preamble_markdown) do a:add_preamble(c.Markdown(paragraph)) end

-- The départements that are parties and pay: the Convention's, and those joining the
-- co-financing later by an avenant. The clauses about them name each, so that « la collectivité »
-- never stands for all of them.
local members, payers = { partner }, { "partner" }
for _, other in ipairs(data.finance.other_payers or {}) do
  local member = a.parties[other.party]
  if member then members[#members + 1], payers[#payers + 1] = member, other.party end
end
local several = #members > 1 and members or nil

a:article { key = "objet", title = "Objet de la convention",
            content = a:clause("beta_gouv/objet/commun_numerique", { incubator = anct, service = service,
                                                                    partners = several }) }
a:article { key = "obligations_partenaire", title = "Obligations " .. partner.du,
            content = a:clause("beta_gouv/engagements/obligations_commun", {
              service = service, finance_key = "finances", manifesto_key = "manifeste" }) }
-- A département that joins has the same obligations.
for i = 2, #members do
  a:article { key = "obligations_" .. payers[i], title = "Obligations " .. members[i].du,
              content = a:clause("beta_gouv/engagements/obligations_commun", {
                partner = members[i], service = service, finance_key = "finances", manifesto_key = "manifeste" }) }
end
a:article { key = "obligations_anct", title = "Obligations " .. anct.du,
            content = a:clause("beta_gouv/engagements/obligations_incubateur_anct", {
              incubator = anct, service = service, cofinancing_key = "finances" }) }
a:article { key = "travaux", title = "Déroulement des travaux",
            content = a:clause("beta_gouv/engagements/deroulement_travaux", {
              beneficiary = partner, beneficiaries = several, funder = anct, service = service }) }

strata.add(a, data.finance, { key = "finances", service = service })

closing.resiliation(a, { sections = { "faute", "effets" }, payer = payers, receiver = "anct" })
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
closing.litiges(a, { court = data.court, one_paragraph = true })
closing.publication(a, { publisher = "anct" })

a:annex { key = "manifeste", title = "manifeste beta.gouv.fr",
    content = a:clause("beta_gouv/annexes/manifeste_trois_piliers") }

return a:document()
