-- Parties: strict fields, gender given or derived from the kind, each kind's wording.
local check = require "check"
local c = require "conventio"
local Party = require "conventio.party"
local Agreement = require "conventio.agreement"
local clauses = require "conventio.clauses"

local function commune(extra)
  local spec = { short_name = "Commune de Melun", kind = "commune",
                 representative = { civility = "Monsieur", name = "Louis VOGEL" } }
  for k, v in pairs(extra or {}) do spec[k] = v end
  return spec
end

-- A misspelt field is refused, naming the place and the field meant.
check.fails("unknown field parties.partner.sirne (did you mean siren?)", Party.new,
            commune { sirne = "217702885" }, "parties.partner")
check.fails("unknown field parties.partner.representative.titel (did you mean title?)", Party.new,
            commune { representative = { name = "X", titel = "Maire" } }, "parties.partner")
-- Required texts cannot be empty or blank.
check.fails("parties.partner.short_name cannot be empty or blank", Party.new,
            commune { short_name = "   " }, "parties.partner")
check.fails("parties.partner.representative.name cannot be empty or blank", Party.new,
            commune { representative = { name = "" } }, "parties.partner")
check.fails("parties.partner.representative is required", Party.new,
            { short_name = "Commune de Melun", kind = "commune" }, "parties.partner")
-- Gender: required, unless the kind decides it; never guessed.
check.fails("parties.x.gender is required", Party.new,
            { short_name = "Cerema", kind = "epa", representation = "Représenté par son directeur" }, "parties.x")
check.fails("parties.x.kind must be one of", Party.new,
            { short_name = "Commune de Melun", kind = "comune", representation = "r" }, "parties.x")
check.contains(check.fails("(did you mean commune?)", Party.new,
               { short_name = "Commune de Melun", kind = "comune", representation = "r" }, "parties.x"), "comune")

-- Each kind's wording: gender and the representative's title come from the kind.
local p = Party.new(commune(), "parties.partner")
for _, kind in ipairs(Party.kind_names) do
  check.contains(Party.fields.kind, kind, "the kind field documents " .. kind)
end
check.eq(p.le, "la Commune de Melun", "a commune is feminine")
check.eq(p.du, "de la Commune de Melun")
check.eq(p.representative.title, "Maire", "a commune's representative")
local d = Party.new({ short_name = "Département de Seine-et-Marne", kind = "departement",
                      representative = { civility = "Madame", name = "Jeanne DUPONT" } }, "parties.d")
check.eq(d.le, "le Département de Seine-et-Marne", "a département is masculine")
check.eq(d.representative.title, "Présidente du conseil départemental", "the title agrees with the civility")
local r = Party.new({ short_name = "Région Grand Est", kind = "region",
                      representative = { civility = "Monsieur", name = "Franck LEROY" } }, "parties.r")
check.eq(r.le, "la Région Grand Est")
check.eq(r.representative.title, "Président du conseil régional")
local asso = Party.new({ short_name = "association Lire et faire lire", gender = "f", kind = "association",
                         representative = { civility = "Madame", name = "A. B." } }, "parties.a")
check.eq(asso.le, "l'association Lire et faire lire")
check.eq(asso.representative.title, "Présidente")
check.eq(asso:budget(), "subvention", "an association receives a subvention")
check.fails("parties.a.rna: an RNA number is W followed by nine digits", Party.new,
            { short_name = "association X", gender = "f", kind = "association", representation = "r", rna = "123" },
            "parties.a")
check.fails("parties.c.rna: only an association has an RNA number", Party.new,
            commune { rna = "W212001234" }, "parties.c")
check.eq(d:budget(), "local", "a collectivité records a recette")
local state = Party.new({ short_name = "Ministère", gender = "m", kind = "etat", representation = "r" }, "parties.s")
check.eq(state:budget(), "etat", "a State service has a State fund")
check.eq(state:is_state(), true)
check.eq(p:is_state(), false)
-- Each kind that decides a representative's title has one in the wording (no French here).
local wording = clauses.front_matter("structure/natures")
for _, kind in ipairs { "commune", "departement", "region", "epci", "association" } do
  check.eq(type(wording[kind .. "_representative"]), "string", kind .. "'s representative")
end
-- The party block of an EPCI without a title says what is missing.
check.fails("parties.e.representative.title is required", Party.new,
            { short_name = "Cerema", gender = "m", kind = "epa", representative = { name = "X" } }, "parties.e")

-- A template reading a field a party does not have is told which field was meant.
check.fails("a party has no field 'sirne' (did you mean siren?)", function() return p.sirne end)
check.fails("a party has no field 'lee' (did you mean le?)", function() return p.lee end)  -- a name's form too
check.fails("a party has no field 'agre' (did you mean agree?)", function() return p.agre end)

-- Party.from_data applies the presentation and names the party's place.
local data = { parties = { partner = commune() }, presentation = { partner = { alias = "« la Ville »" } } }
check.eq(Party.from_data(data, "partner").alias, "« la Ville »")
check.fails("parties.partnr is missing (did you mean partner?)", Party.from_data, data, "partnr")
check.fails("unknown field presentation.partner.aliass (did you mean alias?)", Party.from_data,
            { parties = data.parties, presentation = { partner = { aliass = "x" } } }, "partner")

-- The party block in the document says "Représentée par Monsieur Louis VOGEL, Maire".
local a = Agreement.new { title = "T", place = "Melun", parties = { partner = p, d = d }, party_order = { "partner",
    "d" } }
local md = clauses.markdown("structure/partie", { party = p })
check.contains(md, "Représentée par Monsieur Louis VOGEL, Maire")
check.contains(md, "Ci-après dénommée " .. c.guillemets("la Commune de Melun"))
check.eq(type(a), "table")

-- The signature column names the representative unless the data gives a line; false: none.
local signed = clauses.markdown("structure/signataire", { party = p })
check.contains(signed, "Louis VOGEL", "the representative's name by default")
check.contains(signed, "Maire", "the representative's title by default")
local named_only = Party.new({ short_name = "Commune de Melun", kind = "commune", signature_name = "L. VOGEL",
  representative = { civility = "Monsieur", name = "Louis VOGEL" } })
check.eq(named_only.signature_title, nil, "a name given alone stays alone (a seed's column)")
local blank_column = Party.new({ short_name = "Commune de Melun", kind = "commune", signature_name = false,
  signature_title = false, representative = { civility = "Monsieur", name = "Louis VOGEL" } })
check.eq(clauses.markdown("structure/signataire", { party = blank_column }):find("VOGEL"), nil, "false: none")

-- Every problem of a party at once, not the first.
local every = check.fails("parties.p.gender must be one of m, f, got x", Party.new,
  { short_name = "P", gender = "x", siren = "123", kind = "communne", represntation = "r" }, "parties.p")
check.contains(every, "invalid SIREN 123 (field parties.p.siren)")
check.contains(every, "parties.p.kind must be one of")
check.contains(every, "unknown field parties.p.represntation (did you mean representation?)")
check.contains(every, "parties.p.representative is required")

return check.done()
