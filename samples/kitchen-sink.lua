-- Every element of the document tree, in both formats: the sample the integration tests
-- and the benchmark render. Data comes from kitchen-sink.json.
local c = require "conventio"
local data = ...

local doc = c.Document {
  title = data.title,
  subject = data.subject,
  keywords = data.keywords,
  date = data.date,
  header = { data.title },
  footer = { "Page ", c.PageNumber(), " / ", c.PageCount() },
}

doc:add(c.Title(data.title))
doc:add(c.Para({ "Entre" }, { align = "center" }))
doc:add(c.Para {
  c.Bold(data.partner.name), ", ", data.partner.kind, ",", c.LineBreak(),
  "Adresse\u{a0}: ", data.partner.address,
})
doc:add(c.Para({ "Et" }, { align = "center" }))
doc:add(c.Para { c.Bold "La Direction interministérielle du numérique (DINUM)" })

doc:add(c.Article { "Article ", c.Anchor("art_objet", "1"), "\u{a0}: Objet" })
doc:add(c.Para {
  "La présente convention a pour objet d’", c.Bold "accélérer", " le service ",
  c.Italic "UrbanVitaliz", ", en suivant l’approche documentée sur ",
  c.Link("https://beta.gouv.fr/approche/", "beta.gouv.fr"), ".",
  c.Note { "Voir ", c.Link("https://www.ssi.gouv.fr/", "le guide de l’ANSSI"), "." },
})
doc:add(c.Para {
  "Caractères spéciaux écrits tels quels\u{a0}: & < > \" ' {{x}} *Test* <b>, le 1",
  c.Sup "er", " juillet, ", c.Underline "souligné", ", espaces   multiples.",
})

doc:add(c.Article { "Article ", c.Anchor("art_engagements", "2"), "\u{a0}: Engagements" })
doc:add(c.SubArticle { c.Anchor("art_engagements_1", "2.1"), " Engagements du partenaire" })
doc:add(c.BulletList {
  "nomme un ou une agent public au rôle d’intrapreneur\u{a0};",
  { "respecte les bonnes pratiques, notamment\u{a0}:",
    c.BulletList { "publier les codes sources", "mesurer l’impact" } },
  { "prévoit l’intégration de FranceConnect", c.Note "https://franceconnect.gouv.fr/partenaires/" },
})
doc:add(c.SubArticle { c.Anchor("art_engagements_2", "2.2"), " Calendrier" })
doc:add(c.OrderedList {
  "signature de la convention\u{a0};",
  { "versements\u{a0}:", c.OrderedList { "800\u{a0}000\u{a0}€ à la signature", "400\u{a0}000\u{a0}€ ensuite" } },
})
doc:add(c.OrderedList { "une seconde liste numérotée repart à 1", "deuxième élément" })

doc:add(c.Article { "Article ", c.Anchor("art_fin", "3"), "\u{a0}: Dispositions financières" })
doc:add(c.Para { "Le montant fixé à l’article ", c.Ref("art_engagements_1", "2.1"),
                 " est versé selon le calendrier de l’article ", c.Ref("art_engagements_2", "2.2"), "." })
local rows = {}
for _, line in ipairs(data.amounts) do rows[#rows + 1] = { line.label, line.amount } end
rows[#rows + 1] = { c.Bold "Total", c.Bold(data.total) }
doc:add(c.Table { widths = { 3, 2 }, header = { "Nature", "Montant" }, rows = rows })

doc:add(c.Para({ "Fait à Paris, le " .. data.signature_date }, { keep_with_next = true }))
doc:add(c.Signatures {
  { "Pour le partenaire", data.partner.signatory, data.partner.signatory_title },
  { "Pour la DINUM", "Stéphanie Schaer", "Directrice interministérielle du numérique" },
})

doc:add(c.AnnexHeading { "Annexe ", c.Anchor("annexe_rgpd", "1"), "\u{a0}: répartition des responsabilités RGPD" })
doc:add(c.Para { "Cette annexe complète l’article ", c.Ref("art_objet", "1"), "." })
local matrix = {}
for _, row in ipairs(data.gdpr) do
  local partner_cell = ""
  if row.partner ~= "" then
    partner_cell = { c.Para(row.partner), c.BulletList { "première mesure", "seconde mesure" } }
  end
  matrix[#matrix + 1] = {
    c.Bold(row.topic), { c.Para(row.dinum), c.Para "Deuxième paragraphe de la cellule." }, partner_cell,
  }
end
matrix[#matrix + 1] = { { "Une ligne fusionnée sur trois colonnes.", span = 3 } }
matrix[#matrix + 1] = {
  "Territorialité",
  { "Engagement à traiter les données sur le territoire national ou européen.", span = 2 },
}
doc:add(c.Table { widths = { 2, 3, 3 }, header = { "", "DINUM", data.partner.short_name }, rows = matrix })

doc:add(c.PageBreak())
doc:add(c.AnnexHeading { "Annexe ", c.Anchor("annexe_couts", "2"), "\u{a0}: catégories de coûts" })
doc:add(c.Para "Après un saut de page explicite, la liste des catégories\u{a0}:")
doc:add(c.BulletList { "Devops", "Design", "Déploiement", "Coaching" })

return doc
