"""The library's own modules are out of a script's reach (host/lua/library_modules.hpp): a
script cannot patch conventio.facts to silence `conventio check`, nor turn off a check of the
library by setting its state; the library keeps working whatever the script tried. And errors
of what the library builds for the user are told at the user's line: a clause a content
function returns by a tail call, a clause the library adds for a call in the user's module."""
import scratch  # noqa: F401 -- temporary folders under one, removed when the script ends
import os
import shutil
import subprocess
import tempfile
import unittest

CONVENTIO = os.environ["CONVENTIO"]

# An agreement whose article states an amount the model does not: with its facts stated,
# `conventio check` warns of it at the article's line.
SCRIPT = """local Agreement, Party = require "conventio.agreement", require "conventio.party"
local partner = Party.new({ short_name = "Cerema", gender = "m", legal_name = "Cerema",
                            representation = "Représenté par X", signature_label = "Le Cerema" }, "partner")
local a = Agreement.new { title = "Convention", place = "Paris", parties = { partner = partner },
                          party_order = { "partner" } }
%s
a:article { key = "objet", title = "Objet", content = "Le partenaire versera 12 345 € au Cerema." }
return a:document()
"""


FOREIGN_AMOUNT = "s.lua:{}: warning: the amount 12 345 € in the text is not one the model computed"


def run(folder, *args):
    return subprocess.run([CONVENTIO, *args], capture_output=True, text=True, cwd=folder)


class Folders(unittest.TestCase):
    """A test case that writes scripts into folders of its own (their real path: the library's
    own files are told by theirs), removed at its end."""

    def folder(self, files):
        folder = os.path.realpath(tempfile.mkdtemp(prefix="conventio-guard-"))
        self.addCleanup(shutil.rmtree, folder)
        for name, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(text)
        return folder

    def check(self, attempt):
        return run(self.folder({"s.lua": SCRIPT % attempt}), "check", "s.lua")


class Guarded(Folders):

    def test_a_field_of_a_library_module_cannot_be_set(self):
        refused = "s.lua:6: cannot set {}: {} is the library's, its fields cannot be set"
        for attempt, field, module in [
                ('require("conventio.facts").finish = function() end', "conventio.facts.finish", "conventio.facts"),
                ('require("conventio.avenant.amending").current = { number = 1 }',
                 "conventio.avenant.amending.current", "conventio.avenant.amending"),
                ('rawset(require("conventio.facts"), "finish", print)', "conventio.facts.finish", "conventio.facts"),
                ('require("conventio.agreement").options.kind = nil', "conventio.agreement.options.kind",
                 "conventio.agreement.options"),
                ('conventio.Para = nil', "conventio.Para", "conventio"),
                ('require("conventio").state_facts = nil', "conventio.state_facts", "conventio")]:
            with self.subTest(attempt=attempt):
                r = self.check(attempt)
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                self.assertIn(refused.format(field, module), r.stdout + r.stderr)

    def test_the_classes_and_the_module_tables_are_out_of_reach(self):
        for attempt, message in [
                ('setmetatable(require("conventio.facts"), nil)',
                 "s.lua:6: cannot change the metatable of conventio.facts: conventio.facts is the library's"),
                ('getmetatable(a).document = function() end', "s.lua:6: attempt to index a string value"),
                ('getmetatable(partner).__index = {}', "s.lua:6: attempt to index a string value"),
                # An object's __index is not its class (strict.methods_of).
                ('a.__index.document = function() end', "s.lua:6: attempt to index a nil value (field '__index')"),
                ('require("conventio.quantities").percent("5 %").__index.decimal = nil',
                 "s.lua:6: attempt to index a nil value (field '__index')"),
                ('assert(getmetatable(require("conventio.facts")) == false)\n'
                 'assert(getmetatable(a) == "conventio.Agreement")\nerror("seen")', "s.lua:8: seen")]:
            with self.subTest(attempt=attempt):
                r = self.check(attempt)
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                self.assertIn(message, r.stdout + r.stderr)

    def test_the_checks_still_run_whatever_the_script_tried(self):
        # Each attempt in a pcall, so the script goes on: the facts are still stated, and check
        # still finds the foreign body and amount.
        attempts = "\n".join("pcall(function() %s end)" % a for a in [
            'require("conventio.facts").finish = function() end',
            'rawset(require("conventio.facts"), "begin", function() end)',
            'getmetatable(a).document = function() end',
            'getmetatable(a).__index.document = function() end',
            'ipairs, pairs, error = nil, nil, nil',
            'require = function() return {} end'])
        # package.loaded and package.preload are the script's own: filled before the library
        # first loads a module, they are not what the library loads.
        before = ('package.loaded["conventio.facts"] = { begin = function() end, finish = function() end }\n'
                  'package.preload["conventio.facts"] = function() return { finish = function() end } end\n')
        r = run(self.folder({"s.lua": before + SCRIPT % attempts}), "check", "s.lua")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn(FOREIGN_AMOUNT.format(14), r.stdout)

    def test_a_module_of_the_user_s_named_like_the_library_s_is_not_loaded_for_it(self):
        # A conventio/facts.lua in the script's folder does not replace the library's module.
        folder = self.folder({"s.lua": SCRIPT % "", "conventio/facts.lua":
                              "return { begin = function() end, finish = function() end, abandon = function() end }"})
        r = run(folder, "check", "s.lua")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn(FOREIGN_AMOUNT.format(7), r.stdout)
        r = run(self.folder({"s.lua": 'require "conventio.no_such"\n' + SCRIPT % ""}), "check", "s.lua")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("s.lua:1: module 'conventio.no_such' not found: conventio's library has no such module",
                      r.stdout + r.stderr)

    def test_a_script_reads_the_library_as_before(self):
        r = self.check('local party = require "conventio.party"\n'
                       'local n = 0\nfor _ in pairs(party.kinds) do n = n + 1 end\n'
                       'assert(n == #party.kind_names and party.kind_names[1] == "etat")\n'
                       'assert(require("conventio.party") == party and package.loaded["conventio.party"] == party)')
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn(FOREIGN_AMOUNT.format(11), r.stdout)


class PlacesOfClausesTheLibraryMakes(unittest.TestCase):
    def folder(self, files):
        folder = tempfile.mkdtemp(prefix="conventio-guard-")
        self.addCleanup(shutil.rmtree, folder)
        for name, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(text)
        return folder

    def test_a_clause_a_content_function_returns_by_a_tail_call(self):
        # The tail call leaves no frame of the content function: its first line is named, and
        # the message says why (review r10 #6). Before, the article's line (6) was named.
        script = SCRIPT % ('a:article { key = "litiges", title = "Litiges",\n'
                           '  content = function()\n'
                           '    local court = { "Paris" }\n'
                           '    return a:clause("commun/litiges", { court = court })\n'
                           '  end }')
        r = run(self.folder({"s.lua": script}), "render", "s.lua", "-o", "x.odt")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertRegex(r.stderr, r"s\.lua:7: in the content function starting here \(its `return` of a call keeps "
                                   r"no line\): clause 'commun/litiges': ")
        self.assertNotIn("s.lua:6:", r.stderr)
        # Called in the function's body, the clause is at its own line.
        script = SCRIPT % ('a:article { key = "litiges", title = "Litiges",\n'
                           '  content = function()\n'
                           '    local made = a:clause("commun/litiges", { court = { "Paris" } })\n'
                           '    return made\n'
                           '  end }')
        r = run(self.folder({"s.lua": script}), "render", "s.lua", "-o", "x.odt")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("s.lua:8: clause 'commun/litiges': ", r.stderr)

    def test_a_clause_the_library_adds_for_a_user_s_module_is_at_the_module_s_line(self):
        # closing.resiliation called from the user's module: its clause's failure names the
        # module's line and the parameter, not the script's a:document() (review r11 #4).
        module = ('local closing = require "conventio.closing"\n'
                  'local M = {}\n'
                  'function M.add(a)\n'
                  '  closing.resiliation(a, { sections = { "sans_faute" }, notice = { "x" } })\n'
                  'end\n'
                  'return M\n')
        folder = self.folder({"s.lua": SCRIPT % 'require("mod").add(a)', "lib/mod.lua": module})
        r = run(folder, "render", "s.lua", "-o", "x.odt", "--lib", "lib")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertRegex(r.stderr, r"lib/mod\.lua:4: clause 'commun/resiliation_sans_faute': .*this value is a table")
        self.assertNotIn("s.lua:8:", r.stderr)


class ReviewR13(unittest.TestCase):
    """What review r13 found: the templates' tables, the facts, the classes' names and other
    spellings of a library module's name were open to a script."""

    def folder(self, files):
        folder = tempfile.mkdtemp(prefix="conventio-guard-")
        self.addCleanup(shutil.rmtree, folder)
        for name, text in files.items():
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(text)
        return folder

    def check(self, attempt):
        return run(self.folder({"s.lua": SCRIPT % attempt}), "check", "s.lua")

    ZORGLUB = 'a:article { key = "x", title = "X", content = "La société ZORGLUB participe." }'
    NOT_A_PARTY = "s.lua:{}: warning: the text names ZORGLUB, which is not a party of this agreement"

    def test_a_template_s_table_and_front_matter_are_read_only(self):
        refused = "s.lua:6: cannot set {}: {} is the library's, its fields cannot be set"
        sigles = 'clauses.front_matter("structure/sigles")'
        litiges = 'conventio.template("commun/litiges")'
        for attempt, field, table in [
                ('table.insert(require("conventio.clauses").front_matter("structure/sigles").acronyms, "ZORGLUB")',
                 sigles + ".acronyms[%d]", sigles + ".acronyms"),
                ('require("conventio.clauses").front_matter("structure/libelles").article = "X"',
                 'clauses.front_matter("structure/libelles").article', 'clauses.front_matter("structure/libelles")'),
                ('conventio.template("commun/litiges").chunk = function() return { "x" } end',
                 litiges + ".chunk", litiges),
                ('conventio.template("commun/litiges").front.title = "x"', litiges + ".front.title",
                 litiges + ".front"),
                ('conventio.template("commun/litiges").params[1] = "x"', litiges + ".params[1]", litiges + ".params"),
                # The function as pairs gives it is the one a script is given too.
                ('for k, f in pairs(conventio) do if k == "template" then f("commun/litiges").chunk = nil end end',
                 litiges + ".chunk", litiges)]:
            with self.subTest(attempt=attempt):
                r = self.check(attempt)
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                if "%d" in field:  # the list's next index: its length, whatever the template holds
                    self.assertRegex(r.stdout + r.stderr, r"s\.lua:6: cannot set clauses\.front_matter\(\"structure/"
                                     r"sigles\"\)\.acronyms\[\d+\]: " + table.replace("(", r"\(").replace(
                                         ")", r"\)").replace(".", r"\."))
                else:
                    self.assertIn(refused.format(field, table), r.stdout + r.stderr)
        # Tried in a pcall, the check still finds the body that is not a party, at its line;
        # the script still reads the same front matter as before.
        r = self.check('pcall(table.insert, require("conventio.clauses").front_matter("structure/sigles").acronyms, '
                       '"ZORGLUB")\n'
                       'local t = conventio.template("commun/litiges")\n'
                       'pcall(function() t.chunk = function() return { "Le partenaire versera 12 345 €.\\n" } end end)\n'
                       'assert(t == conventio.template("commun/litiges") and t.front == '
                       'require("conventio.clauses").front_matter("commun/litiges"))\n'
                       'assert(type(t.chunk) == "function" and t.front.key ~= nil and #t.params >= 0)\n'
                       # clauses.markdown gives the text only, not the template's table.
                       'assert(select("#", require("conventio.clauses").markdown("commun/nullite")) == 1)\n'
                       + self.ZORGLUB)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn(self.NOT_A_PARTY.format(12), r.stdout)
        self.assertIn(FOREIGN_AMOUNT.format(13), r.stdout)

    def test_the_facts_are_the_library_s_to_state(self):
        for attempt, message in [
                ('local doc = a:document()\ndoc:state_facts { amounts = { "12345" } }',
                 "doc:state_facts is the library's own: the facts of a document are stated by the Agreement "
                 "that builds it"),
                ('require("conventio.facts").state_avenant(a, { conventio.Money(12345) })',
                 "s.lua:6: facts.state_avenant is the library's own"),
                ('require("conventio.facts").finish(a, conventio.Document { title = "T" })',
                 "s.lua:6: facts.finish is the library's own"),
                ('require("conventio.facts").begin()', "s.lua:6: facts.begin is the library's own")]:
            with self.subTest(attempt=attempt):
                r = self.check(attempt)
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                self.assertIn(message, r.stdout + r.stderr)
        # An agreement's field is not where the library keeps the amounts it states.
        r = self.check("a.stated_amounts = { conventio.Money(12345) }")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn(FOREIGN_AMOUNT.format(7), r.stdout)

    def test_a_document_without_facts_is_said_to_be_unchecked(self):
        note = ("s.lua: note: the text was not compared with a model: the document was built without "
                "conventio's Agreement (its names and amounts were not checked)")
        # The body of an agreement's document in a document of the script's: its facts are lost.
        r = self.check(self.ZORGLUB + '\ndo return conventio.Document { title = "T", body = conventio.body(a:document()) } end')
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(r.stdout.splitlines(), [note])
        # As JSON too, and the agreement's own document says nothing of the kind.
        folder = self.folder({"s.lua": SCRIPT % 'do return conventio.Document { title = "T" } end'})
        r = run(folder, "check", "s.lua", "--format", "json")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn('"severity": "note"', r.stdout)
        self.assertNotIn("note", self.check("").stdout)
        # Render, which prints check's findings, builds a hand-made document without a word.
        r = run(folder, "render", "s.lua", "-o", "x.odt")
        self.assertEqual((r.returncode, r.stderr), (0, ""))

    def test_a_class_s_name_is_not_the_class(self):
        forged_clause = ('local fake = setmetatable({ name = "commun/litiges", params = { cour = "Lyon" }, place = "" },'
                         ' { __metatable = "conventio.Clause" })\n'
                         'a:article { key = "litiges", title = "Litiges", content = fake }')
        r = self.check(forged_clause)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("s.lua:7: content: expected a block, text or an array of them, got table", r.stdout + r.stderr)
        r = self.check('local P = setmetatable({ short_name = "X" }, { __metatable = "conventio.Party", __index = partner })\n'
                       'assert(not Party.is_party(P) and Party.is_party(partner))\n'
                       'local percent = require("conventio.quantities").percent\n'
                       'local forged = setmetatable({ hundredths = 1 }, { __metatable = "conventio.Percent" })\n'
                       'assert(not require("conventio.quantities").is_percent(forged))\n'
                       'assert(require("conventio.quantities").is_percent(percent("5 %")))\n'
                       'percent(forged)')
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertRegex(r.stdout + r.stderr, r"s\.lua:12: .*percent")

    def test_every_spelling_of_a_library_module_is_the_library_s(self):
        r = self.check('local F = require "conventio.facts"\n'
                       'assert(require "conventio/facts" == F and require "conventio..facts" == F)\n'
                       'assert(require "./conventio//facts" == F and require "conventio/facts/" == F)\n'
                       'assert(select("#", package.searchers[2]("conventio/facts")) == 1)\n'
                       'assert(type(package.searchers[2]("conventio/facts")) == "string")\n'
                       'require("conventio/facts").finish = nil')
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("s.lua:11: cannot set conventio.facts.finish: conventio.facts is the library's",
                      r.stdout + r.stderr)
        r = self.check('require "conventio/no_such"')
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("s.lua:6: module 'conventio.no_such' not found: conventio's library has no such module",
                      r.stdout + r.stderr)



# A copy of the library's facts module run with the script's globals (its `require` replaced
# for the load): its functions' source is the library's folder, so before the fix they passed
# for the library's and stated facts on a document the script made, silencing check.
FORGED_FACTS = """local real_require = require
require = function(name)
  if name == "conventio" then
    return { tr = conventio.tr, called_by_library = function() return true end }
  end
  return { printed_amounts = { "12 345 €" }, front_matter = function() return {} end }
end
local facts = %s
require = real_require
local doc = conventio.Document { title = "T", body = { conventio.Para("ZORGLUB versera 12 345 € au Cerema.") } }
facts.finish({ party_list = function() return { { short_name = "ZORGLUB" } } end, spec = {} }, doc)
return doc
"""


class ReviewGuard3(Folders):
    """What the review of the guard found open: the library's files loaded by a script, chunk
    names faking the library's, an avenant's facts and a party's texts read from fields a script
    sets, amounts a script's own functions format, and the messages of the faces and views."""

    def home_with(self, files):
        """A copy of the library (CONVENTIO_HOME) whose folder holds the script: the library's
        scripts/ is then inside the script's folder, which require and load_script search."""
        repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        home = self.folder(files)
        for part in ("scripts", "templates"):
            shutil.copytree(os.path.join(repo, part), os.path.join(home, part))
        return home

    def test_a_script_cannot_load_a_file_of_the_library_s_folder(self):
        for load, refused in [
                ('real_require "scripts.conventio.facts"',
                 "require: 'scripts.conventio.facts' is a file of conventio's own library"),
                ('conventio.load_script("scripts/conventio/facts.lua")()',
                 "load_script: 'scripts/conventio/facts.lua' is a file of conventio's own library")]:
            with self.subTest(load=load):
                home = self.home_with({"s.lua": FORGED_FACTS % load})
                env = dict(os.environ, CONVENTIO_HOME=home)
                r = subprocess.run([CONVENTIO, "check", os.path.join(home, "s.lua")], capture_output=True,
                                   text=True, env=env, cwd=home)
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                self.assertIn("s.lua:8: " + refused, r.stdout + r.stderr)
        # Nor, from the library's scripts/ folder, what is not a module of conventio's (the
        # drivers of `conventio amend`, the type stubs).
        for name in ("amend.avenant", "types.conventio"):
            with self.subTest(name=name):
                r = self.check('require "%s"' % name)
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                self.assertIn("s.lua:6: require: '%s' is a file of conventio's own library" % name,
                              r.stdout + r.stderr)

    def test_a_chunk_named_after_a_library_file_is_not_the_library(self):
        # A function of the script's whose chunk name is a file of the library's: with it, a call
        # of facts.finish passed for the library's, and stated the facts of a document the script
        # made. The name is the text's own (`load` makes "@x" "=x"), and the library's own calls
        # are also told by their globals, the library's: neither trampoline passes.
        trampolines = [
            # Reads its globals (table), the script's.
            'load("return function(f, ...) local r = table.pack(f(...)) return table.unpack(r, 1, r.n) end", '
            '"@%s")()',
            # Reads none: an upvalue of its chunk's locals.
            'load("local pack, unpack = table.pack, table.unpack\\n'
            'return function(f, ...) local r = pack(f(...)) return unpack(r, 1, r.n) end", "@%s")()']
        for trampoline in trampolines:
            with self.subTest(trampoline=trampoline):
                home = self.home_with({})
                name = os.path.join(home, "scripts", "conventio", "facts.lua")
                script = ('local t = ' + trampoline % name + '\n'
                          'local facts = require "conventio.facts"\n'
                          'local doc = conventio.Document { title = "T", body = { conventio.Para("ZORGLUB versera '
                          '12 345 € au Cerema.") } }\n'
                          'local fake = { party_list = function() return { { short_name = "ZORGLUB" } } end, '
                          'spec = {} }\n'
                          'assert(not pcall(t, require("conventio.agreement").as_versions, print))\n'
                          'assert(not pcall(t, facts.begin))\n'
                          't(facts.finish, fake, doc)\n'
                          'return doc\n')
                with open(os.path.join(home, "s.lua"), "w", encoding="utf-8") as f:
                    f.write(script)
                env = dict(os.environ, CONVENTIO_HOME=home)
                r = subprocess.run([CONVENTIO, "check", os.path.join(home, "s.lua")], capture_output=True,
                                   text=True, env=env, cwd=home)
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                # Refused at the trampoline's line, under the name the script gave its chunk (the
                # script's line when it passes for the library's file).
                self.assertRegex(r.stdout + r.stderr, r"(conventio:\d|s\.lua:7): facts\.finish is the library's own")

    def test_what_an_avenant_states_is_not_read_from_its_fields(self):
        # An amount an avenant quotes (« … ») is the Convention's, not checked: an agreement of
        # the script's whose kind it set to "avenant" passed for one, and its amounts too.
        quoted = 'a:article { key = "q", title = "Q", content = "Le montant « 7 777 € » est porté à 600 €." }'
        for attempt in ['a.spec.kind = "avenant"',
                        'a.spec = setmetatable({}, { __index = function(_, k) if k == "kind" then return "avenant" '
                        'end return rawget(a, "_spec")[k] end })\nrawset(a, "_spec", { title = "Convention", '
                        'place = "Paris" })']:
            with self.subTest(attempt=attempt):
                r = self.check(attempt + "\n" + quoted)
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                self.assertRegex(r.stdout, r"s\.lua:\d+: warning: the amount 7 777 € in the text is not one the model")
                self.assertRegex(r.stdout, r"s\.lua:\d+: warning: the amount 600 € in the text is not one the model")
        # What an avenant states is the library's to state (conventio.avenant's).
        r = self.check('require("conventio.facts").state_avenant(a, {})\n' + quoted)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("s.lua:6: facts.state_avenant is the library's own", r.stdout + r.stderr)

    def test_an_amount_a_script_s_own_function_formats_is_not_the_model_s(self):
        # The amounts a template formats while the document builds are the model's: a script's
        # own Lua clause (a content function), or a function of the script's that a template
        # calls (a parameter's metamethod), had one format any amount, which check then took for
        # the model's.
        render = 'require("conventio.clauses").%s("commun/litiges", { court = conventio.Money(12345) })'
        # A table of amounts (its template has a "#" a row), 12 345 € among them.
        CARRIED = ('{ carry_over = { from_year = 2024, to_year = 2025, ae = conventio.Money(12345), '
                   'committed = conventio.Money(0) }, recycling = { amount = conventio.Money(0) }, '
                   'carried = conventio.Money(12345) }')
        for attempt, line in [
                ('a:article { key = "f", title = "F", content = function(ctx)\n'
                 '  ' + (render % "markdown") + '\n  return "Rien." end }', 9),
                ('a:article { key = "f", title = "F", content = function(ctx)\n'
                 '  ' + (render % "blocks") + '\n  return "Rien." end }', 9),
                # Through a library function the script's function calls.
                ('a:article { key = "f", title = "F", content = function(ctx)\n'
                 '  return require("conventio.annexes").headed_parts("finances/credits_reportes_tableau", '
                 + CARRIED + ')() end }', 8),
                # A parameter's metamethod, called while the library's template renders.
                ('a:article { key = "f", title = "F", content = a:clause("commun/litiges", setmetatable({}, '
                 '{ __index = function(_, k)\n'
                 '  if k == "court" then ' + (render % "markdown") + ' return "Lyon" end end })) }', 8),
                ('a:article { key = "f", title = "F", content = a:clause("commun/litiges", { court = '
                 'setmetatable({}, { __tostring = function()\n'
                 '  ' + (render % "markdown") + ' return "Lyon" end }) }) }', 8),
                # A metamethod of the agreement's fields, which the library reads as it builds.
                ('a.parts = setmetatable({}, { __index = function(_, i)\n'
                 '  if i == 1 then ' + (render % "markdown") + ' return "articles" end end })', 8),
                ('a.parts = setmetatable({}, { __index = function(_, i)\n'
                 '  if i == 1 then require("conventio.finance.common").rows_table('
                 '"finances/credits_reportes_tableau", ' + CARRIED + ')() return "articles" end end })', 8),
                # A function of a library module as content is not the library's content function:
                # reading the context it is given, it ran the script's code (the agreement's parties).
                ('a.parties = setmetatable({ partner = partner }, { __index = function()\n'
                 '  ' + (render % "markdown") + ' end })\n'
                 'a:article { key = "f", title = "F", content = require("conventio.finance.common").account }', 9)]:
            with self.subTest(attempt=attempt):
                r = self.check(attempt)
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                self.assertIn(FOREIGN_AMOUNT.format(line), r.stdout)
        # The amounts the library's templates print stay the model's: an amount given to a clause
        # of the script's, or printed by a content function of the library's (common.rows_table).
        for attempt in ['a:article { key = "m", title = "M", content = a:clause("finances/montant_unique", '
                        '{ payer = partner, amount = conventio.Money(12345) }) }',
                        'a:article { key = "m", title = "M", content = require("conventio.finance.common").rows_table('
                        '"finances/credits_reportes_tableau", ' + CARRIED + ') }']:
            with self.subTest(attempt=attempt):
                r = self.check(attempt)
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                self.assertNotIn("12 345", r.stdout)

    def test_an_avenant_s_amounts_are_those_its_versions_print(self):
        # The amounts an avenant may type are those the two versions of the Convention print
        # (recorded while they build). The Convention's script ran while they were recorded: an
        # amount it had a template format outside the document, at its top, became one.
        repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        with open(os.path.join(repo, "samples", "cerema-urbanvitaliz-2023.lua"), encoding="utf-8") as f:
            script = f.read()
        with open(os.path.join(repo, "samples", "cerema-urbanvitaliz-2023.json"), encoding="utf-8") as f:
            data = f.read()
        changes = ('{ "base": { "script": "cerema-urbanvitaliz-2023.lua", "data": "cerema-urbanvitaliz-2023.json", '
                   '"kind": "partenariat", "date": "2023-01-31" }, "number": 1, "date": "2024-05-15",\n'
                   '"purpose": "de porter la participation financière du Cerema à 99 999 €",\n'
                   '"data": [ { "set": "finance.amount", "to": "600000" } ] }')
        folder = self.folder({
            "cerema-urbanvitaliz-2023.lua": 'require("conventio.clauses").markdown("commun/litiges", '
                                            '{ court = conventio.Money(99999) })\n' + script,
            "cerema-urbanvitaliz-2023.json": data, "changes.json": changes})
        r = run(folder, "amend", "changes.json", "-o", "x.odt")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("changes.json:2:63: the amount 99\u202f999 € in the avenant is neither the Convention's nor the "
                      "amended Convention's", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(folder, "x.odt")))

    ZORGLUB = 'a:article { key = "z", title = "Z", content = "La société ZORGLUB participe." }'
    NOT_A_PARTY = "s.lua:{}: warning: the text names ZORGLUB, which is not a party of this agreement"

    def test_a_party_s_texts_are_those_the_library_made_it_with(self):
        # The parties' texts (an acronym found there is a party's) were read from the party
        # tables when the document was built: a script adding one to a party's field, or giving
        # its agreement a party_list of its own, had check accept any acronym.
        other = ('Party.new({ short_name = "ZORGLUB", gender = "f", representation = "Représentée par Y", '
                 'signature_label = "La ZORGLUB" }, "other")')
        for attempt in ['partner.zz = "ZORGLUB"',
                        'partner.representative = { name = "ZORGLUB" }',
                        'local z = ' + other + '\na.party_list = function() return { partner, z } end']:
            with self.subTest(attempt=attempt):
                r = self.check(attempt + "\n" + self.ZORGLUB)
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                self.assertIn(self.NOT_A_PARTY.format(6 + attempt.count("\n") + 1), r.stdout)
        # A party of the agreement's, as the library made it, is one.
        r = self.check('local z = ' + other + '\na.parties.z = z\na.party_order[2] = "z"\n' + self.ZORGLUB)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertNotIn("ZORGLUB", r.stdout)

    def test_a_face_refuses_its_arguments_at_the_script_s_line(self):
        # The face a script gets of clauses.front_matter (and clauses.markdown, blocks) raised
        # at a line of the library's, naming the function it called (`template`): caught by a
        # pcall, the message named no place of the script's. Each call is a tail call in the
        # pcall, which keeps no frame of its caller: the script's line is still named.
        for call, message in [
                ('require("conventio.clauses").front_matter(nil)',
                 "clauses.front_matter: expected a template's name (\"commun/litiges\"), got nil"),
                ('require("conventio.clauses").front_matter({})',
                 "clauses.front_matter: expected a template's name (\"commun/litiges\"), got table"),
                ('require("conventio.clauses").front_matter("no/such")', "template 'no/such' not found"),
                ('require("conventio.clauses").markdown(nil)',
                 "clauses.markdown: expected a template's name (\"commun/litiges\"), got nil"),
                ('require("conventio.clauses").blocks("commun/litiges", 5)',
                 "clauses.blocks: parameters must be a table, got number"),
                ('require("conventio.clauses").recorded(5)', "clauses.recorded: expected a function, got number"),
                ('conventio.template(nil)', "bad argument #1 to 'template' (string expected, got nil)")]:
            with self.subTest(call=call):
                r = self.check('local ok, e = pcall(function() return %s end)\nerror(e, 0)' % call)
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                self.assertIn("s.lua:6: " + message, r.stdout + r.stderr)
                r = self.check(call)
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                self.assertIn("s.lua:6: " + message, r.stdout + r.stderr)

    def test_a_read_only_table_is_named_in_a_refusal(self):
        # setmetatable on a view named nothing ("cannot change a protected metatable"), and a key
        # that is not a text or a number was named by its address ("conventio.party[table:
        # 0x55…]"), another at every run.
        for attempt, message in [
                ('setmetatable(require("conventio.party").kinds, {})', "s.lua:6: cannot change the metatable of "
                 "conventio.party.kinds: conventio.party.kinds is the library's"),
                ('setmetatable(require("conventio.clauses").front_matter("commun/litiges"), nil)',
                 's.lua:6: cannot change the metatable of clauses.front_matter("commun/litiges"): '
                 'clauses.front_matter("commun/litiges") is the library\'s'),
                ('setmetatable(string, {})',
                 "s.lua:6: the standard library is read-only: cannot change the metatable of 'string'"),
                ('require("conventio.party")[{}] = 1', "s.lua:6: cannot set conventio.party[a table value]: "
                 "conventio.party is the library's, its fields cannot be set"),
                ('conventio[print] = 1', "s.lua:6: cannot set conventio[a function value]: conventio is the library's"),
                ('rawset(conventio, true, 1)', "s.lua:6: cannot set conventio[true]: conventio is the library's")]:
            with self.subTest(attempt=attempt):
                r = self.check(attempt)
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                self.assertIn(message, r.stdout + r.stderr)
                self.assertNotIn("0x", r.stdout + r.stderr)

    def test_a_party_s_kind_is_not_the_library_s_table(self):
        # A party's kind_info was the library's own table (conventio.party.kinds.commune),
        # reachable through the party: a script setting a field there changed every later party
        # of that kind (its gender, whether it is a State service, its budget).
        r = self.check('local P = require "conventio.party"\n'
                       'local c1 = P.new({ short_name = "Commune de X", kind = "commune", representation = "r" }, "c1")\n'
                       'c1.kind_info.gender = "m"\n'
                       'assert(P.kinds.commune.gender == "f", "the library\'s kinds changed")\n'
                       'local c2 = P.new({ short_name = "Commune de Y", kind = "commune", representation = "r" }, "c2")\n'
                       'assert(c2.le == "la Commune de Y", c2.le)')
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

if __name__ == "__main__":
    unittest.main()
