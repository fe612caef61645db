"""Every avenant sample's consolidated version, in both formats, read by the tracked-changes
reader nobody here wrote (tests/tools/tracked-changes, vendored): accepting every change gives
the text of the amended agreement rendered on its own (`--clean`), rejecting every change gives
the text of the agreement as it stood (the sample it amends, or the previous avenant's clean
version), pandoc and LibreOffice read the marks the same way (`--compare`), and the markup has
no structural problem (`--strict`); and each is valid against the ODF 1.3 and OOXML schemas."""
import glob
import json
import os
import subprocess
import tempfile
import unittest

CONVENTIO = os.environ["CONVENTIO"]
REPO = os.environ["CONVENTIO_REPO"]
TESTS = os.environ["CONVENTIO_TESTS"]
READER = os.path.join(TESTS, "tools", "tracked-changes")
SAMPLES = os.path.join(REPO, "samples")


def change_sets():
    """The avenant samples (their JSON names a base or follows another), first avenants first."""
    out = []
    for path in sorted(glob.glob(os.path.join(SAMPLES, "*.json"))):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if "base" in data or "follows" in data:
            out.append((data.get("number", 0), os.path.basename(path)[:-5], data))
    return sorted(out, key=lambda x: x[0])


def run(*args):
    return subprocess.run(list(args), capture_output=True, text=True)


class Consolidated(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="conventio-consolidated-")
        cls.env = dict(os.environ, TRACKED_CHANGES_LO_PROFILE=os.path.join(cls.dir, "lo-profile"))
        cls.sets = change_sets()

    def reader(self, path, *mode):
        r = subprocess.run(["/usr/bin/python3", READER, path, *mode], capture_output=True, text=True, env=self.env)
        return r

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
                    r = run(CONVENTIO, "amend", os.path.join(SAMPLES, name + ".json"), "-o", f"{out}.{kind}",
                            "--consolidated", consolidated, "--clean", clean)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    # The agreement as it stood: the sample it amends, or the previous clean version.
                    if "base" in data:
                        base = os.path.join(self.dir, f"{name}-base.{kind}")
                        script = os.path.join(SAMPLES, data["base"]["script"])
                        r = run(CONVENTIO, "render", script, "--data", os.path.join(SAMPLES, data["base"]["data"]),
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

    def test_consolidated_versions_are_valid_odf_and_ooxml(self):
        files = []
        for _, name, _ in self.sets:
            for kind in ("odt", "docx"):
                out = os.path.join(self.dir, f"valid-{name}")
                r = run(CONVENTIO, "amend", os.path.join(SAMPLES, name + ".json"), "-o", f"{out}.{kind}",
                        "--consolidated", f"{out}-consolidated.{kind}")
                self.assertEqual(r.returncode, 0, r.stderr)
                files.append(f"{out}-consolidated.{kind}")
        env = dict(os.environ, VALIDATE_OFFICE_SCHEMAS=os.path.join(TESTS, "schemas"))
        r = subprocess.run([os.path.join(TESTS, "tools", "validate-office"), *files], capture_output=True, text=True,
                           env=env)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_pandoc_and_libreoffice_read_the_marks_alike(self):
        for _, name, _ in self.sets:
            for kind in ("odt", "docx"):
                with self.subTest(avenant=name, format=kind):
                    out = os.path.join(self.dir, f"compare-{name}")
                    consolidated = f"{out}-consolidated.{kind}"
                    r = run(CONVENTIO, "amend", os.path.join(SAMPLES, name + ".json"), "-o", f"{out}.{kind}",
                            "--consolidated", consolidated)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    compare = self.reader(consolidated, "--compare")
                    self.assertEqual(compare.returncode, 0, compare.stdout + compare.stderr)
                    print(f"compare {name}.{kind}: " + " / ".join(
                        line.split(" direct")[0] for line in compare.stdout.splitlines()
                        if line.startswith(("PASS", "FAIL"))))


if __name__ == "__main__":
    unittest.main(verbosity=2)
