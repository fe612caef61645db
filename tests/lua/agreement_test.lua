-- The agreement: strict options with suggestions, the parts as a list, clause parameters
-- checked against the template, references naming the clause's line, amounts in words,
-- from_data, and typed quantities.
local check = require "check"
local c = require "conventio"
local Agreement = require "conventio.agreement"
local Party = require "conventio.party"
local quantities = require "conventio.quantities"
local clauses = require "conventio.clauses"

local function parties()
  return {
    commune = Party.new({ short_name = "Commune de Melun", kind = "commune", representation = "r" }, "parties.commune"),
    departement = Party.new({ short_name = "Département de Seine-et-Marne", kind = "departement",
        representation = "r" },
                            "parties.departement"),
  }
end
local function new(extra)
  local spec = { title = "Convention de partenariat", place = "Melun", parties = parties(),
                 party_order = { "departement", "commune" } }
  for k, v in pairs(extra or {}) do spec[k] = v end
  return Agreement.new(spec)
end

-- Options, articles, sections, annexes, signatures: unknown keys refused with a suggestion.
check.fails("unknown option Agreement.tilte (did you mean title?)", new, { tilte = "x" })
check.fails("unknown option article.contnet (did you mean content?)", function()
  new():article { title = "Objet", contnet = "x" }
end)
check.fails("unknown option article 'Objet'.sections[1].numberd (did you mean numbered?)", function()
  new():article { title = "Objet", sections = { { title = "S", numberd = false } } }
end)
check.fails("unknown option annex.keys (did you mean key?)", function() new():annex { title = "A", keys = "a" } end)
check.fails("unknown option signatures.orginals (did you mean originals?)", function()
  new():signatures { orginals = "en deux originaux" }
end)
-- Empty required values.
check.fails("Agreement.place cannot be empty or blank", new, { place = " " })
check.fails("article.title cannot be empty or blank", function() new():article { title = "" } end)
check.fails("Agreement: party_order names 'comune', which is not a party (did you mean commune?)", new,
            { party_order = { "departement", "comune" } })
-- The parts are a list; an unknown part is refused.
check.fails("Agreement.parts[2]: unknown part partys (did you mean parties?)", new, { parts = { "title", "partys" } })

-- A clause parameter the template does not read is refused, naming the template's parameters.
check.fails("clause 'commun/litiges': unknown parameter cour (did you mean court?)", function()
  new():clause("commun/litiges", { cour = "Melun" })
end)
check.fails("template 'commun/litige' not found", function() new():clause("commun/litige") end)

-- A Lua clause referring to a missing key: the message names the clause's line (line 55).
local a = new()
a:article { key = "objet", title = "Objet", content = function(ctx)
  return c.Para { "Voir ", ctx.agreement:ref_inlines("duree") }
end }
check.contains(check.fails("reference to 'duree', which no article or annex has as key", a.document, a),
               "agreement_test.lua:55:")

-- An empty value never leaves a hole in a sentence ("Tribunal administratif de ."): refused at
-- the template's place.
check.contains(check.fails("this value is empty", clauses.markdown, "commun/litiges", { court = "  " }),
               "commun/litiges.md:")

-- The order of the parts is the script's: here the annexes come before the signatures.
local ordered = new { parts = { "title", "articles", "annexes", "signatures" } }
ordered:article { key = "objet", title = "Objet", content = "Texte." }
ordered:annex { key = "a", title = "Annexe", content = "Annexe." }
check.eq(type(ordered:document()), "userdata", "a document in the script's order")

-- Amounts in words: one choice for the document, wherever a template prints an amount.
local words = new { amounts_in_words = true }
words:article { key = "finances", title = "Montant", content = words:clause("finances/participation", {
  payer = words.parties.departement, receiver = words.parties.commune, amount = c.Money(180000) }) }
words:document()
-- What the document printed (the clause module's switches set by hand, and a failure of the
-- library's own code reached from a template: tests/lua/library_internals_test.lua).
local function printed(doc)
  local lines = {}
  for _, o in ipairs(c.outline(c.body(doc))) do
    if o.kind == "para" then lines[#lines + 1] = o.text end
  end
  return (table.concat(lines, "\n"):gsub("\u{a0}", " "))
end
check.contains(printed(words:document()), "180 000 € (cent quatre-vingt mille euros)")

-- A single payment's amount with its words says "euros" once: "12 000 € (douze mille euros)".
local single = new { amounts_in_words = true }
single:article { key = "finances", title = "Montant", content = single:clause("finances/montant_unique", {
  payer = single.parties.departement, amount = c.Money(12000) }) }
local once = printed(single:document())
check.contains(once, "(douze mille euros)")
check.eq(select(2, once:gsub("euros", "")), 1, "euros said once: " .. once)
-- Without amounts in words, the figures alone.
local figures = new()
figures:article { key = "finances", title = "Montant", content = figures:clause("finances/montant_unique", {
  payer = figures.parties.departement, amount = c.Money(12000) }) }
check.eq(printed(figures:document()):find("douze", 1, true), nil, "no words: " .. printed(figures:document()))

-- from_data: the agreement's data is strict too, and names the data's fields.
local data = { kind = "partenariat", place = "Melun", party_order = { "commune" },
               parties = { commune = { short_name = "Commune de Melun", kind = "commune", representation = "r" } },
               purpose = "x" }
check.eq(Agreement.from_data(data, { fields = { "purpose" } }).spec.title, "Convention de partenariat")
check.fails("unknown field purpose", Agreement.from_data, data)
data.purpse, data.purpose = "x", nil
check.fails("unknown field purpse (did you mean purpose?)", Agreement.from_data, data, { fields = { "purpose" } })
data.purpse = nil
data.parties.departement = data.parties.commune
check.fails("party_order leaves out parties.departement", Agreement.from_data, data)
data.party_order = { "commune", "departement", "commune" }
check.fails("party_order lists commune twice, at party_order[1] and party_order[3]", Agreement.from_data, data)
check.fails("Agreement: party_order lists commune twice", Agreement.new,
            { kind = "partenariat", parties = { commune = words.parties.commune },
              party_order = { "commune", "commune" } })

-- Typed quantities: percentages and durations.
check.eq(tostring(quantities.percent("12,5 %")), "12,5\u{a0}%")
check.eq(quantities.percent(50):of(c.Money("0.03")), c.Money("0.02"), "half a cent rounds up")
check.fails("finance.rate: a percentage is above 0 and at most 100", quantities.percent, "120 %", "finance.rate")
check.fails("finance.rate: expected a percentage", quantities.percent, "beaucoup", "finance.rate")
check.eq(quantities.duration({ months = 24 }).de, "de vingt-quatre mois")
check.eq(quantities.duration({ years = 1 }).de, "d'un an")
check.eq(quantities.duration({ end_date = "2026-12-31" }).end_date, c.Date("2026-12-31"))
check.fails("duration: give exactly one of months, years or end_date", quantities.duration, { months = 1, years = 1 })
check.fails("unknown field duration.month (did you mean months?)", quantities.duration, { month = 3 })
check.fails("unknown field duration.mois (known: end_date, months, years)", quantities.duration, { mois = 3 })
check.eq(c.spell_number(180000), "cent quatre-vingt mille")

-- A template's view makes its front matter when it is first read, then keeps it; its metatable is
-- out of the script's reach, so no run changes what another run's views do.
local litiges = c.template("commun/litiges")
check.eq(rawget(litiges, "front"), nil, "the front matter before it is read")
check.eq(litiges.front.key, "litiges", "the front matter's key")
check.eq(litiges.front.optional[1], "contract", "the front matter's optional parameters, as a list")
check.eq(litiges.front, litiges.front, "the front matter kept once made")
check.eq(litiges.front, clauses.front_matter("commun/litiges"), "the same front matter for the clauses")
check.eq(litiges.nothing, nil, "another name the view lacks")
check.eq(getmetatable(litiges), false, "the view's metatable hidden")
check.fails('cannot change the metatable of conventio.template("commun/litiges")', setmetatable, litiges, {})
-- The compiled template behind a view is the host's: nothing in the view a script could point
-- elsewhere (a light userdata the host would read as a template).
local fresh = c.template("commun/nullite")
for key, value in pairs(fresh) do
  check.eq(type(key), "string", "a view's keys are names")
  check.eq(type(value) == "userdata", false, "no userdata in a view: " .. key)
end
check.eq(fresh["front\0junk"], nil, "only 'front' itself makes the front matter")
-- markup takes a text: anything else is refused where the template calls it.
check.fails("markup: expected a text, got nil", clauses.markup, nil)
check.fails("markup: expected a text, got table", clauses.markup, {})

-- conventio.markdown_escape: a text needing no escape comes back as it is, a number as its text.
check.eq(c.markdown_escape("Cerema, 475 000 €"), "Cerema, 475 000 €", "a plain text")
local long_text = ("long texte sans balise"):rep(4, " ")
check.eq(c.markdown_escape(long_text), long_text, "a long text")
check.eq(c.markdown_escape(12), "12", "a number")
check.eq(c.markdown_escape("*x*"), "\\*x\\*", "a text escaped")

-- Options of the wrong type, said as such.
check.fails("article 'Objet': sections must be a list", function()
  new():article { title = "Objet", sections = "x" }
end)
check.fails("clause 'commun/nullite': keep_together must be true or false, got yes", function()
  new():clause("commun/nullite", {}, { keep_together = "yes" })
end)
check.fails("clause 'commun/nullite': options must be a table", function() new():clause("commun/nullite", {}, "x") end)
check.fails("clause 'commun/litiges': parameter court is empty", function()
  new():clause("commun/litiges", { court = " " })
end)

-- An amount is told by its real metatable, which a table cannot imitate.
check.eq(c.is_money(c.Money("10")), true, "an amount")
check.eq(c.is_money(setmetatable({}, { __metatable = "conventio.Money" })), false, "a table posing as one")
check.eq(c.is_money("10 €"), false, "a text")

-- « Il a été convenu ce qui suit » after the preamble, never before it.
check.fails('Agreement.parts: "agreed"', new, { parts = { "title", "parties", "agreed", "preamble", "articles" } })

-- An article over nothing is refused when the document is built (its content may come later).
check.fails("article 'Vide' has neither content nor sections", function()
  local empty = new()
  empty:article { title = "Vide" }
  return empty:document()
end)

-- Content is rendered when the document is built: what it holds wrong is told at the line that
-- gave it (the article, section, annex, visa or clause call), not at the line building the
-- document nor a line of the library.
local function placed(fragment, line, fill)
  local b = new()
  fill(b)
  check.contains(check.fails(fragment, b.document, b), ("agreement_test.lua:%d:"):format(line))
end
placed("content: expected text (a string, an inline or an array of them), got number", 196, function(b)
  b:article { key = "objet", title = "Objet", content = 4.5 }
end)
placed("content is an array of items and has no field 'nested'", 199, function(b)
  b:article { key = "objet", title = "Objet",
              sections = { { title = "Section", content = { { { nested = 1 } } } } } }
end)
placed("content: expected text (a string, an inline or an array of them), got conventio.Money", 204, function(b)
  b:article { key = "objet", title = "Objet", content = "Texte." }
  b:annex { key = "a", title = "Annexe", content = c.Money(12) }
end)
placed("content: expected a block, text or an array of them, got boolean", 208, function(b)
  b:article { key = "objet", title = "Objet", content = "Texte." }
  b:visa { c.Para "Vu", true }
end)
placed("content is an array of items and has no field 'titel'", 211, function(b)
  b:article { key = "objet", title = "Objet", content = function()
    return { c.Para "Texte.", titel = "Objet" }
  end }
end)
-- A text a document cannot hold, given to a clause: the parameter, at the clause's line.
placed("clause 'commun/litiges': parameter court: character U+0000 at byte 5 is not allowed", 218, function(b)
  b:article { key = "objet", title = "Objet",
              content = b:clause("commun/litiges", { court = "Paris\0x" }) }
end)
-- A value the template refuses: the clause's line, then the template's place.
placed("clause 'commun/litiges': ", 222, function(b)
  local refused = b:clause("commun/litiges", { court = { "Paris" } })
  b:article { key = "objet", title = "Objet", content = refused }
end)
-- The script's own failure in a content function stays at its line.
placed("agreement_test.lua:228: no content today", 228, function(b)
  b:article { key = "objet", title = "Objet", content = function()
    error("no content today")
  end }
end)

-- No party without an original: a number copied from another agreement is refused at its field.
local three = { kind = "partenariat", place = "Melun", party_order = { "commune", "departement", "asso" },
                parties = { commune = { short_name = "Commune de Melun", kind = "commune", representation = "r" },
                            departement = { short_name = "Département", kind = "departement", representation = "r" },
                            asso = { short_name = "Association X", kind = "association", representation = "r",
                                     gender = "f" } },
                purpose = "x", signature = { originals = "en deux originaux" } }
check.fails("signature.originals: « en deux originaux » states 2 originals, but the agreement has 3 signatories",
            Agreement.from_data, three, { fields = { "purpose" } })
three.signature.originals = "en quatre originaux"
check.eq(Agreement.from_data(three, { fields = { "purpose" } }).spec.title, "Convention de partenariat",
         "more originals than parties")

-- A clause the library adds (a closing article) fails at the user's line running now, the one
-- building the document, with the parameter named, not at the library's template (review r10).
do
  local b = new()
  b:article { key = "objet", title = "Objet", content = "Texte." }
  require("conventio.closing").add(b, { { article = "litiges", court = "Paris\0x" } })
  local built, message = pcall(b.document, b)
  check.eq(built, false, "a NUL in a closing clause's parameter")
  check.contains(message, "agreement_test.lua:", "the user's line")
  check.contains(message, "clause 'commun/litiges': parameter court: character U+0000")
  check.eq(message:find("templates/", 1, true), nil, "no line of the library's template: " .. message)
end

-- A nil inside a content array ends its items there: the items after it are refused, said so
-- (review r10: it read « has no field '3' »).
do
  local b = new()
  b:article { key = "objet", title = "Objet", content = { c.Para "un", nil, c.Para "trois" } }
  local built, message = pcall(b.document, b)
  check.eq(built, false, "an item after a nil")
  check.contains(message, "content: item 3 follows an empty item (nil) at 2")
end

-- Content made with table.pack(...) has a field n, its count of items: accepted when it is
-- theirs, refused as any other field when not (review r11 #8).
do
  local b = new()
  b:article { key = "objet", title = "Objet", content = table.pack(c.Para "un", c.Para "deux") }
  b:article { key = "vide", title = "Vide", content = { table.pack(), c.Para "Texte." } }
  check.eq(type(b:document()), "userdata", "packed content accepted")
  for _, content in ipairs {
    { c.Para "un", n = 3 },
    { c.Para "un", n = "1" },
  } do
    local wrong = new()
    wrong:article { key = "objet", title = "Objet", content = content }
    local built, message = pcall(wrong.document, wrong)
    check.eq(built, false, "an n that is not the count")
    check.contains(message, "content is an array of items and has no field 'n'")
  end
  local holed = new()
  holed:article { key = "objet", title = "Objet", content = table.pack(c.Para "un", nil, c.Para "trois") }
  local built, message = pcall(holed.document, holed)
  check.eq(built, false, "a packed nil")
  check.contains(message, "content: item 3 follows an empty item (nil) at 2")
  local other = new()
  other:article { key = "objet", title = "Objet", content = { c.Para "un", n = 1, titel = "x" } }
  built, message = pcall(other.document, other)
  check.eq(built, false, "another field beside n")
  check.contains(message, "content is an array of items and has no field 'titel'")
end

-- The default list of parts is the library's: an agreement's (a.parts) is a copy, the script's
-- to change for its own document only.
do
  local first = new()
  first.parts[1] = "annexes"
  check.eq(Agreement.default_parts[1], "title", "the library's list unchanged")
  check.eq(new().parts[1], "title", "the next agreement's parts")
end

return check.done()
