"""The drafter's workflow: check (clean samples, every mistake of the seeds reported), new,
messages in French and English, the French catalog complete, PDF without LibreOffice, and an
installed copy rendering from another folder."""
import scratch  # noqa: F401 -- temporary folders under one, removed when the script ends
import glob
import json
import re
import os
import shutil
import subprocess
import tempfile
import unittest
import zipfile

CONVENTIO = os.environ["CONVENTIO"]
REPO = os.environ["CONVENTIO_REPO"]
SAMPLES = os.path.join(REPO, "samples")


def run(*args, cwd=None, env=None):
    e = dict(os.environ, LANG="C.UTF-8", LANGUAGE="")
    e.pop("CONVENTIO_HOME", None)
    e.update(env or {})
    return subprocess.run([CONVENTIO, *args], capture_output=True, text=True, cwd=cwd, env=e)


def scratch_folder(test, files, prefix="conventio-check-"):
    """A temporary folder (removed after `test`) holding FILES, {relative path: text}: its path."""
    d = tempfile.mkdtemp(prefix=prefix)
    test.addCleanup(shutil.rmtree, d)
    for name, text in files.items():
        path = os.path.join(d, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return d


def changed_sample(test, name, change, indent=None):
    """A copy of sample NAME in a temporary folder (removed after `test`), its data changed by
    change(data): the paths of the copied script and of the changed data file."""
    d = tempfile.mkdtemp(prefix="conventio-check-")
    test.addCleanup(shutil.rmtree, d)
    shutil.copy(os.path.join(SAMPLES, name + ".lua"), d)
    with open(os.path.join(SAMPLES, name + ".json"), encoding="utf-8") as f:
        data = json.load(f)
    change(data)
    path = os.path.join(d, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=indent)
    return os.path.join(d, name + ".lua"), path


class Check(unittest.TestCase):
    def test_a_template_is_named_from_the_working_folder(self):
        """A template's messages name it relative to the working folder when it is inside it
        (each template folder is resolved once), absolutely when it is not, and by where it
        really is when the file or its folder is a symbolic link."""
        broken = "---\nkey: x\n---\nSi {% if %}oui{% end %}\n"
        d = scratch_folder(self, {
            "tpl/sub/broken.md": broken,
            "tpl/top.md": broken,
            "elsewhere/real.md": broken,
            "elsewhere/other.md": broken,
        }, prefix="conventio-names-")
        os.symlink(os.path.join(d, "elsewhere", "real.md"), os.path.join(d, "tpl", "linked.md"))
        os.symlink(os.path.join(d, "elsewhere"), os.path.join(d, "tpl", "folder"))
        real = os.path.realpath(d)
        tpl = os.path.join(d, "tpl")
        cases = [  # working folder, template, how the message names it
            (d, "sub/broken", "tpl/sub/broken.md"),
            (d, "top", "tpl/top.md"),
            (tpl, "sub/broken", "sub/broken.md"),
            (os.path.join(tpl, "sub"), "sub/broken", "broken.md"),
            (tpl, "top", "top.md"),
            (d, "linked", "elsewhere/real.md"),
            (d, "folder/other", "elsewhere/other.md"),
            (os.path.join(d, "elsewhere"), "sub/broken", os.path.join(tpl, "sub", "broken.md")),
        ]
        for cwd, name, shown in cases:
            with self.subTest(cwd=os.path.relpath(cwd, d), template=name):
                script = os.path.join(d, "t.lua")
                with open(script, "w", encoding="utf-8") as f:
                    f.write('conventio.template("%s")\n' % name)
                r = run("check", script, "--templates", tpl, cwd=cwd)
                self.assertNotEqual(r.returncode, 0)
                if real != d and shown.startswith(d):
                    shown = real + shown[len(d):]
                self.assertRegex(r.stdout + r.stderr,
                                 r"(^|[\s:'\"])" + re.escape(shown) + r":4:4: '\{% if %\}' needs a condition")

    def test_every_sample_is_clean(self):
        for script in sorted(glob.glob(os.path.join(SAMPLES, "*.lua"))):
            data = script[:-4] + ".json"
            with self.subTest(script=os.path.basename(script)):
                r = run("check", script, *(["--data", data] if os.path.exists(data) else []))
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                # kitchen-sink leaves one table cell empty on purpose: a warning, not an error;
                # built with conventio.Document, it has no model to compare with: a note.
                for line in r.stdout.splitlines():
                    self.assertRegex(line, "warning:|note: the text was not compared with a model")

    def broken(self, change):
        script, path = changed_sample(self, "cerema-urbanvitaliz-2023", change)
        r = run("check", script, "--data", path, "--format", "json")
        return r, json.loads(r.stdout)

    def messages(self, diagnostics, severity):
        return [x["message"] for x in diagnostics if x["severity"] == severity]

    def test_placeholders_in_the_data_all_at_once(self):
        def change(data):
            data["parties"]["partner"]["address"] = "[à compléter]"
            data["subject"] = "XXX"
            data["visa_number"] = "…"
        r, diagnostics = self.broken(change)
        self.assertEqual(r.returncode, 1)
        fields = {x["field"] for x in diagnostics if x["severity"] == "error"}
        self.assertTrue({"parties.partner.address", "subject", "visa_number"} <= fields, diagnostics)

    def test_every_party_and_top_level_problem_at_once(self):
        def change(data):
            data["titel"] = "Convention"
            data["parties"]["partner"]["siret"] = "13002603200017"
            data["parties"]["dinum"]["short_nam"] = "DINUM"
        r, diagnostics = self.broken(change)
        self.assertEqual(r.returncode, 1)
        errors = [x for x in diagnostics if x["severity"] == "error"]
        self.assertEqual([x["field"] for x in errors], ["titel", "parties.partner.siret", "parties.dinum.short_nam"],
                         diagnostics)
        self.assertIn("unknown field titel (did you mean title?)", errors[0]["message"])
        self.assertIn("invalid SIRET 13002603200017", errors[1]["message"])
        self.assertTrue(all(x["file"].endswith("cerema-urbanvitaliz-2023.json") for x in errors))

    def test_an_end_before_the_agreement_date(self):
        def change(data):
            data["date"] = "2023-01-31"
            for entry in data["closing"]:
                if entry.get("article") == "duree":
                    entry["duration"] = {"end_date": "2022-06-30"}
        r, diagnostics = self.broken(change)
        self.assertEqual(r.returncode, 1)
        self.assertEqual([x["field"] for x in diagnostics if x["severity"] == "error"],
                         ["closing[2].duration.end_date"], diagnostics)
        self.assertIn("is before the agreement's date (2023-01-31)", diagnostics[-1]["message"])

    def test_every_closing_problem_at_once(self):
        def change(data):
            for entry in data["closing"]:
                if entry.get("article") == "duree":
                    entry["duration"] = {"months": 0}
                if entry.get("article") == "publication":
                    entry["publisher"] = "partenaire"
            data["closing"].append({"article": "litige"})
        r, diagnostics = self.broken(change)
        self.assertEqual(r.returncode, 1)
        errors = [x for x in diagnostics if x["severity"] == "error"]
        self.assertEqual([x["field"] for x in errors],
                         ["closing[2].duration.months", "closing[3].publisher", "closing[4].article"], diagnostics)
        self.assertIn("must be a whole number of at least 1, got 0", errors[0]["message"])
        self.assertIn("(did you mean litiges?)", errors[2]["message"])
        self.assertTrue(all(x["file"].endswith("cerema-urbanvitaliz-2023.json") for x in errors))

    def broken_tranches(self):
        """anct-incubateur-2020 (parties, tranches, closing) with mistakes in each stage."""
        def change(data):
            data["parties"]["partner"]["siret"] = "13002603200017"
            data["parties"]["dinum"]["short_nam"] = "DINUM"
            finance = data["finance"]
            finance["amout"] = finance.pop("amount")
            finance["tranches"][1]["amount"] = "abc"
            del finance["tranches"][2]["threshold"]
            finance["payment_account"]["key"] = "41"
            for entry in data["closing"]:
                if entry.get("article") == "litiges":
                    entry["cour"] = "Melun"
            data["closing"].append({"article": "publicaton"})
        script, path = changed_sample(self, "anct-incubateur-2020", change, indent=2)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        return os.path.dirname(path), script, path, lines

    # Every problem of every stage, in the order the library meets them.
    expected_fields = ["parties.partner.siret", "parties.dinum.short_nam", "finance.amout", "finance.amount",
                       "finance.tranches[2].amount", "finance.tranches[3].threshold",
                       "finance.payment_account", "closing[3].cour", "closing[5].article"]

    def test_every_problem_of_parties_finance_and_closing_at_once(self):
        d, script, data, lines = self.broken_tranches()
        r = run("check", script, "--data", data, "--format", "json")
        self.assertEqual(r.returncode, 1, r.stderr)
        errors = [x for x in json.loads(r.stdout) if x["severity"] == "error"]
        self.assertEqual([x["field"] for x in errors], self.expected_fields, errors)
        self.assertTrue(all(x["file"] == data for x in errors), errors)
        messages = [x["message"] for x in errors]
        self.assertIn("invalid SIRET 13002603200017", messages[0])
        self.assertIn("(did you mean short_name?)", messages[1])
        self.assertIn("unknown field finance.amout (did you mean amount?)", messages[2])
        self.assertIn("finance.amount is required", messages[3])
        self.assertIn('invalid amount "abc"', messages[4])
        self.assertIn("finance.tranches[3].threshold is required", messages[5])
        self.assertIn("invalid RIB 30001 00064 00000092441 41", messages[6])
        self.assertIn("(did you mean court?)", messages[7])
        self.assertIn("(did you mean publication?)", messages[8])
        # A field that holds text is shown at its place in the data file; a missing one has none,
        # unless it belongs to an element of a list: then the element's line, which tells which.
        for x in errors:
            with self.subTest(field=x["field"]):
                if x["field"] == "finance.amount":
                    self.assertIsNone(x["line"])
                    continue
                if x["field"] == "finance.tranches[3].threshold":
                    self.assertIsNone(x["column"])
                    # Its only value: tranche 2's amount is "abc", so the last "400000" is tranche 3's.
                    third = [i for i, l in enumerate(lines, 1) if '"amount": "400000"' in l][-1]
                    self.assertEqual(x["line"], third, x)
                    continue
                self.assertIsNotNone(x["line"], x)
                key = x["field"].split(".")[-1]
                line = lines[x["line"] - 1]
                if x["column"] is None:  # an object: the line of its first value
                    self.assertIn('"', line)
                    continue
                self.assertEqual(line[x["column"] - 1 - len(key) - 4:x["column"] - 1], '"%s": ' % key, line)

    def test_every_problem_at_once_in_text_in_both_languages_and_from_render(self):
        d, script, data, _ = self.broken_tranches()
        english = run("check", script, "--data", data)
        french = run("check", script, "--data", data, env={"LANG": "fr_FR.UTF-8"})
        self.assertEqual(english.returncode, 1)
        self.assertEqual(french.returncode, 1)
        self.assertEqual(len(english.stdout.splitlines()), len(self.expected_fields), english.stdout)
        self.assertEqual(len(french.stdout.splitlines()), len(self.expected_fields), french.stdout)
        for text in ("unknown field finance.amout (did you mean amount?)", "finance.amount is required",
                     'invalid amount "abc" (field finance.tranches[2].amount): not a number',
                     "unknown field closing[3].cour (did you mean court?)"):
            self.assertIn(text, english.stdout)
        for text in ("champ inconnu finance.amout (vouliez-vous dire amount ?)", "finance.amount est obligatoire",
                     "montant « abc » invalide (champ finance.tranches[2].amount) : ce n'est pas un nombre",
                     "champ inconnu closing[3].cour (vouliez-vous dire court ?)"):
            self.assertIn(text, french.stdout)
        self.assertTrue(all(line.startswith(data + ":") for line in english.stdout.splitlines()), english.stdout)
        # render refuses with the same list, and writes nothing.
        out = os.path.join(d, "x.odt")
        r = run("render", script, "--data", data, "-o", out)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, "".join("conventio: " + line + "\n" for line in english.stdout.splitlines()))
        self.assertFalse(os.path.exists(out))

    def test_every_finance_problem_of_each_variant_at_once(self):
        cases = {
            "meae-delegation-2022": (
                lambda f: (f["ceilings"][0].update(ae="x"), f["ceilings"][1].update(year="2023"),
                           f["chorus"].update(cost_centre="AE-1"), f.update(budget_unit="0105")),
                ["finance.ceilings[1].ae", "finance.ceilings[2].year", "finance.budget_unit",
                 "finance.chorus.cost_centre"]),
            "anct-incubateur-2022": (
                lambda f: (f["carry_over"].update(ae="-1", to_year=2030), f["recycling"].pop("market"),
                           f.update(stated_totl="1")),
                ["finance.stated_totl", "finance.carry_over.to_year", "finance.carry_over.ae",
                 "finance.recycling.market"]),
            "seine-et-marne-rdv-solidarites-2020": (
                lambda f: (f["strata"][1].update(annual="0"), f.update(years=0, population="many")),
                ["finance.strata[2].annual", "finance.population", "finance.years"]),
        }
        for name, (change, fields) in cases.items():
            with self.subTest(sample=name):
                script, path = changed_sample(self, name, lambda data: change(data["finance"]))
                r = run("check", script, "--data", path, "--format", "json")
                self.assertEqual(r.returncode, 1, r.stderr)
                errors = [x for x in json.loads(r.stdout) if x["severity"] == "error"]
                self.assertEqual(sorted(x["field"] for x in errors), sorted(fields), errors)

    def test_a_script_error_after_data_problems_comes_after_them(self):
        """The library assembles on with a stand-in for a party whose data is wrong; a script
        that then reads a field the stand-in lacks fails, and that failure is shown after the
        data's problems, which it may follow from."""
        d = scratch_folder(self, {
            "x.lua": 'local Agreement = require "conventio.agreement"\nlocal a = Agreement.from_data(...)\n'
                     'local signatory = a.parties.x.representative.name\nreturn a:document()\n',
            "x.json": '{ "title": "T", "party_order": ["x"], '
                      '"parties": { "x": { "short_name": "X", "gender": "q" } } }\n',
        })
        script, data = os.path.join(d, "x.lua"), os.path.join(d, "x.json")
        r = run("check", script, "--data", data)
        self.assertEqual(r.returncode, 1)
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), 3, r.stdout)
        self.assertTrue(lines[0].startswith(data + ":1:88: parties.x.gender must be one of m, f, got q"), lines[0])
        self.assertEqual(lines[1], data + ": parties.x.representative is required ({ civility, name, title }), "
                                          "or representation")
        self.assertTrue(lines[2].startswith(script + ":3: attempt to index a nil value"), lines[2])
        self.assertTrue(lines[2].endswith("(after the data's problems above, which it may follow from)"), lines[2])
        french = run("check", script, "--data", data, env={"LANG": "fr_FR.UTF-8"}).stdout.splitlines()
        self.assertTrue(french[2].endswith("(après les problèmes des données ci-dessus, dont elle peut découler)"),
                        french)

    def test_an_error_in_a_returned_call_names_the_script_line(self):
        d = scratch_folder(self, {
            "x.lua": 'local data = ...\nlocal Agreement = require "conventio.agreement"\n'
                     'return Agreement.new {\n  kind = data.kind,\n  parties = {},\n}\n',
            "x.json": '{ "kind": "partenaria" }\n',
        })
        script = os.path.join(d, "x.lua")
        for command in ("check", "render"):
            r = run(command, script, "--data", os.path.join(d, "x.json"), *(["-o", os.path.join(d, "x.odt")]
                                                                              if command == "render" else []))
            self.assertEqual(r.returncode, 1)
            self.assertIn(script + ':3: Agreement: kind must be "partenariat", "delegation" or "avenant", got partenaria',
                          r.stdout + r.stderr)

    def test_a_role_listed_twice_in_party_order(self):
        """A party named twice would get two blocks and two signature columns: refused at the
        second mention's line and column."""
        def change(data):
            data["party_order"].append(data["party_order"][0])
        script, path = changed_sample(self, "drome-valence-guichet-2025", change, indent=2)
        r = run("check", script, "--data", path)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        line = next(i for i, text in enumerate(lines, 1) if '"party_order"' in text) + 3
        self.assertIn('"departement"', lines[line - 1])
        self.assertIn("%s:%d:5: party_order lists departement twice, at party_order[1] and party_order[3]"
                      % (path, line), r.stdout)

    def test_switches_are_true_or_false(self):
        """A field documented as true or false refuses anything else: "non" in quotes is a string,
        which Lua takes for true, so amounts in words would silently be on."""
        def change(data):
            data["amounts_in_words"] = "non"
            data["parties"]["commune"]["show_siret"] = "false"
            data["closing"][1]["covers_expenses"] = 1
        script, path = changed_sample(self, "drome-valence-guichet-2025", change)
        r = run("check", script, "--data", path, "--format", "json")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        errors = [x for x in json.loads(r.stdout) if x["severity"] == "error"]
        self.assertEqual(sorted(x["field"] for x in errors),
                         ["amounts_in_words", "closing[2].covers_expenses", "parties.commune.show_siret"], errors)
        self.assertTrue(all(x["line"] > 0 for x in errors), errors)  # a number has its place too
        self.assertIn('amounts_in_words must be true or false (without quotes), got "non"',
                      [x["message"] for x in errors if x["field"] == "amounts_in_words"][0])

    def test_the_finance_variant_is_the_one_the_script_builds(self):
        for variant, message in (("single_payment", 'finance.variant is "single_payment", but the script builds the '
                                                    'tranches variant (tranches.add)'),
                                 ("tranche", 'finance.variant must be "tranches" (the variant the script builds), got '
                                             'tranche (did you mean tranches?)')):
            with self.subTest(variant=variant):
                script, path = changed_sample(self, "drome-valence-guichet-2025",
                                              lambda data: data["finance"].update(variant=variant))
                r = run("check", script, "--data", path, "--format", "json")
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                errors = [x for x in json.loads(r.stdout) if x["severity"] == "error"]
                self.assertEqual([(x["field"], x["message"]) for x in errors], [("finance.variant", message)])
                self.assertGreater(errors[0]["line"], 0)

    def test_shares_of_a_total_with_cents(self):
        """Shares adding up to 100 % pass with a total in cents: the last takes what is left."""
        def change(data):
            data["finance"]["cofinancing"] = {"cost": "300000.02", "rate": "60 %"}
            data["finance"]["tranches"] = [{"share": "50 %"}, {"share": "50 %", "threshold": "50 %"}]
        script, path = changed_sample(self, "drome-valence-guichet-2025", change)
        r = run("check", script, "--data", path)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_the_scripts_own_tables_name_the_script_line(self):
        """A table the script wrote is the script's mistake, at its line; the data's tables stay
        the data file's, at their field's line and column."""
        with open(os.path.join(SAMPLES, "drome-valence-guichet-2025.lua"), encoding="utf-8") as f:
            script = f.read()
        self.assertIn("tranches.add(a, data.finance)\nclosing.add(a, data.closing)\n", script)
        cases = {
            "closing.add(a, data.closing)\nclosing.duree(a, { duration = { month = 3 } })\n":
                (35, "unknown field closing.duree.duration.month (did you mean months?)"),
            "tranches.add(a, data.financ)\n":
                (33, "finance: the script gives nil, but the data file has finance: is its name misspelt"),
            "closing.add(a, { { article = \"litiges\", cour = \"Lyon\" } })\n":
                (34, "unknown field closing[1].cour (did you mean court?)"),
        }
        for change, (line, message) in cases.items():
            with self.subTest(change=change):
                first = change.split("\n")[0].split("(")[0]
                changed = script.replace(first + "(a, data." + ("closing" if first == "closing.add" else "finance")
                                         + ")\n", change, 1)
                self.assertNotEqual(changed, script)
                # In a folder named conventio too: the library is told by its real folder.
                d = scratch_folder(self, {"conventio/x.lua": changed})
                shutil.copy(os.path.join(SAMPLES, "drome-valence-guichet-2025.json"),
                            os.path.join(d, "conventio", "x.json"))
                r = run("check", "conventio/x.lua", "--data", "conventio/x.json", cwd=d)
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                self.assertIn("conventio/x.lua:%d: %s" % (line, message), r.stdout + r.stderr)
                self.assertNotIn("x.json", r.stdout + r.stderr)
        # A single payment the script describes, without the refund account its payer lacks.
        d = scratch_folder(self, {"p.lua": """local Agreement = require "conventio.agreement"
local Party = require "conventio.party"
local single_payment = require "conventio.finance.single_payment"
local function party(name) return Party.new { short_name = name, kind = "commune",
  representative = { civility = "Madame", name = "Jeanne DUPONT" } } end
local a = Agreement.new { kind = "partenariat", parties = { p = party("Commune de Melun"), r = party("Commune de Dammarie") },
  party_order = { "p", "r" } }
single_payment.add(a, { payer = "p", receiver = "r", amount = "12000",
  payment_account = { holder = "Commune", domiciliation = "CCM", iban = "FR7630006000011234567890189", bic = "AGRIFRPP" } })
return a:document()
"""})
        r = run("check", "p.lua", cwd=d)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("p.lua:8: finance.refund_account is required", r.stdout + r.stderr)

    def test_purpose_and_action_start_as_their_sentence_needs(self):
        """purpose goes on after "afin", action after "exclusivement à": each must start with the
        words its sentence needs, said with an example at the data's field; "le" and "les" after
        "à" are contracted."""
        def change(data):
            data["purpose"] = "Créer un guichet numérique"
            data["action"] = "Le guichet numérique"
        script, path = changed_sample(self, "drome-valence-guichet-2025", change, indent=2)
        r = run("check", script, "--data", path, "--format", "json")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        errors = {x["field"]: dict(x, message=x["message"].replace("\u202f", " "))
                  for x in json.loads(r.stdout) if x["severity"] == "error"}
        self.assertEqual(sorted(errors), ["action", "purpose"], errors)
        self.assertIn("purpose must start with « de » or « d' » (it follows « afin »), as in « de créer",
                      errors["purpose"]["message"])
        self.assertIn("action must start with « la », « l' », « le » or « les »", errors["action"]["message"])
        self.assertTrue(all(x["line"] > 0 and x["column"] > 0 for x in errors.values()), errors)

        def contracted(data):
            data["action"] = "le développement et les essais du guichet numérique"
        script, path = changed_sample(self, "drome-valence-guichet-2025", contracted)
        out = os.path.join(os.path.dirname(path), "x.odt")
        r = run("render", script, "--data", path, "-o", out)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        with zipfile.ZipFile(out) as z:
            text = re.sub(r"<[^>]+>", "", z.read("content.xml").decode("utf-8"))
        self.assertIn("exclusivement au développement et les essais du guichet numérique", text)

        # A purpose the script writes is the script's mistake, at its line.
        with open(script, encoding="utf-8") as f:
            lua = f.read()
        self.assertIn("purpose = data.purpose", lua)
        with open(script, "w", encoding="utf-8") as f:
            f.write(lua.replace("purpose = data.purpose", 'purpose = "pour créer"', 1))
        r = run("check", script, "--data", path)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertRegex((r.stdout + r.stderr).replace("\u202f", " "),
                         r"drome-valence-guichet-2025\.lua:\d+: clause 'objet/partenariat': "
                         r"purpose must start with « de » or « d' »")

    def test_a_misspelt_template_parameter_gets_the_nearest(self):
        d = scratch_folder(self, {
            "tpl/perso/x.md": "---\nkey: x\nparams: [financer]\n---\nPayé par {{ finacer.le }}.\n",
            "x.lua": 'local c = require "conventio"\nlocal clauses = require "conventio.clauses"\n'
                     'return c.Document { title = "t", body = { c.Para(clauses.markdown("perso/x", '
                     '{ financer = { le = "le X" } })) } }\n',
        })
        r = run("check", "x.lua", "--templates", "tpl", cwd=d)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("tpl/perso/x.md:5:13: missing parameter 'finacer' (did you mean financer?)", r.stdout + r.stderr)

    def test_the_gdpr_annex_speaks_of_a_start_up_only_for_one(self):
        """The general GDPR matrix fits any processing; a beta.gouv start-up's téléservice,
        homologated under the RGS, is the seeds' own matrix; neither calls a note it does not have
        (the seeds' asterisks) nor leaves an option in brackets."""
        out = tempfile.mkdtemp(prefix="conventio-rgpd-")
        self.addCleanup(shutil.rmtree, out)
        for name, startup in (("drome-valence-guichet-2025", False), ("cerema-urbanvitaliz-2023", True)):
            with self.subTest(sample=name):
                script = os.path.join(SAMPLES, name + ".lua")
                target = os.path.join(out, name + ".odt")
                r = run("render", script, "--data", script[:-4] + ".json", "-o", target)
                self.assertEqual(r.returncode, 0, r.stderr)
                with zipfile.ZipFile(target) as z:
                    text = re.sub(r"<[^>]+>", "", z.read("content.xml").decode("utf-8"))
                annex = text[text.index("Respect de la vie privée"):]
                for word in ("téléservice", "RGS", "start-up"):
                    (self.assertIn if startup else self.assertNotIn)(word, annex)
                for mark in ("*", "[", "]"):
                    self.assertNotIn(mark, annex)

    def test_placeholders_name_their_line_and_column(self):
        def change(data):
            data["subject"] = "XXX"
        r, diagnostics = self.broken(change)
        found = [x for x in diagnostics if x["field"] == "subject"][0]
        with open(found["file"], encoding="utf-8") as f:
            text = f.read()
        before = text[:text.index('"subject": "XXX"') + len('"subject": ')]
        self.assertEqual((found["line"], found["column"]),
                         (before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1))

    def test_typed_article_number(self):
        r, diagnostics = self.broken(lambda d: d.update(
            purpose_markdown=d["purpose_markdown"] + " Voir l'article 7 et l'article 12."))
        self.assertEqual(r.returncode, 1)
        self.assertIn('"article 7" is typed as text: write a live reference ({{ ref("key") }} in a template) so '
                      "that it follows the numbering", self.messages(diagnostics, "warning"))
        self.assertIn('"article 12" refers to an article the agreement does not have (write a live reference: '
                      '{{ ref("key") }})', self.messages(diagnostics, "error"))
        # The words are the data file's: the finding is where they are written there.
        located = [x for x in diagnostics if "article 12" in x["message"]][0]
        self.assertEqual(located["field"], "purpose_markdown")
        self.assertTrue(located["file"].endswith(".json"), located)
        with open(located["file"], encoding="utf-8") as f:
            line = f.read().split("\n")[located["line"] - 1]
        self.assertEqual(line[located["column"] - 1:].split("\"")[0][:10], "article 12")

    def test_placeholder_in_the_text_party_not_a_party_and_foreign_amount(self):
        r, diagnostics = self.broken(lambda d: d.update(
            purpose_markdown=d["purpose_markdown"] + " L'ANCT verse 500 000 € au … près."))
        self.assertEqual(r.returncode, 1)
        warnings = " | ".join(self.messages(diagnostics, "warning"))
        self.assertIn("the text names ANCT, which is not a party", warnings)
        self.assertIn("the amount 500\u202f000 € in the text is not one the model computed", warnings)
        self.assertIn('placeholder "…" left in the text', " | ".join(self.messages(diagnostics, "error")))
        # The words came from the data file, printed by a clause template: the finding names the
        # data file and its field, not the template.
        named = [x for x in diagnostics if "names ANCT" in x["message"]][0]
        self.assertTrue(named["file"].endswith(".json"), named)
        self.assertEqual(named["field"], "purpose_markdown")
        self.assertGreater(named["line"], 0)

    def test_render_refuses_what_check_refuses_and_writes_nothing(self):
        d = scratch_folder(self, {
            "x.lua": 'local c = require "conventio"\nreturn c.Document{ body = { c.Para "Montant : XXX" } }\n'})
        script = os.path.join(d, "x.lua")
        r = run("render", script, "-o", os.path.join(d, "x.odt"))
        self.assertEqual(r.returncode, 1)
        # The paragraph the script typed: at its line.
        self.assertIn(script + ':2: placeholder "XXX" left in the text', r.stderr)
        self.assertFalse(os.path.exists(os.path.join(d, "x.odt")))


class Watch(unittest.TestCase):
    def test_renders_again_when_the_data_changes_and_survives_a_broken_edit(self):
        import time
        d = tempfile.mkdtemp(prefix="conventio-watch-")
        self.addCleanup(shutil.rmtree, d)
        name = "meae-delegation-2022"
        shutil.copy(os.path.join(SAMPLES, name + ".lua"), d)
        shutil.copy(os.path.join(SAMPLES, name + ".json"), d)
        data, out = os.path.join(d, name + ".json"), os.path.join(d, "out.odt")
        e = dict(os.environ, LANG="C.UTF-8")
        p = subprocess.Popen([CONVENTIO, "render", name + ".lua", "--data", data, "-o", out, "--watch"], cwd=d,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=e)
        self.addCleanup(p.kill)

        def text_when(predicate):
            deadline = time.time() + 20
            while time.time() < deadline:
                if os.path.exists(out):
                    text = subprocess.run(["odt2txt", out], capture_output=True, text=True).stdout
                    if predicate(text):
                        return text
                time.sleep(0.2)
            self.fail("no render within 20 s")

        text_when(lambda t: "Sainte-Catherine" not in t)
        with open(data, encoding="utf-8") as f:
            original = f.read()
        # A broken edit: reported, the earlier output kept, the watch goes on.
        with open(data, "w", encoding="utf-8") as f:
            f.write(original.replace('"place"', '"plaec"', 1))
        time.sleep(1.5)
        self.assertIsNone(p.poll())
        with open(data, "w", encoding="utf-8") as f:
            f.write(original.replace('"place": "', '"place": "Sainte-Catherine ', 1))
        text_when(lambda t: "Sainte-Catherine" in t)
        p.kill()
        _, stderr = p.communicate()
        self.assertIn("unknown field plaec (did you mean place?)", stderr)
        self.assertIn("watching for changes", stderr)


class New(unittest.TestCase):
    def test_new_agreement_reports_every_field_to_fill(self):
        d = tempfile.mkdtemp(prefix="conventio-new-")
        self.addCleanup(shutil.rmtree, d)
        r = run("new", "essai", "--kind", "delegation", cwd=d)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("check", "essai.lua", "--data", "essai.json", cwd=d)
        self.assertEqual(r.returncode, 1)
        self.assertGreater(r.stdout.count('still holds the placeholder "[à compléter]"'), 10, r.stdout)
        r = run("new", "essai", "--kind", "delegation", cwd=d)
        self.assertEqual(r.returncode, 1)
        self.assertIn("already exists", r.stderr)
        r = run("new", "essai2", "--kind", "convention", cwd=d)
        self.assertEqual(r.returncode, 2)
        self.assertIn("the starters are avenant, delegation", r.stderr)


class Starters(unittest.TestCase):
    def test_starters_are_generated_from_the_samples_and_the_field_lists(self):
        r = subprocess.run(["/usr/bin/python3", os.path.join(REPO, "tools", "make-starters")], capture_output=True,
                           text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_every_starter_renders_once_filled_in(self):
        # Filled with the data of the sample it comes from, each starter's script renders: the
        # script is a working one, not a sketch.
        starters = os.path.join(REPO, "starters")
        with open(os.path.join(REPO, "tools", "make-starters"), encoding="utf-8") as f:
            origins = dict(re.findall(r'"([a-z_-]+)": \("([a-z0-9-]+)", ', f.read()))
        self.assertEqual(sorted(origins), sorted(n[:-4] for n in os.listdir(starters) if n.endswith(".lua")))
        for stem, sample in origins.items():
            with self.subTest(starter=stem):
                d = tempfile.mkdtemp(prefix="conventio-starter-")
                self.addCleanup(shutil.rmtree, d)
                r = run("new", "essai", "--kind", stem.split("-")[0],
                        *(["--finance", stem.split("-", 1)[1]] if "-" in stem else []), cwd=d)
                self.assertEqual(r.returncode, 0, r.stderr)
                with open(os.path.join(d, "essai.lua"), encoding="utf-8") as f:
                    self.assertIn("-- The data fields:", f.read())
                # An avenant's change set names the agreement it amends: the samples sit beside it.
                for f in glob.glob(os.path.join(SAMPLES, "*.*")):  # not samples/batch/
                    shutil.copy(f, d)
                shutil.copy(os.path.join(SAMPLES, sample + ".json"), os.path.join(d, "essai.json"))
                r = run("render", "essai.lua", "--data", "essai.json", "-o", "essai.odt", cwd=d)
                self.assertEqual(r.returncode, 0, r.stderr)


    def test_starters_name_no_body(self):
        """A new agreement starts from the generic clause library: its script names no body (no
        DINUM, no beta.gouv clause, no ministry's visas) and its roles say what each party does."""
        words = ("dinum", "beta_gouv", "beta.gouv", "cerema", "anct", "meae", "ministère", "startup")
        roles = {"partenariat": ["partner", "counterpart"], "partenariat-single_payment": ["partner", "counterpart"],
                 "delegation": ["delegant", "delegataire"]}
        for stem in ("partenariat", "partenariat-single_payment", "partenariat-tranches", "delegation"):
            with self.subTest(starter=stem):
                d = tempfile.mkdtemp(prefix="conventio-starter-")
                self.addCleanup(shutil.rmtree, d)
                kind, _, finance = stem.partition("-")
                r = run("new", "essai", "--kind", kind, *(["--finance", finance] if finance else []), cwd=d)
                self.assertEqual(r.returncode, 0, r.stderr)
                with open(os.path.join(d, "essai.lua"), encoding="utf-8") as f:
                    code = "\n".join(line for line in f.read().lower().splitlines() if not line.startswith("--"))
                with open(os.path.join(d, "essai.json"), encoding="utf-8") as f:
                    data = json.load(f)
                for word in words:
                    self.assertNotIn(word, code)
                    self.assertNotIn(word, json.dumps(data, ensure_ascii=False).lower())
                if stem in roles:
                    self.assertEqual(data["party_order"], roles[stem])
                r = run("check", "essai.lua", "--data", "essai.json", cwd=d)
                self.assertEqual(r.returncode, 1)
                self.assertIn('still holds the placeholder "[à compléter]"', r.stdout)


def without_numbers(text):
    """`text` with every number (a rate, a time) as N."""
    return re.sub(r"\d+(?:[.,]\d+)?", "N", text)


class Languages(unittest.TestCase):
    def test_errors_in_french_and_english(self):
        self.assertIn("unknown command 'rendre'", run("rendre").stderr)
        self.assertIn("commande inconnue « rendre »", run("rendre", env={"LANG": "fr_FR.UTF-8"}).stderr)
        self.assertIn("commande inconnue « rendre »", run("--lang", "fr", "rendre").stderr)
        self.assertIn("unknown command 'rendre'", run("--lang", "en", "rendre", env={"LANG": "fr_FR.UTF-8"}).stderr)
        self.assertIn("Utilisation :", run("--help", env={"LANG": "fr_FR.UTF-8"}).stdout)

    def test_data_errors_in_french(self):
        def change(data):
            data["titel"] = "Convention"
            data["parties"]["partner"]["siret"] = "13002603200017"
            data["parties"]["dinum"]["short_name"] = " "
        name = "cerema-urbanvitaliz-2023"
        d = os.path.dirname(changed_sample(self, name, change)[1])
        args = ("check", name + ".lua", "--data", name + ".json")
        english = run(*args, cwd=d).stdout
        french = run(*args, cwd=d, env={"LANG": "fr_FR.UTF-8"}).stdout
        self.assertIn("unknown field titel (did you mean title?)", english)
        self.assertIn("invalid SIRET 13002603200017 (field parties.partner.siret): Luhn check failed", english)
        self.assertIn("parties.dinum.short_name cannot be empty or blank", english)
        self.assertIn("champ inconnu titel (vouliez-vous dire title ?)", french)
        self.assertIn("SIRET 13002603200017 invalide (champ parties.partner.siret) : la clé de Luhn est fausse", french)
        self.assertIn("parties.dinum.short_name ne peut pas être vide ni blanc", french)
        self.assertEqual(french, run("--lang", "fr", *args, cwd=d).stdout)

    def test_each_family_of_errors_in_both_languages(self):
        """A binding's argument error, a template's syntax error, the Lua library's own check and
        a batch row file's error: English by default, French under a French locale."""
        d = scratch_folder(self, {
            "binding.lua": 'return conventio.Money("10") + 3\n',
            "template.lua": 'conventio.template("broken")\n',
            "tpl/broken.md": "---\nkey: x\n---\nSi {% if %}oui{% end %}\n",
            "library.lua": 'local a = require("conventio.agreement").new { kind = "bail" }\nreturn a\n',
            "rows.csv": "nom,montant\nMelun,1,2\n",
        }, prefix="conventio-fr-")
        cases = [
            (("render", "binding.lua", "-o", "x.odt"),
             "binding.lua:1: cannot add Money and a number: make it Money first",
             "binding.lua:1: impossible d'additionner Money et number : faites-en d'abord un Money"),
            (("render", "template.lua", "--templates", "tpl", "-o", "x.odt"),
             "broken.md:4:4: '{% if %}' needs a condition: '{% if expr %}'",
             "broken.md:4:4: « {% if %} » demande une condition : « {% if expr %} »"),
            (("render", "library.lua", "-o", "x.odt"),
             'library.lua:1: Agreement: kind must be "partenariat", "delegation" or "avenant", got bail',
             'library.lua:1: Agreement : kind doit valoir "partenariat", "delegation" ou "avenant", reçu bail'),
            (("batch", "binding.lua", "--rows", "rows.csv", "--out", "out"),
             "rows.csv:2:3: record 1: this line has 3 cells but the header names 2 columns",
             "rows.csv:2:3: enregistrement 1 : cette ligne a 3 cellules mais l'en-tête nomme 2 colonnes"),
        ]
        for args, english, french in cases:
            with self.subTest(args=args):
                r = run(*args, cwd=d)
                self.assertNotEqual(r.returncode, 0)
                self.assertIn(english, r.stderr)
                r = run(*args, cwd=d, env={"LANG": "fr_FR.UTF-8"})
                self.assertIn(french, r.stderr)
                # The same words either way (a batch's rates and times aside).
                self.assertEqual(without_numbers(r.stderr), without_numbers(run("--lang", "fr", *args, cwd=d).stderr))
        self.assertIn("Batch : exécute SCRIPT une fois par ligne",
                      run("batch", "--help", env={"LANG": "fr_FR.UTF-8"}).stdout)
        self.assertIn("Batch: runs SCRIPT once per row", run("batch", "--help").stdout)
        self.assertFalse(os.path.exists(os.path.join(d, "x.odt")))

    def test_french_catalog_is_complete(self):
        r = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, os.path.join(REPO, "po", "fr.po")],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stderr, r"^\d+ translated messages\.\n$")
        # Every message of the code is in the catalog.
        with tempfile.NamedTemporaryFile(suffix=".pot") as pot:
            sources = sorted(glob.glob(os.path.join(REPO, "host", "**", "*.[ch]pp"), recursive=True))
            subprocess.run(["xgettext", "--language=C++", "--from-code=UTF-8", "--keyword=tr", "--keyword=tr_count:1,2", "-o", pot.name,
                            *sources], check=True)
            library = sorted(glob.glob(os.path.join(REPO, "scripts", "**", "*.lua"), recursive=True))
            subprocess.run(["xgettext", "--language=Lua", "--from-code=UTF-8", "--keyword=tr", "--join-existing",
                            "-o", pot.name, *library], check=True)
            r = subprocess.run(["msgcmp", "--use-untranslated", os.path.join(REPO, "po", "fr.po"), pot.name],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)


class Preview(unittest.TestCase):
    def test_pdf_without_libreoffice_names_the_package(self):
        d = tempfile.mkdtemp(prefix="conventio-pdf-")
        self.addCleanup(shutil.rmtree, d)
        name = os.path.join(SAMPLES, "meae-delegation-2022")
        r = run("render", name + ".lua", "--data", name + ".json", "-o", os.path.join(d, "x.pdf"),
                env={"CONVENTIO_SOFFICE": "/nonexistent/soffice"})
        self.assertEqual(r.returncode, 1)
        self.assertIn("install the Debian package libreoffice-writer-nogui", r.stderr)
        self.assertEqual(os.listdir(d), [])

    def test_pdf_through_libreoffice(self):
        d = tempfile.mkdtemp(prefix="conventio-pdf-")
        self.addCleanup(shutil.rmtree, d)
        name = os.path.join(SAMPLES, "meae-delegation-2022")
        r = run("render", name + ".lua", "--data", name + ".json", "-o", os.path.join(d, "x.pdf"))
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(d, "x.pdf"), "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")
        text = subprocess.run(["pdftotext", os.path.join(d, "x.pdf"), "-"], capture_output=True, text=True).stdout
        self.assertIn("délégation de gestion", text)


class Installed(unittest.TestCase):
    """An installed copy uses its own files: its share/conventio, never the source tree's."""

    def setUp(self):
        self.build = os.path.dirname(CONVENTIO)
        self.prefix = tempfile.mkdtemp(prefix="conventio-prefix-")
        self.addCleanup(shutil.rmtree, self.prefix)
        self.work = tempfile.mkdtemp(prefix="conventio-elsewhere-")
        self.addCleanup(shutil.rmtree, self.work)
        for f in glob.glob(os.path.join(SAMPLES, "*.*")):  # not samples/batch/
            shutil.copy(f, self.work)

    def env(self, **extra):
        e = {k: v for k, v in os.environ.items() if k != "CONVENTIO_HOME"}
        e.update(extra)
        return e

    def out_of_reach(self, command):
        """`command` run with the source tree (and the build folder inside it) out of reach: an
        empty folder mounted over it in a private mount namespace (unshare, util-linux), so the
        tree vanishes for that process only while the other tests running beside keep using it."""
        empty = tempfile.mkdtemp(prefix="conventio-hidden-")
        self.addCleanup(shutil.rmtree, empty)
        hide = 'mount --bind "$1" "$2" && ! test -e "$2/scripts/conventio" || exit 97; shift 2; exec "$@"'
        return ["unshare", "--map-root-user", "--mount", "sh", "-c", hide, "hide-source-tree", empty, REPO, *command]

    def render_everything(self, binary):
        for script in sorted(glob.glob(os.path.join(self.work, "*.lua"))):
            data = script[:-4] + ".json"
            with self.subTest(binary=binary, script=os.path.basename(script)):
                r = subprocess.run(self.out_of_reach([binary, "render", os.path.basename(script),
                                    *(["--data", os.path.basename(data)] if os.path.exists(data) else []),
                                    "-o", script[:-4] + ".odt"]), cwd=self.work, capture_output=True, text=True,
                                   env=self.env())
                self.assertNotEqual(r.returncode, 97, "the source tree could not be hidden")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertTrue(os.path.getsize(script[:-4] + ".odt") > 0)

    def agreed_line(self, binary, home_env=None):
        """The "Il a été convenu" line of a rendered sample: structure/libelles decides it."""
        out = os.path.join(self.work, "probe.odt")
        name = os.path.join(self.work, "meae-delegation-2022")
        r = subprocess.run([binary, "render", name + ".lua", "--data", name + ".json", "-o", out],
                           capture_output=True, text=True, env=self.env(**(home_env or {})))
        self.assertEqual(r.returncode, 0, r.stderr)
        return subprocess.run(["odt2txt", out], capture_output=True, text=True).stdout

    def mark_libelles(self, home):
        path = os.path.join(home, "templates", "structure", "libelles.md")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace('agreed: "Il a été convenu ce qui suit :"', 'agreed: "Marque de cette copie :"'))

    def test_cmake_install_then_render_every_sample_from_elsewhere(self):
        subprocess.run(["cmake", "--install", self.build, "--prefix", self.prefix], check=True, capture_output=True)
        installed = os.path.join(self.prefix, "bin", "conventio")
        self.render_everything(installed)
        for path in ["share/man/man1/conventio.1.gz", "share/man/fr/man1/conventio.1.gz",
                     "share/doc/conventio/copyright", "share/doc/conventio/changelog.gz",
                     "share/locale/fr/LC_MESSAGES/conventio.mo", "share/bash-completion/completions/conventio",
                     "share/conventio/starters/partenariat.lua", "share/doc/conventio/samples/kitchen-sink.lua"]:
            self.assertTrue(os.path.exists(os.path.join(self.prefix, path)), path)
        # The installed templates are the ones used: a change there shows in the output.
        self.mark_libelles(os.path.join(self.prefix, "share", "conventio"))
        self.assertIn("Marque de cette copie", self.agreed_line(installed))
        # French messages from the installed catalog.
        r = subprocess.run([installed, "--lang", "fr", "frob"], capture_output=True, text=True, env=self.env())
        self.assertIn("commande inconnue", r.stderr)
        # CONVENTIO_HOME overrides; a wrong one is an error that says so.
        self.assertIn("Il a été convenu", self.agreed_line(installed, {"CONVENTIO_HOME": REPO}))
        r = subprocess.run([installed, "check", "x.lua"], capture_output=True, text=True,
                           env=self.env(CONVENTIO_HOME=self.work))
        self.assertEqual(r.returncode, 1)
        self.assertIn("CONVENTIO_HOME is " + self.work + ", which holds no scripts/conventio/", r.stderr)
        # Without its share/conventio, an installed copy says where it looked.
        shutil.rmtree(os.path.join(self.prefix, "share", "conventio"))
        r = subprocess.run([installed, "check", "x.lua"], capture_output=True, text=True, env=self.env(),
                           cwd=self.work)
        self.assertEqual(r.returncode, 1)
        self.assertIn("cannot find conventio's Lua library and templates (looked in " +
                      os.path.join(self.prefix, "share", "conventio"), r.stderr)
        # The source tree as a path of its own (REPO may be a prefix of the temporary prefix's name:
        # a clone in /tmp/c and a prefix in /tmp/conventio-prefix-...).
        self.assertNotRegex(r.stderr, re.escape(REPO) + r"(?![^/\s,;)])")

    def test_a_copied_checkout_uses_its_own_templates(self):
        copy = os.path.join(self.prefix, "checkout")
        for folder in ["scripts", "templates", "starters"]:
            shutil.copytree(os.path.join(REPO, folder), os.path.join(copy, folder))
        os.makedirs(os.path.join(copy, "build"))
        binary = os.path.join(copy, "build", "conventio")
        shutil.copy(CONVENTIO, binary)
        self.mark_libelles(copy)
        self.assertIn("Marque de cette copie", self.agreed_line(binary))

    def test_debian_package(self):
        out = tempfile.mkdtemp(prefix="conventio-deb-")
        self.addCleanup(shutil.rmtree, out)
        subprocess.run(["cpack", "-G", "DEB", "-B", out, "--config", os.path.join(self.build, "CPackConfig.cmake")],
                       check=True, capture_output=True)
        debs = glob.glob(os.path.join(out, "conventio_*.deb"))
        self.assertEqual(len(debs), 1)
        info = subprocess.run(["dpkg-deb", "--info", debs[0]], capture_output=True, text=True).stdout
        # The libraries are linked from their static archives (cmake/static_dependencies.cmake):
        # the C library is what is left to depend on.
        self.assertRegex(info, r"Depends: .*libc6")
        self.assertIn("Suggests: libreoffice-writer-nogui", info)
        # Debian's own checker finds no error and no warning (man pages compressed, copyright,
        # changelog, the description).
        r = subprocess.run(["lintian", "--tag-display-limit", "0", debs[0]], capture_output=True, text=True)
        self.assertEqual([line for line in r.stdout.splitlines() if line[:2] in ("E:", "W:")], [], r.stdout)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        # Unpacked (as dpkg would, under another root), it renders the samples it ships from /tmp.
        root = os.path.join(out, "root")
        subprocess.run(["dpkg-deb", "--extract", debs[0], root], check=True)
        shutil.rmtree(self.work)
        shutil.copytree(os.path.join(root, "usr", "share", "doc", "conventio", "samples"), self.work)
        self.render_everything(os.path.join(root, "usr", "bin", "conventio"))


if __name__ == "__main__":
    unittest.main()
