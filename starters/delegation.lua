-- @NAME@: a new delegation agreement
-- (conventio new NAME --kind delegation),
-- from samples/modele-delegation-2026.lua.
-- Fill in @NAME@.json: `conventio check @NAME@.lua --data @NAME@.json` lists every
-- "[à compléter]" left, all at once. Keep the articles this agreement needs; add its own
-- with a:article{...}. docs/reference.md describes every field and function.
--
-- The data fields:
--   kind: "partenariat", "delegation" or "avenant"
--   subject: the document's subject metadata
--   place: where it is signed
--   date: the signature date, "YYYY-MM-DD"
--   party_order: the roles in the order the agreement names them
--   parties.delegant.legal_name: full legal name, in bold in the party block
--   parties.delegant.legal_gender: gender of legal_name when it differs from gender
--   parties.delegant.acronym: shown after the legal name ("(ANCT)")
--   parties.delegant.short_name: how the text names the party: "Cerema", "Commune de Melun" (required)
--   parties.delegant.kind: the kind of body: etat, epa, epic, commune, departement, region, epci, gip, association
--   parties.delegant.gender: grammatical gender of short_name: "m" or "f" (required unless the kind gives it)
--   parties.delegant.role: its role as the text names it ("délégant"), also in « »
--   parties.delegant.address: its postal address
--   parties.delegant.representative.civility: "Madame" or "Monsieur"
--   parties.delegant.representative.name: the signatory's name (required)
--   parties.delegant.representative.title: the signatory's title (required unless the kind gives it: "Maire")
--   parties.delegant.accountant_short: its accountant as a copy is sent to it, a masculine noun ("payeur
--       départemental")
--   parties.delegataire.legal_name: full legal name, in bold in the party block
--   parties.delegataire.legal_gender: gender of legal_name when it differs from gender
--   parties.delegataire.acronym: shown after the legal name ("(ANCT)")
--   parties.delegataire.short_name: how the text names the party: "Cerema", "Commune de Melun" (required)
--   parties.delegataire.kind: the kind of body: etat, epa, epic, commune, departement, region, epci, gip,
--       association
--   parties.delegataire.gender: grammatical gender of short_name: "m" or "f" (required unless the kind gives it)
--   parties.delegataire.role: its role as the text names it ("délégant"), also in « »
--   parties.delegataire.address: its postal address
--   parties.delegataire.representative.civility: "Madame" or "Monsieur"
--   parties.delegataire.representative.name: the signatory's name (required)
--   parties.delegataire.representative.title: the signatory's title (required unless the kind gives it: "Maire")
--   parties.delegataire.accountant: its public accountant, with its article ("le comptable public de Melun")
--   parties.delegataire.accountant_short: its accountant as a copy is sent to it, a masculine noun ("payeur
--       départemental")
--   visas: this agreement's own field: see where the script reads data.visas
--   preamble_markdown: this agreement's own field: see where the script reads data.preamble_markdown
--   purpose: what the agreement is for; the sentence goes on after "afin": it starts with "de" or "d'" ("de créer
--       le guichet numérique des solidarités")
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
local delegation = require "conventio.finance.delegation"

local data = ...
local a = Agreement.from_data(data, {
  fields = { "visas", "preamble_markdown", "purpose", "finance", "end_date", "amendment_copy_to" },
})
local delegant, delegataire = a.parties.delegant, a.parties.delegataire
-- Read first: the object of the agreement names the budget unit.
local finance = delegation.read(a, data.finance)

a:visa(a:clause("commun/visas", { visas = data.visas }))
for _, paragraph in ipairs(data.preamble_markdown) do a:add_preamble(c.Markdown(paragraph)) end

a:article { key = "objet", title = "Objet de la délégation",
            content = a:clause("objet/delegation", { delegant = delegant, delegataire = delegataire,
                                                     purpose = data.purpose, budget_unit = finance.budget_unit }) }
a:article { key = "obligations_delegant", title = "Obligations " .. delegant.role_name.du,
            content = a:clause("engagements/obligations_delegant", { delegant = delegant }) }
a:article { key = "obligations_delegataire", title = "Obligations " .. delegataire.role_name.du,
            content = a:clause("engagements/obligations_delegataire", { delegataire = delegataire }) }

delegation.add(a, finance)

a:article { key = "modification", title = "Modification de la convention",
            content = a:clause("commun/modification_avenant", {
              partner = delegant.role_name, copy_to = data.amendment_copy_to }) }
a:article { key = "duree", title = "Durée et résiliation de la convention",
            content = { a:clause("commun/duree", {
                          end_date = c.Date(data.end_date), covers_expenses = true, delegation = true }),
                        a:clause("commun/resiliation_delegation") } }
a:article { key = "publication", title = "Publication de la délégation",
            content = a:clause("commun/publication", { publisher = delegataire.role_name, delegation = true }) }

return a:document()
