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


class Guarded(unittest.TestCase):
    def folder(self, files):
        folder = tempfile.mkdtemp(prefix="conventio-guard-")
        self.addCleanup(shutil.rmtree, folder)
        for name, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(text)
        return folder

    def check(self, attempt):
        return run(self.folder({"s.lua": SCRIPT % attempt}), "check", "s.lua")

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
                ('setmetatable(require("conventio.facts"), nil)', "s.lua:6: cannot change a protected metatable"),
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


if __name__ == "__main__":
    unittest.main()
