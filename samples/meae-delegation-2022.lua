-- Convention de délégation de gestion MEAE – DINUM (2022): the MEAE (délégant) lets the DINUM
-- (délégataire) consume the credits of its budget unit, under a ceiling of AE and CP per year,
-- so that the atelier numérique's Startups d'État get coaching.
-- Regenerates seed 004 from meae-delegation-2022.json and the clause library.
local c = require "conventio"
local Agreement = require "conventio.agreement"
local annexes = require "conventio.annexes"
local delegation = require "conventio.finance.delegation"

local data = ...
local a = Agreement.from_data(data, {
  fields = { "preamble_markdown", "purpose", "phase", "finance", "end_date", "amendment_copy_to" },
})
local delegant, dinum = a.parties.delegant, a.parties.dinum
local finance = delegation.read(a, data.finance)

a:visa(a:clause("beta_gouv/commun/visas_dinum", { delegation = true }))
a:add_preamble(a:clause("beta_gouv/preambule/beta_gouv"))
for _, paragraph in ipairs(data.preamble_markdown) do a:add_preamble(c.Markdown(paragraph)) end

a:article { key = "objet", title = "Objet de la délégation",
            content = a:clause("beta_gouv/objet/delegation", {
              delegant = delegant, delegataire = dinum, purpose = data.purpose,
              budget_unit = finance.budget_unit, phase = data.phase }) }

-- The MEAE alone commits to the beta.gouv approach: the text names it.
local engaged = delegant.le
a:article {
  key = "obligations_delegant", title = "Obligations " .. delegant.role_name.du,
  content = a:clause("beta_gouv/engagements/approche_startup", { engaged = engaged }),
  sections = {
    { title = "Manifeste beta.gouv", numbered = false,
      content = a:clause("beta_gouv/engagements/manifeste", { engaged = engaged }) },
    { title = "Intrapreneur et sponsors", numbered = false,
      content = a:clause("beta_gouv/engagements/intrapreneur_sponsors", { engaged = engaged }) },
    { title = "Comités d'investissements semestriels", numbered = false,
      -- The committees may use an evaluation grid; this agreement annexes none, so the text
      -- names no annex (the seed's "référencée en annexe" pointed at nothing).
      content = a:clause("beta_gouv/engagements/comites_investissement", {
        chair = delegant.du, evaluation_grid = true, evaluation_grid_annex = false }) },
    { title = "Autres engagements", numbered = false,
      content = a:clause("beta_gouv/engagements/autres_engagements", {
        engaged = engaged, controller = delegant, single_party = true, gdpr_article = true }) },
  },
}
a:article { key = "obligations_dinum", title = "Obligations " .. dinum.du,
            content = a:clause("beta_gouv/engagements/obligations_dinum", { delegation = "objet" }) }
a:article { key = "donnees", title = "Respect des règles de protection des données à caractère personnel",
            content = a:clause("engagements/protection_donnees", {
              controller = delegant, processor = dinum, role = delegant.role_name.le, annex_key = "rgpd" }) }

delegation.add(a, finance)

a:article { key = "modification", title = "Modification du document",
            content = a:clause("commun/modification_avenant", {
              partner = delegant.role_name, copy_to = data.amendment_copy_to }) }
a:article { key = "duree", title = "Durée et résiliation de la convention",
            content = { a:clause("commun/duree", {
                          end_date = c.Date(data.end_date), covers_expenses = true, delegation = true }),
                        a:clause("commun/resiliation_delegation") } }
a:article { key = "publication", title = "Publication de la délégation",
            content = a:clause("commun/publication", { publisher = dinum.role_name, delegation = true }) }

-- The matrix shares out the GDPR responsibilities between two bodies: its columns name them.
a:annex { key = "rgpd", title = "tableau de répartition des responsabilités RGPD",
          -- The seed's matrix, word for word: a beta.gouv start-up's téléservice.
          content = annexes.gdpr_matrix { controller = delegant, processor = dinum,
                                          template = "beta_gouv/annexes/rgpd" } }

return a:document()
