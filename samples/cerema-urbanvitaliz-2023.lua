-- Convention de partenariat Cerema – DINUM (2023): the second convention of the startup
-- d'État UrbanVitaliz / Reco-co, one payment of 475 000 € at signature.
-- Regenerates seed 002 from cerema-urbanvitaliz-2023.json and the clause library.
local c = require "conventio"
local Agreement = require "conventio.agreement"
local annexes = require "conventio.annexes"
local closing = require "conventio.closing"
local clauses = require "conventio.clauses"
local single_payment = require "conventio.finance.single_payment"

local data = ...
-- The method both parties follow, linked from the object of the agreement.
local beta_gouv_approach = clauses.markup("<https://beta.gouv.fr/approche/>")
local a = Agreement.from_data(data, {
  fields = { "preamble_markdown", "purpose_markdown", "finance", "visa_number", "closing" },
})
local partner, dinum = a.parties.partner, a.parties.dinum

a:visa(a:clause("beta_gouv/commun/visas_dinum"))
a:add_preamble(a:clause("beta_gouv/preambule/beta_gouv"))
for _, paragraph in ipairs(data.preamble_markdown) do a:add_preamble(c.Markdown(paragraph)) end

a:article { key = "objet", title = "Objet du partenariat",
            -- The purpose is this agreement's own wording, with its emphasis: Markdown on purpose.
            content = a:clause("objet/partenariat", {
              counterpart = dinum, purpose = clauses.markup(data.purpose_markdown), approach = beta_gouv_approach }) }

local engaged = "le partenaire"
a:article {
  key = "obligations_partenaire", title = "Obligations " .. partner.du,
  content = { a:clause("beta_gouv/engagements/information_besoins"),
              a:clause("beta_gouv/engagements/approche_startup", { engaged = engaged }) },
  sections = {
    { title = "Manifeste beta.gouv", numbered = false,
      content = a:clause("beta_gouv/engagements/manifeste", { engaged = engaged }) },
    { title = "Intrapreneur et sponsors", numbered = false,
      content = a:clause("beta_gouv/engagements/intrapreneur_sponsors", { engaged = engaged }) },
    { title = "Comités d'investissements semestriels", numbered = false,
      content = a:clause("beta_gouv/engagements/comites_investissement", { chair = "du partenaire" }) },
    { title = "Autres engagements", numbered = false,
      content = a:clause("beta_gouv/engagements/autres_engagements", { engaged = engaged, controller = partner }) },
  },
}
a:article { key = "obligations_dinum", title = "Obligations de la DINUM",
            content = a:clause("beta_gouv/engagements/obligations_dinum") }

single_payment.add(a, data.finance)

closing.add(a, data.closing)

a:signatures { after = a:clause("commun/visa_controleur", { number = data.visa_number }) }

a:annex { key = "rgpd", title = "tableau de répartition des responsabilités RGPD",
          -- The seed's matrix, word for word: a beta.gouv start-up's téléservice.
          content = annexes.gdpr_matrix { controller = partner, processor = dinum,
                                          template = "beta_gouv/annexes/rgpd" } }

return a:document()
