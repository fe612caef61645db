"""The command line as a user meets it: exit codes, messages naming the place, and no partial
or corrupt output left behind, whatever fails."""
import scratch  # noqa: F401 -- temporary folders under one, removed when the script ends
import os
import re
import stat
import subprocess
import sys
import tempfile
import unittest
import zipfile

CONVENTIO = os.environ["CONVENTIO"]
REPO = os.environ["CONVENTIO_REPO"]

GOOD = 'local c = require "conventio"\nreturn c.Document{ title = "T", body = { c.Para "Bonjour" } }\n'


def run(*args, cwd=None):
    return subprocess.run([CONVENTIO, *args], capture_output=True, text=True, cwd=cwd)


class CommandLine(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="conventio-cli-")

    def script(self, name, code):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(code.encode("utf-8", "surrogateescape") if isinstance(code, str) else code)
        return path

    def leftovers(self):
        return sorted(f for f in os.listdir(self.dir) if f.startswith("."))

    def test_help_and_version(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("conventio render SCRIPT.lua", r.stdout)
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"^conventio \d+\.\d+\.\d+\n$")

    def test_help_after_a_command_is_the_help_not_an_unknown_option(self):
        # A user's first reflex: `conventio render --help`, or `help render`.
        for args in (("render", "--help"), ("check", "-h"), ("new", "--help"), ("amend", "x.json", "--help"),
                     ("help", "render"), ("--lang", "fr", "render", "-h")):
            r = run(*args)
            self.assertEqual(r.returncode, 0, (args, r.stderr))
            self.assertEqual(r.stderr, "", args)
            self.assertIn("conventio render SCRIPT.lua", r.stdout, args)
        self.assertIn("Utilisation", run("--lang", "fr", "render", "-h").stdout)

    def test_help_lists_every_command_in_usage_and_commands(self):
        # Each command the dispatcher knows (an unknown one is refused as unknown) has its usage
        # line and its one-line description, in both languages.
        for lang in ("en", "fr"):
            r = run("--help", "--lang", lang)
            self.assertEqual(r.returncode, 0, r.stderr)
            _, usage, commands = r.stdout.split("\n\n")[:3]
            for command in ("new", "check", "render", "amend", "batch"):
                self.assertNotIn("unknown command", run(command).stderr)
                self.assertIn("  conventio %s " % command, usage, lang)
                self.assertRegex(commands, r"\n  %s +\S" % command, lang)
        self.assertIn("unknown command", run("batches").stderr)

    def test_a_trusted_scripts_finalizer_still_runs_after_a_render(self):
        # A render may end without closing the Lua state (nothing of a sandboxed one can be
        # seen closing: it cannot have finalizers), but a trusted script's finalizer can write
        # a file, so its state is closed as before.
        marker = os.path.join(self.dir, "finalized.txt")
        path = self.script("gc.lua", (
            'local c = require "conventio"\n'
            'KEEP = setmetatable({}, {__gc = function()\n'
            '  local f = io.open(%r, "w"); f:write("closed"); f:close()\n'
            'end})\n' % marker) + GOOD.split("\n", 1)[1])
        out = os.path.join(self.dir, "gc.odt")
        r = run("render", path, "--trusted", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(zipfile.is_zipfile(out))
        with open(marker, encoding="utf-8") as f:
            self.assertEqual(f.read(), "closed")

    def test_the_readme_first_script_works_as_printed(self):
        import re
        with open(os.path.join(REPO, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        script = re.search(r"```lua\n(-- hello\.lua\n.*?)```", readme, re.S).group(1)
        path = self.script("hello.lua", script)
        out = os.path.join(self.dir, "hello.odt")
        r = run("render", path, "--format", "odt,docx", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(zipfile.is_zipfile(out))
        self.assertTrue(zipfile.is_zipfile(os.path.join(self.dir, "hello.docx")))

    def test_usage_errors_exit_2(self):
        for args, message in [
            ([], "no command given"),
            (["frob"], "unknown command 'frob'"),
            (["render"], "render needs a script"),
            (["render", "x.lua"], "render needs an output"),
            (["render", "x.lua", "-o", "x.rtf"], "cannot tell the format of 'x.rtf'"),
            (["render", "x.lua", "-o", "x.odt", "--format", "rtf"], "unknown format 'rtf'"),
            (["render", "x.lua", "-o", "x.odt", "--max-memory", "lots"], "--max-memory expects a whole number"),
            (["render", "x.lua", "-o", "x.odt", "--bogus"], "unknown option '--bogus'"),
            # A misspelt option or starter kind gets the nearest one.
            (["render", "x.lua", "-o", "x.odt", "--fromat", "odt"], "unknown option '--fromat' (did you mean --format?)"),
            (["check", "x.lua", "--dta", "x.json"], "unknown option '--dta' (did you mean --data?)"),
            (["amend", "x.json", "-o", "x.odt", "--consolidatd", "c.odt"],
             "unknown option '--consolidatd' (did you mean --consolidated?)"),
            (["new", "x", "--kidn", "partenariat"], "unknown option '--kidn' (did you mean --kind?)"),
            (["new", "x", "--kind", "partenaria", "--dir", self.dir], "(did you mean partenariat?)"),
            (["new", "x", "--kind", "partenariat", "--finance", "tranche", "--dir", self.dir],
             "(did you mean tranches?)"),
            # Two outputs of one command on one file: the last written would be all that is left.
            (["render", "x.lua", "-o", "a.odt", "-o", "b.docx"],
             "-o is given twice ('a.odt' and 'b.docx'): give one output, and --format odt,docx"),
            # A folder to search that is not there: said at once, not as a file not found later.
            (["render", "x.lua", "-o", "x.odt", "--lib", "no-such-lib"], "--lib 'no-such-lib': no such folder"),
            (["check", "x.lua", "--templates", "no-such-tpl"], "--templates 'no-such-tpl': no such folder"),
        ]:
            with self.subTest(args=args):
                r = run(*args)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(message, r.stderr)

    def test_both_formats_next_to_each_other(self):
        s = self.script("ok.lua", GOOD)
        out = os.path.join(self.dir, "ok.odt")
        r = run("render", s, "--format", "odt,docx", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(zipfile.is_zipfile(out))
        self.assertTrue(zipfile.is_zipfile(os.path.join(self.dir, "ok.docx")))
        self.assertEqual(self.leftovers(), [])

    def test_the_extension_picks_the_format_whatever_its_case(self):
        s = self.script("ok.lua", GOOD)
        out = os.path.join(self.dir, "UPPER.DOCX")
        r = run("render", s, "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        with zipfile.ZipFile(out) as z:
            self.assertIn("word/document.xml", z.namelist())

    def test_script_error_names_file_and_line_and_leaves_nothing(self):
        s = self.script("bad.lua", 'local c = require "conventio"\nlocal d = c.Document{}\nd:add(nil .. "x")\nreturn d\n')
        out = os.path.join(self.dir, "bad.odt")
        r = run("render", s, "--format", "odt,docx", "-o", out)
        self.assertEqual(r.returncode, 1)
        self.assertIn("bad.lua:3: attempt to concatenate a nil value", r.stderr)
        self.assertFalse(os.path.exists(out))
        self.assertFalse(os.path.exists(os.path.join(self.dir, "bad.docx")))
        self.assertEqual(self.leftovers(), [])

    def test_failure_keeps_the_previous_output_intact(self):
        out = os.path.join(self.dir, "keep.odt")
        self.assertEqual(run("render", self.script("ok.lua", GOOD), "-o", out).returncode, 0)
        before = open(out, "rb").read()
        r = run("render", self.script("half.lua", 'error("stops half-way")'), "-o", out)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(open(out, "rb").read(), before)

    def test_invalid_utf8_and_forbidden_characters_name_the_line(self):
        s = self.script("utf.lua", b'local c = require "conventio"\nreturn c.Document{ body = { c.Para "caf\xe9 au lait" } }\n')
        r = run("render", s, "-o", os.path.join(self.dir, "u.odt"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("utf.lua:2: Para: invalid UTF-8 at byte 3 (0xE9 0x20)", r.stderr)
        s = self.script("ctl.lua", 'local c = require "conventio"\nreturn c.Document{ body = { c.Para "a\\12b" } }\n')
        r = run("render", s, "-o", os.path.join(self.dir, "c.odt"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("ctl.lua:2: Para: character U+000C at byte 1 is not allowed", r.stderr)

    def test_missing_or_read_only_output_folder(self):
        s = self.script("ok.lua", GOOD)
        r = run("render", s, "-o", os.path.join(self.dir, "missing", "x.odt"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("folder " + os.path.join(self.dir, "missing") + " does not exist", r.stderr)
        # Root writes into any folder whatever its mode; sysfs refuses new files to everyone.
        ro = "/sys"
        if os.geteuid() != 0:
            ro = os.path.join(self.dir, "ro")
            os.mkdir(ro)
            os.chmod(ro, stat.S_IRUSR | stat.S_IXUSR)
        r = run("render", s, "-o", os.path.join(ro, "x.odt"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("cannot write " + os.path.join(ro, "x.odt") + ": cannot create a file in " + ro, r.stderr)
        self.assertIn("Permission denied", r.stderr)

    def test_output_is_a_directory(self):
        s = self.script("ok.lua", GOOD)
        target = os.path.join(self.dir, "dir.odt")
        os.mkdir(target)
        r = run("render", s, "-o", target)
        self.assertEqual(r.returncode, 1)
        self.assertIn("cannot write " + target, r.stderr)
        self.assertEqual(self.leftovers(), [])

    def test_data_errors(self):
        s = self.script("ok.lua", GOOD)
        r = run("render", s, "--data", os.path.join(self.dir, "none.json"), "-o", os.path.join(self.dir, "x.odt"))
        self.assertEqual(r.returncode, 1)
        self.assertIn(os.path.join(self.dir, "none.json") + ": cannot open", r.stderr)
        bad = self.script("bad.json", '{\n  "partner": {"name": "Cerema",}\n}\n')
        r = run("render", s, "--data", bad, "-o", os.path.join(self.dir, "x.odt"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("bad.json:2:", r.stderr)
        self.assertIn("invalid JSON", r.stderr)

    def test_bad_data_in_a_real_agreement_names_the_data_file_and_the_field(self):
        import json
        sample = os.path.join(REPO, "samples", "anct-incubateur-2020")
        with open(sample + ".json", encoding="utf-8") as f:
            good = json.load(f)
        cases = [
            (("parties", "partner", "siret"), "13002603200017",
             "invalid SIRET 13002603200017 (field parties.partner.siret): Luhn check failed"),
            (("finance", "tranches", 1, "amount"), "300000",
             "finance.tranches add up to 1\u00a0500\u00a0000\u00a0€, but finance.amount is 1\u00a0600\u00a0000\u00a0€"),
            (("finance", "amount"), 1600000.5, "finance.amount: write amounts with cents as strings"),
        ]
        for path, value, message in cases:
            with self.subTest(field=".".join(map(str, path))):
                data = json.loads(json.dumps(good))
                target = data
                for key in path[:-1]:
                    target = target[key]
                target[path[-1]] = value
                bad = os.path.join(self.dir, "bad.json")
                with open(bad, "w", encoding="utf-8") as f:
                    json.dump(data, f, ensure_ascii=False)
                out = os.path.join(self.dir, "bad.odt")
                r = run("render", sample + ".lua", "--data", bad, "-o", out)
                self.assertEqual(r.returncode, 1, r.stderr)
                # The data file, at the field's line and column when the field holds text.
                self.assertRegex(r.stderr, f"conventio: {re.escape(bad)}(:\\d+(:\\d+)?)?: {re.escape(message)}")
                self.assertFalse(os.path.exists(out))

    def test_sandbox_stops_are_errors_not_crashes(self):
        cases = [
            ("loop.lua", "while true do end", ["--max-instructions", "100000"], "loop.lua:1: instruction budget of 100000 exceeded"),
            ("bomb.lua", "local t = {}\nfor i = 1, 1e9 do t[i] = ('x'):rep(1000) end", ["--max-memory", "8"], "memory limit of 8 MiB exceeded"),
            ("io.lua", "io.open('/etc/passwd')", [], "io.lua:1: attempt to index a nil value (global 'io')"),
            ("deep.lua", "local function f(n) return f(n + 1) + 1 end\nf(1)", [], "stack overflow"),
        ]
        for name, code, extra, message in cases:
            with self.subTest(name=name):
                r = run("render", self.script(name, code), *extra, "-o", os.path.join(self.dir, "x.odt"))
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn(message, r.stderr)


class StrictAgreementMessages(unittest.TestCase):
    """One case per message of issue 7: each names the user's place (the data file and field,
    or the script line), suggests the key meant, and never shows a library line or a raw Lua
    message. They run the Département–Commune sample with one thing wrong."""

    SAMPLE = os.path.join(REPO, "samples", "drome-valence-guichet-2025")

    def setUp(self):
        import json
        self.dir = tempfile.mkdtemp(prefix="conventio-strict-")
        with open(self.SAMPLE + ".json", encoding="utf-8") as f:
            self.good = json.load(f)

    def render_with(self, change, script=None):
        import json
        data = json.loads(json.dumps(self.good))
        change(data)
        bad = os.path.join(self.dir, "bad.json")
        with open(bad, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        out = os.path.join(self.dir, "bad.odt")
        r = run("render", script or self.SAMPLE + ".lua", "--data", bad, "-o", out)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertFalse(os.path.exists(out))
        for raw in ("attempt to", "conventio/agreement.lua", "conventio/party.lua", "conventio/finance/",
                    "conventio/closing.lua", "stack traceback"):
            self.assertNotIn(raw, r.stderr)
        return bad, r.stderr

    def assertDataError(self, change, message):
        bad, stderr = self.render_with(change)
        # The data file, at the field's line and column when the field holds text.
        self.assertRegex(stderr, f"conventio: {re.escape(bad)}(:\\d+(:\\d+)?)?: {re.escape(message)}")

    def test_unknown_party_field_suggests_the_field_meant(self):
        self.assertDataError(lambda d: d["parties"]["commune"].update(sirne="217702885"),
                             "unknown field parties.commune.sirne (did you mean siren?)")

    def test_unknown_representative_field(self):
        self.assertDataError(lambda d: d["parties"]["commune"]["representative"].update(titel="Maire"),
                             "unknown field parties.commune.representative.titel (did you mean title?)")

    def test_unknown_top_level_field(self):
        self.assertDataError(lambda d: d.update(purpse=d.pop("purpose")),
                             "unknown field purpse (did you mean purpose?)")

    def test_unknown_finance_field(self):
        self.assertDataError(lambda d: d["finance"]["tranches"][1].update(treshold=d["finance"]["tranches"][1].pop("threshold")),
                             "unknown field finance.tranches[2].treshold (did you mean threshold?)")

    def test_unknown_closing_builder(self):
        self.assertDataError(lambda d: d["closing"][5].update(article="litige"),
                             "closing[6].article must name a closing builder")

    def test_unknown_bank_account_field_from_a_host_constructor(self):
        self.assertDataError(lambda d: d["parties"]["departement"]["bank_account"].update(holdr="x"),
                             "unknown field parties.departement.bank_account.holdr (did you mean holder?)")

    def test_a_blank_optional_text_is_refused_at_its_field(self):
        # "financed" is optional; blank, a template would print nothing where a sentence goes on.
        self.assertDataError(lambda d: d["finance"].update(financed=" "),
                             "finance.financed cannot be empty or blank")
        self.assertDataError(lambda d: d["closing"][5].update(title=" "),
                             "closing[6].title cannot be empty or blank")

    def test_empty_required_value(self):
        self.assertDataError(lambda d: d["parties"]["commune"].update(short_name="  "),
                             "parties.commune.short_name cannot be empty or blank")

    def test_empty_place_of_signature(self):
        self.assertDataError(lambda d: d.update(place=""), "place cannot be empty or blank")

    def test_gender_is_required_unless_the_kind_gives_it(self):
        def change(d):
            d["parties"]["commune"]["kind"] = "epci"
        self.assertDataError(change, "parties.commune.gender is required")

    def test_misspelt_kind(self):
        self.assertDataError(lambda d: d["parties"]["commune"].update(kind="comune"),
                             "parties.commune.kind must be one of etat, epa, epic, commune, departement, region, "
                             "epci, gip, association, got comune (did you mean commune?)")

    def test_representative_of_the_wrong_type_is_no_raw_lua_message(self):
        self.assertDataError(lambda d: d["parties"]["commune"].update(representative="Nicolas DARAGON"),
                             "parties.commune.representative must be an object")

    def test_a_fonds_de_concours_only_for_a_state_receiver(self):
        self.assertDataError(lambda d: d["finance"].update(fund={"number": "1-2-00548"}),
                             "finance.fund: only a State receiver imputes on a State fund; parties.commune is of kind commune")

    def test_a_percentage_is_typed(self):
        self.assertDataError(lambda d: d["finance"]["cofinancing"].update(rate="soixante"),
                             "finance.cofinancing.rate: expected a percentage such as \"50 %\" or 50, got soixante")

    def test_a_duration_is_typed(self):
        self.assertDataError(lambda d: d["closing"][1].update(duration={"mois": 24}),
                             "unknown field closing[2].duration.mois")

    def script_error(self, code):
        path = os.path.join(self.dir, "agreement.lua")
        with open(path, "w", encoding="utf-8") as f:
            f.write(code)
        return self.render_with(lambda d: None, script=path)[1]

    PREFIX = ('local Agreement = require "conventio.agreement"\n'
              'local data = ...\n'
              'local a = Agreement.from_data(data, { fields = { "visas", "preamble_markdown", "purpose", '
              '"action", "finance", "closing" } })\n')

    def test_unknown_option_names_the_script_line(self):
        stderr = self.script_error(self.PREFIX + 'a:article { key = "objet", titel = "Objet" }\nreturn a:document()\n')
        self.assertIn("agreement.lua:4: unknown option article.titel (did you mean title?)", stderr)

    def test_unknown_clause_parameter_names_the_script_line(self):
        stderr = self.script_error(self.PREFIX + 'a:article { key = "litiges", title = "Litiges",\n'
                                   '  content = a:clause("commun/litiges", { cour = "Grenoble" }) }\nreturn a:document()\n')
        self.assertIn("agreement.lua:5: clause 'commun/litiges': unknown parameter cour (did you mean court?)", stderr)

    def test_missing_reference_from_a_lua_clause_names_the_clause_line(self):
        stderr = self.script_error(self.PREFIX + 'a:article { key = "objet", title = "Objet", content = function(ctx)\n'
                                   '  return "Voir " .. ctx.agreement:ref_inlines("dure")[1]\nend }\n'
                                   'a:article { key = "duree", title = "Durée", content = "x" }\nreturn a:document()\n')
        self.assertIn("agreement.lua:5: reference to 'dure', which no article or annex has as key (did you mean duree?)",
                      stderr)


class AnyPartner(unittest.TestCase):
    """The library and the templates name no entity outside a variant selected by data, and the
    agreements without a State party come out without the State's or the DINUM's words."""

    WORDS = ("DINUM", "CBCM", "Premier ministre", "beta.gouv", "fonds de concours", "direction du Budget")

    def test_the_new_samples_name_no_state_entity(self):
        import re
        out = tempfile.mkdtemp(prefix="conventio-any-")
        for name in ("drome-valence-guichet-2025", "bfc-association-mediation-2025"):
            for kind in ("odt", "docx"):
                with self.subTest(sample=name, format=kind):
                    script = os.path.join(REPO, "samples", name + ".lua")
                    target = os.path.join(out, f"{name}.{kind}")
                    r = run("render", script, "--data", script[:-4] + ".json", "-o", target)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    part = "content.xml" if kind == "odt" else "word/document.xml"
                    with zipfile.ZipFile(target) as z:
                        text = re.sub(r"<[^>]+>", "", z.read(part).decode("utf-8"))
                    for word in self.WORDS:
                        self.assertNotIn(word.lower(), text.lower())
                    self.assertIn("Commune" if name.startswith("drome") else "association", text)

    def test_the_library_holds_no_entity_words_outside_a_variant(self):
        import glob
        found = []
        for path in glob.glob(os.path.join(REPO, "scripts", "**", "*.lua"), recursive=True):
            with open(path, encoding="utf-8") as f:
                text = f.read().lower()
            found += [(path, w) for w in self.WORDS if w.lower() in text]
        for path in glob.glob(os.path.join(REPO, "templates", "**", "*.md"), recursive=True):
            rel = os.path.relpath(path, os.path.join(REPO, "templates"))
            with open(path, encoding="utf-8") as f:
                text = f.read()
            # A variant: the beta.gouv programme's own clauses (chosen by name by the scripts that
            # draft such agreements), or State-budget wording chosen by the receiver's kind.
            if rel.startswith("beta_gouv" + os.sep) or "\nfor_kind: etat\n" in text:
                continue
            found += [(rel, w) for w in self.WORDS if w.lower() in text.lower()]
        self.assertEqual(found, [])


class Amend(unittest.TestCase):
    """`conventio amend`: a change set in, the avenant and its versions out; a bad change set
    names its file and entry and leaves no file behind."""

    def setUp(self):
        import json
        import shutil
        self.dir = tempfile.mkdtemp(prefix="conventio-amend-")
        for name in ("cerema-urbanvitaliz-2023.lua", "cerema-urbanvitaliz-2023.json", "cerema-avenant-1-2024.json"):
            shutil.copy(os.path.join(REPO, "samples", name), self.dir)
        with open(os.path.join(self.dir, "cerema-avenant-1-2024.json"), encoding="utf-8") as f:
            self.good = json.load(f)

    def changes(self, **fields):
        import json
        data = dict(self.good, **fields)
        path = os.path.join(self.dir, "changes.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)  # as a drafter writes it: one field a line
        return path

    def outputs(self):
        return sorted(f for f in os.listdir(self.dir) if f.endswith((".odt", ".docx")) or f.startswith("."))

    def test_the_avenant_and_its_two_versions(self):
        out = os.path.join(self.dir, "avenant.odt")
        r = run("amend", self.changes(), "-o", out, "--format", "odt,docx",
                "--consolidated", os.path.join(self.dir, "consolidated.docx"),
                "--clean", os.path.join(self.dir, "amended.odt"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.outputs(), ["amended.odt", "avenant.docx", "avenant.odt", "consolidated.docx"])
        with zipfile.ZipFile(os.path.join(self.dir, "consolidated.docx")) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        self.assertIn('<w:del w:id="', xml)
        self.assertIn('w:author="Avenant n\u00b0\u00a01" w:date="2024-05-15T00:00:00Z"', xml)

    def test_usage(self):
        r = run("amend", "-o", os.path.join(self.dir, "x.odt"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("amend needs a change set", r.stderr)
        r = run("amend", self.changes(), "-o", os.path.join(self.dir, "x.odt"), "--clean", "x.pdf")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--clean 'x.pdf': name it .odt or .docx", r.stderr)

    def test_bad_change_sets_name_the_file_and_the_entry_and_leave_nothing(self):
        cases = [
            ({"edits": [{"delete": "duree_x"}]}, "changes.json:28:17: edits[1] (delete duree_x): no article has the key "
                                                  "duree_x (did you mean duree?)"),
            ({"data": [{"set": "finance.amount", "to": "-5"}]},
             "changes.json:18:14: data[1] (set finance.amount): the amended agreement is refused"),
            ({"data": [{"set": "finance.amout", "to": "600000"}]},
             "changes.json:18:14: data[1] (set finance.amout): the data has no finance.amout (did you mean amount?)"),
            ({"date": "2024-08-01"}, "changes.json:22:14: data[2] (set closing.duree.duration.end_date): a prorogation "
                                     "must be signed before the Convention ends (30\u00a0juin 2024)"),
            ({"edits": [{"complete": "montant", "text": "Soit 700 000 € en tout."}]},
             "an amount in an article is computed from the data"),
            ({"data": [{"set": "finance.amount", "to": "400000"}], "purpose": "de réduire la participation"},
             "changes.json:18:14: data[1] (set finance.amount): the amended agreement is refused: finance.amount: "
             "475\u00a0000\u00a0€ fell due at signatures already made"),
            ({"number": 2}, "changes.json:9:13: number: this avenant is n° 1 in its chain, not 2"),
            ({"edit": []}, "changes.json: unknown field edit (did you mean edits?)"),
            # A value of the wrong type: the change that gave it, and the change set's own field.
            ({"data": [{"set": "finance.amount", "to": {"x": 1}}]},
             "changes.json:18:14: data[1] (set finance.amount): finance.amount is a string in the Convention's data "
             "(\"475000\"); the new value is an object ({…}): give a string"),
            ({"purpose": {"x": 1}}, "changes.json:16: purpose must be a string, got table (field purpose)"),
        ]
        for fields, message in cases:
            with self.subTest(message=message):
                r = run("amend", self.changes(**fields), "-o", os.path.join(self.dir, "avenant.odt"),
                        "--consolidated", os.path.join(self.dir, "consolidated.odt"))
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn(message, r.stderr)
                self.assertNotIn(".lua:", r.stderr, "no line of the library")
                self.assertEqual(self.outputs(), [])

    def test_outputs_sharing_a_file_are_a_usage_error_and_nothing_is_written(self):
        os.chdir(self.dir)
        changes = self.changes()
        for args, message in [
            (["-o", "same.odt", "--consolidated", "same.odt"], "-o and --consolidated name the same file 'same.odt'"),
            (["-o", "s2.odt", "--format", "odt,docx", "--consolidated", "s2.docx"],
             "-o s2.odt --format docx and --consolidated name the same file 's2.docx'"),
            (["-o", "a.odt", "--consolidated", "c.docx", "--clean", "./sub/../c.docx"],
             "--consolidated and --clean name the same file './sub/../c.docx'"),
            (["-o", "a.odt", "--clean", os.path.join(self.dir, "a.odt")], "-o and --clean name the same file"),
        ]:
            with self.subTest(args=args):
                os.makedirs("sub", exist_ok=True)
                r = run("amend", changes, *args)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(message, r.stderr)
                self.assertEqual(self.outputs(), [])

    def test_amend_messages_name_the_users_places_only(self):
        # A base data file that is not there: only the change set's folder is listed as searched,
        # not conventio's own (scripts/amend/, scripts/).
        r = run("amend", self.changes(base=dict(self.good["base"], data="cerema-2099.json")),
                "-o", os.path.join(self.dir, "avenant.odt"))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stderr, r"changes\.json:\d+:\d+: base\.data: load_data: cannot find 'cerema-2099\.json'")
        self.assertIn(os.path.join(self.dir, "cerema-2099.json"), r.stderr)
        self.assertNotIn("scripts", r.stderr)
        # An empty new value is the change set's, at its line and column, not a template's.
        r = run("amend", self.changes(data=[{"set": "purpose", "to": " "}]), "-o", os.path.join(self.dir, "a.odt"))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stderr, r"changes\.json:\d+:\d+: data\[1\]\.to: the new value of purpose is empty")
        self.assertNotIn("templates", r.stderr)
        # A misspelt field of a change, placed and fully in French; a misspelt closing entry.
        r = run("--lang", "fr", "amend", self.changes(data=[{"sett": "purpose", "to": "x"}]), "-o", "a.odt")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stderr, r"changes\.json:\d+:\d+: data\[1\]\.sett : champ inconnu sett "
                                   r"\(vouliez-vous dire set \?\) ; une modification est")
        r = run("amend", self.changes(data=[{"set": "closing.dure.duration.end_date", "to": "2025-06-30"}]),
                "-o", os.path.join(self.dir, "a.odt"))
        self.assertIn("the data has no closing.dure (did you mean duree?)", r.stderr)
        self.assertEqual(self.outputs(), [])

    def test_an_amount_the_purpose_types_is_one_of_the_versions(self):
        # « porter la participation à 600 000 € » while the data gives 650 000: Article 1er would
        # contradict Article 2. Refused at the amount's line and column in the purpose.
        changes = self.changes(data=[{"set": "finance.amount", "to": "650000"},
                                     self.good["data"][1]])
        r = run("amend", changes, "-o", os.path.join(self.dir, "avenant.odt"))
        self.assertEqual(r.returncode, 1, r.stderr)
        with open(changes, encoding="utf-8") as f:
            lines = f.read().split("\n")
        line = next(i for i, text in enumerate(lines, 1) if text.lstrip().startswith('"purpose"'))
        column = lines[line - 1].index("600 000") + 1
        self.assertRegex(r.stderr, r"changes\.json:%d:%d: the amount 600\W000 \u20ac in the avenant is neither the "
                                   r"Convention's nor the amended Convention's" % (line, column))
        self.assertIn("(in purpose)", r.stderr)
        self.assertEqual(self.outputs(), [])
        # The amount of either version is the model's: the one the Convention had (475 000 €, as
        # « porter de 475 000 € à 650 000 € ») and the new one pass.
        purpose = "de porter la participation financi\u00e8re du Cerema de 475 000 \u20ac \u00e0 650 000 \u20ac"
        r = run("amend", self.changes(purpose=purpose, data=[{"set": "finance.amount", "to": "650000"}]),
                "-o", os.path.join(self.dir, "avenant.odt"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("amount", r.stderr)
        # « augmenter de 175 000 € »: the change itself, the difference of the two amounts.
        purpose = "d'augmenter de 175 000 \u20ac la participation financi\u00e8re du Cerema"
        r = run("amend", self.changes(purpose=purpose, data=[{"set": "finance.amount", "to": "650000"}]),
                "-o", os.path.join(self.dir, "avenant.odt"))
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_the_difference_a_change_makes_may_be_typed(self):
        # The Drôme avenant raises the eligible cost from 300 000 to 340 000 €: nothing it prints
        # says 40 000 €, which is the change itself (« augmenter de 40 000 € »).
        import json
        import shutil
        for name in ("drome-valence-guichet-2025.lua", "drome-valence-guichet-2025.json",
                     "drome-valence-avenant-1-2026.json"):
            shutil.copy(os.path.join(REPO, "samples", name), self.dir)
        path = os.path.join(self.dir, "drome-valence-avenant-1-2026.json")
        with open(path, encoding="utf-8") as f:
            changes = json.load(f)
        for amount, status in (("40 000", 0), ("41 000", 1)):
            with self.subTest(amount=amount):
                changes["purpose"] = "d'augmenter de %s \u20ac le co\u00fbt \u00e9ligible du guichet" % amount
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(changes, f, ensure_ascii=False, indent=2)
                r = run("amend", path, "-o", os.path.join(self.dir, "avenant.odt"))
                self.assertEqual(r.returncode, status, r.stderr)

    def test_amend_runs_the_checks_of_render_first(self):
        # A placeholder left in the change set is found by the same review as `render` and
        # `check`: it is named in the change file, nothing is written, the exit status is 1.
        r = run("amend", self.changes(reasons=["[\u00e0 compl\u00e9ter]"]), "-o", os.path.join(self.dir, "avenant.odt"),
                "--consolidated", os.path.join(self.dir, "consolidated.odt"))
        self.assertEqual(r.returncode, 1, r.stderr)
        # The data review names the value's line and column in the change file.
        self.assertRegex(r.stderr, r"changes\.json:\d+:\d+: reasons\[1\] still holds the placeholder")
        # The text review finds it in the avenant's text too, in the same words of the same value:
        # said once.
        self.assertEqual(r.stderr.count("[\u00e0 compl\u00e9ter]"), 1, r.stderr)
        self.assertNotIn("scripts/amend", r.stderr, "the library's driver is no place of the user's")
        self.assertEqual(self.outputs(), [])
        # The change set as it should be goes through.
        r = run("amend", self.changes(), "-o", os.path.join(self.dir, "avenant.odt"))
        self.assertEqual(r.returncode, 0, r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
