"""Every avenant sample's consolidated version, in both formats, read by the tracked-changes
reader nobody here wrote (tests/tools/tracked-changes, vendored): accepting every change gives
the text of the amended agreement rendered on its own (`--clean`), rejecting every change gives
the text of the agreement as it stood (the sample it amends, or the previous avenant's clean
version), pandoc and LibreOffice read the marks the same way (`--compare`), and the markup has
no structural problem (`--strict`); accepting or rejecting every change leaves no empty
paragraph or row behind (pandoc on the DOCX, and on LibreOffice's DOCX of the ODT); and each is
valid against the ODF 1.3 and OOXML schemas."""
import scratch  # noqa: F401 -- temporary folders under one, removed when the script ends
import contextlib
import glob
import importlib.machinery
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import zipfile

CONVENTIO = os.environ["CONVENTIO"]
REPO = os.environ["CONVENTIO_REPO"]
TESTS = os.environ["CONVENTIO_TESTS"]
READER = os.path.join(TESTS, "tools", "tracked-changes")
SAMPLES = os.path.join(REPO, "samples")
# Change sets made for the edge cases of the consolidated version (not samples): a live
# reference inserted then deleted, an unchanged reference beside changed words, list items
# changed one at a time, a paragraph alone between two tables, a last paragraph after a heading,
# a note inserted then deleted with the words around it.
EDGES = os.path.join(TESTS, "integration", "consolidated")
FOLDER = {}


def at(name, file):
    """A file beside the change set `name`."""
    return os.path.join(FOLDER[name], file)


def change_sets():
    """The avenant samples (their JSON names a base or follows another), first avenants first."""
    out = []
    for path in sorted(glob.glob(os.path.join(SAMPLES, "*.json")) + glob.glob(os.path.join(EDGES, "*.json"))):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if "base" in data or "follows" in data:
            out.append((data.get("number", 0), os.path.basename(path)[:-5], data))
            FOLDER[os.path.basename(path)[:-5]] = os.path.dirname(path)
    return sorted(out, key=lambda x: x[0])


def load_reader():
    """The vendored reader as a module: these tests call it about a hundred times, and starting
    Python with lxml took 73 ms of CPU a call against 9 ms for the reading. Its main() is its
    command line (same arguments, output and exit status)."""
    loader = importlib.machinery.SourceFileLoader("tracked_changes", READER)
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(module)
    return module


TRACKED_CHANGES = load_reader()


def run(*args):
    return subprocess.run(list(args), capture_output=True, text=True)


class Consolidated(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="conventio-consolidated-")
        # The reader's LibreOffice profile (it runs in this process: see load_reader).
        os.environ["TRACKED_CHANGES_LO_PROFILE"] = os.path.join(cls.dir, "lo-profile")
        cls.sets = change_sets()

    def reader(self, *args):
        """The reader's command line with these arguments: its exit status, output and errors."""
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = TRACKED_CHANGES.main(list(args))
        return subprocess.CompletedProcess(args, status, out.getvalue(), err.getvalue())

    def text(self, path):
        r = self.reader(path, "--accept")
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def test_there_are_avenant_samples(self):
        names = [name for _, name, _ in self.sets]
        self.assertIn("cerema-avenant-1-2024", names)
        self.assertIn("cerema-avenant-2-2025", names)
        self.assertGreaterEqual(len(names), 5)

    def test_each_consolidated_version_reads_as_amended_and_as_it_stood(self):
        for _, name, data in self.sets:
            for kind in ("odt", "docx"):
                with self.subTest(avenant=name, format=kind):
                    out = os.path.join(self.dir, name)
                    consolidated, clean = f"{out}-consolidated.{kind}", f"{out}-clean.{kind}"
                    r = run(CONVENTIO, "amend", at(name, name + ".json"), "-o", f"{out}.{kind}",
                            "--consolidated", consolidated, "--clean", clean)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    # The agreement as it stood: the sample it amends, or the previous clean version.
                    if "base" in data:
                        base = os.path.join(self.dir, f"{name}-base.{kind}")
                        script = at(name, data["base"]["script"])
                        r = run(CONVENTIO, "render", script, "--data", at(name, data["base"]["data"]),
                                "-o", base)
                        self.assertEqual(r.returncode, 0, r.stderr)
                    else:
                        base = os.path.join(self.dir, f"{data['follows'][:-5]}-clean.{kind}")
                        self.assertTrue(os.path.exists(base), "the previous avenant comes first")
                    accepted, rejected = self.reader(consolidated, "--accept"), self.reader(consolidated, "--reject")
                    self.assertEqual(accepted.returncode, 0, accepted.stderr)
                    self.assertEqual(rejected.returncode, 0, rejected.stderr)
                    self.assertEqual(accepted.stdout, self.text(clean), "accept all = the amended agreement")
                    self.assertEqual(rejected.stdout, self.text(base), "reject all = the agreement as it stood")
                    self.assertNotEqual(accepted.stdout, rejected.stdout, "the avenant changes something")
                    listed = self.reader(consolidated, "--list")
                    self.assertIn(f"Avenant n\u00b0\u00a0{data['number']}\t{data['date']}T00:00:00", listed.stdout,
                                  "every change is attributed to the avenant and dated")
                    strict = self.reader(consolidated, "--accept", "--strict")
                    self.assertEqual(strict.returncode, 0, strict.stderr)

    def test_money_due_at_a_signature_made_stays_due_there(self):
        # An avenant cannot raise what fell due at the Convention's signature, nor make a joining
        # party pay "dès signature de la présente convention": signatures already made. Each
        # increase falls due at the avenant's signature, what fell due before stays as it was.
        expected = {
            "drome-valence-avenant-1-2026": (
                ["50 % du montant total, soit 102 000 \u20ac (cent deux mille euros), dont 90 000 \u20ac "
                 "(quatre-vingt-dix mille euros) d\u00e8s signature de la convention par les parties et 12 000 \u20ac "
                 "(douze mille euros) d\u00e8s signature de l'avenant n\u00b0 1 par les parties ;"],
                ["50 % du montant total, soit 90 000 \u20ac (quatre-vingt-dix mille euros) d\u00e8s signature de la "
                 "convention par les parties ;"]),
            "seine-et-marne-rdv-solidarites-avenant-1-2021": (
                ["soit 50 000 \u20ac, dont 45 000 \u20ac d\u00e8s signature de la pr\u00e9sente convention et "
                 "5 000 \u20ac d\u00e8s signature de l'avenant n\u00b0 1.",
                 "Le Val-de-Marne proc\u00e9dera au versement de sa contribution, soit 100 000 \u20ac, d\u00e8s "
                 "signature de l'avenant n\u00b0 1.",
                 "Le Val-de-Marne proc\u00e9dera au versement du montant de 100 000 \u20ac fix\u00e9 \u00e0 "
                 "l'article 5.2 sur le compte de l'ANCT apr\u00e8s signature de l'avenant n\u00b0 1 par les parties."],
                ["soit 45 000 \u20ac, d\u00e8s signature de la pr\u00e9sente convention."]),
            # A second avenant raising it again: what fell due at the Convention's signature and at
            # avenant n° 1's stays there, the new increase falls due at avenant n° 2's.
            "seine-et-marne-rdv-solidarites-avenant-2-2022": (
                ["soit 60 000 \u20ac, dont 45 000 \u20ac d\u00e8s signature de la pr\u00e9sente convention, "
                 "5 000 \u20ac d\u00e8s signature de l'avenant n\u00b0 1 et 10 000 \u20ac d\u00e8s signature de "
                 "l'avenant n\u00b0 2.",
                 "Le Val-de-Marne proc\u00e9dera au versement de sa contribution, soit 120 000 \u20ac, dont "
                 "100 000 \u20ac d\u00e8s signature de l'avenant n\u00b0 1 et 20 000 \u20ac d\u00e8s signature de "
                 "l'avenant n\u00b0 2."],
                ["soit 50 000 \u20ac, dont 45 000 \u20ac d\u00e8s signature de la pr\u00e9sente convention et "
                 "5 000 \u20ac d\u00e8s signature de l'avenant n\u00b0 1.",
                 "Le Val-de-Marne proc\u00e9dera au versement de sa contribution, soit 100 000 \u20ac, d\u00e8s "
                 "signature de l'avenant n\u00b0 1."]),
            "cerema-avenant-1-2024": (
                ["fix\u00e9 \u00e0 l'article 4.1 : 475 000 \u20ac d\u00e8s signature de la convention par les "
                 "parties et 125 000 \u20ac d\u00e8s signature de l'avenant n\u00b0 1 par les parties."],
                ["fix\u00e9 \u00e0 l'article 4.1 en un versement d\u00e8s signature de la convention par les "
                 "parties."]),
        }
        for name, (amended, as_it_stood) in expected.items():
            with self.subTest(avenant=name):
                consolidated = os.path.join(self.dir, name + "-due.docx")
                r = run(CONVENTIO, "amend", at(name, name + ".json"), "-o", os.path.join(self.dir, name + "-due.odt"),
                        "--consolidated", consolidated)
                self.assertEqual(r.returncode, 0, r.stderr)
                accepted = self.reader(consolidated, "--accept").stdout.replace("\u00a0", " ").replace("\u202f", " ")
                rejected = self.reader(consolidated, "--reject").stdout.replace("\u00a0", " ").replace("\u202f", " ")
                for words in amended:
                    self.assertIn(words, accepted)
                    self.assertNotIn(words, rejected)
                for words in as_it_stood:
                    self.assertIn(words, rejected)
                self.assertNotIn("proc\u00e9dera au versement de sa contribution, soit 100 000 \u20ac, d\u00e8s "
                                 "signature de la pr\u00e9sente", accepted)

    def test_quoted_table_rows_name_their_table_and_read_as_the_conventions(self):
        # The MEAE Convention's article 5 holds two tables (AE/CP ceilings, Chorus references):
        # « Dans le tableau » would not say which. A quoted row ends its item (no « ; » or « . »
        # left alone under it) and keeps the Convention's alignment and bold.
        name = "meae-delegation-avenant-1-2022"
        out = os.path.join(self.dir, name + "-rows.docx")
        r = run(CONVENTIO, "amend", at(name, name + ".json"), "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = self.text(out).replace("\u00a0", " ").replace("\u202f", " ").split("\n")
        self.assertIn("1\u00b0 Dans le premier tableau, la ligne \u00ab 2023 \u00bb est remplac\u00e9e par la ligne "
                      "suivante :", lines)
        self.assertIn("2\u00b0 Dans le premier tableau, apr\u00e8s la ligne \u00ab 2023 \u00bb, est ins\u00e9r\u00e9e la "
                      "ligne suivante :", lines)
        self.assertFalse([line for line in lines if line.strip() in (";", ".", "\u00bb.")], lines)
        with zipfile.ZipFile(out) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        total = re.search(r"<w:tr>(?:(?!</w:tr>).)*<w:t>Total</w:t>(?:(?!</w:tr>).)*</w:tr>", xml)
        self.assertIsNotNone(total)
        self.assertEqual(total.group(0).count('<w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:b/>'), 2,
                         "both amounts right-aligned and bold")

    def test_avenants_close_as_their_conventions_require(self):
        # One original for each party; published like the Convention when it has a publication
        # article (a délégation de gestion under décret n° 2004-1085); sent to the contrôleur
        # budgétaire when the Convention bears his visa.
        expected = {
            "seine-et-marne-rdv-solidarites-avenant-1-2021": (
                "Fait \u00e0 Paris, en trois exemplaires originaux, le 1er septembre 2021", True, False, False),
            "meae-delegation-avenant-1-2022": (
                "Fait \u00e0 Paris, en deux exemplaires originaux, le 15 novembre 2022", True, True, False),
            "cerema-avenant-1-2024": (
                "Fait \u00e0 Paris, en deux exemplaires originaux, le 15 mai 2024", True, False, True),
            "drome-valence-avenant-1-2026": (
                "Fait \u00e0 Valence, en deux exemplaires originaux, le 10 f\u00e9vrier 2026", False, False, False),
        }
        for name, (signed, published, decree, transmitted) in expected.items():
            with self.subTest(avenant=name):
                out = os.path.join(self.dir, name + "-closing.odt")
                r = run(CONVENTIO, "amend", at(name, name + ".json"), "-o", out)
                self.assertEqual(r.returncode, 0, r.stderr)
                text = self.text(out).replace("\u00a0", " ").replace("\u202f", " ")
                self.assertIn(signed + "\n", text)
                self.assertEqual("Le pr\u00e9sent avenant est publi\u00e9 selon les m\u00eames modalit\u00e9s que la "
                                 "Convention, pr\u00e9vues \u00e0 son article" in text, published)
                self.assertEqual("conform\u00e9ment \u00e0 l'article 2 du d\u00e9cret n\u00b0 2004-1085" in text, decree)
                self.assertEqual("au contr\u00f4leur budg\u00e9taire et comptable minist\u00e9riel" in text, transmitted)
                # Entry into force stays the last article, after publication and transmission.
                self.assertLess(text.rfind("Publication\n") if published else 0, text.find("Entr\u00e9e en vigueur\n"))

    def test_text_an_avenant_inserts_is_the_consolidated_text(self):
        # Article 2-1 the Seine avenant inserts: its heading as the Convention prints its
        # headings, its two-level list kept as two levels (each item still opening with «).
        name = "seine-et-marne-rdv-solidarites-avenant-1-2021"
        out, clean = os.path.join(self.dir, name + "-quoted.docx"), os.path.join(self.dir, name + "-quoted-clean.docx")
        r = run(CONVENTIO, "amend", at(name, name + ".json"), "-o", out, "--clean", clean)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = self.text(out).replace("\u00a0", " ").replace("\u202f", " ").split("\n")
        consolidated = self.text(clean).replace("\u00a0", " ").replace("\u202f", " ").split("\n")
        for heading in ("Article 2-1 : Obligations du Val-de-Marne", "5.2 Calendrier de versement",
                        "5.3 Modalit\u00e9s de versement"):
            self.assertIn(heading, consolidated)
            self.assertIn("\u00ab " + heading, text)
        with zipfile.ZipFile(out) as z:
            xml = z.read("word/document.xml").decode("utf-8")

        def level(words):
            found = re.search(r'<w:ilvl w:val="(\d)"/>(?:(?!</w:p>).)*<w:t>\u00ab\u00a0' + re.escape(words), xml)
            self.assertIsNotNone(found, words)
            return int(found.group(1))
        self.assertEqual(level("Garantir \u00e0 l'\u00e9quipe"), 0)
        self.assertEqual(level("toute latitude"), 1)
        self.assertEqual(level("\u00e9valuer les r\u00e9sultats"), 1)
        self.assertEqual(level("Participer aux d\u00e9cisions"), 0)

    def test_avenants_word_changes_as_a_juriste_writes_them(self):
        cases = {
            "drome-valence-avenant-1-2026": [
                # Inside the article's chapeau the article is « il », not addressed again.
                "2\u00b0 Il est compl\u00e9t\u00e9 par un alin\u00e9a ainsi r\u00e9dig\u00e9 :",
                # The smallest string changed, not the label « Adresse : » with it.
                "Dans la d\u00e9signation des parties, les mots : \u00ab 1 place de la Libert\u00e9, 26000 Valence "
                "\u00bb sont remplac\u00e9s par les mots : \u00ab place de la Libert\u00e9, BP 2119, 26021 Valence "
                "Cedex \u00bb.",
                "Avenant n\u00b0 1 \u00e0 la convention de partenariat du 14 mars 2025 entre le D\u00e9partement de "
                "la Dr\u00f4me et la Commune de Valence",
            ],
            # An article of one alinéa is addressed itself.
            "cerema-avenant-1-2024": ["\u00c0 l'article 4.1, le montant : \u00ab 475 000 euros \u00bb est "
                                      "remplac\u00e9 par le montant : \u00ab 600 000 euros \u00bb."],
            # The « Et » the consolidated version shows before a joining party is one of the
            # alinéas the avenant adds.
            "seine-et-marne-rdv-solidarites-avenant-1-2021": [
                "La d\u00e9signation des parties est compl\u00e9t\u00e9e par cinq alin\u00e9as ainsi r\u00e9dig\u00e9s :",
                "\u00ab Et",
                "Avenant n\u00b0 1 \u00e0 la convention de partenariat du 15 d\u00e9cembre 2020 entre le "
                "D\u00e9partement de Seine-et-Marne et l'Agence Nationale de la Coh\u00e9sion des Territoires",
            ],
        }
        for name, expected in cases.items():
            with self.subTest(avenant=name):
                out, clean = os.path.join(self.dir, name + "-words.odt"), os.path.join(self.dir, name + "-words-clean.odt")
                r = run(CONVENTIO, "amend", at(name, name + ".json"), "-o", out, "--clean", clean)
                self.assertEqual(r.returncode, 0, r.stderr)
                lines = self.text(out).replace("\u00a0", " ").replace("\u202f", " ").split("\n")
                for line in expected:
                    self.assertIn(line, lines)
                self.assertFalse([x for x in lines if re.match(r"\d+\u00b0 L'article", x)], "no address in an item")
                if name.startswith("seine"):
                    amended = self.text(clean).replace("\u00a0", " ").split("\n")
                    at_party = amended.index("Le D\u00e9partement du Val-de-Marne,")
                    self.assertEqual(amended[at_party - 1], "Et")

    def test_a_party_joining_is_named_wherever_the_payer_was(self):
        # « la collectivité » is the Seine-et-Marne's defined name: once the Val-de-Marne joins,
        # the report, the termination for fault and the liquidation saying « la collectivité »
        # alone would leave it out. Each member is named, and the avenant states those changes.
        name = "seine-et-marne-rdv-solidarites-avenant-1-2021"
        out, clean = os.path.join(self.dir, name + "-named.odt"), os.path.join(self.dir, name + "-named-clean.odt")
        r = run(CONVENTIO, "amend", at(name, name + ".json"), "-o", out, "--clean", clean)
        self.assertEqual(r.returncode, 0, r.stderr)
        amended = self.text(clean).replace("\u00a0", " ").replace("\u202f", " ")
        for words in ("Un compte rendu de gestion sera envoy\u00e9 \u00e0 la collectivit\u00e9 et au Val-de-Marne au "
                      "terme de la p\u00e9riode conventionn\u00e9e",
                      "les sommes vers\u00e9es par la collectivit\u00e9 ou par le Val-de-Marne au titre de la convention",
                      "les participations financi\u00e8res de la collectivit\u00e9 et du Val-de-Marne dues \u00e0 "
                      "l'ANCT \u00e0 la date d'effet de la r\u00e9siliation sont liquid\u00e9es",
                      "via sa mission d'incubateur de services num\u00e9riques, la collectivit\u00e9 et le Val-de-Marne "
                      "a pour objet",
                      "de mani\u00e8re \u00e0 garantir \u00e0 la collectivit\u00e9 et au Val-de-Marne, conform\u00e9ment"):
            self.assertIn(words, amended)
        for words in ("envoy\u00e9 \u00e0 la collectivit\u00e9 au terme", "vers\u00e9es par la collectivit\u00e9 au titre",
                      "la participation financi\u00e8re de la collectivit\u00e9 due", "un agent de la collectivit\u00e9"):
            self.assertNotIn(words, amended)
        lines = self.text(out).replace("\u00a0", " ").replace("\u202f", " ").split("\n")
        for line in ("Modification de l'article 1er", "Modification de l'article 4", "Modification de l'article 5.5",
                     "Modification de l'article 6.1", "Modification de l'article 6.2",
                     "\u00c0 l'article 6.1, apr\u00e8s le mot : \u00ab collectivit\u00e9 \u00bb, sont ins\u00e9r\u00e9s "
                     "les mots : \u00ab ou par le Val-de-Marne \u00bb."):
            self.assertIn(line, [x.split(" : ", 1)[-1] if x.startswith("Article ") else x for x in lines])
        # A quoted alinéa's own quotation marks are the second rank's: one « opens each quoted line.
        quoted = [x.strip() for x in lines if x.strip().startswith("\u00ab")]
        self.assertTrue(any("\u201cr\u00e9f\u00e9rent territorial\u201d" in x for x in quoted), quoted)
        self.assertEqual([x for x in quoted if x.count("\u00ab") != 1], [])

    def test_the_number_of_originals_leaves_no_party_without_one(self):
        # The Convention's « Fait à …, en deux originaux » is the record of its signature: the
        # Val-de-Marne joining by avenant n° 1 does not rewrite it (review r9), and the avenant,
        # signed by three, is in three originals. An avenant's own number may be more than its
        # parties or a single (electronic) original, but not fewer than the parties and more than
        # one: refused at its field with the correction, nothing written.
        name = "seine-et-marne-rdv-solidarites-avenant-1-2021"
        out, clean = os.path.join(self.dir, name + "-originals.odt"), os.path.join(self.dir, name + "-originals-clean.odt")
        r = run(CONVENTIO, "amend", at(name, name + ".json"), "-o", out, "--clean", clean)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Fait \u00e0 Paris, en deux originaux, le\n", self.text(clean).replace("\u00a0", " "))
        avenant = self.text(out).replace("\u00a0", " ")
        self.assertIn("en trois exemplaires originaux", avenant)
        self.assertNotIn("nombre d'exemplaires originaux", avenant)
        with open(at(name, name + ".json"), encoding="utf-8") as f:
            data = json.load(f)
        for originals, refusal in (
                ("en deux exemplaires originaux", "originals: \u00ab en deux exemplaires originaux \u00bb states 2 "
                 "originals, but the agreement has 3 signatories (one original for each): write \u00ab en trois "
                 "exemplaires originaux \u00bb"),
                ("en quatre exemplaires originaux", None),
                ("en un exemplaire original sign\u00e9 \u00e9lectroniquement", None)):
            with self.subTest(originals=originals):
                path = os.path.join(self.dir, "originals-own.json")
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(dict(data, originals=originals), f, ensure_ascii=False, indent=2)
                own = os.path.join(self.dir, "originals-own.odt")
                if os.path.exists(own):
                    os.remove(own)
                r = run(CONVENTIO, "amend", path, "--lib", SAMPLES, "-o", own)
                if refusal is None:
                    self.assertEqual(r.returncode, 0, r.stderr)
                    self.assertIn(originals, self.text(own).replace("\u00a0", " "))
                else:
                    self.assertEqual(r.returncode, 1, r.stderr)
                    self.assertRegex(r.stderr, re.escape(path) + r":\d+:\d+: " + re.escape(refusal))
                    self.assertFalse(os.path.exists(own))
        # A number the change set writes into the Convention's line is the avenant's to state,
        # and is checked so (review r11): avenant n° 2 follows the Val-de-Marne's joining.
        second = "seine-et-marne-rdv-solidarites-avenant-2-2022"
        with open(at(second, second + ".json"), encoding="utf-8") as f:
            data = json.load(f)
        for written, problem in (("en trois (4) originaux", "in words and in figures that disagree"),
                                 ("en 2 exemplaires", "states 2 originals, but the agreement has 3 signatories")):
            with self.subTest(signature_originals=written):
                path = os.path.join(self.dir, "originals-set.json")
                shutil.copy(at(name, name + ".json"), os.path.join(self.dir, name + ".json"))
                changed = dict(data, data=[{"set": "signature.originals", "to": written}])
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(changed, f, ensure_ascii=False, indent=2)
                refused = os.path.join(self.dir, "originals-set.odt")
                r = run(CONVENTIO, "amend", path, "--lib", SAMPLES, "-o", refused)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertRegex(r.stderr, re.escape(path) + r":\d+:\d+: data\[1\] \(set signature.originals\): "
                                 r"signature.originals: ")
                self.assertIn(problem, r.stderr)
                self.assertFalse(os.path.exists(refused))

    def test_an_article_divided_into_sub_articles_is_replaced_whole(self):
        # Review r8: `replace` of the BFC agreement's article 6 (6.1 to 6.3) kept its sub-articles
        # under the new text and the avenant said « est complété par un alinéa »; `complete` of it
        # was lost without a word. Replaced, the article loses its sub-articles and the avenant
        # says « L'article 6 est ainsi rédigé »; completed, it is refused at the edit.
        base = {"base": {"script": "bfc-association-mediation-2025.lua",
                         "data": "bfc-association-mediation-2025.json"},
                "number": 1, "date": "2026-02-10", "place": "Besan\u00e7on",
                "reasons": ["Les parties conviennent de simplifier la r\u00e9siliation."],
                "purpose": "de simplifier la r\u00e9siliation"}
        alinea = "Chaque partie peut r\u00e9silier la convention par lettre recommand\u00e9e avec un pr\u00e9avis."
        path = os.path.join(self.dir, "replace-divided.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(dict(base, edits=[{"replace": "resiliation", "text": [alinea]}]), f, ensure_ascii=False)
        out, clean = os.path.join(self.dir, "replace-divided.odt"), os.path.join(self.dir, "replace-divided-clean.odt")
        r = run(CONVENTIO, "amend", path, "--lib", SAMPLES, "-o", out, "--clean", clean)
        self.assertEqual(r.returncode, 0, r.stderr)
        avenant = self.text(out).replace("\u00a0", " ").replace("\u202f", " ")
        self.assertIn("L'article 6 est ainsi r\u00e9dig\u00e9 :", avenant)
        self.assertIn("\u00ab Article 6 : R\u00e9siliation", avenant)
        self.assertNotIn("est compl\u00e9t\u00e9", avenant)
        self.assertNotIn("6.1 est supprim\u00e9", avenant)
        amended = self.text(clean)
        self.assertIn(alinea, amended)
        self.assertNotIn("R\u00e9siliation sans faute", amended)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(dict(base, edits=[{"complete": "resiliation", "text": [alinea]}]), f, ensure_ascii=False)
        refused = os.path.join(self.dir, "complete-divided.odt")
        r = run(CONVENTIO, "amend", path, "--lib", SAMPLES, "-o", refused)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stderr, re.escape(path) + r":1:\d+: edits\[1\] \(complete resiliation\): ")
        self.assertIn("resiliation_sans_faute, resiliation_faute, resiliation_effets", r.stderr)
        self.assertFalse(os.path.exists(refused))

    def test_an_article_another_cites_is_not_taken_out_unseen(self):
        # Review r9: replacing « Dispositions générales » took out its sub-article duree (7.4),
        # which article 5.5 cites; the refusal named the library's template. It names the edit.
        base = {"base": {"script": "seine-et-marne-rdv-solidarites-2020.lua",
                         "data": "seine-et-marne-rdv-solidarites-2020.json"},
                "number": 1, "date": "2021-09-01", "reasons": ["Les parties simplifient la convention."]}
        for edit, where in (({"replace": "dispositions_generales", "text": ["Les parties se concertent."]},
                             "edits[1] (replace dispositions_generales)"),
                            ({"delete": "duree"}, "edits[1] (delete duree)")):
            with self.subTest(edit=where):
                path = os.path.join(self.dir, "cited.json")
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(dict(base, edits=[edit]), f, ensure_ascii=False)
                r = run(CONVENTIO, "amend", path, "--lib", SAMPLES, "-o", os.path.join(self.dir, "cited.odt"))
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertRegex(r.stderr, re.escape(path) + r":1:\d+: " + re.escape(where) +
                                 r": duree, which this edit takes out, is referred to by the agreement's text")
                self.assertNotIn("templates/", r.stderr)

    def test_a_party_leaving_is_refused_at_its_change(self):
        # Review r9: the Val-de-Marne taken out by a second avenant gave an avenant quoting the
        # whole designation rewritten, its money gone without a word, and the party not signing.
        # A withdrawal is not what comparing two versions words: refused at the change.
        name = "seine-et-marne-rdv-solidarites-avenant-1-2021"
        shutil.copy(at(name, name + ".json"), os.path.join(self.dir, name + ".json"))
        path = os.path.join(self.dir, "leaving.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"follows": name + ".json", "number": 2, "date": "2022-03-01",
                       "reasons": ["Le D\u00e9partement du Val-de-Marne se retire."],
                       "data": [{"remove": "finance.other_payers"}, {"remove": "party_order.[3]"},
                                {"remove": "parties.val_de_marne"}]}, f, ensure_ascii=False, indent=2)
        out = os.path.join(self.dir, "leaving.odt")
        r = run(CONVENTIO, "amend", path, "--lib", SAMPLES, "-o", out)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stderr, re.escape(path) + r":\d+:\d+: data\[3\] \(remove parties.val_de_marne\): the "
                         r"party val_de_marne leaves the Convention")
        self.assertFalse(os.path.exists(out))

    def test_quoted_words_with_their_own_quotation_marks_have_one_space_each_side(self):
        # Review r9: « “manifeste beta.gouv.fr”  » — the words' own no-break space before their »
        # stayed beside the one the avenant's » brings.
        path = os.path.join(self.dir, "own-marks.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"base": {"script": "seine-et-marne-rdv-solidarites-2020.lua",
                                "data": "seine-et-marne-rdv-solidarites-2020.json", "date": "2020-12-15"},
                       "number": 1, "date": "2021-09-01", "reasons": ["Les parties raccourcissent un renvoi."],
                       "edits": [{"words": "obligations_partenaire", "old": "\u00ab manifeste beta.gouv.fr \u00bb",
                                  "new": "\u00ab manifeste \u00bb"}]}, f, ensure_ascii=False)
        out = os.path.join(self.dir, "own-marks.odt")
        r = run(CONVENTIO, "amend", path, "--lib", SAMPLES, "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = self.text(out)
        self.assertIn("\u201cmanifeste beta.gouv.fr\u201d", text)
        self.assertEqual(re.findall(r"[ \u00a0\u202f]{2,}", text), [])

    def test_words_of_the_designation_are_changed_through_the_data(self):
        # Review r8: words replaced `throughout` that only the parties' designation has were
        # refused as « not in the agreement »: they are, written from the party's data.
        base = {"base": {"script": "bfc-association-mediation-2025.lua",
                         "data": "bfc-association-mediation-2025.json"},
                "number": 1, "date": "2026-02-10", "place": "Besan\u00e7on",
                "reasons": ["Les parties conviennent de corriger une mention."], "purpose": "de corriger une mention"}
        for old, hint in (("loi du 1er juillet 1901", True), ("loi de 1999", False)):
            with self.subTest(old=old):
                path = os.path.join(self.dir, "designation-words.json")
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(dict(base, edits=[{"throughout": True, "old": old, "new": old + " modifi\u00e9e"}]), f,
                              ensure_ascii=False)
                r = run(CONVENTIO, "amend", path, "--lib", SAMPLES, "-o", os.path.join(self.dir, "designation.odt"))
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn(f"edits[1] (throughout true): the words \u00ab {old} \u00bb are not in the articles or "
                              "annexes", r.stderr)
                self.assertEqual("parties' designation" in r.stderr, hint, r.stderr)

    def test_consolidated_versions_are_valid_odf_and_ooxml(self):
        files = []
        for _, name, _ in self.sets:
            for kind in ("odt", "docx"):
                out = os.path.join(self.dir, f"valid-{name}")
                r = run(CONVENTIO, "amend", at(name, name + ".json"), "-o", f"{out}.{kind}",
                        "--consolidated", f"{out}-consolidated.{kind}")
                self.assertEqual(r.returncode, 0, r.stderr)
                files.append(f"{out}-consolidated.{kind}")
        # A row inserted or deleted carries LibreOffice's loext:text-changes-only on its style (the
        # only way to have the row, not only its text, removed): those ODT are checked in ODF's
        # extended conformance, after checking that this attribute is their only foreign markup.
        strict, extended = [], []
        for f in files:
            foreign = []
            if f.endswith(".odt"):
                with zipfile.ZipFile(f) as z:
                    content = z.read("content.xml").decode("utf-8")
                foreign = [m[1:] for m in re.findall(r"[\s<]loext:[\w-]+", content)]
                self.assertTrue(set(foreign) <= {"loext:text-changes-only"}, f"{f}: {set(foreign)}")
            (extended if foreign else strict).append(f)
        self.assertTrue(strict)
        for group, extra in ((strict, {}), (extended, {"VALIDATE_ODF_EXTENDED": "1"})):
            if not group:
                continue
            env = dict(os.environ, VALIDATE_OFFICE_SCHEMAS=os.path.join(TESTS, "schemas"), **extra)
            r = subprocess.run([os.path.join(TESTS, "tools", "validate-office"), *group], capture_output=True,
                               text=True, env=env)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_pandoc_and_libreoffice_read_the_marks_alike(self):
        files = []
        for _, name, _ in self.sets:
            for kind in ("odt", "docx"):
                out = os.path.join(self.dir, f"compare-{name}")
                consolidated = f"{out}-consolidated.{kind}"
                r = run(CONVENTIO, "amend", at(name, name + ".json"), "-o", f"{out}.{kind}",
                        "--consolidated", consolidated)
                self.assertEqual(r.returncode, 0, r.stderr)
                files.append((name, kind, consolidated))
        # One reader run for every file: LibreOffice converts them all at once (a start of
        # soffice per file was most of this test's time); each file is compared as on its own.
        compare = self.reader(*(path for _, _, path in files), "--compare")
        path, reports = None, {None: ("", [])}
        for line in compare.stdout.splitlines():
            if line.startswith("== "):
                verdict, path = line[3:].split(" ", 1)
                reports[path] = (verdict, [])
            else:
                reports[path][1].append(line)
        for name, kind, consolidated in files:
            with self.subTest(avenant=name, format=kind):
                self.assertIn(consolidated, reports, compare.stdout + compare.stderr)
                verdict, report = reports[consolidated]
                self.assertEqual(verdict, "PASS", "\n".join(report) + compare.stderr)
                print(f"compare {name}.{kind}: " + " / ".join(
                    line.split(" direct")[0] for line in report if line.startswith(("PASS", "FAIL"))))
        self.assertEqual(compare.returncode, 0, compare.stdout + compare.stderr)

    def amend_all(self, prefix):
        """Every sample's consolidated and clean versions in both formats, and the agreement
        each amends: {name: {kind: (consolidated, clean, base)}}."""
        out = {}
        for _, name, data in self.sets:
            out[name] = {}
            for kind in ("odt", "docx"):
                stem = os.path.join(self.dir, f"{prefix}-{name}")
                r = run(CONVENTIO, "amend", at(name, name + ".json"), "-o", f"{stem}.{kind}",
                        "--consolidated", f"{stem}-consolidated.{kind}", "--clean", f"{stem}-clean.{kind}")
                self.assertEqual(r.returncode, 0, r.stderr)
                if "base" in data:
                    base = f"{stem}-base.{kind}"
                    r = run(CONVENTIO, "render", at(name, data["base"]["script"]), "--data",
                            at(name, data["base"]["data"]), "-o", base)
                    self.assertEqual(r.returncode, 0, r.stderr)
                else:
                    base = os.path.join(self.dir, f"{prefix}-{data['follows'][:-5]}-clean.{kind}")
                out[name][kind] = (f"{stem}-consolidated.{kind}", f"{stem}-clean.{kind}", base)
        return out

    def libreoffice_docx(self, paths):
        """LibreOffice's DOCX of each ODT: how it understood the tracked changes, paragraph ends
        and rows included (it writes them back as paragraph-mark and row changes)."""
        outdir = os.path.join(self.dir, "lo-docx")
        profile = "file://" + os.path.join(self.dir, "lo-profile-convert")
        r = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
                            "--outdir", outdir, *paths], capture_output=True, text=True, timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = {}
        for p in paths:
            converted = os.path.join(outdir, os.path.basename(p)[:-4] + ".docx")
            self.assertTrue(os.path.exists(converted), r.stdout + r.stderr)
            out[p] = converted
        return out

    @staticmethod
    def empty_paragraphs(docx, how):
        """Empty paragraphs pandoc sees once every change is accepted (or rejected), the
        paragraph-mark changes applied (pandoc merges the paragraphs, as Word does)."""
        r = run("pandoc", "-f", "docx+empty_paragraphs", f"--track-changes={how}", "-t", "native", docx)
        assert r.returncode == 0, r.stderr
        return len(re.findall(r"Para \[\]", r.stdout))

    @staticmethod
    def row_changes(docx):
        with zipfile.ZipFile(docx) as z:
            body = z.read("word/document.xml").decode("utf-8")
        return len(re.findall(r"<w:trPr>(?:(?!</w:trPr>).)*<w:(?:ins|del) ", body))

    def test_accepting_or_rejecting_leaves_no_empty_paragraph_or_row(self):
        files = self.amend_all("whole")
        odts = [p for by_kind in files.values() for p in by_kind["odt"]]
        via_lo = self.libreoffice_docx(sorted(set(odts)))
        whole_changes = 0
        for name, by_kind in files.items():
            for kind in ("odt", "docx"):
                with self.subTest(avenant=name, format=kind):
                    consolidated, clean, base = by_kind[kind]
                    if kind == "odt":
                        consolidated, clean, base = via_lo[consolidated], via_lo[clean], via_lo[base]
                    self.assertEqual(self.empty_paragraphs(consolidated, "accept"),
                                     self.empty_paragraphs(clean, "accept"), "accept all = the amended agreement")
                    self.assertEqual(self.empty_paragraphs(consolidated, "reject"),
                                     self.empty_paragraphs(base, "accept"), "reject all = the agreement as it stood")
            # A row inserted or deleted is one for LibreOffice too (removed on accept/reject).
            rows = self.row_changes(by_kind["docx"][0])
            self.assertEqual(self.row_changes(via_lo[by_kind["odt"][0]]), rows, name)
            listed = self.reader(by_kind["docx"][0], "--list").stdout
            whole_changes += rows + listed.count("\tparagraph-mark\t")
        self.assertGreater(whole_changes, 0, "the samples insert or delete whole paragraphs and rows")

    @staticmethod
    def pandoc_blocks(path, how=None):
        """The document as pandoc reads it (formatting, links, notes, bookmarks), with changes
        accepted or rejected, less what pandoc alone does with revision marks (README of
        tests/tools/tracked-changes): list items it does not merge when their paragraph marks
        are deleted (left empty), rows marked only on w:trPr (left with empty cells), and the
        space it adds where it joins paragraphs."""
        fmt = "odt" if path.endswith(".odt") else "docx"
        args = ["pandoc", "-f", fmt, "-t", "json", path] + ([f"--track-changes={how}"] if how else [])
        r = run(*args)
        assert r.returncode == 0, r.stderr

        def norm(x):
            if isinstance(x, list):
                return [n for n in (norm(i) for i in x) if n is not None]
            if not isinstance(x, dict):
                return x
            kind = x.get("t")
            if kind in ("BulletList", "OrderedList"):
                items = x["c"] if kind == "BulletList" else x["c"][1]
                items = [i for i in (norm(i) for i in items) if i]
                if not items:
                    return None
                return {"t": kind, "c": items if kind == "BulletList" else [x["c"][0], items]}
            if kind == "Table":
                attr, caption, specs, head, bodies, foot = x["c"]
                rows = lambda rs: [r for r in rs if any(cell[4] for cell in r[1])]
                head, foot = [head[0], rows(head[1])], [foot[0], rows(foot[1])]
                bodies = [[b[0], b[1], rows(b[2]), rows(b[3])] for b in bodies]
                return {"t": kind, "c": norm([attr, caption, specs, head, bodies, foot])}
            if kind in ("Para", "Plain"):
                inlines = norm(x["c"])
                while inlines and inlines[0].get("t") == "Space":
                    inlines.pop(0)
                # Joined to a paragraph whose text is all removed (the last one after a heading,
                # anchored at the heading's end), pandoc still adds its space, at the end.
                while inlines and inlines[-1].get("t") == "Space":
                    inlines.pop()
                return {"t": kind, "c": inlines}
            return {k: norm(v) for k, v in x.items()}

        return norm(json.loads(r.stdout)["blocks"])

    def test_accept_all_keeps_the_formatting_of_the_amended_agreement(self):
        # Changed paragraphs are marked word by word on the tree: accepting every change gives
        # the amended agreement as rendered on its own, bold, links, notes, bookmarks and live
        # references included, and rejecting every change the agreement as it stood. pandoc's
        # ODT reader shows the accepted version (it ignores revision marks).
        files = self.amend_all("formatting")
        for name, by_kind in files.items():
            with self.subTest(avenant=name):
                consolidated, clean, base = by_kind["docx"]
                self.assertEqual(self.pandoc_blocks(consolidated, "accept"), self.pandoc_blocks(clean),
                                 "accept all = the amended agreement, formatting included")
                self.assertEqual(self.pandoc_blocks(consolidated, "reject"), self.pandoc_blocks(base),
                                 "reject all = the agreement as it stood, formatting included")
                consolidated, clean, _ = by_kind["odt"]
                self.assertEqual(self.pandoc_blocks(consolidated), self.pandoc_blocks(clean), "ODT accepted")

    def test_edge_cases_keep_references_live_and_mark_only_what_changed(self):
        # edge-avenant-1 inserts a live reference, changes the words beside an unchanged one,
        # changes one list item and adds one, and inserts a paragraph alone between two
        # tables; edge-avenant-2 deletes them. (Every generic test above runs on them too:
        # accept/reject, --compare, --strict, no empty paragraph left, formatting, schemas.)
        out = os.path.join(self.dir, "edges")
        for kind in ("docx", "odt"):
            for n in (1, 2):
                name = f"edge-avenant-{n}"
                r = run(CONVENTIO, "amend", at(name, name + ".json"), "-o", f"{out}-{n}.{kind}",
                        "--consolidated", f"{out}-{n}-consolidated.{kind}")
                self.assertEqual(r.returncode, 0, r.stderr)
        with zipfile.ZipFile(f"{out}-1-consolidated.docx") as z:
            inserted = z.read("word/document.xml").decode("utf-8")
        with zipfile.ZipFile(f"{out}-2-consolidated.docx") as z:
            deleted = z.read("word/document.xml").decode("utf-8")
        field = r'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:{} xml:space="preserve"> REF ref_suivi '
        # Inside the revision of the words inserted (or deleted) with it.
        self.assertRegex(inserted, r'<w:ins [^>]*>(?:(?!</w:ins>).)*' + field.format("instrText"),
                         "an inserted reference stays a field")
        self.assertRegex(deleted, r'<w:del [^>]*>(?:(?!</w:del>).)*' + field.format("delInstrText"),
                         "a deleted one too")
        unchanged = re.search(r"(<w:[a-zA-Z]+)[^<]*>(?:<w:r>)?<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText "
                              r'xml:space="preserve"> REF ref_montant ', inserted)
        self.assertIsNotNone(unchanged)
        self.assertNotIn(unchanged.group(1), ("<w:ins", "<w:del"), "an unchanged reference is not marked")
        with zipfile.ZipFile(f"{out}-1-consolidated.odt") as z:
            odt_inserted = z.read("content.xml").decode("utf-8")
        with zipfile.ZipFile(f"{out}-2-consolidated.odt") as z:
            odt_deleted = z.read("content.xml").decode("utf-8")
        self.assertRegex(odt_inserted, r'<text:change-start text:change-id="(ct\d+)"/>(?:(?!<text:change-end ).)*'
                                       r'<text:bookmark-ref [^>]*text:ref-name="ref_suivi"(?:(?!<text:change-end ).)*'
                                       r'<text:change-end text:change-id="\1"/>')
        self.assertRegex(odt_deleted, r'<text:deletion>(?:(?!</text:deletion>).)*<text:bookmark-ref [^>]*'
                                      r'text:ref-name="ref_suivi"')
        # Lists: only the changed item is marked, word by word; an item added or deleted is
        # an item of its own, the others untouched.
        for kind in ("docx", "odt"):
            with self.subTest(format=kind):
                first = self.reader(f"{out}-1-consolidated.{kind}", "--list").stdout
                second = self.reader(f"{out}-2-consolidated.{kind}", "--list").stdout
                self.assertIn("en ligne", first)
                self.assertIn("accueillir le comit\u00e9.", first)
                for untouched in ("tenir une comptabilit\u00e9", "publier ses comptes", "rendre compte"):
                    self.assertNotIn(untouched, first, "only the changed item is marked")
                self.assertIn("tenir une comptabilit\u00e9", second)
                for untouched in ("publier ses comptes", "rendre compte", "accueillir"):
                    self.assertNotIn(untouched, second, "only the deleted item is marked")
                self.assertNotIn("\t2\n", first + second, "the unchanged reference '2' is no change")

    def test_words_cut_into_runs_by_a_raised_ordinal_are_one_revision(self):
        # edge-ordinals-avenant-1 inserts « dès le 1er janvier 2025 » into a list item, whose
        # « er » is raised: three runs (text, superscript, text), one insertion all the same, the
        # runs with their formatting inside it; edge-ordinals-avenant-2 deletes the words, one
        # deletion holding the runs. (The generic tests above run on both too.)
        out = os.path.join(self.dir, "edge-ordinals")
        words = "d\u00e8s le 1er janvier 2025"
        for n, kind_of_change in ((1, "insertion"), (2, "deletion")):
            name = f"edge-ordinals-avenant-{n}"
            for kind in ("docx", "odt"):
                with self.subTest(avenant=n, format=kind):
                    consolidated = f"{out}-{n}-consolidated.{kind}"
                    r = run(CONVENTIO, "amend", at(name, name + ".json"), "-o", f"{out}-{n}.{kind}",
                            "--consolidated", consolidated)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    listed = self.reader(consolidated, "--list").stdout.splitlines()
                    changes = [(line.split("\t")[0], line.split("\t")[-1]) for line in listed]
                    self.assertEqual(changes, [(kind_of_change, words)], "one change, the ordinal raised inside")
                    with zipfile.ZipFile(consolidated) as z:
                        xml = z.read("content.xml" if kind == "odt" else "word/document.xml").decode("utf-8")
                    if kind == "docx":
                        tag = "w:ins" if n == 1 else "w:del"
                        text = "w:t" if n == 1 else "w:delText"
                        self.assertRegex(xml, rf'<{tag} [^>]*><w:r><{text} xml:space="preserve"> d\u00e8s le 1</{text}>'
                                              rf'</w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                              rf'<{text}>er</{text}></w:r><w:r><{text} xml:space="preserve"> janvier '
                                              rf'2025</{text}></w:r></{tag}>')
                    elif n == 1:
                        self.assertRegex(xml, r'<text:change-start text:change-id="(ct\d+)"/> d\u00e8s le 1<text:span '
                                              r'text:style-name="T\d+">er</text:span> janvier 2025<text:change-end '
                                              r'text:change-id="\1"/>')
                    else:
                        self.assertRegex(xml, r'</office:change-info><text:p><text:s/>d\u00e8s le 1<text:span '
                                              r'text:style-name="T\d+">er</text:span> janvier 2025</text:p></text:deletion>')
                        self.assertEqual(xml.count("<text:change "), 1)

    def test_a_note_inserted_or_deleted_with_words_is_part_of_their_revision(self):
        # edge-notes-avenant-1 inserts « au recueil[note] chaque année »: the note's call is
        # inside the insertion (rejecting it takes the note away, accepting keeps it whole);
        # edge-notes-avenant-2 deletes the words before « Reste du texte. », the note and the
        # space before « Reste » with them (rejecting the deletion gives « année. Reste », not
        # « année.Reste »). The generic tests above compare accept/reject with the clean versions
        # and with pandoc and LibreOffice.
        out = os.path.join(self.dir, "edge-notes")
        with_note = "Les comptes sont publi\u00e9s au recueil[^1] chaque ann\u00e9e. Reste du texte."
        stood = {1: "Les comptes sont publi\u00e9s. Reste du texte.", 2: with_note}
        amended = {1: with_note, 2: "Reste du texte."}
        words = {1: ("insertion", "au recueil chaque ann\u00e9e"),
                 2: ("deletion", "Les comptes sont publi\u00e9s au recueil chaque ann\u00e9e.")}
        for n in (1, 2):
            name = f"edge-notes-avenant-{n}"
            for kind in ("docx", "odt"):
                with self.subTest(avenant=n, format=kind):
                    consolidated = f"{out}-{n}-consolidated.{kind}"
                    r = run(CONVENTIO, "amend", at(name, name + ".json"), "-o", f"{out}-{n}.{kind}",
                            "--consolidated", consolidated)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    listed = self.reader(consolidated, "--list").stdout.splitlines()
                    body = [(line.split("\t")[0], line.split("\t")[-1]) for line in listed
                            if not line.split("\t")[3].startswith("footnote:")]
                    self.assertEqual(body, [words[n]], "the words and their note: one change")
                    accepted = self.reader(consolidated, "--accept").stdout.splitlines()
                    rejected = self.reader(consolidated, "--reject").stdout.splitlines()
                    self.assertIn(amended[n], accepted)
                    self.assertIn(stood[n], rejected)
                    note = "[^1] Recueil des actes administratifs."
                    self.assertEqual(note in accepted, n == 1, "the note goes with its words")
                    self.assertEqual(note in rejected, n == 2, "the note goes with its words")
                    with zipfile.ZipFile(consolidated) as z:
                        xml = z.read("content.xml" if kind == "odt" else "word/document.xml").decode("utf-8")
                    if kind == "docx":
                        # The note's call is a run of the w:ins or w:del that holds the words.
                        tag, text = ("w:ins", "w:t") if n == 1 else ("w:del", "w:delText")
                        words_before = " au recueil" if n == 1 else "Les comptes sont publi\u00e9s au recueil"
                        words_after = " chaque ann\u00e9e" if n == 1 else " chaque ann\u00e9e. "
                        pattern = (rf'<{tag} [^>]*><w:r><{text}[^>]*>{words_before}</{text}></w:r><w:r><w:rPr>'
                                   rf'<w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="\d+"/>'
                                   rf'</w:r><w:r><{text} xml:space="preserve">{words_after}</{text}></w:r></{tag}>')
                    elif n == 1:
                        # The text:note between the start and the end of the insertion's region.
                        pattern = (r'<text:change-start text:change-id="(ct\d+)"/> au recueil<text:note '
                                   r'(?:(?!text:change).)*</text:note><text:s/>chaque ann\u00e9e<text:change-end '
                                   r'text:change-id="\1"/>')
                    else:
                        # The text:note inside the deletion region's paragraph, the space before
                        # « Reste » deleted with the words.
                        pattern = (r'</office:change-info><text:p>Les comptes sont publi\u00e9s au recueil<text:note '
                                   r'(?:(?!text:change).)*</text:note><text:s/>chaque ann\u00e9e\.<text:s/></text:p>'
                                   r'</text:deletion>')
                    self.assertTrue(re.search(pattern, xml), f"{kind}: no match for {pattern}")

    def test_edits_of_the_text_keep_the_live_references_of_their_paragraphs(self):
        # edge-words-avenant-1 replaces words beside a live reference ("à l'article 2"), replaces
        # words throughout in that paragraph, completes its article and rewrites a table's row:
        # the amended agreement keeps the reference live, and the consolidated version marks
        # the words only, never the reference (it was rebuilt from the text: "2" deleted, then
        # typed again).
        out = os.path.join(self.dir, "edge-words")
        name = "edge-words-avenant-1"
        for kind in ("docx", "odt"):
            r = run(CONVENTIO, "amend", at(name, name + ".json"), "-o", f"{out}.{kind}",
                    "--consolidated", f"{out}-consolidated.{kind}", "--clean", f"{out}-clean.{kind}")
            self.assertEqual(r.returncode, 0, r.stderr)
        r = run(CONVENTIO, "render", at(name, "edge_base.lua"), "--data", at(name, "edge_base.json"),
                "-o", f"{out}-base.odt")
        self.assertEqual(r.returncode, 0, r.stderr)

        def part(path, name):
            with zipfile.ZipFile(path) as z:
                return z.read(name).decode("utf-8")

        base_refs = part(f"{out}-base.odt", "content.xml").count("<text:bookmark-ref ")
        self.assertGreater(base_refs, 0)
        self.assertEqual(part(f"{out}-clean.odt", "content.xml").count("<text:bookmark-ref "), base_refs)
        self.assertEqual(part(f"{out}-clean.docx", "word/document.xml").count(" REF ref_montant "), base_refs)
        docx = part(f"{out}-consolidated.docx", "word/document.xml")
        self.assertEqual(docx.count(" REF ref_montant "), base_refs)
        self.assertNotIn("<w:delInstrText", docx, "no reference deleted")
        self.assertNotRegex(docx, r"<w:ins [^>]*><w:r><w:fldChar", "no reference inserted")
        odt = part(f"{out}-consolidated.odt", "content.xml")
        self.assertEqual(odt.count("<text:bookmark-ref "), base_refs)
        self.assertNotRegex(odt, r"<text:deletion>(?:(?!</text:deletion>).)*<text:bookmark-ref", "none deleted")
        for kind in ("docx", "odt"):
            with self.subTest(format=kind):
                listed = self.reader(f"{out}-consolidated.{kind}", "--list").stdout
                changed = [line.split("\t")[-1] for line in listed.splitlines()]
                for words in ("fixe", "d\u00e9finit", "total", "Elle est publi\u00e9e.", "juin", "juillet"):
                    self.assertTrue(any(words in c for c in changed), words)
                self.assertNotIn("2", changed, "the reference is no change")
                self.assertNotIn("Comit\u00e9", changed, "the row's label is no change")

    def script(self, name, source):
        """A script written to the test's folder: its path."""
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        return path

    def test_tracked_changes_need_a_revision(self):
        # Written without one, each change said it was made by nobody (empty dc:creator and
        # w:author) on no date: refused, at the script, naming the block, and nothing written.
        script = self.script("no-revision.lua", 'local c = require "conventio"\n'
                             'local doc = c.Document {}\n'
                             'doc:add(c.Para "Texte.")\n'
                             'doc:add(c.Para { "Un mot ", c.Inserted "ajout\u00e9", "." })\n'
                             'return doc\n')
        for kind in ("odt", "docx"):
            with self.subTest(format=kind):
                out = os.path.join(self.dir, f"no-revision.{kind}")
                r = run(CONVENTIO, "render", script, "-o", out)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn(f"{script}: block 2: the document holds tracked changes but no revision = "
                              "{ author =, date = } to attribute them to", r.stderr)
                self.assertFalse(os.path.exists(out))

    def test_a_reference_kept_to_a_deleted_anchor_is_refused(self):
        # Article 9 deleted whole, a paragraph left as it was still citing it: once the changes
        # are accepted the reference points at nothing. Refused at the script, naming the block.
        script = self.script("kept-ref.lua", 'local c = require "conventio"\n'
                             'local doc = c.Document { revision = { author = "Avenant n\u00b0 1", '
                             'date = "2024-05-15" } }\n'
                             'doc:add(c.track_changes(c.Article { "Article ", c.Anchor("fin", "9"), '
                             '" : Fin" }, nil))\n'
                             'doc:add(c.Para { "Voir l\'article ", c.Ref("fin", "9"), "." })\n'
                             'return doc\n')
        out = os.path.join(self.dir, "kept-ref.docx")
        r = run(CONVENTIO, "render", script, "-o", out)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(f"{script}: block 2: cross-reference to 'fin' kept or inserted, but its anchor is deleted "
                      "(once the changes are accepted it points at nothing)", r.stderr)
        self.assertFalse(os.path.exists(out))

    @staticmethod
    def bookmarks_and_references(path):
        """What a reader resolves, read from the file: {bookmark: [the text it spans, ...]} (a
        name defined twice has two), and every reference as (the bookmark it points at, the text
        it shows, whether it is deleted), in the order written."""
        def plain(xml):
            return re.sub(r"<[^>]+>", "", xml)
        with zipfile.ZipFile(path) as z:
            xml = z.read("content.xml" if path.endswith(".odt") else "word/document.xml").decode("utf-8")
        bookmarks, references = {}, []
        if path.endswith(".odt"):
            regions_end = xml.find("</text:tracked-changes>")
            for name, text in re.findall(r'<text:bookmark-start text:name="([^"]+)"/>(.*?)'
                                         r'<text:bookmark-end text:name="\1"/>', xml):
                bookmarks.setdefault(name, []).append(plain(text))
            for m in re.finditer(r'<text:bookmark-ref [^>]*text:ref-name="([^"]+)">(.*?)</text:bookmark-ref>', xml):
                references.append((m.group(1), plain(m.group(2)), m.start() < regions_end))
        else:
            for _, name, text in re.findall(r'<w:bookmarkStart w:id="(\d+)" w:name="([^"]+)"/>(.*?)'
                                            r'<w:bookmarkEnd w:id="\1"/>', xml):
                bookmarks.setdefault(name, []).append(plain(text))
            for kind, name, text in re.findall(r'<w:(delInstrText|instrText) xml:space="preserve"> REF (\S+) \\h '
                                               r'</w:\1></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                                               r'<w:r>(.*?)</w:r><w:r><w:fldChar w:fldCharType="end"/>', xml):
                references.append((name, plain(text), kind == "delInstrText"))
        return bookmarks, references

    def test_a_renumbered_anchor_keeps_its_old_number_for_the_deleted_references(self):
        # Article 6 renumbered 7: its old number deleted, the new one inserted, under one anchor.
        # The deleted « 6 » has a bookmark of its own (_Former1) which the deleted reference
        # points at; the references kept or inserted point at the live « 7 »; an article deleted
        # whole keeps its own name; an annex heading deleted whole beside the new one of its
        # anchor is _Former2 (the ODT wrote a second bookmark « plan » in its deletion region).
        # The same in both formats, and each reference shows the text of the bookmark it points
        # at, whichever way the changes go.
        script = os.path.join(EDGES, "renumbered.lua")
        found = {}
        for kind in ("odt", "docx"):
            with self.subTest(format=kind):
                out = os.path.join(self.dir, f"renumbered.{kind}")
                r = run(CONVENTIO, "render", script, "-o", out)
                self.assertEqual(r.returncode, 0, r.stderr)
                bookmarks, references = self.bookmarks_and_references(out)
                self.assertEqual(bookmarks, {"objet": ["1"], "duree": ["7"], "_Former1": ["6"], "fin": ["9"],
                                             "plan": ["3"], "_Former2": ["2"]})
                self.assertEqual(references, [("_Former1", "6", True), ("duree", "7", False), ("objet", "1", False),
                                              ("duree", "7", False), ("fin", "9", True), ("_Former2", "2", True),
                                              ("plan", "3", False)]
                                 if kind == "docx" else
                                 # The ODT writes its deletions first, in text:tracked-changes.
                                 [("_Former1", "6", True), ("fin", "9", True), ("_Former2", "2", True),
                                  ("duree", "7", False), ("objet", "1", False), ("duree", "7", False),
                                  ("plan", "3", False)])
                for target, text, _ in references:
                    self.assertEqual(bookmarks[target], [text], target)
                found[kind] = sorted(references)
                accepted, rejected = self.reader(out, "--accept").stdout, self.reader(out, "--reject").stdout
                self.assertIn("La dur\u00e9e est fix\u00e9e \u00e0 l'article 7.", accepted)
                self.assertIn("La dur\u00e9e est fix\u00e9e \u00e0 l'article 6.", rejected)
                self.assertNotIn("fin selon", accepted)
                self.assertIn("Il prend fin selon l'article 9.", rejected)
                self.assertIn("Le plan d\u00e9taill\u00e9 figure \u00e0 l'annexe 3.", accepted)
                self.assertIn("Le plan figure \u00e0 l'annexe 2.", rejected)
        self.assertEqual(found.get("odt"), found.get("docx"))

    def test_notes_are_numbered_as_a_reader_shows_them(self):
        # The ODT's text:note-citation numbers the notes in reading order, deleted ones counted
        # where their words were (a reader shows them struck through there): the notes of
        # text:tracked-changes, written first, were numbered before the body's. The file's
        # numbers are those LibreOffice shows, of the ODT and of the DOCX (Word numbers its notes
        # itself): each note's word is followed by its number in their PDF.
        script = os.path.join(EDGES, "notes.lua")
        paths = []
        for kind in ("odt", "docx"):
            out = os.path.join(self.dir, f"notes-{kind}.{kind}")
            r = run(CONVENTIO, "render", script, "-o", out)
            self.assertEqual(r.returncode, 0, r.stderr)
            paths.append(out)
        with zipfile.ZipFile(paths[0]) as z:
            content = z.read("content.xml").decode("utf-8")
        numbers = {word: int(n) for n, word in
                   re.findall(r"<text:note-citation>(\d+)</text:note-citation>.*?Note (\w+)\.", content)}
        words = ["alpha", "bravo", "charlie", "delta", "echo", "golf", "foxtrot"]
        self.assertEqual(numbers, {word: n for n, word in enumerate(words, 1)})
        profile = "file://" + os.path.join(self.dir, "lo-profile-notes")
        pdfs = os.path.join(self.dir, "notes-pdf")
        r = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", pdfs, *paths], capture_output=True, text=True, timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        for kind in ("odt", "docx"):
            with self.subTest(format=kind):
                shown = run("pdftotext", "-layout", os.path.join(pdfs, f"notes-{kind}.pdf"), "-").stdout
                for word, n in numbers.items():
                    self.assertRegex(shown.lower(), rf"{word}{n}\b", shown)


if __name__ == "__main__":
    unittest.main(verbosity=2)
