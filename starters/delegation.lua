-- @NAME@: a new delegation agreement
-- (conventio new NAME --kind delegation),
-- from samples/meae-delegation-2022.lua.
-- Fill in @NAME@.json: `conventio check @NAME@.lua --data @NAME@.json` lists every
-- "[à compléter]" left, all at once. Keep the articles this agreement needs; add its own
-- with a:article{...}. docs/reference.md describes every field and function.
--
-- The data fields:
--   title: the title (default: from kind)
--   subject: the document's subject metadata
--   place: where it is signed
--   party_order: the roles in the order the agreement names them
--   date: the signature date, "YYYY-MM-DD"
--   parties.delegant.legal_name: full legal name, in bold in the party block
--   parties.delegant.short_name: how the text names the party: "Cerema", "Commune de Melun" (required)
--   parties.delegant.kind: the kind of body: etat, epa, epic, commune, departement, region, epci, gip, association
--   parties.delegant.gender: grammatical gender of short_name: "m" or "f" (required unless the kind gives it)
--   parties.delegant.role: its role as the text names it ("délégant"), also in « »
--   parties.delegant.address: its postal address
--   parties.delegant.representative.civility: "Madame" or "Monsieur"
--   parties.delegant.representative.name: the signatory's name (required)
--   parties.delegant.representative.title: the signatory's title (required unless the kind gives it: "Maire")
--   parties.delegant.signature_label: the signature column's first line (default: "Pour le Cerema,")
--   parties.delegant.accountant_short: its accountant as a copy is sent to it, a masculine noun ("payeur
--       départemental")
--   parties.dinum.legal_name: full legal name, in bold in the party block
--   parties.dinum.legal_gender: gender of legal_name when it differs from gender
--   parties.dinum.acronym: shown after the legal name ("(ANCT)")
--   parties.dinum.short_name: how the text names the party: "Cerema", "Commune de Melun" (required)
--   parties.dinum.kind: the kind of body: etat, epa, epic, commune, departement, region, epci, gip, association
--   parties.dinum.gender: grammatical gender of short_name: "m" or "f" (required unless the kind gives it)
--   parties.dinum.role: its role as the text names it ("délégant"), also in « »
--   parties.dinum.address: its postal address
--   parties.dinum.representative.name: the signatory's name (required)
--   parties.dinum.representative.title: the signatory's title (required unless the kind gives it: "Maire")
--   parties.dinum.signature_label: the signature column's first line (default: "Pour le Cerema,")
--   parties.dinum.accountant: its public accountant, with its article ("le comptable public de Melun")
--   parties.dinum.accountant_short: its accountant as a copy is sent to it, a masculine noun ("payeur
--       départemental")
--   parties.dinum.financial_services: for a State service, the shared financial services it works with (délégation
--       de gestion)
--   preamble_markdown: this agreement's own field: see where the script reads data.preamble_markdown
--   purpose: what the agreement is for; the sentence goes on after "afin": it starts with "de" or "d'" ("de créer
--       le guichet numérique des solidarités")
--   phase: this agreement's own field: see where the script reads data.phase
--   finance.variant: "delegation" (checked: the variant the script builds)
--   finance.delegant: role of the party that delegates (default "delegant"); a State service
--   finance.delegataire: role of the party that manages the credits (required); a State service
--   finance.budget_unit: the UO, also the centre financier ("0105-CRES-DNUM")
--   finance.ceilings[n].{year, ae, cp}: the yearly ceilings: { { year, ae, cp } }
--   finance.total: false: no total line (default: printed)
--   finance.chorus.{axis, functional_domain, activities[1].code, activities[1].label, cost_centre}: { axis,
--       functional_domain, cost_centre, activities = { { code, label } } }
--   end_date: this agreement's own field: see where the script reads data.end_date
--   amendment_copy_to: this agreement's own field: see where the script reads data.amendment_copy_to
local c = require "conventio"
local Agreement = require "conventio.agreement"
local annexes = require "conventio.annexes"
local delegation = require "conventio.finance.delegation"

local data = ...
local a = Agreement.from_data(data, {
  fields = { "preamble_markdown", "purpose", "phase", "finance", "end_date", "amendment_copy_to" },
  -- "Il a été convenu ce qui suit" opens the preamble in this convention.
  parts = { "title", "parties", "visas", "agreed", "preamble", "articles", "signatures", "annexes" },
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
          content = annexes.gdpr_matrix { controller = delegant, processor = dinum } }

return a:document()
