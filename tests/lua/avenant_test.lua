-- Avenants from change sets on a minimal agreement (avenant_base.lua): each formula of
-- shared/docs/avenants.md §3 that a change produces, the numbering of the amended agreement,
-- chaining, and bad change sets refused naming the change file and the entry.
local check = require "check"
local c = require "conventio"
local Avenant = require "conventio.avenant"
local consolidated = require "conventio.avenant.consolidated"

local function set(fields)
  local s = { base = { script = "avenant_base.lua", data = "avenant_base.json" }, number = 1, date = "2024-06-01" }
  for k, v in pairs(fields) do s[k] = v end
  return s
end

-- The avenant's text, one line per paragraph (table cells separated by " | "), no-break
-- spaces as spaces.
local function text_of(doc_blocks)
  local lines = {}
  for _, o in ipairs(c.outline(doc_blocks)) do
    if o.kind == "para" then lines[#lines + 1] = o.text
    elseif o.kind == "table" then
      for _, r in ipairs(o.rows) do lines[#lines + 1] = table.concat(r, " | ") end
    end
  end
  -- No-break spaces (typography) are compared as spaces, so expectations read plainly.
  return (table.concat(lines, "\n"):gsub("\u{a0}", " "):gsub("\u{202f}", " "))
end

local function avenant_text(fields)
  local av = Avenant.from_change_set(set(fields), "changes.json")
  av:document()
  local Agreement = require "conventio.agreement"
  local a = Agreement.of_document(av:document())
  local blocks = {}
  for _, article in ipairs(a.articles) do
    blocks[#blocks + 1] = c.Para("# " .. article.title)
    for _, b in ipairs(article.blocks) do blocks[#blocks + 1] = b end
  end
  return text_of(blocks), av
end

-- 2. an amount; 3. a date (whole date quoted); a chapeau when one article changes twice
local t = avenant_text { data = { { set = "amount", to = "60000" }, { set = "end_date", to = "2025-06-30" } } }
check.contains(t, "# Modification de l'article 2")
check.contains(t,
    "Au premier alinéa de l'article 2, le montant : « 50 000 € » est remplacé par le montant : « 60 000 € ».",
               "formula 2")
check.contains(t,
    "Au premier alinéa de l'article 3, la date : « 31 décembre 2024 » est remplacée par la date : « 30 juin 2025 ».",
               "formula 3")
check.contains(t, "Les autres stipulations de la Convention demeurent inchangées.")
check.contains(t, "Le présent avenant entre en vigueur à la date de sa signature par la dernière des parties.")
check.contains(t, "de modifier les articles 2 et 3 de la Convention", "the default purpose names the articles")

-- 1. words replaced; 4. words inserted; 5. words deleted
t = avenant_text { data = { { set = "purpose",
    to = "La présente convention organise le soutien de la Commune à l'association sportive." } } }
check.contains(t,
    "Au premier alinéa de l'article 1er, après le mot : « l'association », sont insérés les mots : « sportive ».",
        "formula 4")
t = avenant_text { data = { { set = "purpose", to = "La présente convention organise le soutien à l'association." } } }
check.contains(t, "les mots : « de la Commune » sont supprimés.", "formula 5")
t = avenant_text { data = { { set = "purpose",
    to = "La présente convention organise le financement de la Commune à l'association." } } }
check.contains(t, "le mot : « soutien » est remplacé par le mot : « financement ».", "formula 1")

-- 6. one sentence of an alinéa rewritten
t = avenant_text { edits = { { replace = "litiges", text = "Les litiges relèvent du tribunal administratif de Melun. "
  .. "Une médiation préalable est organisée par la Commune dans un délai de deux mois." } } }
check.contains(t, "La deuxième phrase du premier alinéa de l'article 4 est ainsi rédigée :\n"
               .. "« Une médiation préalable est organisée par la Commune dans un délai de deux mois. ».", "formula 6")

-- 14. a table cell, by its row's label and its column; 16. a row inserted; 17. a row deleted
t = avenant_text { data = { { set = "rows.2025.amount", to = "25000" }, { set = "amount", to = "55000" } } }
check.contains(t,
    "Dans le tableau, à la ligne « 2025 », le montant : « 20 000 € » figurant dans la colonne « Montant » "
    .. "est remplacé par le montant : « 25 000 € ».",
               "formula 14, in a 2° item")
check.contains(t, "L'article 2 est ainsi modifié :", "formula 13: the chapeau")
check.contains(t, "1° Au premier alinéa, le montant", "formula 13: the items")
t = avenant_text { data = { { add = "rows", value = { year = 2026, amount = "10000" } }, { set = "amount",
    to = "60000" } } }
check.contains(t, "après la ligne « 2025 », est insérée la ligne suivante :\nAnnée | Montant\n2026 | 10 000 €\n",
               "formula 16: the row quoted as the Convention's table prints it, with its header, ending the item")
t = avenant_text { data = { { remove = "rows.2025" }, { set = "amount", to = "30000" } } }
check.contains(t, "la ligne « 2025 » est supprimée", "formula 17")

-- 7. an alinéa added; 10. an article rewritten; 11. inserted (4-1 inside, numbers kept);
-- 12. deleted; 20. the parties' designation
t = avenant_text { edits = {
  { complete = "objet", text = "Elle est publiée." },
  { replace = "duree", text = { "La convention court jusqu'au 31 décembre 2026.", "Elle n'est pas reconductible." } },
  { insert_after = "montant", key = "suivi", title = "Suivi", text = "Un comité suit la convention." },
  { delete = "litiges" },
}, data = { { set = "address", to = "Hôtel de ville, 77000 Melun" } } }
check.contains(t, "L'article 1er est complété par un alinéa ainsi rédigé :\n« Elle est publiée. ».", "formula 7")
check.contains(t,
    "L'article 3 est ainsi rédigé :\n« Article 3 : Durée\n« La convention court jusqu'au 31 décembre 2026.\n"
    .. "« Elle n'est pas reconductible. ».",
               "formula 10: each quoted alinéa opens with «, the last closes")
check.contains(t, "Après l'article 2, il est inséré un article 2-1 ainsi rédigé :", "formula 11")
check.contains(t, "# Insertion d'un article 2-1")
check.contains(t, "L'article 4 est supprimé.", "formula 12: supprimé, never abrogé")
check.contains(t, "Dans la désignation des parties, les mots : « ", "formula 20")
-- 20. a party joining the Convention: it adheres, and its designation is added; the others'
-- designation is unchanged
t = avenant_text { data = { { add = "other_parties", value = { { role = "departement", short_name =
    "Département de Seine-et-Marne", kind = "departement", representation = "représenté par son président" } } } } }
check.contains(t, "# Adhésion du Département de Seine-et-Marne", "formula 20: a party joins")
check.contains(t, "Le Département de Seine-et-Marne adhère à la Convention et y devient partie, avec les droits et "
    .. "obligations qui en résultent, à compter de l'entrée en vigueur du présent avenant.", "formula 20: adhesion")
check.contains(t, "La désignation des parties est complétée par ", "formula 20: its designation added")
check.contains(t, "« Le Département de Seine-et-Marne", "formula 20: its designation quoted")
check.eq(t:find("Dans la désignation des parties, les mots", 1, true), nil, "the others' designation is unchanged")

-- 21. new bank details, replaced as a whole, the new IBAN checked
local with_account = c.load_data("avenant_base.json")
with_account.account = { holder = "Association X", iban = "FR76 3000 1007 9412 3456 7890 185", bic = "BDFEFRPPCCT" }
t = avenant_text { base = { script = "avenant_base.lua", data = with_account },
                   data = { { set = "account.iban", to = "FR36 3000 1001 01C0 7700 0000 112" } } }
check.contains(t, "Au cinquième alinéa de l'article 2, les coordonnées bancaires sont ainsi rédigées :\n"
    .. "« Titulaire : Association X", "formula 21")
check.contains(t, "IBAN : FR36 3000 1001 01C0 7700 0000 112", "formula 21: the new details quoted")
check.fails("data[1] (set account.iban): the amended agreement is refused", function()
  avenant_text { base = { script = "avenant_base.lua", data = with_account },
                 data = { { set = "account.iban", to = "FR37 3000 1001 01C0 7700 0000 112" } } }
end)

local _, appended = avenant_text { edits = { { insert_after = "litiges", key = "fin", title = "Fin", text = "x" } } }
check.eq(appended.amended.by_key.fin.number, "5", "inserted after the last article: the next number")

-- An article inserted after one divided into sub-articles follows that article, not its last
-- sub-article (« Après l'article 2.2, il est inséré un article 2-1 »).
local with_sections = c.load_data("avenant_base.json")
with_sections.amount_sections = { { key = "versement", title = "Versement", text = "Il est versé en mars." },
                                  { key = "controle", title = "Contrôle", text = "Il est contrôlé en juin." } }
t = avenant_text { base = { script = "avenant_base.lua", data = with_sections },
                   edits = { { insert_after = "montant", key = "suivi", title = "Suivi", text = "Un comité." } } }
check.contains(t, "Après l'article 2, il est inséré un article 2-1 ainsi rédigé :", "after the article, not 2.2")

-- An avenant that only deletes says so in its purpose (avenants.md rule 7): never « modifier ».
t = avenant_text { edits = { { delete = "litiges" } } }
check.contains(t, "Le présent avenant a pour objet de supprimer l'article 4 de la Convention.", "an article deleted")
check.eq(t:find("modifier l'article", 1, true), nil, "nothing is modified")
t = avenant_text { edits = { { replace = "objet",
    text = "La présente convention organise le soutien de la Commune à l'association." } } }
check.contains(t, "Le présent avenant a pour objet de supprimer le deuxième alinéa de l'article 1er de la Convention.",
               "an alinéa deleted")
t = avenant_text { data = { { set = "amount", to = "60000" } }, edits = { { delete = "litiges" },
    { insert_after = "objet", key = "suivi", title = "Suivi", text = "Un comité suit la convention." } } }
check.contains(t, "pour objet de modifier l'article 2 de la Convention, d'y insérer un article 1-1 et d'en supprimer "
               .. "l'article 4.", "modified, inserted and deleted: the Convention named once")

-- The avenant's own number of originals leaves no party without one; the Convention's line is
-- the record of its signature, which the avenant states only when the change set changes it
-- (tests/integration/test_consolidated.py, the Seine one).
local more_originals = { originals = "en trois exemplaires originaux", data = { { set = "amount", to = "60000" } } }
check.eq(type(avenant_text(more_originals)), "string", "more originals than parties: accepted")
check.fails("changes.json: originals: « en un (3) exemplaire » states the number of originals in words and in figures",
            avenant_text, { originals = "en un (3) exemplaire", data = { { set = "amount", to = "60000" } } })
do
  local wording = require "conventio.avenant.wording"
  local function originals_article(old, new)
    local article = wording.articles { { unit = { id = "signature", kind = "signature", place = "Melun" },
      ops = { { op = "originals", old = old, new = new, place = "Melun" } } } }[1]
    check.eq(article.title, "Modification du nombre d'exemplaires originaux")
    return text_of(article.content)
  end
  check.eq(originals_article("en deux originaux", "en trois originaux"), "Dans la mention qui précède les signatures, "
           .. "les mots : « en deux originaux » sont remplacés par les mots : « en trois originaux ».", "replaced")
  check.eq(originals_article(nil, "en trois originaux"), "La mention qui précède les signatures est ainsi rédigée :\n"
           .. "« Fait à Melun, en trois originaux, le ».", "stated where the line had none")
  -- Two alinéas deleted in a row are « les troisième et quatrième », three or more a range.
  local function deleted(from, to, count)
    local alineas = {}
    for k = 1, count or 5 do alineas[k] = { kind = "para", text = "Alinéa " .. k .. "." } end
    local article = wording.articles { { unit = { id = "duree", kind = "article", number = "5", title = "Durée",
      alineas = alineas }, ops = { { op = "alineas_deleted", from = from, to = to } } } }[1]
    return text_of(article.content)
  end
  check.eq(deleted(3, 4), "Les troisième et quatrième alinéas de l'article 5 sont supprimés.", "two in a row")
  check.eq(deleted(2, 4), "Les deuxième à quatrième alinéas de l'article 5 sont supprimés.", "a range")
  -- Beyond the twentieth, alinéas still have their ordinal in words: the 21st of 25 was called
  -- « dernier », and two changes to the 22nd and 23rd gave two identical items.
  check.eq(deleted(21, 21, 25), "Le vingt et unième alinéa de l'article 5 est supprimé.", "the 21st of 25")
  check.eq(deleted(22, 23, 25), "Les vingt-deuxième et vingt-troisième alinéas de l'article 5 sont supprimés.",
           "the 22nd and 23rd of 25")
  check.eq(deleted(25, 25, 25), "Le dernier alinéa de l'article 5 est supprimé.", "the real last one")
  check.eq(deleted(25, 25, 30), "Le vingt-cinquième alinéa de l'article 5 est supprimé.", "the 25th of 30")
  check.eq(deleted(29, 29, 90), "Le vingt-neuvième alinéa de l'article 5 est supprimé.", "neuf: neuvième")
  check.eq(deleted(35, 35, 90), "Le trente-cinquième alinéa de l'article 5 est supprimé.", "cinq: cinquième")
  check.eq(deleted(80, 80, 90), "Le quatre-vingtième alinéa de l'article 5 est supprimé.", "quatre-vingts")
  check.eq(deleted(71, 71, 90), "Le soixante et onzième alinéa de l'article 5 est supprimé.", "soixante et onze")
end

-- A quoted alinéa's own « » become “ ” (second-rank quotation marks, no space inside).
t = avenant_text { edits = { { complete = "objet", text = "Le comité est dit « de suivi »." } } }
check.contains(t, "« Le comité est dit “de suivi”. ».", "quoted alinéa")
t = avenant_text { edits = { { words = "litiges", old = "tribunal administratif de Melun",
    new = "tribunal dit « de Melun »" } } }
check.contains(t, "remplacés par les mots : « dit “de Melun” ».", "quoted words")

-- A difference of space kind only (U+0020, U+00A0, U+202F) is no change to word: an alinéa
-- retyped with ordinary spaces where the Convention had no-break ones once gave « la date :
-- « 31 décembre 2022 » est remplacée par la date : « 31 décembre 2022 » ».
local nbsp_data = c.load_data("avenant_base.json")
nbsp_data.purpose = "La présente convention organise le soutien de la Commune jusqu'au 31\u{a0}décembre\u{a0}2024."
t = avenant_text { base = { script = "avenant_base.lua", data = nbsp_data }, edits = { { replace = "objet",
    text = { "La présente convention organise le soutien de la Commune jusqu'au 31 décembre 2024.",
             "La convention est conclue pour l'année entière." } } } }
check.eq(t:find("premier alinéa", 1, true), nil, "the alinéa retyped with ordinary spaces is not changed")
check.contains(t,
    "Au deuxième alinéa de l'article 1er, après le mot : « l'année », sont insérés les mots : « entière ».",
               "the real change")
t = avenant_text { base = { script = "avenant_base.lua", data = nbsp_data }, data = { { set = "purpose",
    to = "La présente convention organise le financement de la Commune jusqu'au 31 décembre 2024." } } }
check.contains(t, "Au premier alinéa de l'article 1er, le mot : « soutien » est remplacé par le mot : « financement ».",
               "a word changed in an alinéa retyped with ordinary spaces: that word alone")

-- The Convention's first article is cited « l'article 1er » (French legal usage), in the
-- addresses, the headings and the purpose, however the Convention prints it.
t = avenant_text { edits = { { delete = "objet" } } }
check.contains(t, "# Suppression de l'article 1er", "article 1er: the heading")
check.contains(t, "L'article 1er est supprimé.", "article 1er: the address")
check.contains(t, "de supprimer l'article 1er de la Convention", "article 1er: the purpose")

-- 8, 9: an alinéa inserted inside, an alinéa deleted
t = avenant_text { edits = { { replace = "objet",
    text = "La présente convention organise le soutien de la Commune à l'association." } } }
check.contains(t, "Le deuxième alinéa de l'article 1er est supprimé.", "formula 9")
t = avenant_text { edits = { { replace = "objet",
    text = { "La présente convention organise le soutien de la Commune à l'association.",
  "Elle est suivie par un comité.", "La convention est conclue pour l'année." } } } }
check.contains(t,
    "Après le premier alinéa de l'article 1er, il est inséré un alinéa ainsi rédigé :\n"
    .. "« Elle est suivie par un comité. ».", "formula 8")

-- Edits of the text: words in an article (1), the same words throughout (23), a table row
-- changed, inserted and deleted by its label (15, 16, 17).
t = avenant_text { edits = { { words = "litiges", old = "tribunal administratif de Melun",
    new = "tribunal judiciaire" } } }
check.contains(t,
    "À l'article 4, les mots : « administratif de Melun » sont remplacés par les mots : "
               .. "« judiciaire ».", "formula 1 from an edit: an article of one alinéa is addressed itself")
t = avenant_text { edits = { { throughout = true, old = "La convention", new = "Le contrat" } } }
check.contains(t, "# Modifications dans l'ensemble de la Convention")
check.contains(t, "Dans l'ensemble de la Convention, les mots : « La convention » sont remplacés par les mots : "
               .. "« Le contrat ».", "formula 23, once")
check.eq(select(2, t:gsub("# Modification de l'article", "")), 0, "no article of its own for words throughout")
t = avenant_text { edits = { { row = "duree", label = "Bilan", cells = { "Bilan", "novembre" } },
                             { row = "duree", label = "Relance", cells = { "Relance", "juin" },
                                 after = "Lancement" } } }
check.contains(t,
    "Dans le tableau, à la ligne « Bilan », les mots : « décembre » figurant dans la colonne « Échéance » "
               .. "sont remplacés par les mots : « novembre ».", "a cell, by row and column")
check.contains(t, "Dans le tableau, après la ligne « Lancement », est insérée la ligne suivante :",
    "formula 16")
t = avenant_text { edits = { { delete_row = "duree", label = "Bilan" } } }
check.contains(t, "Dans le tableau figurant à l'article 3, la ligne « Bilan » est supprimée.",
    "formula 17 from an edit")
check.fails("changes.json: edits[1] (words litiges): the words « cour » are not in the text of litiges",
            Avenant.from_change_set, set { edits = { { words = "litiges", old = "cour", new = "x" } } }, "changes.json")
check.fails("changes.json: edits[1] (row duree): no table of duree has a row labelled « Suivi »",
            Avenant.from_change_set, set { edits = { { row = "duree", label = "Bilan", cells = { "Bilan", "x" },
            after = "Suivi" } } }, "changes.json")
check.fails("changes.json: edits[1] (delete_row duree): delete_row does not take cells", Avenant.from_change_set,
            set { edits = { { delete_row = "duree", label = "Bilan", cells = { "Bilan" } } } }, "changes.json")
local check_consolidated_later = { edits = { { throughout = true, old = "La convention", new = "Le contrat" },
                                       { row = "duree", label = "Bilan", cells = { "Bilan", "novembre" } },
                                       { delete_row = "duree", label = "Lancement" } } }

-- 19. an annex replaced, the new one joined to the avenant
local with_annex = Avenant.from_change_set(set { data = {
  { set = "calendar", to = "Le comité se réunit en mars et en septembre." } } },
                                           "changes.json")
local annex_doc = require("conventio.agreement").of_document(with_annex:document())
check.eq(#annex_doc.annexes, 1, "the new annex is joined to the avenant")
check.contains(text_of(annex_doc.articles[2].blocks),
               "L'annexe 1 de la Convention est remplacée par l'annexe 1 jointe au présent avenant.", "formula 19")
check.contains(text_of(annex_doc.annexes[1].blocks), "en mars et en septembre", "the joined annex is the new one")

-- An annex added completes the Convention (it has no annex 2 to replace); an annex taken out is
-- « supprimée », its heading and the purpose naming the annex, not an article.
t = avenant_text { data = { { add = "indicators", value = "Le nombre de licenciés est suivi." } } }
check.contains(t, "# Ajout d'une annexe 2", "an annex added: its heading")
check.contains(t, "La Convention est complétée par une annexe 2 jointe au présent avenant.", "an annex added")
check.contains(t, "Le présent avenant a pour objet de compléter la Convention par une annexe 2.",
               "an annex added: the purpose")
check.eq(t:find("remplacée", 1, true), nil, "no annex 2 replaced")
t = avenant_text { data = { { add = "no_calendar", value = true } } }
check.contains(t, "# Suppression de l'annexe 1", "an annex deleted: its heading")
check.contains(t, "L'annexe 1 de la Convention est supprimée.", "an annex deleted")
check.contains(t, "Le présent avenant a pour objet de supprimer l'annexe 1 de la Convention.",
               "an annex deleted: the purpose")
t = avenant_text { data = { { add = "no_calendar", value = true } }, edits = { { delete = "litiges" } } }
check.contains(t, "de supprimer l'article 4 et l'annexe 1 de la Convention.", "an article and an annex deleted")

-- The visas and the preamble are the Convention's too: a change there is worded (it was lost:
-- the avenant said nothing, or that the change set changed nothing), each changed visa or alinéa
-- rewritten (rule 1), the whole when their number changes; words replaced throughout are
-- replaced there as well.
local with_preamble = c.load_data("avenant_base.json")
with_preamble.visas = { "Vu le code général des collectivités territoriales ;",
                        "Vu la délibération du conseil municipal du 10 janvier 2024 ;" }
with_preamble.preamble = { "La Commune soutient le sport.", "L'association X anime le club de Melun." }
local function with_preamble_text(fields)
  fields.base = { script = "avenant_base.lua", data = with_preamble }
  return avenant_text(fields)
end
t = with_preamble_text { data = { { set = "visas.[2]",
    to = "Vu la délibération du conseil municipal du 3 mars 2024 ;" } } }
check.contains(t, "# Modification des visas", "a visa changed: its article")
check.contains(t, "Le deuxième visa de la Convention est ainsi rédigé :\n"
               .. "« Vu la délibération du conseil municipal du 3 mars 2024 ; ».", "a visa changed")
check.contains(t, "Le présent avenant a pour objet de modifier les visas de la Convention.", "a visa: the purpose")
t = with_preamble_text { data = { { set = "preamble.[1]", to = "La Commune soutient le sport et la culture." },
                                  { set = "amount", to = "60000" } } }
check.contains(t, "# Modification du préambule", "the preamble changed: its article")
check.contains(t, "Le premier alinéa du préambule de la Convention est ainsi rédigé :\n"
               .. "« La Commune soutient le sport et la culture. ».", "an alinéa of the preamble changed")
check.contains(t, "de modifier le préambule et l'article 2 de la Convention", "the preamble: the purpose")
t = with_preamble_text { data = { { add = "preamble", value = "Le club compte 300 licenciés." } } }
check.contains(t, "Le préambule de la Convention est ainsi rédigé :\n« La Commune soutient le sport.\n"
               .. "« L'association X anime le club de Melun.\n« Le club compte 300 licenciés. ».",
               "an alinéa added to the preamble: the whole rewritten")
t = with_preamble_text { edits = { { throughout = true, old = "club", new = "cercle" } } }
check.contains(t, "Dans l'ensemble de la Convention, les mots : « club » sont remplacés", "throughout")
local throughout_av = Avenant.from_change_set(set { base = { script = "avenant_base.lua", data = with_preamble },
    edits = { { throughout = true, old = "club", new = "cercle" } } }, "changes.json")
local clean = consolidated.plain(throughout_av:amended_document())
check.contains(clean, "L'association X anime le cercle de Melun.", "throughout: the preamble too")
check.eq(clean:find("club", 1, true), nil, "throughout: the old words nowhere")

-- "The same script with new data": the two models are compared.
t = avenant_text { new_data = "avenant_new_data.json" }
check.contains(t, "la date : « 31 décembre 2024 » est remplacée par la date : « 31 décembre 2025 »", "new_data")

-- Chaining: avenant n° 2 cites n° 1 and amends the agreement as n° 1 left it (article 1-1).
local second = Avenant.from_change_set({ follows = "avenant_changes_1.json", number = 2, date = "2024-06-01",
  edits = { { complete = "suivi", text = "Il se réunit deux fois par an." } } }, "changes_2.json")
local second_doc = require("conventio.agreement").of_document(second:document())
check.contains(text_of(second_doc.articles[2].blocks), "L'article 1-1 est complété par un alinéa ainsi rédigé",
               "avenant n° 2 addresses the article n° 1 inserted")
check.eq((second_doc.spec.title:gsub("\u{a0}", " ")), "Avenant n° 2 à la convention de partenariat du 15 janvier 2024 "
         .. "entre la Commune de Melun et l'association X", "its title names the Convention's parties (avenants.md §2)")
check.eq(#second_doc.visas, 1)
check.contains((require("conventio.clauses").markdown("avenant/visa_convention", second_doc.visas[1].params)
                :gsub("\u{a0}", " ")),
               "modifiée par l'avenant n° 1 du 1er mars 2024", "its visa cites avenant n° 1")
-- Numbers of inserted articles (avenants.md rules 6 and 7): never one an earlier avenant gave,
-- nor one a deletion left vacant; after « 1-1 » the next is « 1-2 », not « 1-1-1 ».
local function numbers_of(fields, file)
  local av = Avenant.from_change_set(fields, file or "changes.json")
  local out = {}
  for _, article in ipairs(av.amended.articles) do out[#out + 1] = (article.key or "?") .. "=" .. article.number end
  return table.concat(out, " ")
end
check.eq(numbers_of({ follows = "avenant_changes_1.json", number = 2, date = "2024-06-01",
  edits = { { insert_after = "objet", key = "bilan", title = "Bilan", text = "Un bilan est fait." } } },
  "changes_2.json"),
  "objet=1 bilan=1-0-1 suivi=1-1 montant=2 duree=3 litiges=4", "before the 1-1 an earlier avenant inserted")
check.eq(numbers_of({ follows = "avenant_changes_1.json", number = 2, date = "2024-06-01",
  edits = { { insert_after = "suivi", key = "bilan", title = "Bilan", text = "Un bilan est fait." } } },
  "changes_2.json"),
  "objet=1 suivi=1-1 bilan=1-2 montant=2 duree=3 litiges=4", "after 1-1: 1-2")
check.eq(numbers_of(set { edits = { { delete = "litiges" },
  { insert_after = "duree", key = "fin", title = "Fin", text = "x" } } }),
  "objet=1 montant=2 duree=3 fin=5", "the number of a deleted article stays vacant")
local deleted_then = numbers_of({ follows = "avenant_deletes.json", number = 2, date = "2024-06-01",
  edits = { { insert_after = "duree", key = "fin", title = "Fin", text = "x" } } }, "changes_2.json")
check.eq(deleted_then, "objet=1 montant=2 duree=3 fin=5", "vacant since an earlier avenant")
check.fails("changes_2.json: date: the avenant is dated before avenant n° 1", Avenant.from_change_set,
            { follows = "avenant_changes_1.json", number = 2, date = "2024-02-01",
              edits = { { complete = "suivi", text = "x" } } }, "changes_2.json")
check.fails("follows: load_data: cannot find 'nothing.json'", Avenant.from_change_set,
            { follows = "nothing.json", number = 2, date = "2024-06-01" }, "changes.json")

-- Bad change sets name the change file and the entry.
check.fails("changes.json: edits[1] (delete litige): no article has the key litige (did you mean litiges?)",
            Avenant.from_change_set, set { edits = { { delete = "litige" } } }, "changes.json")
check.fails("edits[2] (insert_after litiges): no article has the key litiges (an earlier edit deletes it)",
            Avenant.from_change_set, set { edits = { { delete = "litiges" },
              { insert_after = "litiges", key = "x", title = "X", text = "x" } } }, "changes.json")
check.fails("changes.json: data[1] (set amount): the amended agreement is refused: amount: above the ceiling",
            Avenant.from_change_set, set { data = { { set = "amount", to = "150000" } } }, "changes.json")
check.fails("changes.json: edits[1] (complete montant): an amount in an article is computed from the data",
            Avenant.from_change_set, set { edits = { { complete = "montant", text = "Soit 70 000 € en tout." } } },
                "changes.json")
for _, typed in ipairs { "Soit 70 000 euros en tout.", "Soit 70 000 EUR en tout." } do
  check.fails("changes.json: edits[1] (complete montant): an amount in an article is computed from the data",
              Avenant.from_change_set, set { edits = { { complete = "montant", text = typed } } }, "changes.json")
end
check.fails("changes.json: data[1] (set amout): the data has no amout (did you mean amount?)",
            Avenant.from_change_set, set { data = { { set = "amout", to = "1" } } }, "changes.json")
check.fails("changes.json: data[1] (set end_date): a prorogation must be signed before the Convention ends",
            Avenant.from_change_set, set { date = "2025-02-01", data = { { set = "end_date", to = "2025-12-31" } } },
            "changes.json")
-- The prorogation is told from the two versions' ends, whatever the change that moves it (it was
-- told from a `set …end_date` only): an edit of the end date's words, new data, a duration in
-- months made longer.
check.fails("changes.json: edits[1] (words duree): a prorogation must be signed before the Convention ends",
            Avenant.from_change_set, set { date = "2025-02-01", edits = { { words = "duree",
              old = "31 décembre 2024", new = "31 décembre 2025" } } }, "changes.json")
check.fails("changes.json: new_data: a prorogation must be signed before the Convention ends",
            Avenant.from_change_set, set { date = "2025-02-01", new_data = "avenant_new_data.json" }, "changes.json")
local in_months = c.load_data("avenant_base.json")
in_months.duration = { months = 12 }
check.fails("changes.json: data[1] (set duration.months): a prorogation must be signed before the Convention ends "
            .. "(14\u{a0}janvier 2025)", Avenant.from_change_set, set { base = { script = "avenant_base.lua",
              data = in_months }, date = "2025-02-01", data = { { set = "duration.months", to = 24 } } },
            "changes.json")
t = avenant_text { base = { script = "avenant_base.lua", data = in_months }, date = "2025-01-10",
                   data = { { set = "duration.months", to = 24 } } }
check.contains(t, "le mot : « douze » est remplacé par le mot : « vingt-quatre »", "signed before the end: accepted")
-- Nor any other avenant: a convention that has ended is amended by none (rule 11: after its
-- expiry, a new convention is needed).
check.fails("changes.json: date: the Convention ended on 31\u{a0}décembre 2024; the avenant is dated 1er\u{a0}février "
            .. "2025: a convention that has ended cannot be amended", Avenant.from_change_set,
            set { date = "2025-02-01", data = { { set = "amount", to = "60000" } } }, "changes.json")
t = avenant_text { date = "2024-12-31", data = { { set = "amount", to = "60000" } } }
check.contains(t, "« 60 000 € »", "signed on its last day: amended")

-- An avenant takes effect while the Convention is in force, and ends it no earlier than it is
-- signed (review r17: each was accepted).
check.fails("changes.json: entry_into_force: the avenant would take effect on 1er\u{a0}mars 2025, after the "
            .. "Convention ends (31\u{a0}décembre 2024)", Avenant.from_change_set,
            set { entry_into_force = "2025-03-01", data = { { set = "amount", to = "60000" } } }, "changes.json")
check.fails("changes.json: entry_into_force: the avenant would take effect on 1er\u{a0}décembre 2023, before the "
            .. "Convention (15\u{a0}janvier 2024)", Avenant.from_change_set,
            set { entry_into_force = "2023-12-01", data = { { set = "amount", to = "60000" } } }, "changes.json")
check.fails("changes.json: data[1] (set end_date): the Convention would end on 1er\u{a0}mai 2024, before the avenant "
            .. "is signed (1er\u{a0}juin 2024)", Avenant.from_change_set,
            set { data = { { set = "end_date", to = "2024-05-01" } } }, "changes.json")
t = avenant_text { entry_into_force = "2024-07-01", data = { { set = "amount", to = "60000" } } }
check.contains(t, "1er juillet 2024", "an entry into force within the Convention's life")

-- A new value of another kind than the data's is refused at its change, saying which kind
-- (review r17: « bad argument #3 to '?' », « must be a whole number …, got 36 », no place at all).
check.fails('changes.json: data[1] (set amount): amount is a string in the Convention\'s data ("50000"); the new '
            .. "value is true or false (true): give a string", Avenant.from_change_set,
            set { data = { { set = "amount", to = true } } }, "changes.json")
check.fails('changes.json: data[1] (set end_date): end_date is a string in the Convention\'s data ("2024-12-31"); '
            .. "the new value is a number (20251231): give a string", Avenant.from_change_set,
            set { data = { { set = "end_date", to = 20251231 } } }, "changes.json")
t = avenant_text { data = { { set = "amount", to = 60000 } } }
check.contains(t, "« 60 000 € »", "a whole number of euros for an amount written as a string")
-- Into lists and objects: a list's elements against its first, an added element too.
check.fails('changes.json: data[1] (set rows): rows.[1].year is a number in the Convention\'s data (2024); the new '
            .. 'value is a string ("x"): give a number', Avenant.from_change_set,
            set { data = { { set = "rows", to = { { year = "x", amount = "1" } } } } }, "changes.json")
check.fails("changes.json: data[1] (add rows): rows.[3] is an object in the Convention's data ({…}); the new value is "
            .. 'a string ("2026"): give an object', Avenant.from_change_set,
            set { data = { { add = "rows", value = "2026" } } }, "changes.json")
t = avenant_text { data = { { set = "rows", to = {} } } }
check.contains(t, "la ligne « 2025 » est supprimée", "a list emptied")

-- A rank beyond the list is the change's fault, not a line of the library's.
local beyond = check.fails("changes.json: data[1] (remove rows.[5]): no element [5] in rows", Avenant.from_change_set,
            set { data = { { remove = "rows.[5]" } } }, "changes.json")
check.eq(beyond:find("in rows.[5]", 1, true), nil, "the list named, not the element")
check.fails("changes.json: data[1] (set rows.[3].amount): the data has no rows.[3]", Avenant.from_change_set,
            set { data = { { set = "rows.[3].amount", to = "1" } } }, "changes.json")
check.fails("changes.json: unknown field edit (did you mean edits?)", Avenant.from_change_set, set { edit = {} },
    "changes.json")
check.fails("changes.json: number: this avenant is n° 1 in its chain, not 2", Avenant.from_change_set, set { number = 2,
  data = { { set = "amount", to = "60000" } } }, "changes.json")
check.fails("changes.json: the change set changes nothing", Avenant.from_change_set, set {}, "changes.json")

-- A Convention whose script empties the data it is given (avenant_base_emptying.lua): each run
-- gets data of its own wherever that data is read again (the amended data built again without
-- the words replaced throughout, the next avenant of a chain), so the avenant is the same.
local function emptying_too(fields)
  local plain = avenant_text(fields())
  local changed = fields()
  changed.base = { script = "avenant_base_emptying.lua", data = "avenant_base.json" }
  check.eq(avenant_text(changed), plain, "a script emptying its data")
end
emptying_too(function() return { data = { { set = "amount", to = "60000" } } } end)
emptying_too(function()
  return { data = { { set = "amount", to = "60000" } },
           edits = { { throughout = true, old = "La convention", new = "Le contrat" } } }
end)

-- (Which builds state their facts, counted by hand: tests/lua/library_internals_test.lua.)

-- The consolidated version: accepting every change gives the amended agreement's text,
-- rejecting every change the base's, for every kind of change above.
local function check_consolidated(fields, what)
  local av = Avenant.from_change_set(set(fields), "changes.json")
  local items = av:consolidated()
  check.eq(consolidated.text(items, "accept"), consolidated.plain(av:amended_document()), what .. ": accept")
  check.eq(consolidated.text(items, "reject"), consolidated.plain(av:base_document()), what .. ": reject")
  return items
end
local items = check_consolidated({ data = { { set = "amount", to = "60000" }, { set = "end_date", to = "2025-06-30" },
  { set = "rows.2025.amount", to = "25000" }, { add = "rows", value = { year = 2026, amount = "5000" } },
  { set = "address", to = "Hôtel de ville, 77000 Melun" } } }, "data changes")
local marked = 0
for _, item in ipairs(items) do
  for _, seg in ipairs(item.segments or {}) do if seg.change then marked = marked + 1 end end
  for _, row in ipairs(item.rows or {}) do if row.mark then marked = marked + 1 end end
end
check.eq(marked >= 6, true, "words and rows are marked")
check_consolidated({ edits = {
  { complete = "objet", text = "Elle est publiée." },
  { replace = "duree", text = { "La convention court jusqu'au 31 décembre 2026.", "Elle n'est pas reconductible." } },
  { insert_after = "montant", key = "suivi", title = "Suivi", text = "Un comité suit la convention." },
  { delete = "litiges" },
} }, "article edits")
check_consolidated({ data = { { remove = "rows.2025" }, { set = "amount", to = "30000" } } }, "a row deleted")
check_consolidated(check_consolidated_later, "edits of the text")

-- A note's text or a link's address changed alone, the words around them unchanged: the avenant
-- quotes the alinéa again with its note and link (it once said the change set changed nothing,
-- and left them out of a change of words), and the consolidated version marks them.
local function marks_avenant(changes)
  local av = Avenant.from_change_set({ base = { script = "avenant_marks_base.lua", data = "avenant_marks_base.json" },
                                       number = 1, date = "2024-06-01", data = changes }, "changes.json")
  local Agreement = require "conventio.agreement"
  local texts, marks = {}, {}
  for _, article in ipairs(Agreement.of_document(av:document()).articles) do
    texts[#texts + 1] = article.title
    for _, o in ipairs(c.outline(article.blocks)) do
      local paras = o.kind == "list" and {} or { o }
      if o.kind == "list" then
        for _, item in ipairs(o.items) do for _, p in ipairs(item) do paras[#paras + 1] = p end end
      end
      for _, p in ipairs(paras) do
        texts[#texts + 1] = p.text
        marks[#marks + 1] = p.marks
      end
    end
  end
  return (table.concat(texts, "\n"):gsub("\u{a0}", " ")), table.concat(marks, "\n"), av
end
local note_text, note_marks, note_av = marks_avenant { { set = "note", to = "Délibération du 12 décembre 2023." } }
check.contains(note_text, "Le premier alinéa de l'article 1er est ainsi rédigé :\n« La convention organise le soutien"
  .. " de la Commune. »", "a note changed: its alinéa quoted again")
check.contains(note_marks, "Délibération du 12 décembre 2023.", "the quoted alinéa holds the new note")
local link_text, link_marks = marks_avenant { { set = "url", to = "https://melun.fr/programme-2024" } }
check.contains(link_text, "Le troisième alinéa de l'article 2 est ainsi rédigé :", "a link changed in a list item")
check.contains(link_text, "« Le programme est décrit sur le site du programme. »", "its alinéa quoted again")
check.contains(link_text, "« il publie ses comptes. »", "a list item quoted with its link")
check.eq(select(2, link_marks:gsub("https://melun.fr/programme%-2024", "")), 2, "both links quoted, new address")
check.eq(link_marks:find("https://melun.fr/programme\n", 1, true), nil, "not the old address")
-- A note citing an article by a live reference: quoted, the reference is text (it pointed at an
-- article the avenant does not have, and the avenant was refused).
local cited_text, cited_marks = marks_avenant { { set = "note_cites", to = true } }
check.contains(cited_text, "Le premier alinéa de l'article 1er est ainsi rédigé", "a note's reference added")
check.contains(cited_marks, "2023. Voir l'article 2.", "the quoted note cites the article as text")
local note_items = note_av:consolidated()
check.eq(consolidated.text(note_items, "accept"), consolidated.plain(note_av:amended_document()), "note: accept")
local tracked = 0
for _, item in ipairs(note_items) do if item.tracked then tracked = tracked + 1 end end
check.eq(tracked, 1, "the consolidated version marks the paragraph whose note changed")

-- A party renamed by the avenant: the Convention is cited as it was concluded, between the
-- parties by the names they had then (it was cited by the new name, a Convention nobody signed).
local renamed = Avenant.from_change_set(set { data = { { set = "commune_name", to = "Ville de Melun" } } },
                                        "changes.json")
local renamed_text = {}
for _, o in ipairs(c.outline(c.body(renamed:document()))) do
  if o.kind == "para" then renamed_text[#renamed_text + 1] = o.text end
end
renamed_text = table.concat(renamed_text, "\n"):gsub("\u{a0}", " "):gsub("\u{202f}", " ")
check.contains(renamed_text, "conclue entre la Commune de Melun et l'association X (ci-après « la Convention »)",
               "the Convention cited by its parties' names as they stood")
check.contains(renamed_text, "Ci-après dénommée « la Ville de Melun »", "the avenant's own party by its new name")
-- The designation is addressed whole: the name changed in its line and in « ci-après dénommée »
-- is one sentence that says so (it was two identical ones, neither saying which « Commune »).
local designation = avenant_text { data = { { set = "commune_name", to = "Ville de Melun" } } }
check.contains(designation, "Dans la désignation des parties, le mot : « Commune » est remplacé, à chaque occurrence, "
               .. "par le mot : « Ville ».", "one sentence, at each occurrence")
check.eq(select(2, designation:gsub("Dans la désignation des parties", "")), 1, "said once")

-- The words a change is quoted from: trailing punctuation splits off one mark a word, a chunk
-- of punctuation alone stays one word, spaces (no-break ones too) stay with the word after.
local text_diff = require "conventio.avenant.text_diff"
local function spelled(text)
  local out = {}
  for _, w in ipairs(text_diff.words(text)) do out[#out + 1] = "[" .. w.space .. "|" .. w.word .. "]" end
  return table.concat(out)
end
check.eq(spelled("Le montant (2024)., fixé à 475\u{a0}000 € ; voir l'article 5."),
         "[|Le][ |montant][ |(2024][|)][|.][|,][ |fixé][ |à][ |475\u{a0}000][ |€][ |;][ |voir][ |l'article][ |5][|.]",
         "words")
check.eq(spelled("  ... a.b"), "[  |...][ |a.b]", "words of punctuation alone")
check.eq(spelled(""), "", "no words")

-- The longest common subsequence (text_diff.lcs): pairs equal and in order, as many as the
-- textbook table of every pair of positions finds, on short arrays of few letters (many ties:
-- the cases where a greedy walk could go wrong).
local function lcs_length(a, b)
  local row = {}
  for j = 0, #b do row[j] = 0 end
  for i = 1, #a do
    local next_row = { [0] = 0 }
    for j = 1, #b do
      next_row[j] = a[i] == b[j] and row[j - 1] + 1 or math.max(row[j], next_row[j - 1])
    end
    row = next_row
  end
  return row[#b]
end
local seed = 7
local function draw(n)  -- a fixed series: the same cases on every run
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed // 65536 % n + 1
end
local function equal(x, y) return x == y end
local wrong
for case = 1, 500 do
  local letters, a, b = draw(5) + 1, {}, {}
  for i = 1, draw(14) - 1 do a[i] = draw(letters) end
  for i = 1, draw(14) - 1 do b[i] = draw(letters) end
  local pairs_, i, j, in_order = text_diff.lcs(a, b, equal), 0, 0, true
  for _, p in ipairs(pairs_) do
    in_order = in_order and p[1] > i and p[2] > j and a[p[1]] == b[p[2]]
    i, j = p[1], p[2]
  end
  if not wrong and (not in_order or #pairs_ ~= lcs_length(a, b)) then
    wrong = ("case %d: %s / %s gave %d pairs%s, not %d"):format(case, table.concat(a, ""), table.concat(b, ""),
      #pairs_, in_order and "" or " out of order", lcs_length(a, b))
  end
end
check.eq(wrong, nil, "lcs against the table")
-- A consolidated agreement of 5 000 blocks with three changes far apart: a table of every pair
-- (25 million cells) ran out of the script's instruction budget; the walk costs the changes.
local long_a, long_b = {}, {}
for k = 1, 5000 do long_a[k], long_b[k] = "bloc " .. k, "bloc " .. k end
long_b[1], long_b[2500], long_b[5000] = "premier modifié", "milieu modifié", "dernier modifié"
table.insert(long_b, 10, "bloc inséré")
check.eq(#text_diff.lcs(long_a, long_b, equal), 4997, "5 000 blocks, three changed, one inserted")
check.eq(#text_diff.hunks(long_a, long_b, equal), 4, "their four stretches")

-- Units told unchanged by their blocks alone (compare.lua's same_parts): the same Markdown text
-- gives the cache's very blocks, another text or blocks built again do not.
local md = "Premier alinéa.\n\nSecond alinéa."
local first, again = c.Markdown(md), c.Markdown(md)
check.eq(c.same_blocks(first, again), true, "same text, same blocks")
check.eq(c.same_blocks(first, c.Markdown(md .. " Complété.")), false, "another text")
check.eq(c.same_blocks(first, { first[1] }), false, "fewer blocks")
check.eq(c.same_blocks({ c.Para("Un alinéa.") }, { c.Para("Un alinéa.") }), false, "equal blocks made twice")
check.eq(c.same_blocks({}, {}), true, "no blocks")
check.eq(c.same_blocks(first, "x"), false, "not an array")
check.eq(c.same_blocks({ "texte" }, { "texte" }), false, "not blocks")

return check.done()
