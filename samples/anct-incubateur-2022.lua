-- Convention de partenariat ANCT – DINUM (2022): follows the 2020 convention that created the
-- ANCT's incubator and its avenant n° 1; authorises the commitment of the credits left from
-- them (AE carried over and recycled, computed). Regenerates seed 000 from
-- anct-incubateur-2022.json and the clause library.
local c = require "conventio"
local Agreement = require "conventio.agreement"
local annexes = require "conventio.annexes"
local clauses = require "conventio.clauses"
local carried_over = require "conventio.finance.carried_over"
local closing = require "conventio.closing"

local data = ...
-- The method both parties follow, linked from the object of the agreement.
local beta_gouv_approach = clauses.markup("<https://beta.gouv.fr/approche/>")
local a = Agreement.from_data(data, {
  fields = { "preamble_markdown", "purpose", "finance", "closing" },
  -- This convention has no "Il a été convenu ce qui suit".
  parts = { "title", "parties", "visas", "preamble", "articles", "signatures", "annexes" },
})
local partner, dinum = a.parties.partner, a.parties.dinum

a:visa(a:clause("beta_gouv/commun/visas_dinum"))
for _, paragraph in ipairs(data.preamble_markdown) do a:add_preamble(c.Markdown(paragraph)) end

a:article { key = "objet", title = "Objet du partenariat",
            content = a:clause("objet/partenariat", {
              counterpart = dinum, purpose = data.purpose, partner_named = true, approach = beta_gouv_approach }) }

local engaged = "le partenaire"
a:article {
  key = "obligations_partenaire", title = "Obligations " .. partner.de,
  content = a:clause("beta_gouv/engagements/approche_startup", { engaged = engaged }),
  sections = {
    { title = "Manifeste beta.gouv", numbered = false,
      content = a:clause("beta_gouv/engagements/manifeste", { engaged = engaged }) },
    { title = "Intrapreneur et sponsors", numbered = false,
      content = a:clause("beta_gouv/engagements/intrapreneur_sponsors", { engaged = engaged }) },
    { title = "Comités d'investissements semestriels", numbered = false,
      content = a:clause("beta_gouv/engagements/comites_investissement",
                         { chair = "du partenaire", evaluation_grid = true, short_form = true }) },
    { title = "Autres engagements", numbered = false,
      content = a:clause("beta_gouv/engagements/autres_engagements",
                         { engaged = engaged, controller = partner, gdpr_article = "donnees" }) },
  },
}
a:article { key = "obligations_dinum", title = "Obligations de la DINUM",
            content = a:clause("beta_gouv/engagements/obligations_dinum", { service = "du service du partenaire" }) }
a:article { key = "donnees", title = "Respect des règles de protection des données à caractère personnel",
            content = a:clause("engagements/protection_donnees", { controller = partner, processor = dinum }) }

carried_over.add(a, data.finance)

closing.add(a, data.closing)

a:annex { key = "rgpd", title = "tableau de répartition des responsabilités RGPD",
          -- The seed's matrix, word for word: a beta.gouv start-up's téléservice.
          content = annexes.gdpr_matrix { controller = partner, processor = dinum,
                                          template = "beta_gouv/annexes/rgpd" } }

return a:document()
