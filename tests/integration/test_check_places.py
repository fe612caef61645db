"""`conventio check` sends the drafter to the place to change: a finding of the text review in
words the data file gave is reported at that value's line and column, with its field, not at the
template that printed it (the template is the library's, the words are the drafter's)."""
import scratch  # noqa: F401 -- temporary folders under one, removed when the script ends
import os
import re
import shutil
import subprocess
import tempfile
import unittest

CONVENTIO = os.environ["CONVENTIO"]
REPO = os.environ["CONVENTIO_REPO"]
SAMPLE = os.path.join(REPO, "samples", "bfc-association-mediation-2025")


class CheckedData(unittest.TestCase):
    """A copy of the bfc sample's data with one value changed, checked."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="conventio-places-")
        self.addCleanup(shutil.rmtree, self.dir)
        shutil.copy(SAMPLE + ".lua", self.dir)
        with open(SAMPLE + ".json", encoding="utf-8") as f:
            self.data = f.read()

    def check(self, old, new):
        self.assertIn(old, self.data)
        path = os.path.join(self.dir, "data.json")
        text = self.data.replace(old, new, 1)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        r = subprocess.run([CONVENTIO, "check", os.path.join(self.dir, os.path.basename(SAMPLE) + ".lua"),
                            "--data", path], capture_output=True, text=True, cwd=self.dir)
        line = next(i + 1 for i, l in enumerate(text.split("\n")) if new in l)  # the first line holding it
        column = text.split("\n")[line - 1].index(new) + 1
        return r, line, column


class DataWordsInTheText(CheckedData):
    def test_a_placeholder_inside_a_longer_value_is_at_its_place_in_the_data(self):
        old = "dûment habilitée par délibération de la commission permanente du 11 avril 2025"
        new = "dûment habilitée par délibération du [à compléter]"
        r, line, column = self.check(old, new)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        at = column + new.index("[")
        self.assertRegex(r.stdout, r"(?m)^\S*/data\.json:%d:%d: placeholder \"\[à compléter\]\" left in the text.*"
                                   r"\(in parties\.partner\.representative\.act\)$" % (line, at))
        self.assertNotIn("templates/", r.stdout)

    def test_a_body_named_in_the_data_is_at_its_place_in_the_data(self):
        old = "de soutenir l'extension de la tournée du bus de médiation numérique"
        new = "de soutenir, avec l'ANCT, l'extension de la tournée du bus de médiation numérique"
        r, line, column = self.check(old, new)
        self.assertRegex(r.stdout, r"(?m)^\S*/data\.json:%d:%d: warning: the text names ANCT" %
                         (line, column + new.index("ANCT")))


    def test_words_in_emphasis_are_still_the_datas(self):
        # Markdown's marks and the spaces the rendering adds do not break the agreement between
        # the value and the paragraph it wrote.
        old = "de soutenir l'extension de la tournée du bus de médiation numérique"
        new = "de soutenir, avec *l'ANCT* : l'extension de la tournée du bus de médiation numérique"
        r, line, column = self.check(old, new)
        self.assertRegex(r.stdout, r"(?m)^\S*/data\.json:%d:%d: warning: the text names ANCT" %
                         (line, column + new.index("ANCT")))


    def test_two_spaces_in_a_row_in_a_value_are_at_its_place_once(self):
        old = "de soutenir l'extension de la tournée du bus de médiation numérique"
        new = "de soutenir l'extension de la tournée du bus de  médiation numérique"
        r, line, column = self.check(old, new)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        found = re.findall(r"(?m)^\S*/data\.json:%d:%d: warning: two spaces in a row in \"de  médiation\"" %
                           (line, column + new.index("de  médiation")), r.stdout)
        self.assertEqual(len(found), 1, r.stdout)
        self.assertNotIn("templates/", r.stdout)


class PlacesOfValues(CheckedData):
    def test_a_blank_required_value_is_its_error_alone(self):
        r, line, column = self.check('"short_name": "association Médiations numériques 21"', '"short_name": " "')
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertRegex(r.stdout, r"(?m)^\S*/data\.json:%d:%d: parties\.\w+\.short_name cannot be empty or blank$"
                         % (line, column + len('"short_name": ')))
        self.assertNotIn("is empty", r.stdout, "the review's warning gives way to the library's error")


    def test_a_number_the_library_refuses_is_at_its_place(self):
        r, line, column = self.check('"amount": "45000"', '"amount": 45000.5')
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertRegex(r.stdout, r"(?m)^\S*/data\.json:%d:%d: finance\.amount: write amounts with cents as strings"
                         % (line, column + len('"amount": ')))

    def test_a_single_field_named_before_a_colon_is_at_its_place(self):
        r, line, column = self.check('"date": "2025-05-20"', '"date": "20/05/2025"')
        self.assertRegex(r.stdout, r"(?m)^\S*/data\.json:%d:%d: date: invalid date" % (line, column + len('"date": ')))


SCRIPT = """local c = require "conventio"
local Agreement, Party = require "conventio.agreement", require "conventio.party"
local partner = Party.new({ short_name = "Cerema", gender = "m", legal_name = "Cerema",
                            representation = "Représenté par X", signature_label = "Le Cerema" }, "partner")
local a = Agreement.new { title = "Convention", place = "Paris", parties = { partner = partner },
                          party_order = { "partner" } }
a:add_preamble("Un  préambule.")
a:article { key = "objet", title = "Objet", content = "Le texte  de l'article." }
a:article { key = "duree", title = "Durée",
            content = { c.Para "Une durée  d'un an." } }
%s
return a:document()
"""


class ScriptPlaces(unittest.TestCase):
    """What the script typed is told at the script's line, not at the line building the document
    nor at a template of the library."""

    def check(self, extra=""):
        folder = tempfile.mkdtemp(prefix="conventio-places-")
        self.addCleanup(shutil.rmtree, folder)
        with open(os.path.join(folder, "s.lua"), "w", encoding="utf-8") as f:
            f.write(SCRIPT % extra)
        return subprocess.run([CONVENTIO, "check", "s.lua"], capture_output=True, text=True, cwd=folder)

    def test_two_spaces_in_a_row_typed_in_the_script_are_at_its_line(self):
        r = self.check()
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn('s.lua:7: warning: two spaces in a row in "Un  préambule"', r.stdout)
        self.assertIn('s.lua:8: warning: two spaces in a row in "texte  de"', r.stdout)
        self.assertIn('s.lua:10: warning: two spaces in a row in "durée  d\'un"', r.stdout)

    def test_a_list_item_or_a_cell_typed_in_the_script_is_at_its_line(self):
        r = self.check('a:article { key = "liste", title = "Liste", content = {\n'
                       '  c.BulletList { "un  point" },\n'
                       '  c.Table { widths = { 1 }, rows = { { "une  cellule" } } } } }')
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn('s.lua:12: warning: two spaces in a row in "un  point"', r.stdout)
        self.assertIn('s.lua:13: warning: two spaces in a row in "une  cellule"', r.stdout)

    def test_a_nul_byte_in_a_clause_parameter_is_at_the_clause_s_line(self):
        r = self.check('a:article { key = "litiges", title = "Litiges",\n'
                       '            content = a:clause("commun/litiges", { court = "Paris\\0x" }) }')
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertRegex(r.stdout, r"(?m)^s\.lua:12: clause 'commun/litiges': parameter court: character U\+0000 "
                                   r"at byte 5 is not allowed")
        self.assertNotIn("templates/", r.stdout)


if __name__ == "__main__":
    unittest.main()
