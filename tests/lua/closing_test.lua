-- The closing builders: each adds its article from data and returns it; unknown fields and
-- builders are refused with a suggestion.
local check = require "check"
local Agreement = require "conventio.agreement"
local Party = require "conventio.party"
local closing = require "conventio.closing"

local function new()
  local p = {
    commune = Party.new({ short_name = "Commune de Melun", kind = "commune", representation = "r" }, "parties.commune"),
    asso = Party.new({ short_name = "association X", gender = "f", kind = "association", representation = "r" },
                     "parties.asso"),
  }
  return Agreement.new { title = "T", place = "Melun", parties = p, party_order = { "commune", "asso" } }
end

local a = new()
local articles = closing.add(a, {
  { article = "modification" },
  { article = "duree", duration = { months = 24 } },
  { article = "resiliation", payer = "commune", receiver = "asso", sections = { "faute", "effets" } },
  { article = "dispositions_generales" },
  { article = "donnees_personnelles" },
  { article = "litiges", court = "Melun" },
  { article = "publication", publisher = "commune" },
})
check.eq(#articles, 7, "one article per entry")
check.eq(articles[2].key, "duree")
check.eq(articles[2].title, "Durée de la convention", "the heading comes from commun/intitules")
check.eq(#articles[3].sections, 2, "the sections asked for")
check.eq(articles[3].sections[1].key, "resiliation_faute")
check.eq(articles[4].sections[1].title, "Forme des modifications",
         "a section never has the heading of the modification article before it")
check.eq(closing.dispositions_generales(new(), {}).sections[1].title, "Modification de la convention",
         "without a modification article, the section has its own heading")
check.eq(type(a:document()), "userdata", "the closing articles render")

-- Several payers (a member joining by an avenant) are each named where one payer was.
do
  local clauses = require "conventio.clauses"
  local three = new()
  three.parties.dept = Party.new({ short_name = "Val-de-Marne", kind = "departement", representation = "r" },
                                 "parties.dept")
  three.party_order[3] = "dept"
  local termination = closing.resiliation(three, { payer = { "commune", "dept" }, receiver = "asso",
                                                   sections = { "faute", "effets" } })
  local function text(section)
    local params = setmetatable({}, { __index = function(_, k) return section.content.params[k] end })
    return (clauses.markdown(section.content.name, params):gsub("\u{a0}", " "):gsub("\\", ""))
  end
  check.contains(text(termination.sections[1]), "les sommes versées par la Commune de Melun ou par le Val-de-Marne "
                 .. "au titre de la convention", "faute: any payer's sums")
  check.contains(text(termination.sections[2]), "les participations financières de la Commune de Melun et du "
                 .. "Val-de-Marne dues à l'association X à la date d'effet de la résiliation sont liquidées",
                 "effets: each payer's participation")
  local one = closing.resiliation(new(), { payer = { "commune" }, receiver = "asso", sections = { "effets" } })
  check.contains(text(one.sections[1]), "la participation financière de la Commune de Melun due à l'association X",
                 "a list of one payer reads as one payer")
  check.fails("closing.resiliation.payer[2] names no party: dep (did you mean dept?)", closing.resiliation, three,
              { payer = { "commune", "dep" }, receiver = "asso", sections = { "faute" } })
end

-- The number of originals a "Fait à" line states, and its check against the signatories.
for _, case in ipairs {
  { "en deux originaux", 2 }, { "en deux exemplaires originaux", 2 }, { "en trois (3) exemplaires", 3 },
  { "en un seul exemplaire", 1 }, { "en 4 exemplaires", 4 }, { "en vingt et un exemplaires", 21 },
  { "en trois (4) exemplaires", nil }, { "en autant d'originaux que de parties", nil }, { "en deux", nil },
} do
  check.eq(closing.originals_count(case[1]), case[2], case[1])
end
check.eq(closing.originals_problem("en deux originaux", 2, "signature.originals"), nil, "one original for each party")
check.eq(closing.originals_problem(nil, 3, "signature.originals"), nil, "no number stated")
check.eq(closing.originals_problem("en trois exemplaires originaux", 2, "x"), nil, "more originals than parties")
check.eq(closing.originals_problem("en un exemplaire original signé électroniquement", 2, "x"), nil,
         "a single original (an electronic signature)")
check.eq(closing.originals_problem("en un seul exemplaire", 3, "x"), nil, "a single original kept by one party")
check.eq(closing.originals_problem("en deux originaux", 3, "signature.originals"), "signature.originals: « en deux "
         .. "originaux » states 2 originals, but the agreement has 3 signatories (one original for each): write « en "
         .. "trois originaux »", "fewer originals than parties: one would have none, refused at its field, corrected")
check.eq(select(2, closing.originals_problem("en deux (2) exemplaires originaux", 3, "x")),
         "en trois (3) exemplaires originaux", "figures in brackets corrected too")
check.eq(select(2, closing.originals_problem("en 2 exemplaires", 3, "x")), "en 3 exemplaires",
         "a number in figures corrected in figures")
check.eq(closing.originals_problem("en trois (4) exemplaires", 4, "x"), "x: « en trois (4) exemplaires » states the "
         .. "number of originals in words and in figures that disagree", "words and figures that disagree")
check.eq(closing.originals_problem("en autant d'originaux que de parties", 3, "x"), nil, "no number stated")

-- Who receives a copy of an avenant follows the parties' kinds: the State party's accountant.
check.eq(articles[1].content.params.copy_to, nil, "no State party: no copy to an accountant")
local with_state = Agreement.new {
  title = "T", place = "Paris", party_order = { "commune", "ministere" },
  parties = {
    commune = Party.new({ short_name = "Commune de Melun", kind = "commune", representation = "r" }, "parties.commune"),
    ministere = Party.new({ short_name = "Ministère de la culture", gender = "m", kind = "etat", representation = "r",
                            accountant_short = "contrôleur budgétaire et comptable ministériel" }, "parties.ministere"),
  },
}
check.eq(closing.modification(with_state, {}).content.params.copy_to,
         "au contrôleur budgétaire et comptable ministériel", "a State party's accountant receives a copy")

check.fails("closing[1].article must name a closing builder", closing.add, new(), { { article = "litige" } })
check.fails("(did you mean litiges?)", closing.add, new(), { { article = "litige" } })
check.fails("unknown field closing[1].cour (did you mean court?)", closing.add, new(), { { article = "litiges",
    cour = "x" } })
-- Every problem of one entry at once: each misspelt field, and what the entry then lacks.
local several = check.fails("unknown field closing[1].publishr (did you mean publisher?)", closing.add, new(),
                            { { article = "publication", publishr = "commune", frist_site = "x" } })
check.eq(select(2, several:gsub("\n", "\n")), 2, "three problems of one entry, one a line: " .. several)
check.eq(several:find("unknown field closing[1].frist_site (did you mean first_site?)", 1, true) ~= nil, true,
         "the second misspelt field: " .. several)
check.eq(several:find("closing[1].publisher is required", 1, true) ~= nil, true,
         "the required field the misspelling left out: " .. several)
check.fails("closing[1].duration is required", closing.add, new(), { { article = "duree" } })
check.fails("closing[1].payer is required", closing.add, new(), { { article = "resiliation" } })
check.fails("closing[1].sections[1] must be one of sans_faute, faute, effets, got fautes (did you mean faute?)",
            closing.add, new(), { { article = "resiliation", sections = { "fautes" } } })
check.fails("closing[1].publisher names no party: comune (did you mean commune?)", closing.add, new(),
            { { article = "publication", publisher = "comune" } })
check.fails("closing.litiges.court cannot be empty or blank", closing.litiges, new(), { court = "" })
-- A blank heading is the entry's field, said once (not also as the library's article.title).
local blank_title = check.fails("closing[1].title cannot be empty or blank", closing.add, new(),
                                { { article = "litiges", court = "Paris", title = " " } })
check.eq(blank_title:find("article.title", 1, true), nil, "no second message: " .. blank_title)
-- Any blank text of an entry is its field's error, printed or not by the template.
check.fails("closing[1].first_site cannot be empty or blank", closing.add, new(),
            { { article = "publication", publisher = "partner", first_site = " " } })

-- An end before the agreement's own date is refused, naming the field.
local dated = new()
dated.spec.date = "2023-01-31"
check.fails("closing[1].duration.end_date (2022-06-30) is before the agreement's date (2023-01-31)", closing.add,
            dated, { { article = "duree", duration = { end_date = "2022-06-30" } } })
check.eq(closing.add(dated, { { article = "duree", duration = { end_date = "2024-06-30" } } })[1].key, "duree",
         "an end after the date is accepted")

return check.done()
