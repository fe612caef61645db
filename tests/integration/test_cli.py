"""The command line as a user meets it: exit codes, messages naming the place, and no partial
or corrupt output left behind, whatever fails."""
import os
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
            (["render", "x.lua", "-o", "x.pdf"], "cannot tell the format of 'x.pdf'"),
            (["render", "x.lua", "-o", "x.odt", "--format", "pdf"], "unknown format 'pdf'"),
            (["render", "x.lua", "-o", "x.odt", "--max-memory", "lots"], "--max-memory expects a whole number"),
            (["render", "x.lua", "-o", "x.odt", "--bogus"], "unknown option '--bogus'"),
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
        if os.geteuid() != 0:  # root writes anywhere; the check would prove nothing
            ro = os.path.join(self.dir, "ro")
            os.mkdir(ro)
            os.chmod(ro, stat.S_IRUSR | stat.S_IXUSR)
            r = run("render", s, "-o", os.path.join(ro, "x.odt"))
            self.assertEqual(r.returncode, 1)
            self.assertIn("cannot write", r.stderr)

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
                self.assertIn(f"conventio: {bad}: {message}", r.stderr)
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


if __name__ == "__main__":
    unittest.main(verbosity=2)
