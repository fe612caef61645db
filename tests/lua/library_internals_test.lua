-- The library's own state, set by hand to test what only the library does with it. A script
-- cannot set it (library_modules.hpp): this test runs with --trusted (tests/CMakeLists.txt).
local check = require "check"
local c = require "conventio"
local Agreement = require "conventio.agreement"
local Party = require "conventio.party"
local clauses = require "conventio.clauses"
local Avenant = require "conventio.avenant"

local function parties()
  return {
    commune = Party.new({ short_name = "Commune de Melun", kind = "commune", representation = "r" }, "parties.commune"),
    departement = Party.new({ short_name = "Département de Seine-et-Marne", kind = "departement",
        representation = "r" }, "parties.departement"),
  }
end
local words = Agreement.new { title = "Convention de partenariat", place = "Melun", parties = parties(),
                              party_order = { "departement", "commune" }, amounts_in_words = true }

-- Amounts in words: one choice for the document, wherever a template prints an amount
-- (tests/lua/agreement_test.lua builds such a document).
clauses.amounts_in_words = "%s (%s)"
local markdown = clauses.markdown("finances/participation", { payer = words.parties.departement,
  receiver = words.parties.commune, amount = c.Money(180000) })
check.contains((markdown:gsub("\\(.)", "%1")), "180\u{a0}000\u{a0}€ (cent quatre-vingt mille euros)")
clauses.amounts_in_words = nil

-- A failure inside the library's own code reached from a template (here markdown_of's record of
-- the printed amounts, given a list that is not one, in a rendering that records) is ours: its
-- file and line stay after the template's place, instead of reading as the template's error.
clauses.printed_amounts = true
local ok, failure = pcall(clauses.recorded, clauses.markdown, "finances/participation", {
  payer = words.parties.departement, receiver = words.parties.commune, amount = c.Money(180000) })
clauses.printed_amounts = nil
check.eq(ok, false, "a library failure inside a template fails")
check.contains(failure, "finances/participation.md:", "the template's place first")
check.contains(failure, "conventio/clauses.lua:", "our file and line kept")

-- Only the library's renderings for the document record the amounts they print: a clause's
-- (recorded_blocks) and a library content function's (recorded), not another rendering's, nor
-- one within a rendering (for a parameter's metamethod: the script's code).
do
  local function litiges(court) return clauses.markdown("commun/litiges", { court = court }) end
  clauses.printed_amounts = {}
  litiges(c.Money(1))
  check.eq(#clauses.printed_amounts, 0, "a rendering of its own records nothing")
  clauses.recorded(litiges, c.Money(2))
  clauses.recorded_blocks("commun/litiges", { court = c.Money(3) })
  local nested = setmetatable({}, { __tostring = function() litiges(c.Money(4)) return "Lyon" end })
  clauses.recorded(litiges, nested)
  check.eq(table.concat(clauses.printed_amounts, " | "), "2\u{a0}€ | 3\u{a0}€", "recorded")
  clauses.printed_amounts = nil
  -- Agreement:document records what the library's content functions render, those it marked.
  check.eq(clauses.is_content_function(litiges), false, "a function of its own is not marked")
  check.eq(clauses.is_content_function(require("conventio.annexes").headed_parts("commun/litiges")), true,
           "the library's content function is")
  check.eq(clauses.is_content_function(require("conventio.finance.common").account), false,
           "nor a function of a library module")
end

-- A single payment's amount with its words says "euros" once: "12 000 € (douze mille euros)".
clauses.amounts_in_words = clauses.front_matter("structure/libelles").amount_in_words
local once = clauses.markdown("finances/montant_unique", { payer = words.parties.departement, amount = c.Money(12000) })
clauses.amounts_in_words = nil
check.contains(once, "(douze mille euros)")
check.eq(select(2, once:gsub("euros", "")), 1, "euros said once: " .. once)

local function set(fields)
  local s = { base = { script = "avenant_base.lua", data = "avenant_base.json" }, number = 1, date = "2024-06-01" }
  for k, v in pairs(fields) do s[k] = v end
  return s
end

-- The versions built to be compared gather no facts for `conventio check` (their documents are
-- dropped); every document the avenant hands out does, also after a change set that failed.
do
  local facts = require "conventio.facts"
  local finish, stated = facts.finish, 0
  -- facts.finish answers the library only, told by its caller's file: the counting wrapper is
  -- loaded under the name of the library's file (a trusted run's `load` takes any).
  local library_file = package.searchpath("conventio.facts", package.path)  -- luacheck: ignore 143 (trusted)
  local counting = load("local finish, count = ...\n"
                        .. "return function(...) count() return (finish(...)) end", "@" .. library_file)
  facts.finish = counting(finish, function() stated = stated + 1 end)
  local av = Avenant.from_change_set(set { data = { { set = "amount", to = "60000" } } }, "changes.json")
  check.eq(stated, 0, "facts gathered for the versions")
  av:document()
  check.eq(stated, 1, "facts of the avenant")
  av:base_document()
  av:amended_document()
  check.eq(stated, 3, "facts of the versions handed out")
  check.fails("the change set changes nothing", Avenant.from_change_set, set {}, "changes.json")
  av:document()
  check.eq(stated, 4, "facts of a document built after a failed avenant")
  local amending = require "conventio.avenant.amending"
  check.fails("the amended agreement is refused", Avenant.from_change_set,
              set { data = { { set = "amount", to = "150000" } } }, "changes.json")
  check.eq(amending.current, nil, "no version is being amended after a failed build")
  av:document()
  check.eq(stated, 5, "facts of a document built after a failed build")
  facts.finish = finish
  -- Building without facts is the library's own: a script can neither set it nor ask for it.
  check.eq(Agreement.building_versions, nil, "no public switch")
  check.fails("Agreement.as_versions is the library's own", Agreement.as_versions, function() end)
  check.fails("Agreement.as_versions is the library's own", function()
    return Agreement.as_versions(function() end)
  end)
  -- Nor by replacing the check (review r10): the library's is its own, taken when it loaded.
  local real = c.called_by_library
  c.called_by_library = function() return true end
  check.fails("Agreement.as_versions is the library's own", function()
    return Agreement.as_versions(function() end)
  end)
  c.called_by_library = real
  -- (a chunk named after a file of the library: tests/lua/hostile_test.cpp)
end

return check.done()
