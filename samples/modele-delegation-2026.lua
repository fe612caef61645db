-- Convention de délégation de gestion between two State services (2026): the délégant lets
-- the délégataire manage the credits of one of its operational units, under a ceiling of AE
-- and CP per year. The model of a délégation de gestion: every sentence comes from the clause
-- library, no body is named, and the roles are the délégant and the délégataire.
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
