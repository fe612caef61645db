-- Ordinals French typography raises (Imprimerie nationale), beside words and identifiers that
-- only look like them: test_outputs reads which letters each format sets in superscript.
local c = require "conventio"
return c.Document { title = "Ordinaux", body = {
  c.Para "Le 1er janvier, la 1re année, le 2e alinéa, les 3es.",
  c.Para "La 2de tranche, le 2nd versement, la 2nde échéance, le 2d alinéa.",
  c.Para("Au XIXe siècle, au XXIe, sous la Ve République ; le Titre Ier, la Ire partie, le IIe chapitre, "
         .. "les XVIIe–XVIIIe siècles."),
  c.Para "Après une élision ou entre guillemets : l'IIe partie, d’Ier, 'IIIe', les XIXe,XXe siècles.",
  c.Para("Rien à lever : Le Ce Les Ces De Me Mme CIE LIEUE VIE XIE Cie, lot A-IIe, IIe.pdf, lot A-2e, 3e-2, 3d, "
         .. "2e.pdf, 2nde.pdf, lot A\u{2011}IIe, https://exemple.fr/XIXe-siecle."),
} }
