#!/usr/bin/python3
"""The data-field tables of docs/reference.md, generated from the library's own field lists
(the Lua tables that strict checking uses), so that the reference cannot drift from the code.

    docs/reference_fields.py            # prints what differs (exit 1 when something does)
    docs/reference_fields.py --write    # rewrites the tables in docs/reference.md

A table sits between `<!-- fields: NAME -->` and `<!-- end fields -->`; NAME says which Lua
table it comes from (see SOURCES). tests/integration/test_reference.py runs the check."""
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = os.path.join(REPO, "docs", "reference.md")
LIB = os.path.join(REPO, "scripts", "conventio")

# table name in the reference -> (Lua file, the Lua table holding the fields, nested key or None)
SOURCES = {
    "data": ("agreement.lua", "M.data_fields", None),
    "agreement-options": ("agreement.lua", "M.options", None),
    "party": ("party.lua", "M.fields", None),
    "representative": ("party.lua", "M.representative_fields", None),
    "duration": ("quantities.lua", "M.duration_fields", None),
    "single_payment": ("finance/single_payment.lua", "M.fields", None),
    "tranches": ("finance/tranches.lua", "M.fields", None),
    "tranche": ("finance/tranches.lua", "M.tranche_fields", None),
    "carried_over": ("finance/carried_over.lua", "M.fields", None),
    "strata": ("finance/strata.lua", "M.fields", None),
    "delegation": ("finance/delegation.lua", "M.fields", None),
    "change-set": ("avenant/change_set.lua", "M.fields", None),
    "change-set-edit": ("avenant/change_set.lua", "M.edit_fields", None),
}
for builder in ("modification", "duree", "resiliation", "dispositions_generales", "donnees_personnelles",
                "litiges", "publication"):
    SOURCES["closing-" + builder] = ("closing.lua", "M.fields", builder)

ENTRY = re.compile(r'^(\s+)([a-z_]+) = "((?:[^"\\]|\\.)*)",?\s*$')


def lua_fields(path, table, nested):
    """The (name, description) pairs of a Lua table literal `table = { name = "...", ... }`."""
    with open(os.path.join(LIB, path), encoding="utf-8") as f:
        lines = f.read().split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(table + " = {"))
    depth, out, inside = 0, [], nested is None
    for line in lines[start:]:
        if nested is not None and re.match(rf"^  {nested} = {{", line):
            inside = True
        elif inside and nested is not None and re.match(r"^  \}", line):
            inside = False
        m = ENTRY.match(line)
        indent = 2 if nested is None else 4
        if m and inside and len(m.group(1)) == indent:
            out.append((m.group(2), m.group(3).replace('\\"', '"')))
        elif inside and re.match(rf"^ {{{indent}}}[a-z_]+ = [^{{]", line):
            raise ValueError(f"{path}: {line.strip()!r}: a field's description must be one string literal")
        depth += line.count("{") - line.count("}")
        if depth <= 0 and line.startswith("}"):
            break
    if nested is not None:  # every closing builder also takes key and title
        out += [("key", "the article's key (default: the builder's name)"),
                ("title", "the article's heading (default from templates/commun/intitules.md)")]
    return out


def table(name):
    path, lua_table, nested = SOURCES[name]
    rows = ["| field | what it is |", "|---|---|"]
    for field, text in lua_fields(path, lua_table, nested):
        escaped = text.replace("|", "\\|")
        rows.append(f"| `{field}` | {escaped} |")
    return "\n".join(rows)


BLOCK = re.compile(r"(<!-- fields: ([a-z_-]+) -->\n)(.*?)(<!-- end fields -->)", re.S)


def generated(text):
    return BLOCK.sub(lambda m: m.group(1) + table(m.group(2)) + "\n" + m.group(4), text)


def main():
    with open(REFERENCE, encoding="utf-8") as f:
        text = f.read()
    names = {m.group(2) for m in BLOCK.finditer(text)}
    missing = sorted(set(SOURCES) - names)
    new = generated(text)
    if "--write" in sys.argv:
        with open(REFERENCE, "w", encoding="utf-8") as f:
            f.write(new)
    elif new != text or missing:
        print("docs/reference.md is out of date: run docs/reference_fields.py --write"
              + (f"; tables missing: {', '.join(missing)}" if missing else ""))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
