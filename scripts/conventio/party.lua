--- A party to an agreement: who it is (legal name, kind, legal basis, address, SIREN/SIRET),
--- who signs for it, its role, its bank account, and how the text names it. Every form of
--- its name comes from conventio.Name, so a clause writes {{ partner.du }} or
--- {{ partner.Le }} and gets "du Cerema" or "L'ANCT".
---
--- A party's data is strict: an unknown field is refused with the nearest known one
--- suggested, a required text cannot be blank, and the grammatical gender is given or
--- derived from the kind (a commune is "la Commune", a département "le Département"),
--- never guessed.
local tr = require("conventio").tr
local c = require "conventio"
local data = require "conventio.data"
local strict = require "conventio.strict"
-- The library's own tool (host/lua/library_modules.hpp): an object's real metatable, which
-- tells the library's objects from a table that copies a class's __metatable name.
local class_of = class_of

local M = {}

---@class conventio.Party
---@field short_name string how the text names it: "Cerema", "Commune de Melun"
---@field kind string? one of M.kinds: "etat", "epa", "commune"...
---@field name conventio.Name every form of the short name (party.le, party.du...)
---@field le string "la Commune de Melun"
---@field Le string "La Commune de Melun"
---@field du string "de la Commune de Melun"
---@field au string "à la Commune de Melun"
---@field e string "e" for a feminine party, for agreement: "représenté{{ p.e }}"
---@field bank_account conventio.BankAccount?
---@field where string the data field the party was read from ("parties.partner")
local Party = {}
-- getmetatable gives the class's name, not the class: a script could change a method for every
-- object of the class (library_modules.hpp).
Party.__metatable = "conventio.Party"

--- The kinds of French public (and associative) bodies the library knows, with what the
--- kind decides: the grammatical gender when the name starts with the kind's noun ("la
--- Commune de Melun"), the budget the party's receipts go to ("etat": a State fund of
--- the State budget, in AE and CP like an EPA's; "local": a recette on its own budget; "subvention": a grant to an
--- association), and whether it is a State ministry or service (which has a ministerial budget
--- controller and accountant).
M.kinds = {
  etat = { budget = "etat", state = true, ae_cp = true },  -- ministère, direction, service de l'État
  epa = { budget = "local", ae_cp = true },        -- établissement public administratif
  epic = { budget = "local" },                     -- établissement public industriel et commercial
  commune = { budget = "local", gender = "f" },
  departement = { budget = "local", gender = "m" },
  region = { budget = "local", gender = "f" },
  epci = { budget = "local" },                     -- communauté, métropole, syndicat
  gip = { budget = "local" },                      -- groupement d'intérêt public
  association = { budget = "subvention" },
}
M.kind_names = { "etat", "epa", "epic", "commune", "departement", "region", "epci", "gip", "association" }

--- Every field a party's data may have, with what it is (docs/reference.md lists them all,
--- and a test keeps the two in step).
M.fields = {
  short_name = "how the text names the party: \"Cerema\", \"Commune de Melun\" (required)",
  gender = "grammatical gender of short_name: \"m\" or \"f\" (required unless the kind gives it)",
  plural = "true when short_name is plural (\"les Restos du cœur\")",
  article = "false when the name takes no article (\"Paris Habitat\")",
  elision = "true or false to force l' before the name",
  kind = "the kind of body: etat, epa, epic, commune, departement, region, epci, gip, association",
  status = "its status as the party block says it (\"établissement public administratif de l'État\")",
  legal_name = "full legal name, in bold in the party block",
  legal_gender = "gender of legal_name when it differs from gender",
  legal_elision = "true or false to force l' before the legal name",
  acronym = "shown after the legal name (\"(ANCT)\")",
  acronym_apposition = "true: the acronym set between commas",
  legal_basis = "the text that creates it (\"créé par la loi n° ...\")",
  seat = "its seat (\"dont le siège est ...\")",
  address = "its postal address",
  siren = "SIREN number (checked)",
  siret = "SIRET number (checked)",
  rna = "an association's number in the répertoire national des associations: \"W212001234\" (checked)",
  show_siret = "true: the SIRET is printed under the party block",
  representative = "who signs: { civility, name, title, act }",
  representation = "the whole representation sentence, instead of representative",
  alias = "what follows \"Ci-après dénommé\" (default: « le Cerema »)",
  role = "its role as the text names it (\"délégant\"), also in « »",
  role_gender = "gender of role",
  signature_label = "the signature column's first line (default: \"Pour le Cerema,\")",
  signature_name = "the signatory's name in the signature column (default: the representative's; false: none)",
  signature_title = "the signatory's title in the signature column (default: the representative's; false: none)",
  bank_account = "its bank account: { holder, domiciliation, bank, branch, account, key, iban, bic } (checked)",
  accountant = "its public accountant, with its article (\"le comptable public de Melun\")",
  accountant_short = "its accountant as a copy is sent to it, a masculine noun (\"payeur départemental\")",
  account_of = "whose account receives payments, after \"sur le compte\" (default: the party)",
  financial_services = "for a State service, the shared financial services it works with (délégation de gestion)",
}
local known_fields = strict.set(M.fields)

M.representative_fields = {
  civility = "\"Madame\" or \"Monsieur\"",
  name = "the signatory's name (required)",
  title = "the signatory's title (required unless the kind gives it: \"Maire\")",
  act = "the act that empowers them (\"dûment habilité par délibération du ...\")",
}
local known_representative = strict.set(M.representative_fields)

-- The signature column's lines, which default to the representative's and take false for none.
local signature_fields = { signature_name = true, signature_title = true }

local text_fields = {
  "short_name", "status", "legal_name", "acronym", "legal_basis", "seat", "address", "representation",
  "alias", "role", "signature_label", "signature_name", "signature_title", "accountant", "accountant_short",
      "account_of", "financial_services",
}

--- The kinds' wording (the representative's default title...) lives in a template's front
--- matter, so no French is written here.
local function kind_wording()
  return require("conventio.clauses").front_matter("structure/natures")
end

-- Every text of each party the library made (its names, seat, accountant...), as it made it:
-- what conventio.facts states as the party's, an acronym found there being the party's. A
-- party's fields are the script's to change after: read when the document is built, a text a
-- script added to one passed for the party's. Keyed by the party, out of a script's reach.
local texts_of = setmetatable({}, { __mode = "k" })

-- Every string in `tbl` (a party) and in its tables, a few levels deep (the representative),
-- whatever field holds it, appended to `out` after its `n` first items; the count after. Made
-- for every party (an avenant's versions make theirs again): one call a table, not a value.
local function gather_texts(tbl, out, n, depth)
  for _, value in next, tbl do
    local kind = type(value)
    if kind == "string" then
      n = n + 1
      out[n] = value
    elseif kind == "table" and depth < 2 then
      n = gather_texts(value, out, n, depth + 1)
    end
  end
  return n
end

--- Appends to `out` every text `party` was made with (Party.new: its names, seat, representative,
--- accountant...), whatever its fields hold now; nothing for a table the library did not make.
---@param party conventio.Party
---@param out string[]
---@return string[]
function M.add_texts(party, out)
  for _, text in ipairs(texts_of[party] or {}) do out[#out + 1] = text end
  return out
end

--- M.new(spec, where): spec is the party's data (see docs/reference.md); `where` names it in
--- messages ("parties.partner").
---@param spec table the party's data
---@param where string? its place in the data, for messages
---@return conventio.Party
function M.new(spec, where)
  where = where or "party"
  if type(spec) ~= "table" then error(tr("%s must be an object"):format(where), 2) end
  -- Every field is checked before any problem is reported: a drafter sees them all at once.
  local found = data.problems()
  for _, message in ipairs(strict.unknown_messages(spec, known_fields, where, "field")) do found:add(message) end
  for _, message in ipairs(strict.switch_messages(spec, M.fields, where)) do found:add(message) end
  for _, field in ipairs(text_fields) do
    -- Most fields are absent or text: told so without a protected call (or naming the field).
    local value = spec[field]
    if value ~= nil and not strict.filled(value) and not (value == false and signature_fields[field]) then
      found:try(strict.text, value, where .. "." .. field, nil, true)
    end
  end
  local named = found:try(strict.text, spec.short_name, where .. ".short_name")
  local kind_known = spec.kind == nil or found:try(strict.choice, spec.kind, M.kind_names, where .. ".kind")
  for _, field in ipairs { "gender", "legal_gender", "role_gender" } do
    if spec[field] ~= nil then found:try(strict.choice, spec[field], { "m", "f" }, where .. "." .. field) end
  end
  local kind = kind_known and spec.kind and M.kinds[spec.kind] or {}
  local gender = spec.gender or kind.gender
  if not gender and kind_known and named then
    found:add(tr("%s.gender is required (\"m\" or \"f\": le %s or la %s)%s"):format(where, spec.short_name,
      spec.short_name, spec.kind and "" or "; or give a kind that decides it (commune, departement, region)"))
  end
  local siren = spec.siren and found:try(c.id.siren, spec.siren, where .. ".siren")
  local siret = spec.siret and found:try(c.id.siret, spec.siret, where .. ".siret")
  if spec.rna ~= nil then
    if type(spec.rna) ~= "string" or not spec.rna:match("^W%d%d%d%d%d%d%d%d%d$") then
      found:add(tr("%s.rna: an RNA number is W followed by nine digits (\"W212001234\"), got %s"):format(where,
                tostring(spec.rna)))
    elseif kind_known and spec.kind ~= "association" then
      found:add(tr("%s.rna: only an association has an RNA number (kind is %s)"):format(where, tostring(spec.kind)))
    end
  end
  local bank_account = spec.bank_account and found:try(c.BankAccount, spec.bank_account, where .. ".bank_account")
  local representative
  if spec.representative ~= nil then
    local r = spec.representative
    local field = where .. ".representative"
    if type(r) ~= "table" then
      found:add(tr("%s must be an object { civility, name, title, act }"):format(field))
    else
      for _, message in ipairs(strict.unknown_messages(r, known_representative, field, "field")) do
        found:add(message)
      end
      for _, f in ipairs { "civility", "title", "act" } do
        if r[f] ~= nil and not strict.filled(r[f]) then found:try(strict.text, r[f], field .. "." .. f, nil, true) end
      end
      found:try(strict.text, r.name, field .. ".name")
      local title = r.title
      if not title and kind_known then
        local wording = kind_wording()
        local feminine = r.civility == "Madame"
        title = spec.kind and (feminine and wording[spec.kind .. "_representative_f"]
                                        or wording[spec.kind .. "_representative"])
        if not title then
          found:add(tr("%s.title is required (what the signatory is: \"Directeur général\")"):format(field))
        end
      end
      representative = {}
      for k, v in pairs(r) do representative[k] = v end
      representative.title = title
    end
  elseif not spec.representation then
    found:add(tr("%s.representative is required ({ civility, name, title }), or representation"):format(where))
  end
  found:settle(nil)

  local self = setmetatable({}, Party)
  for k, v in pairs(spec) do self[k] = v end
  rawset(self, "where", where)
  rawset(self, "gender", gender)
  -- A copy: the party is the script's, and M.kinds' table, reached through it, is the library's
  -- (a field set there would change every later party of the kind).
  local kind_info = {}
  for k, v in next, kind do kind_info[k] = v end
  rawset(self, "kind_info", kind_info)
  rawset(self, "name", c.Name {
    spec.short_name,
    gender = gender,
    plural = spec.plural,
    article = spec.article,
    elision = spec.elision,
  })
  -- The legal name keeps its own gender ("la Direction..." for "la Direction X" is easy, but "le
  -- Centre d'études..." is "le Cerema"); its article is written apart so the name can be bold.
  local legal_name = spec.legal_name or spec.short_name
  local legal = c.Name { legal_name, gender = spec.legal_gender or gender, elision = spec.legal_elision,
                         plural = spec.legal_name == nil and spec.plural or nil,
                         article = spec.legal_name == nil and spec.article or nil }
  local with_article = legal.Le
  rawset(self, "legal_name", legal_name)
  rawset(self, "legal_article", with_article:sub(1, #with_article - #legal_name))
  rawset(self, "legal", legal)
  -- Its role in the agreement ("délégant", "délégataire"), a name of its own: the text says
  -- "le délégant", "du délégataire" whatever the party's gender.
  if spec.role then
    rawset(self, "role_name", c.Name { spec.role, gender = spec.role_gender or "m" })
  end
  if spec.accountant_short then
    rawset(self, "accountant_name", c.Name { spec.accountant_short, gender = "m" })
  end
  if siren then
    rawset(self, "siren", siren)
    rawset(self, "siren_display", c.id.format_siren(siren))
  end
  if siret then rawset(self, "siret", siret) end
  if bank_account then rawset(self, "bank_account", bank_account) end
  if representative then rawset(self, "representative", representative) end
  -- The signature column names the signatory: the representative's name and title unless the
  -- data gives either line (a seed's column may hold a name alone), false leaving one out.
  if spec.signature_name == nil and spec.signature_title == nil and representative then
    rawset(self, "signature_name", representative.name)
    rawset(self, "signature_title", representative.title)
  end
  for field in pairs(signature_fields) do
    if rawget(self, field) == false then rawset(self, field, nil) end
  end
  local texts = {}
  gather_texts(self, texts, 0, 0)
  texts_of[self] = texts
  return self
end

--- A copy of a party's data with one agreement's presentation applied: the same party (its
--- facts kept once, alike in every agreement's data) named, shown or signed for differently
--- in each agreement. A field set to false in `overrides` is left out ("legal_basis": false).
---@param spec table the party's data
---@param overrides table? fields replaced (false: removed)
---@param where string? the overrides' place in the data, for messages
---@return table
function M.with(spec, overrides, where)
  where = where or "party"
  if type(spec) ~= "table" then error(tr("%s must be an object"):format(where), 2) end
  if overrides ~= nil and type(overrides) ~= "table" then
    error(tr("%s: the overrides must be an object"):format(where), 2)
  end
  strict.check_keys(overrides or {}, known_fields, where, "field", 2)
  local merged = {}
  for k, v in pairs(spec) do merged[k] = v end
  for k, v in pairs(overrides or {}) do
    if v == false then merged[k] = nil else merged[k] = v end
  end
  return merged
end

--- The party `role` of `data.parties`, with `data.presentation[role]` applied: the usual way
--- to read a party from an agreement's data.
---@param agreement_data table the agreement's data (with parties, and presentation if any)
---@param role string the party's key in data.parties ("partner")
---@return conventio.Party
function M.from_data(agreement_data, role)
  if type(agreement_data) ~= "table" or type(agreement_data.parties) ~= "table" then
    error(tr("the data has no parties object"), 2)
  end
  local spec = agreement_data.parties[role]
  if spec == nil then
    error(tr("parties.%s is missing%s"):format(role, strict.suggestion(role, agreement_data.parties)), 2)
  end
  local overrides = (agreement_data.presentation or {})[role]
  -- The party's data with the agreement's presentation is the data's still.
  if overrides ~= nil then spec = data.adopt(M.with(spec, overrides, "presentation." .. role)) end
  return M.new(spec, "parties." .. role)
end

--- Name forms read as fields: party.le, party.du, party.Au... and agreement of adjectives:
--- party.e is "e" for a feminine party ("représenté{{ p.e }}").
local name_forms = {
  le = true, Le = true, la = true, La = true, de = true, De = true, du = true, Du = true,
  a = true, A = true, au = true, Au = true, des = true, aux = true,
}

--- Fields read by templates that a party may lack (nil, tested with {% if %}).
local optional_reads = strict.set { "accountant_name", "role_name", "siren", "siren_display", "siret", "bank_account",
    "representative" }

-- Each name's forms, made once: templates read party.le, party.du... again and again, and the
-- host builds the form at each read. Keyed by the conventio.Name, which never changes.
local forms_of = setmetatable({}, { __mode = "k" })

Party.__index = function(self, key)
  local method = Party[key]
  if method then return method end
  local name = rawget(self, "name")
  if key == "e" then return name.feminine and "e" or "" end
  if name_forms[key] then
    local forms = forms_of[name]
    if not forms then
      forms = {}
      forms_of[name] = forms
    end
    local form = forms[key]
    if form == nil then
      form = name[key]
      forms[key] = form
    end
    return form
  end
  if known_fields[key] or optional_reads[key] then return nil end
  -- A template reading party.sirne (or partner.lee) is a mistake in the template: say so, with
  -- the field or the name's form meant.
  local readable = { e = true }
  for _, names in ipairs { known_fields, optional_reads, name_forms } do
    for field in pairs(names) do readable[field] = true end
  end
  for function_name, value in pairs(Party) do
    if type(value) == "function" and not function_name:find("^_") then readable[function_name] = true end
  end
  error(tr("a party has no field '%s'%s"):format(tostring(key), strict.suggestion(key, readable)), 2)
end

Party.__tostring = function(self) return self.name.le end

--- "dénommé" or "dénommée", as the party's gender requires.
---@param masculine string
---@param feminine string
---@return string
function Party:agree(masculine, feminine) return self.name:agree(masculine, feminine) end

--- The budget the party's receipts go to: "etat" (a State fund), "local" (a recette
--- on its own budget) or "subvention" (a grant to an association); nil without a kind.
function Party:budget() return rawget(self, "kind_info").budget end

--- True when the party's budget is kept in authorisations of commitment and payment credits
--- (AE and CP): the State and its administrative establishments.
function Party:budget_in_ae_cp() return rawget(self, "kind_info").ae_cp == true end

--- True for a State ministry or service (it has a ministerial budget controller and accountant).
function Party:is_state() return rawget(self, "kind_info").state == true end

--- The stand-in for a party whose data has problems (already reported): the agreement is
--- assembled on with it, so the rest of the data is checked too, and never built (its
--- problems are raised first). It has a name and a role, and no kind.
---@param role string
---@return conventio.Party
function M.stand_in(role)
  local self = setmetatable({}, Party)
  rawset(self, "where", "parties." .. role)
  rawset(self, "short_name", role)
  rawset(self, "gender", "m")
  rawset(self, "kind_info", {})
  rawset(self, "name", c.Name { role, gender = "m" })
  rawset(self, "role_name", self.name)
  rawset(self, "legal", self.name)
  rawset(self, "legal_name", role)
  rawset(self, "stand_in", true)
  return self
end

--- True for a party's stand-in (M.stand_in): a check that needs the party's facts is left
--- out, its data's problems being reported already.
---@param value any
function M.is_stand_in(value) return class_of(value) == Party and rawget(value, "stand_in") == true end

--- True for a party built by Party.new.
---@param value any
function M.is_party(value) return class_of(value) == Party end

-- Problems found in a party's data name the data file, not this module.
M.new = data.for_script(M.new, 1)
M.with = data.for_script(M.with, 1)
M.from_data = data.guarded(M.from_data)

return M
