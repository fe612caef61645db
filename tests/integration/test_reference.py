"""docs/reference.md cannot drift from the library: its data-field tables are what
docs/reference_fields.py generates from the field lists the library checks data against, every
public function of scripts/conventio has an entry with a Lua example, and every public function
carries a doc comment for lua-language-server."""
import scratch  # noqa: F401 -- temporary folders under one, removed when the script ends
import glob
import importlib.util
import os
import re
import unittest

REPO = os.environ["CONVENTIO_REPO"]
LIB = os.path.join(REPO, "scripts", "conventio")

# How the reference names a file's functions: M.x of finance/tranches.lua is tranches.x.
PREFIX = {"agreement.lua": {"M": "Agreement.", "Agreement": "Agreement:"},
          "party.lua": {"M": "Party.", "Party": "Party:"},
          "quantities.lua": {"M": "quantities.", "Percent": "Percent:"},
          "finance/common.lua": {"M": "common."},
          "data.lua": {"M": "data.", "Problems": "found:"},
          "avenant.lua": {"M": "Avenant.", "Avenant": "Avenant:"}}
FUNCTION = re.compile(r"^function ([A-Za-z_]+)([.:])([a-z_]+)\(", re.M)


def public_functions():
    """(file, name as the reference writes it) for every function a user can call."""
    for path in sorted(glob.glob(os.path.join(LIB, "**", "*.lua"), recursive=True)):
        rel = os.path.relpath(path, LIB)
        module = os.path.splitext(os.path.basename(rel))[0]
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for owner, _, name in FUNCTION.findall(text):
            if owner == "builders":  # closing builders are documented as closing.NAME
                owner, prefix = "M", "closing."
            else:
                prefix = PREFIX.get(rel, {}).get(owner, module + ".")
            yield rel, prefix + name


class Reference(unittest.TestCase):
    def setUp(self):
        with open(os.path.join(REPO, "docs", "reference.md"), encoding="utf-8") as f:
            self.reference = f.read()

    def test_field_tables_are_generated_from_the_code(self):
        spec = importlib.util.spec_from_file_location("reference_fields", os.path.join(REPO, "docs", "reference_fields.py"))
        fields = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(fields)
        self.assertEqual(fields.main(), 0, "docs/reference.md's field tables differ from the code")

    def test_every_function_has_an_entry_with_an_example(self):
        entries = {}
        for m in re.finditer(r"^### `([A-Za-z_.:]+)\(.*?`\n(.*?)(?=^##)", self.reference + "\n##", re.S | re.M):
            entries[m.group(1)] = m.group(2)
        missing, without_example = [], []
        for rel, name in public_functions():
            if name not in entries:
                missing.append(f"{name} ({rel})")
            elif "```lua\n" not in entries[name]:
                without_example.append(name)
        self.assertEqual(missing, [], "functions without an entry in docs/reference.md")
        self.assertEqual(without_example, [], "entries without a Lua example")
        known = {name for _, name in public_functions()}
        stale = sorted(set(entries) - known)
        self.assertEqual(stale, [], "entries for functions the library no longer has")

    def test_every_function_is_annotated_for_the_language_server(self):
        signature = re.compile(r"^function [A-Za-z_]+[.:][a-z_]+\((.*?)\)")
        undocumented = []
        for path in glob.glob(os.path.join(LIB, "**", "*.lua"), recursive=True):
            with open(path, encoding="utf-8") as f:
                lines = f.read().split("\n")
            for i, line in enumerate(lines):
                m = signature.match(line)
                if not m:
                    continue
                doc, j = [], i - 1
                while j >= 0 and lines[j].startswith("---"):
                    doc.append(lines[j])
                    j -= 1
                params = [p.strip() for p in m.group(1).split(",") if p.strip() not in ("", "...")]
                described = any(not d.startswith("---@") for d in doc)
                annotated = all(any(d.startswith(f"---@param {p} ") for d in doc) for p in params)
                if not (described and annotated):
                    undocumented.append(f"{os.path.relpath(path, REPO)}:{i + 1}: {line}")
        self.assertEqual(undocumented, [], "functions without a description and a ---@param per parameter")


if __name__ == "__main__":
    unittest.main(verbosity=2)
