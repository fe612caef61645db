"""conventio batch as a user meets it: rows as spreadsheets export them, a bad row reported with
its place while the others are written, names made safe, outputs identical whatever -j, a clean
stop on SIGTERM, --skip-existing, and the sample's avenants from each row."""
import scratch  # noqa: F401 -- temporary folders under one, removed when the script ends
import csv
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import zipfile

CONVENTIO = os.environ["CONVENTIO"]
REPO = os.environ["CONVENTIO_REPO"]
SAMPLES = os.path.join(REPO, "samples")
BATCH = os.path.join(SAMPLES, "batch")

# One paragraph per row, from its columns; a bad amount or IBAN fails through the library.
ROW_SCRIPT = """
local c = require "conventio"
local batch = require "conventio.batch"
local row = ...
local amount = batch.column(row, "montant", c.Money)
local iban = batch.optional(row, "iban", c.id.iban)
return c.Document{ title = batch.column(row, "nom"),
  body = { c.Para(batch.column(row, "nom") .. " : " .. amount:format() .. (iban and (" " .. iban) or "")) } }
"""


def run(*args, **kw):
    return subprocess.run([CONVENTIO, *args], capture_output=True, text=True, **kw)


def read_report(folder):
    with open(os.path.join(folder, "report.csv"), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def digest(folder):
    return {name: hashlib.sha256(read_bytes(os.path.join(folder, name))).hexdigest()
            for name in sorted(os.listdir(folder)) if name != "report.csv"}


def text_of(path):
    with zipfile.ZipFile(path) as z:
        return z.read("content.xml").decode("utf-8")


class Batch(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="conventio-batch-")
        self.script = self.write("row.lua", ROW_SCRIPT.encode())

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def out(self, name="out"):
        return os.path.join(self.dir, name)

    def test_a_spreadsheet_export_windows_1252_semicolons_crlf_quotes_and_amounts(self):
        rows = ("nom;montant;note;;\r\n"
                "Drôme;1 234,56;\"deux ; \"\"lignes\"\"\r\nici\";;\r\n"
                "Ardèche;1\u00a0000;;;\r\n"
                "Œuvre;12;\r\n").encode("cp1252")
        path = self.write("rows.csv", rows)
        r = run("batch", self.script, "--rows", path, "--out", self.out(), "--name", "doc-{nom}")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(self.out())), ["doc-Ardèche.odt", "doc-Drôme.odt", "doc-Œuvre.odt", "report.csv"])
        self.assertIn("Drôme : 1 234,56 €", text_of(os.path.join(self.out(), "doc-Drôme.odt")).replace("\u202f", " ").replace("\u00a0", " "))
        self.assertIn("3 documents written, 0 failed", r.stderr)
        self.assertEqual([row["status"] for row in read_report(self.out())], ["done"] * 3)
        self.assertEqual([row["line"] for row in read_report(self.out())], ["2", "4", "5"])

    def test_utf8_with_bom_commas_and_json_rows(self):
        path = self.write("rows.csv", "\ufeffnom,montant\nAin,\"1 000,00\"\n".encode("utf-8"))
        r = run("batch", self.script, "--rows", path, "--out", self.out(), "--name-column", "nom")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.exists(os.path.join(self.out(), "Ain.odt")))
        path = self.write("rows.jsonl", b'{"nom": "A", "montant": "5"}\n\n{"nom": "B", "montant": "6"}\n')
        r = run("batch", self.script, "--rows", path, "--out", self.out("j"), "--format", "odt,docx")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(self.out("j"))),
                         ["report.csv", "row-1.docx", "row-1.odt", "row-2.docx", "row-2.odt"])

    def test_bad_rows_are_reported_with_row_line_and_column_and_the_others_written(self):
        rows = ("nom;montant;iban\r\n"
                "Ain;10;\r\n"
                "Aisne;dix;\r\n"                                  # an amount that does not parse
                "Allier;5;FR76 3000 1007 9412 3456 7890 186\r\n"  # wrong check digits
                ";7;\r\n"                                         # an empty required cell
                "Ardennes;8;\r\n").encode("utf-8")
        path = self.write("rows.csv", rows)
        report_json = os.path.join(self.dir, "report.json")
        r = run("batch", self.script, "--rows", path, "--out", self.out(), "--report-json", report_json, "-j", "2")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(sorted(os.listdir(self.out())), ["report.csv", "row-1.odt", "row-5.odt"])
        report = read_report(self.out())
        self.assertEqual([row["status"] for row in report], ["done", "failed", "failed", "failed", "done"])
        self.assertRegex(report[1]["message"], r"rows\.csv:3: record 2, column B 'montant': .*dix")
        self.assertRegex(report[2]["message"], r"rows\.csv:4: record 3, column C 'iban': invalid IBAN")
        self.assertEqual(report[3]["message"], f"{path}:5: record 4, column A 'nom': empty")
        self.assertIn(f"{path}:3: record 2, column B 'montant'", r.stderr)
        self.assertIn("2 documents written, 3 failed", r.stderr)
        counts = json.loads(read_bytes(report_json))["counts"]
        self.assertEqual(counts, {"done": 2, "failed": 3, "skipped": 0, "not done": 0})

    def test_rows_are_laid_over_the_common_data(self):
        common = self.write("common.json", '{"montant": "5", "nom": "défaut"}'.encode())
        path = self.write("rows.jsonl", b'{"nom": "A"}\n{"nom": "B", "montant": "7,50"}\n')
        r = run("batch", self.script, "--rows", path, "--data", common, "--out", self.out(), "--name-column", "nom")
        self.assertEqual(r.returncode, 0, r.stderr)
        squash = lambda t: t.replace("\u202f", " ").replace("\u00a0", " ")
        self.assertIn("A : 5 €", squash(text_of(os.path.join(self.out(), "A.odt"))))
        self.assertIn("B : 7,50 €", squash(text_of(os.path.join(self.out(), "B.odt"))))

    def test_a_row_changing_the_common_data_leaves_it_as_it_was_for_the_next_rows(self):
        # The common data is parsed once per worker; each row must get its own copy.
        script = self.write("mutate.lua", b"""
local c = require "conventio"
local row = ...
row.commun.vus[#row.commun.vus + 1] = row.nom
row.commun.note = (row.commun.note or "") .. row.nom
return c.Document{ title = row.nom,
  body = { c.Para(row.nom .. " " .. #row.commun.vus .. " " .. row.commun.note .. " " .. row.commun.fixe) } }
""")
        common = self.write("common.json", '{"commun": {"vus": [], "fixe": "ok"}}'.encode())
        path = self.write("rows.jsonl", b'{"nom": "A"}\n{"nom": "B"}\n{"nom": "C", "commun": {"fixe": "lui"}}\n')
        r = run("batch", script, "--rows", path, "--data", common, "--out", self.out(), "--name-column", "nom", "-j", "1")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(">A 1 A ok<", text_of(os.path.join(self.out(), "A.odt")))
        self.assertIn(">B 1 B ok<", text_of(os.path.join(self.out(), "B.odt")))
        self.assertIn(">C 1 C lui<", text_of(os.path.join(self.out(), "C.odt")))

    def test_collisions_far_apart_in_a_long_file_name_both_rows(self):
        lines = ["nom,montant"] + [f"n{i},1" for i in range(1, 3001)]
        lines[2500] = "N7,1"  # row 2500 (line 2501) collides with row 7, ignoring case
        path = self.write("rows.csv", ("\n".join(lines) + "\n").encode())
        r = run("batch", self.script, "--rows", path, "--out", self.out(), "--name-column", "nom")
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"{path}:2501: record 2500 gives the name 'N7', as record 7 (line 8) does ('n7')", r.stderr)
        self.assertEqual(r.stderr.count("gives the name"), 1)
        self.assertFalse(os.path.exists(self.out()))

    def test_progress_is_a_bar_on_a_terminal_and_plain_lines_otherwise(self):
        path = self.write("rows.csv", b"nom,montant\nA,1\nB,x\n")
        # Bytes: text mode would turn the bar's carriage returns into newlines.
        r = subprocess.run([CONVENTIO, "batch", self.script, "--rows", path, "--out", self.out(), "--progress", "bar"],
                           capture_output=True)
        err = r.stderr.decode()
        self.assertIn("\r\033[K[", err)
        self.assertRegex(err, r"\] 2/2 +\d+/s")
        self.assertIn(f"\r\033[K{path}:3: record 2, column B 'montant'", err)
        r = run("batch", self.script, "--rows", path, "--out", self.out("p"))
        self.assertNotIn("\r", r.stderr)
        self.assertIn("2/2 rows", r.stderr)
        self.assertTrue(r.stderr.endswith("1 document written, 1 failed, 0 skipped in "
                                          + r.stderr.rsplit(" in ", 1)[1]))
        # In French each count agrees with its noun and the seconds take a decimal comma.
        r = run("batch", self.script, "--rows", path, "--out", self.out("fr"), env={**os.environ, "LANG": "fr_FR.UTF-8"})
        self.assertRegex(r.stderr, r"1 document écrit, 1 en échec, 0 sauté en \d+,\d\d s \(\d+ lignes/s\)\n$")

    def test_a_row_the_file_itself_gets_wrong_fails_alone(self):
        # A CSV line with a cell more than the header, a JSON Lines line that is not JSON or not an
        # object, an array's element that is not an object: each its row's failure, with its place;
        # the rows after it are written.
        for name, rows, failed in [
                ("rows.csv", b"nom;montant\nA;1\nB;2;3\nC;4\n",
                 "rows.csv:3:3: record 2: this line has 3 cells but the header names 2 columns"),
                ("rows.jsonl", b'{"nom": "A", "montant": "1"}\n{"nom":\n{"nom": "C", "montant": "4"}\n',
                 "rows.jsonl:2:8: record 2: syntax error"),
                ("rows.json", b'[{"nom": "A", "montant": "1"},\n  3, {"nom": "C", "montant": "4"}]',
                 "rows.json:2:3: record 2: expected an object")]:
            with self.subTest(name):
                path = self.write(name, rows)
                out = self.out("out-" + name)
                r = run("batch", self.script, "--rows", path, "--out", out)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertEqual(sorted(os.listdir(out)), ["report.csv", "row-1.odt", "row-3.odt"])
                self.assertIn(failed, read_report(out)[1]["message"])
                self.assertEqual([row["status"] for row in read_report(out)], ["done", "failed", "done"])

    def test_a_file_of_two_encodings_is_refused_utf16_is_read(self):
        # One line pasted from a Windows-1252 file among UTF-8 ones: read as Windows-1252, every
        # « Drôme » came out « DrÃ´me »; refused at the bad byte, nothing written.
        path = self.write("rows.csv", b"nom;montant\nDr\xc3\xb4me;1\nL\x92Ain;2\n")
        r = run("batch", self.script, "--rows", path, "--out", self.out())
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"{path}:3:2: not valid UTF-8, where other lines are", r.stderr)
        self.assertFalse(os.path.exists(self.out()))
        # Excel's "Texte Unicode": UTF-16 with its mark, tabs.
        path = self.write("rows.txt", "nom\tmontant\r\nDrôme\t1\r\nŒuvre\t2\r\n".encode("utf-16"))
        r = run("batch", self.script, "--rows", path, "--out", self.out("u16"), "--name-column", "nom")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(self.out("u16"))), ["Drôme.odt", "report.csv", "Œuvre.odt"])
        self.assertIn("Œuvre : 2\u00a0€", text_of(os.path.join(self.out("u16"), "Œuvre.odt")))

    def test_a_row_stuck_past_its_time_limit_leaves_the_report_of_the_rows_done(self):
        # A pattern that backtracks for minutes inside one C call: nothing can stop it but the end
        # of the process. The report is written first: the rows done, then not done; no
        # temporary file is left.
        script = self.write("stuck.lua", b"""
local c = require "conventio"
local row = ...
if row.nom == "n3" then string.find(("a"):rep(3000), ("a-"):rep(12) .. "b") end
return c.Document{ title = "x", body = { c.Para(row.nom) } }
""")
        path = self.write("rows.csv", ("nom\n" + "".join(f"n{i}\n" for i in range(6))).encode())
        r = run("batch", script, "--rows", path, "--out", self.out(), "-j", "1", "--timeout", "1")
        self.assertEqual(r.returncode, 1)
        self.assertIn("stuck.lua:4: time limit of 1 s exceeded", r.stderr)
        self.assertEqual(sorted(os.listdir(self.out())), ["report.csv", "row-1.odt", "row-2.odt", "row-3.odt"])
        self.assertEqual([row["status"] for row in read_report(self.out())], ["done"] * 3 + ["not done"] * 3)

    def test_names_equal_but_for_case_beyond_latin_1_collide(self):
        path = self.write("rows.json", '[{"nom": "Œuvre", "montant": "1"}, {"nom": "œuvre", "montant": "2"}]'.encode())
        r = run("batch", self.script, "--rows", path, "--out", self.out(), "--name-column", "nom")
        self.assertEqual(r.returncode, 1)
        self.assertIn("record 2 gives the name 'œuvre', as record 1 (line 1) does ('Œuvre')", r.stderr)
        self.assertFalse(os.path.exists(self.out()))

    def test_a_row_whose_second_format_cannot_be_written_replaces_neither(self):
        path = self.write("rows.csv", b"nom,montant\nA,1\n")
        os.makedirs(os.path.join(self.out(), "row-1.docx"))
        old = self.write(os.path.join("out", "row-1.odt"), b"OLD")
        r = run("batch", self.script, "--rows", path, "--out", self.out(), "--format", " ODT , docx")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(read_bytes(old), b"OLD")
        self.assertEqual(sorted(os.listdir(self.out())), ["report.csv", "row-1.docx", "row-1.odt"])
        self.assertEqual(read_report(self.out())[0]["status"], "failed")

    def test_a_row_file_that_cannot_be_read_writes_nothing(self):
        r = run("batch", self.script, "--rows", os.path.join(self.dir, "absent.csv"), "--out", self.out())
        self.assertEqual(r.returncode, 1)
        self.assertIn("absent.csv: no such file", r.stderr)
        path = self.write("rows.csv", b"nom,montant\nA,\"1\n")
        r = run("batch", self.script, "--rows", path, "--out", self.out())
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"{path}:2:3: this quoted field is never closed", r.stderr)
        self.assertFalse(os.path.exists(self.out()))
        broken = self.write("broken.lua", b"return (")
        path = self.write("ok.csv", b"nom,montant\nA,1\n")
        r = run("batch", broken, "--rows", path, "--out", self.out())
        self.assertEqual(r.returncode, 1)
        self.assertIn("broken.lua:1:", r.stderr)
        # The script is compiled before the rows are read: no output folder is made for it.
        self.assertFalse(os.path.exists(self.out()))
        r = run("batch", os.path.join(self.dir, "absent.lua"), "--rows", path, "--out", self.out())
        self.assertEqual(r.returncode, 1)
        self.assertIn("absent.lua: cannot open", r.stderr)
        self.assertFalse(os.path.exists(self.out()))
        # « --rows=FILE », as most programs take it.
        r = run("batch", self.script, f"--rows={path}", f"--out={self.out()}", "--jobs=1")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(self.out())), ["report.csv", "row-1.odt"])
        # A switch takes no value: « --skip-existing=no » switched it on.
        r = run("batch", self.script, f"--rows={path}", f"--out={self.out()}", "--skip-existing=no")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--skip-existing takes no value", r.stderr)
        r = run("--lang=fr", "batch", self.script, f"--rows={path}", f"--out={self.out()}", "--skip-existing=no")
        self.assertIn("--skip-existing ne prend pas de valeur", r.stderr)

    def test_a_json_array_with_a_syntax_error_far_in_writes_nothing_and_names_the_place(self):
        rows = ",\n".join(f'  {{"nom": "n{i}", "montant": "1"}}' for i in range(1, 5000))
        path = self.write("rows.json", f'[\n{rows},\n  {{"nom": "n5000", "montant": }}\n]\n'.encode())
        r = run("batch", self.script, "--rows", path, "--out", self.out())
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"{path}:5001:31: syntax error while parsing value - unexpected '}}'", r.stderr)
        self.assertFalse(os.path.exists(self.out()))

    def test_collisions_in_a_json_array_name_both_rows_and_their_lines(self):
        rows = [{"nom": f"n{i}", "montant": "1"} for i in range(1, 3001)]
        rows[2499]["nom"] = "N7"  # row 2500 collides with row 7, ignoring case
        text = "[\n" + ",\n".join(json.dumps(r) for r in rows) + "\n]\n"
        path = self.write("rows.json", text.encode())
        r = run("batch", self.script, "--rows", path, "--out", self.out(), "--name-column", "nom")
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"{path}:2501: record 2500 gives the name 'N7', as record 7 (line 8) does ('n7')", r.stderr)
        self.assertFalse(os.path.exists(self.out()))

    def peak_rss_kib(self, rows_path):
        """Peak resident memory of one batch over rows_path, in KiB (the kernel's count)."""
        out = self.out(os.path.basename(rows_path) + ".out")
        # What AddressSanitizer keeps of freed memory to catch use-after-free (256 MiB by
        # default) is its own, not the batch's: none here, so the RSS measures what conventio holds.
        env = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=0")
        p = subprocess.Popen([CONVENTIO, "batch", self.script, "--rows", rows_path, "--out", out,
                              "--name-column", "nom", "-j", "2"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        self.assertEqual(p.returncode, 0)
        return usage.ru_maxrss

    def test_a_large_json_array_is_streamed_memory_stays_flat(self):
        # 2 000 rows of 16 KiB each (a 32 MiB array on one line, as json.dump writes it) against
        # 20 such rows: held whole, the file alone would add its 32 MiB.
        def write_rows(name, count):
            note = "é]\\\"}," * 2300
            rows = [{"nom": f"n{i}", "montant": "1 234,56", "notes": note} for i in range(count)]
            return self.write(name, json.dumps(rows, ensure_ascii=False).encode())
        small, large = write_rows("small.json", 20), write_rows("large.json", 2000)
        self.assertGreater(os.path.getsize(large), 32 * 1024 * 1024)
        small_rss, large_rss = self.peak_rss_kib(small), self.peak_rss_kib(large)
        print(f"\npeak RSS of a batch: {small_rss / 1024:.1f} MiB over 20 JSON rows, "
              f"{large_rss / 1024:.1f} MiB over 2 000 ({os.path.getsize(large) / 2**20:.0f} MiB)")
        self.assertLess(large_rss - small_rss, 8 * 1024)
        self.assertEqual(len(os.listdir(self.out("large.json.out"))), 2001)  # and its report

    def test_a_script_error_names_the_row_and_the_script_line(self):
        script = self.write("boom.lua", ROW_SCRIPT.replace("local row = ...", "local row = ...\n"
                            "if row.nom == 'boom' then local t = nil; return t.x end").encode())
        path = self.write("rows.csv", b"nom,montant\nA,1\nboom,2\nC,3\n")
        r = run("batch", script, "--rows", path, "--out", self.out())
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"{path}:3: record 2: {script}:5: attempt to index a nil value (local 't')", r.stderr)
        self.assertEqual(sorted(os.listdir(self.out())), ["report.csv", "row-1.odt", "row-3.odt"])

    def test_a_library_error_in_a_returned_call_names_the_row_script_s_line(self):
        # `return Agreement.new{...}` is a tail call: without care the script's frame is gone
        # and the library's message names no line of it.
        script = self.write("tail.lua", b'local row = ...\n\nreturn require("conventio.agreement").new{ kind = row.kind }\n')
        path = self.write("rows.csv", b"kind\nbogus\n")
        r = run("batch", script, "--rows", path, "--out", self.out())
        self.assertEqual(r.returncode, 1)
        self.assertIn(f'{path}:2: record 1: {script}:3: Agreement: kind must be', r.stderr)

    def test_a_row_that_reaches_a_limit_fails_alone_and_the_next_rows_are_written(self):
        script = self.write("greedy.lua", ROW_SCRIPT.replace("local row = ...", "local row = ...\n"
                            "if row.nom == 'loop' then pcall(function() while true do end end) end\n"
                            "if row.nom == 'big' then local t = {} for i = 1, 1e8 do t[i] = ('x'):rep(100000 + i) end end\n"
                            # One shared block added 3 000 times: its copies are made when the
                            # document is taken, still under the cap.
                            "if row.nom == 'amp' then local d = conventio.Document{}\n"
                            "  local p = conventio.Para(('ab '):rep(33000))\n"
                            "  for i = 1, 3000 do d:add(p) end return d end"
                            ).encode())
        path = self.write("rows.csv", b"nom,montant\nloop,1\nA,1\nbig,2\nB,3\nloop,4\nC,5\namp,6\nD,7\n")
        r = run("batch", script, "--rows", path, "--out", self.out(), "-j", "2",
                "--max-instructions", "3000000", "--max-memory", "4")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(f"{path}:2: record 1: {script}:5: instruction budget of 3000000 exceeded", r.stderr)
        self.assertIn(f"{path}:4: record 3: {script}:6: memory limit of 4 MiB exceeded", r.stderr)
        self.assertIn(f"{path}:6: record 5: {script}:5: instruction budget", r.stderr)
        self.assertIn(f"{path}:8: record 7: {script}: memory limit of 4 MiB exceeded", r.stderr)
        self.assertEqual(sorted(os.listdir(self.out())),
                         ["report.csv", "row-2.odt", "row-4.odt", "row-6.odt", "row-8.odt"])

    def test_a_row_s_data_goes_through_the_strict_loader(self):
        path = self.write("rows.jsonl", b'{"nom": "A", "montant": "1"}\n'
                          b'{"nom": "B", "montant": "2", "nom": "C"}\n{"nom": "D", "montant": "3"}\n')
        r = run("batch", self.script, "--rows", path, "--out", self.out(), "--name-column", "montant")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(f'{path}:2:30: record 2: key "nom" appears twice in the same object', r.stderr)
        self.assertEqual(sorted(os.listdir(self.out())), ["1.odt", "3.odt", "report.csv"])
        csv_path = self.write("rows.csv", "nom,montant\nA,1\nB\u202e,2\n".encode())
        r = run("batch", self.script, "--rows", csv_path, "--out", self.out("csv"), "--name-column", "montant")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(f"{csv_path}:3: record 2, column A 'nom': ", r.stderr)
        common = self.write("common.json", b'{"montant": "5", "montant": "6"}')
        r = run("batch", self.script, "--rows", csv_path, "--data", common, "--out", self.out("common"))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(f'{common}:1:18: key "montant" appears twice', r.stderr)

    def test_a_missing_column_is_named_with_a_suggestion(self):
        path = self.write("rows.csv", b"nom,montnat\nAin,1\n")
        r = run("batch", self.script, "--rows", path, "--out", self.out())
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"{path}:2: record 1: column 'montant': no such column (did you mean montnat?)", r.stderr)

    def test_report_cells_that_look_like_formulas_are_neutralised(self):
        path = self.write("rows.csv", b"nom,montant\n=HYPERLINK(\"http://x\"),abc\n")
        r = run("batch", self.script, "--rows", path, "--out", self.out(), "--name-column", "nom")
        self.assertEqual(r.returncode, 1)
        raw = read_bytes(os.path.join(self.out(), "report.csv")).decode("utf-8-sig")
        self.assertNotIn(",=HYPERLINK", raw)
        self.assertIn("'=HYPERLINK", raw)

    def test_names_are_made_safe_and_collisions_name_both_rows(self):
        path = self.write("rows.csv", "nom,montant\n../../evil,1\nCON,2\nx/y,3\n".encode())
        r = run("batch", self.script, "--rows", path, "--out", self.out(), "--name-column", "nom")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(self.out())), ["-.-evil.odt", "_CON.odt", "report.csv", "x-y.odt"])
        self.assertFalse(os.path.exists(os.path.join(self.dir, "evil.odt")))
        path = self.write("rows2.csv", "nom,montant\nDrôme,1\nAin,2\nDRôME,3\n".encode())
        r = run("batch", self.script, "--rows", path, "--out", self.out("c"), "--name", "a-{nom}")
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"{path}:4: record 3 gives the name 'a-DRôME', as record 1 (line 2) does ('a-Drôme')", r.stderr)
        self.assertFalse(os.path.exists(self.out("c")))
        r = run("batch", self.script, "--rows", path, "--out", self.out("c"), "--name", "a-{nmo}")
        self.assertEqual(r.returncode, 1)
        self.assertIn("unknown column 'nmo' in the output name (did you mean 'nom'?)", r.stderr)

    def test_usage_errors_exit_2(self):
        for args, message in [
            (["batch"], "batch needs a script"),
            (["batch", "x.lua"], "batch needs its rows"),
            (["batch", "x.lua", "--rows", "r.csv"], "batch needs an output folder"),
            (["batch", "x.lua", "--rows", "r.csv", "--out", "o", "--nmae", "x"],
             "unknown option '--nmae' for batch (did you mean --name?)"),
            (["batch", "x.lua", "--rows", "r.csv", "--out", "o", "-j", "0"], "-j expects 1 to 256 workers"),
            (["batch", "x.lua", "--rows", "r.csv", "--out", "o", "--encoding", "ebcdic"], "unknown encoding 'ebcdic'"),
            # --report-json names a file of its own: the batch would replace one of its files.
            (["batch", "x.lua", "--rows", "r.csv", "--out", "o", "--report-json", "o/report.csv"],
             "the report.csv of --out and --report-json name the same file 'o/report.csv'"),
            (["batch", "x.lua", "--rows", "r.csv", "--out", "o", "--report-json", "./o/../o/row-1.odt"],
             "--report-json './o/../o/row-1.odt' is among the documents of --out"),
            (["batch", "x.lua", "--rows", "r.csv", "--out", "o", "--format", "odt,docx", "--report-json", "o/a.DOCX"],
             "--report-json 'o/a.DOCX' is among the documents of --out"),
            (["batch", "x.lua", "--rows", "r.csv", "--out", "o", "--report-json", "./r.csv"],
             "--report-json would replace the file --rows reads ('r.csv')"),
        ]:
            r = run(*args, cwd=self.dir)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(message, r.stderr)
        self.assertEqual(sorted(os.listdir(self.dir)), ["row.lua"], "nothing written")

    def test_many_collisions_list_the_first_few_and_count_the_others(self):
        lines = ["nom,montant"] + ["même,1"] * 98
        path = self.write("rows.csv", ("\n".join(lines) + "\n").encode())
        r = run("batch", self.script, "--rows", path, "--out", self.out(), "--name-column", "nom")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr.count("gives the name"), 5)
        self.assertIn(f"{path}:3: record 2 gives the name 'même', as record 1 (line 2) does ('même')", r.stderr)
        self.assertIn("… and 92 more records whose names are taken", r.stderr)
        self.assertFalse(os.path.exists(self.out()))

    def test_a_rows_place_in_french(self):
        # "ligne" is the file's (a spreadsheet's row), the record is "enregistrement"; the colon
        # after the place and after the column is French.
        path = self.write("r.csv", "nom;montant\nA;1\nB;\n".encode())
        r = run("--lang", "fr", "batch", self.script, "--rows", path, "--out", self.out())
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"{path}:3: enregistrement 2, colonne B « montant » : vide", r.stderr)
        # report.csv stays a fixed English format (README, "Batch runs"); its message is French.
        report = read_report(self.out())
        self.assertEqual(list(report[0].keys()), ["row", "line", "name", "status", "message", "seconds"])
        self.assertEqual([row["status"] for row in report], ["done", "failed"])
        self.assertIn("enregistrement 2, colonne B « montant » : vide", report[1]["message"])

    def test_outputs_and_report_are_identical_whatever_j(self):
        lines = ["nom,montant"] + [f"n{i},{i},".rstrip(",") for i in range(1, 41)]
        path = self.write("rows.csv", ("\n".join(lines) + "\n").encode())
        for j in ("1", "2", "4"):
            r = run("batch", self.script, "--rows", path, "--out", self.out("j" + j), "-j", j, "--format", "odt,docx")
            self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(digest(self.out("j1")), digest(self.out("j2")))
        self.assertEqual(digest(self.out("j1")), digest(self.out("j4")))
        strip = lambda rows: [{k: v for k, v in row.items() if k != "seconds"} for row in rows]
        self.assertEqual(strip(read_report(self.out("j1"))), strip(read_report(self.out("j4"))))

    def test_what_rows_print_comes_out_whole_in_row_order_whatever_j(self):
        # Each row prints several lines with work between them: run side by side, two rows'
        # lines would interleave. Each comes out whole, after the row's place, when the row is
        # reported, in row order, its failure's line after what it printed.
        script = self.write("chatty.lua", b"""
local c = require "conventio"
local row = ...
for i = 1, tonumber(row.n) do
  print("line " .. i .. " of " .. row.nom)
  local x = 0
  for k = 1, 30000 do x = x + k end
end
if row.nom == "Cher" then error("Cher fails") end
return c.Document{ body = { c.Para(row.nom) } }
""")
        rows = "nom,n\n" + "".join(f"{name},{n}\n" for name, n in
                                    [("Ain", 4), ("Aisne", 1), ("Cher", 3), ("Doubs", 5), ("Eure", 2)] * 4)
        path = self.write("rows.csv", rows.encode())
        stderrs = {}
        for jobs in ("1", "2"):
            r = run("batch", script, "--rows", path, "--out", self.out("j" + jobs), "-j", jobs)
            self.assertEqual(r.returncode, 1, r.stderr)
            # Progress lines and the summary carry rates and times: the rest is compared.
            stderrs[jobs] = [line for line in r.stderr.splitlines() if line.startswith(path + ":")]
            self.assertEqual(r.stdout, "", "print goes to standard error, as in render")
        self.assertEqual(stderrs["1"], stderrs["2"])
        expected = []
        for number, (name, n) in enumerate([("Ain", 4), ("Aisne", 1), ("Cher", 3), ("Doubs", 5), ("Eure", 2)] * 4):
            place = f"{path}:{number + 2}: record {number + 1}: "
            expected += [place + f"line {i} of {name}" for i in range(1, n + 1)]
            if name == "Cher":
                expected.append(place + f"{script}:9: Cher fails")
        self.assertEqual(stderrs["2"], expected)

    def test_the_print_limit_is_each_rows_own(self):
        # Review r10: the 1 MiB print limit was counted over a worker's whole life, so after the
        # first rows every later one lost its lines without a note. Each row has its own.
        script = self.write("loud.lua", b"""
local c = require "conventio"
local row = ...
for i = 1, 4 do print(row.nom .. " " .. i .. " " .. string.rep("x", 150000)) end
return c.Document{ body = { c.Para(row.nom) } }
""")
        path = self.write("rows.csv", b"nom\nAin\nAisne\nCher\nDoubs\n")
        r = run("batch", script, "--rows", path, "--out", self.out(), "-j", "1")
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        for name in ("Ain", "Aisne", "Cher", "Doubs"):
            self.assertEqual(len(re.findall(rf"record \d: {name} \d x", r.stderr)), 4, name)
        self.assertNotIn("limit of 1 MiB", r.stderr)

    def test_an_existing_output_is_replaced_only_by_a_success_and_skip_existing_resumes(self):
        path = self.write("rows.csv", b"nom,montant\nA,1\nB,2\n")
        os.makedirs(self.out())
        self.write("out/row-2.odt", b"old")
        bad = self.write("rows_bad.csv", b"nom,montant\nA,1\nB,deux\n")
        r = run("batch", self.script, "--rows", bad, "--out", self.out())
        self.assertEqual(r.returncode, 1)
        self.assertEqual(read_bytes(os.path.join(self.out(), "row-2.odt")), b"old")
        # Row 1's document is there; row 2's file is no document (an empty or junk file under its
        # name): resuming makes it again.
        first = read_bytes(os.path.join(self.out(), "row-1.odt"))
        r = run("batch", self.script, "--rows", path, "--out", self.out(), "--skip-existing")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([row["status"] for row in read_report(self.out())], ["skipped", "done"])
        self.assertEqual(read_bytes(os.path.join(self.out(), "row-1.odt")), first)
        self.assertTrue(zipfile.is_zipfile(os.path.join(self.out(), "row-2.odt")))
        r = run("batch", self.script, "--rows", path, "--out", self.out(), "--skip-existing")
        self.assertEqual([row["status"] for row in read_report(self.out())], ["skipped", "skipped"])

    def test_sigterm_stops_cleanly_and_the_report_says_which_rows_were_done(self):
        slow = self.write("slow.lua", (ROW_SCRIPT.replace("local row = ...",
                          "local row = ...\nlocal t = os.clock() while os.clock() - t < 0.05 do end")).encode())
        lines = ["nom,montant"] + [f"n{i},{i}" for i in range(1, 401)]
        path = self.write("rows.csv", ("\n".join(lines) + "\n").encode())
        p = subprocess.Popen([CONVENTIO, "batch", slow, "--rows", path, "--out", self.out(), "-j", "2"],
                             stderr=subprocess.PIPE, text=True)
        time.sleep(0.8)
        p.send_signal(signal.SIGTERM)
        _, err = p.communicate(timeout=30)
        self.assertEqual(p.returncode, 128 + signal.SIGTERM, err)
        report = read_report(self.out())
        done = [row for row in report if row["status"] == "done"]
        not_done = [row for row in report if row["status"] == "not done"]
        self.assertTrue(done and not_done, err)
        self.assertEqual(len(done) + len(not_done), 400)
        files = sorted(f for f in os.listdir(self.out()) if f != "report.csv")
        self.assertEqual(files, sorted(row["name"] + ".odt" for row in done))
        for f in files:
            self.assertTrue(zipfile.is_zipfile(os.path.join(self.out(), f)), f)
        self.assertIn("not done (interrupted)", err)

    def test_the_sample_avenants_one_per_departement(self):
        out = self.out()
        r = run("batch", os.path.join(BATCH, "avenant-report.lua"), "--rows", os.path.join(BATCH, "departements.csv"),
                "--lib", SAMPLES, "--out", out, "--name", "avenant-report-{code}-{departement}", "-j", "2")
        self.assertEqual(r.returncode, 0, r.stderr)
        report = read_report(out)
        self.assertEqual(len(report), 99)
        self.assertTrue(all(row["status"] == "done" for row in report))
        content = text_of(os.path.join(out, "avenant-report-26-Drôme.odt"))
        self.assertIn("Département de la Drôme", content)
        self.assertIn("pour les années 2025 et 2026", content)
        # The spreadsheet's export: three bad rows reported, the others written.
        r = run("batch", os.path.join(BATCH, "avenant-report.lua"), "--rows",
                os.path.join(BATCH, "departements-tableur.csv"), "--lib", SAMPLES, "--out", self.out("t"),
                "--name", "avenant-report-{code}-{departement}")
        self.assertEqual(r.returncode, 1)
        failed = [row for row in read_report(self.out("t")) if row["status"] == "failed"]
        self.assertEqual([row["row"] for row in failed], ["9", "10", "11"])
        self.assertIn("column J 'iban': invalid IBAN", failed[0]["message"])
        self.assertIn("column E 'population': 'environ 300 000' is not a whole number", failed[1]["message"])
        self.assertIn("column H 'representant': empty", failed[2]["message"])


if __name__ == "__main__":
    unittest.main()
