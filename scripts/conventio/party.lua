--- A party to an agreement: who it is (legal name, kind, legal basis, address, SIREN/SIRET),
--- who signs for it, its role, its bank account, and how the text names it. Every form of
--- its name comes from conventio.Name, so a clause writes {{ partner.du }} or
--- {{ partner.Le }} and gets "du Cerema" or "L'ANCT".
local c = require "conventio"
local data = require "conventio.data"

local M = {}

local Party = {}

--- Fields a party can have, with the message for a wrong type.
local string_fields = {
  "legal_name", "short_name", "alias", "kind", "legal_basis", "address", "role", "role_alias",
  "designation", "signature_title", "signature_name", "signature_label",
}

local function check_string(spec, field, where)
  local value = spec[field]
  if value ~= nil and type(value) ~= "string" then
    error(("%s.%s must be a string, got %s"):format(where, field, type(value)), 3)
  end
end

--- M.new(spec, where): spec is the party's data (see samples/*.json); `where` names it in
--- messages ("parties.partner").
function M.new(spec, where)
  where = where or "party"
  if type(spec) ~= "table" then error(("%s must be an object"):format(where), 2) end
  for _, field in ipairs(string_fields) do check_string(spec, field, where) end
  if not spec.short_name then
    error(("%s.short_name is required (how the text names it: \"Cerema\")"):format(where), 2)
  end
  local self = setmetatable({}, Party)
  for k, v in pairs(spec) do self[k] = v end
  rawset(self, "where", where)
  rawset(self, "name", c.Name {
    spec.short_name,
    gender = spec.gender or "m",
    plural = spec.plural,
    article = spec.article,
    elision = spec.elision,
  })
  -- The legal name keeps its own gender ("la Direction..." for "la DINUM" is easy, but "le
  -- Centre d'études..." is "le Cerema"); its article is written apart so the name can be bold.
  if spec.legal_name then
    local legal = c.Name { spec.legal_name, gender = spec.legal_gender or spec.gender or "m",
                           elision = spec.legal_elision }
    local with_article = legal.Le
    rawset(self, "legal_article", with_article:sub(1, #with_article - #spec.legal_name))
    rawset(self, "legal", legal)
  end
  -- Its role in the agreement ("délégant", "délégataire"), a name of its own: the text says
  -- "le délégant", "du délégataire" whatever the party's gender.
  if spec.role then
    rawset(self, "role_name", c.Name { spec.role, gender = spec.role_gender or "m" })
  end
  if spec.siren then
    rawset(self, "siren", c.id.siren(spec.siren, where .. ".siren"))
    rawset(self, "siren_display", c.id.format_siren(self.siren))
  end
  if spec.siret then rawset(self, "siret", c.id.siret(spec.siret, where .. ".siret")) end
  if spec.bank_account then
    rawset(self, "bank_account", c.BankAccount(spec.bank_account, where .. ".bank_account"))
  end
  if spec.representative then
    local r = spec.representative
    if type(r) ~= "table" or type(r.name) ~= "string" then
      error(("%s.representative must be an object with at least a name"):format(where), 2)
    end
  end
  return self
end

--- A copy of a party's data with one agreement's presentation applied: the same party (its
--- facts kept once, alike in every agreement's data) named, shown or signed for differently
--- in each agreement. A field set to false in `overrides` is left out ("legal_basis": false).
function M.with(spec, overrides, where)
  where = where or "party"
  if type(spec) ~= "table" then error(("%s must be an object"):format(where), 2) end
  if overrides ~= nil and type(overrides) ~= "table" then
    error(("%s: the overrides must be an object"):format(where), 2)
  end
  local merged = {}
  for k, v in pairs(spec) do merged[k] = v end
  for k, v in pairs(overrides or {}) do
    if v == false then merged[k] = nil else merged[k] = v end
  end
  return merged
end

--- Name forms read as fields: party.le, party.du, party.Au... and agreement of adjectives:
--- party.e is "e" for a feminine party ("représenté{{ p.e }}").
local name_forms = {
  le = true, Le = true, la = true, La = true, de = true, De = true, du = true, Du = true,
  a = true, A = true, au = true, Au = true, des = true, aux = true,
}

Party.__index = function(self, key)
  local method = Party[key]
  if method then return method end
  local name = rawget(self, "name")
  if key == "e" then return name.feminine and "e" or "" end
  if name_forms[key] then return name[key] end
  return nil
end

Party.__tostring = function(self) return self.name.le end

function Party:agree(masculine, feminine) return self.name:agree(masculine, feminine) end

function M.is_party(value) return getmetatable(value) == Party end

-- Problems found in a party's data name the data file, not this module.
M.new = data.guarded(M.new)
M.with = data.guarded(M.with)

return M
