"""The shipped library and templates are loaded in the form compiled at build time only while
their bytes are the shipped ones: a drafter's edited template and a power user's edited library
module (here under CONVENTIO_HOME, as in an installed share/conventio) take effect at once,
and the unedited copy renders exactly what the checkout renders."""
import scratch  # noqa: F401 -- temporary folders under one, removed when the script ends
import os
import shutil
import subprocess
import tempfile
import unittest
import zipfile

CONVENTIO = os.environ["CONVENTIO"]
REPO = os.environ["CONVENTIO_REPO"]
SAMPLE = os.path.join(REPO, "samples", "cerema-urbanvitaliz-2023")


def render(out, home=None):
    env = dict(os.environ)
    env.pop("CONVENTIO_HOME", None)
    if home:
        env["CONVENTIO_HOME"] = home
    return subprocess.run([CONVENTIO, "render", SAMPLE + ".lua", "--data", SAMPLE + ".json", "-o", out],
                          capture_output=True, text=True, env=env)


def body(docx):
    with zipfile.ZipFile(docx) as z:
        return z.read("word/document.xml").decode("utf-8")


class ShippedForms(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="conventio-shipped-")
        self.home = os.path.join(self.dir, "home")
        for part in ("scripts", "templates"):
            shutil.copytree(os.path.join(REPO, part), os.path.join(self.home, part))

    def tearDown(self):
        shutil.rmtree(self.dir)

    def edit(self, relative, old, new):
        path = os.path.join(self.home, relative)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))

    def test_an_unedited_copy_renders_what_the_checkout_renders(self):
        mine, theirs = os.path.join(self.dir, "home.docx"), os.path.join(self.dir, "repo.docx")
        r = render(mine, self.home)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = render(theirs)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(mine, "rb") as a, open(theirs, "rb") as b:
            self.assertEqual(a.read(), b.read())

    def test_an_edited_template_takes_effect(self):
        template = "templates/beta_gouv/engagements/comites_investissement.md"
        self.edit(template, "organisé tous les six mois", "organisé RÉDIGÉ ICI")
        out = os.path.join(self.dir, "edited.docx")
        r = render(out, self.home)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue("organisé RÉDIGÉ ICI" in body(out), "the edited wording is in the document")
        # An error in the edited template is the edited file's, at its line and column.
        self.edit(template, "**comité d'investissement**", "**comité d'investissement** {{ }}")
        r = render(out, self.home)
        self.assertEqual(r.returncode, 1)
        with open(os.path.join(REPO, template), encoding="utf-8") as f:
            line = next(i for i, l in enumerate(f, 1) if "**comité d'investissement**" in l)
        self.assertIn("engagements/comites_investissement.md:%d:" % line, r.stderr)

    def test_an_edited_library_module_takes_effect(self):
        # Valid bytecode of the shipped module exists; the edited text must be what is loaded.
        path = os.path.join(self.home, "scripts", "conventio", "agreement.lua")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        line = text[:text.index('local c = require "conventio"\n')].count("\n") + 2  # the line inserted
        self.edit("scripts/conventio/agreement.lua", 'local c = require "conventio"\n',
                  'local c = require "conventio"\nlocal broken = = 1\n')
        r = render(os.path.join(self.dir, "edited.docx"), self.home)
        self.assertEqual(r.returncode, 1)
        # Lua shortens a long path inside its own message; the full one leads the line.
        self.assertIn(os.path.join(self.home, "scripts", "conventio", "agreement.lua") + ": ", r.stderr)
        self.assertIn("agreement.lua:%d: unexpected symbol near '='" % line, r.stderr)


if __name__ == "__main__":
    unittest.main()
