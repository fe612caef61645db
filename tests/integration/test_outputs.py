"""Every sample, in both formats, checked by programs nobody here wrote: the ODF and OOXML
schemas (jing, xmllint), pandoc, python-docx, odfpy, odt2txt and LibreOffice; then the two
formats compared with each other through LibreOffice's PDF (same page count, same text)."""
import scratch  # noqa: F401 -- temporary folders under one, removed when the script ends
import glob
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
SAMPLES = sorted(glob.glob(os.path.join(REPO, "samples", "*.lua")))
# Documents that put the layout in a corner the samples do not reach (tests/integration/layout):
# laid out and compared like the samples, and checked by a test of their own.
LAYOUT_CASES = sorted(glob.glob(os.path.join(TESTS, "integration", "layout", "*.lua")))


def render(script, out_stem):
    name = os.path.splitext(script)[0]
    data = ["--data", name + ".json"] if os.path.exists(name + ".json") else []
    r = subprocess.run([CONVENTIO, "render", script, *data, "--format", "odt,docx", "-o", out_stem + ".odt"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError(f"render {script} failed: {r.stderr}")
    return out_stem + ".odt", out_stem + ".docx"


def normalise(text):
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\f", " ")
    return " ".join(text.split())


class Outputs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="conventio-out-")
        cls.files, cls.layout_cases = {}, {}
        for scripts, files in ((SAMPLES, cls.files), (LAYOUT_CASES, cls.layout_cases)):
            for script in scripts:
                name = os.path.basename(script)[:-4]
                files[name] = render(script, os.path.join(cls.dir, name))
        # One LibreOffice call converts everything to PDF (starting it costs seconds).
        pdf_dir = os.path.join(cls.dir, "pdf")
        os.makedirs(pdf_dir)
        for name, (odt, docx) in {**cls.files, **cls.layout_cases}.items():
            shutil.copy(odt, os.path.join(pdf_dir, name + "-odt.odt"))
            shutil.copy(docx, os.path.join(pdf_dir, name + "-docx.docx"))
        inputs = sorted(glob.glob(os.path.join(pdf_dir, "*-*.*")))
        subprocess.run(["soffice", f"-env:UserInstallation=file://{cls.dir}/lo-profile", "--headless",
                        "--norestore", "--convert-to", "pdf", "--outdir", pdf_dir, *inputs],
                       capture_output=True, text=True, timeout=600)
        cls.pdf_dir = pdf_dir

    def test_every_documented_sample_is_checked(self):
        # The checks below loop over the samples found; this one makes sure they are the ones
        # samples/README.md documents, so a wrong path or a lost sample cannot pass unseen.
        with open(os.path.join(REPO, "samples", "README.md"), encoding="utf-8") as f:
            documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", f.read(), re.M))
        self.assertGreaterEqual(len(documented), 5)
        self.assertEqual(set(self.files), documented)

    def test_validate_office_battery_passes(self):
        env = dict(os.environ, VALIDATE_OFFICE_SCHEMAS=os.path.join(TESTS, "schemas"), VALIDATE_LIBREOFFICE="1")
        files = [f for pair in self.files.values() for f in pair]
        r = subprocess.run([os.path.join(TESTS, "tools", "validate-office"), *files],
                           capture_output=True, text=True, env=env, timeout=1200)
        failures = [line for line in r.stdout.splitlines() if line.startswith("FAIL")]
        self.assertEqual(failures, [], r.stdout + r.stderr)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        for check in ["rng", "xsd", "refs", "pandoc", "libreoffice", "python-docx", "odfpy", "manifest", "opc"]:
            self.assertRegex(r.stdout, rf"PASS .* {check}:", f"validate-office ran no {check} check")

    def pdf(self, name, kind):
        path = os.path.join(self.pdf_dir, f"{name}-{kind}.pdf")
        self.assertTrue(os.path.exists(path), f"LibreOffice did not convert {name}.{kind}")
        return path

    def lines(self, pdf):
        """Every line LibreOffice laid out: (page, top, left, text), positions in points."""
        html = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True).stdout
        out = []
        for page, body in enumerate(re.findall(r"<page .*?</page>", html, re.S), 1):
            for m in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*?)</line>', body, re.S):
                words = " ".join(re.findall(r">([^<]*)</word>", m.group(3)))
                out.append((page, float(m.group(2)), float(m.group(1)), words))
        return out

    def test_odt_and_docx_have_the_same_pages_and_text(self):
        self.assertIn("many-signatories", self.layout_cases)
        for name in {**self.files, **self.layout_cases}:
            with self.subTest(sample=name):
                pages, texts = {}, {}
                for kind in ("odt", "docx"):
                    info = subprocess.run(["pdfinfo", self.pdf(name, kind)], capture_output=True, text=True).stdout
                    pages[kind] = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
                    texts[kind] = normalise(subprocess.run(["pdftotext", "-layout", self.pdf(name, kind), "-"],
                                                           capture_output=True, text=True).stdout)
                self.assertEqual(pages["odt"], pages["docx"])
                self.assertEqual(texts["odt"].split(), texts["docx"].split())

    def test_odt_and_docx_are_laid_out_line_for_line_alike(self):
        # Stronger than the page count: every line on the same page, at the same place
        # (within half a point), so a page break can never fall differently.
        for name in {**self.files, **self.layout_cases}:
            with self.subTest(sample=name):
                odt, docx = self.lines(self.pdf(name, "odt")), self.lines(self.pdf(name, "docx"))
                self.assertEqual(len(odt), len(docx))
                for a, b in zip(odt, docx):
                    self.assertEqual((a[0], a[3]), (b[0], b[3]))
                    self.assertAlmostEqual(a[1], b[1], delta=0.5, msg=f"line {a[3]!r} on page {a[0]}")
                    self.assertAlmostEqual(a[2], b[2], delta=0.5, msg=f"line {a[3]!r} on page {a[0]}")

    def test_no_page_is_blank(self):
        for name in {**self.files, **self.layout_cases}:
            for kind in ("odt", "docx"):
                with self.subTest(sample=name, format=kind):
                    lines = self.lines(self.pdf(name, kind))
                    pages = max(page for page, *_ in lines)
                    self.assertEqual(sorted({page for page, *_ in lines}), list(range(1, pages + 1)))

    def test_a_long_signature_block_breaks_between_its_rows(self):
        # Nine signatories after a text ending two thirds down its page: the end of the text,
        # « Fait à » and the first signatories share that page, the rest follow on the next
        # (kept whole, the block moved to a page of its own and left that one half blank).
        for kind in ("odt", "docx"):
            with self.subTest(format=kind):
                lines = self.lines(self.pdf("many-signatories", kind))
                page_of = {}
                for page, _, _, text in lines:
                    for key in ("fin 12.", "Fait à Paris", "Signataire 1", "Signataire 2", "Signataire 9"):
                        if key in text:
                            page_of[key] = page
                self.assertEqual(page_of["fin 12."], page_of["Fait à Paris"])
                self.assertEqual(page_of["Fait à Paris"], page_of["Signataire 1"])
                self.assertEqual(page_of["Signataire 1"], page_of["Signataire 2"])
                self.assertEqual(page_of["Signataire 9"], page_of["Signataire 1"] + 1)

    def test_ordinals_are_raised_and_nothing_else(self):
        # layout/ordinals.lua: ordinals in digits, second's « 2d » forms and roman numerals are
        # raised (after an elided word's apostrophe, inside quotation marks, in a list « XIXe,XXe »
        # too), words and identifiers that look like them are not, file names included (read by
        # pandoc, in both formats: « XIX^(e) » is its superscript).
        raised = ["1^(er)", "1^(re)", "2^(e)", "3^(es)", "2^(de)", "2^(nd)", "2^(nde)", "2^(d)", "XIX^(e)", "XXI^(e)",
                  "V^(e)", "I^(er)", "I^(re)", "II^(e)", "XVII^(e)", "XVIII^(e)", "II^(e)", "I^(er)", "III^(e)",
                  "XIX^(e)", "XX^(e)"]
        for kind, path in zip(("odt", "docx"), self.layout_cases["ordinals"]):
            with self.subTest(format=kind):
                r = subprocess.run(["pandoc", "-t", "plain", "--wrap=none", path], capture_output=True, text=True)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(re.findall(r"\w+\^\(\w+\)", r.stdout), raised)
                self.assertIn("Le Ce Les Ces De Me Mme CIE LIEUE VIE XIE Cie, lot A-IIe, IIe.pdf, lot A-2e, 3e-2, 3d, "
                              "2e.pdf, 2nde.pdf, lot A\u2011IIe,", r.stdout)

    def test_rendering_is_reproducible(self):
        for script in SAMPLES:
            name = os.path.basename(script)[:-4]
            with self.subTest(sample=name):
                again = render(script, os.path.join(self.dir, name + "-again"))
                for first, second in zip(self.files[name], again):
                    with open(first, "rb") as a, open(second, "rb") as b:
                        self.assertEqual(a.read(), b.read(), f"{second} differs from {first}")

    def test_odt_package_layout(self):
        for name, (odt, _) in self.files.items():
            with zipfile.ZipFile(odt) as z:
                first = z.infolist()[0]
                self.assertEqual(first.filename, "mimetype")
                self.assertEqual(first.compress_type, zipfile.ZIP_STORED)
                self.assertEqual(first.extra, b"")
                self.assertEqual(z.read("mimetype"), b"application/vnd.oasis.opendocument.text")
                self.assertEqual({i.date_time for i in z.infolist()}, {(1980, 1, 1, 0, 0, 0)})

    def pandoc(self, path):
        kind = path.rsplit(".", 1)[1]
        return subprocess.run(["pandoc", "-f", kind, "-t", "plain", "--wrap=none", path],
                              capture_output=True, text=True, check=True).stdout

    def test_kitchen_sink_text_through_pandoc(self):
        odt, docx = self.files["kitchen-sink"]
        for path in (odt, docx):
            with self.subTest(path=os.path.basename(path)):
                text = normalise(self.pandoc(path))
                for expected in [
                    "Convention de partenariat",
                    "Caractères spéciaux écrits tels quels : & < > \" ' {{x}} *Test* <b>",
                    "Le montant fixé à l’article 2.1 est versé selon le calendrier de l’article 2.2.",
                    "nomme un ou une agent public au rôle d’intrapreneur ;",
                    "publier les codes sources",
                    "800 000 € à la signature",
                    "489 787,12 €",
                    "Voir le guide de l’ANSSI.",
                    "https://franceconnect.gouv.fr/partenaires/",
                    "Une ligne fusionnée sur trois colonnes.",
                    "Deuxième paragraphe de la cellule.",
                    "Pour la DINUM",
                    "Devops",
                ]:
                    self.assertIn(expected, text)

    def test_kitchen_sink_structure_through_python_docx(self):
        import docx  # Debian's python3-docx
        d = docx.Document(self.files["kitchen-sink"][1])
        self.assertGreaterEqual(len(d.tables), 3)  # amounts, GDPR matrix, signatures
        styles = {p.style.name for p in d.paragraphs}
        for style in ["Agreement title", "Article", "Sub-article", "Annex heading", "List"]:
            self.assertIn(style, styles)
        self.assertEqual(d.core_properties.title, "Convention de partenariat")
        self.assertEqual(d.core_properties.language, "fr-FR")
        gdpr = next(t for t in d.tables if t.rows[0].cells[1].text == "DINUM")
        self.assertEqual(gdpr.rows[0].cells[2].text, "Cerema")
        merged = gdpr.rows[len(gdpr.rows) - 2]
        self.assertEqual(len({id(c._tc) for c in merged.cells}), 1)  # one cell spanning three columns

    def test_kitchen_sink_structure_through_odfpy(self):
        from odf.opendocument import load
        from odf import text as T, table
        d = load(self.files["kitchen-sink"][0])
        self.assertEqual(len(d.getElementsByType(T.Note)), 2)
        self.assertEqual(len(d.getElementsByType(T.BookmarkRef)), 3)
        self.assertGreaterEqual(len(d.getElementsByType(table.Table)), 3)
        # Three beside the tables' merged cells, one beside « Fait à … le », which spans the
        # signature block's first row (layout::signature_lead).
        self.assertEqual(len(d.getElementsByType(table.CoveredTableCell)), 4)
        lead = d.getElementsByType(table.TableCell)
        self.assertTrue(any(c.getAttribute("numbercolumnsspanned") == "2" and
                            str(c).startswith("Fait à Paris, le") for c in lead))


if __name__ == "__main__":
    unittest.main(verbosity=2)
