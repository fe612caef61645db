// A document tree holding every element kind, for the schema and LibreOffice checks.
#pragma once

#include <string>
#include <string_view>

#include "conventio/document.hpp"

namespace conventio::odt::test {

/// Marks from letters: b(old), i(talic), u(nderline), s(uperscript). (GCC's -Wextra
/// refuses designated initializers that leave members out.)
inline doc::Marks marks(std::string_view letters) {
    doc::Marks m;
    for (char c : letters) {
        if (c == 'b') m.bold = true;
        if (c == 'i') m.italic = true;
        if (c == 'u') m.underline = true;
        if (c == 's') m.superscript = true;
    }
    return m;
}

inline doc::Run run(std::string text, std::string_view letters = "", std::string href = "") {
    return doc::Run{std::move(text), marks(letters), std::move(href)};
}

inline doc::Paragraph para(doc::ParagraphStyle style, doc::Inlines content) {
    return doc::Paragraph{style, doc::Align::inherit, false, std::move(content)};
}

inline doc::Paragraph body(std::string text) {
    return para(doc::ParagraphStyle::body, {run(std::move(text))});
}

inline doc::Paragraph signature(std::string text) {
    return para(doc::ParagraphStyle::signature, {run(std::move(text))});
}

inline doc::Block block(doc::Paragraph p) { return doc::Block{std::move(p)}; }

inline doc::ListItem item(std::string text, std::vector<doc::Block> more = {}) {
    doc::ListItem i;
    i.blocks.push_back(block(para(doc::ParagraphStyle::list, {run(std::move(text))})));
    for (auto& b : more) i.blocks.push_back(std::move(b));
    return i;
}

inline doc::Cell cell(std::string text, doc::ParagraphStyle style = doc::ParagraphStyle::table,
                      int span = 1) {
    doc::Cell c;
    c.column_span = span;
    c.blocks.push_back(block(para(style, {run(std::move(text))})));
    return c;
}

/// Every block and inline kind, with enough text for several pages.
inline doc::Document kitchen_sink() {
    using doc::ParagraphStyle;
    doc::Document d;
    d.meta.title = "Convention de partenariat";
    d.meta.subject = "Étude des mobilités";
    d.meta.keywords = {"convention", "Cerema", "mobilité"};
    d.meta.date = "2023-01-31";
    d.header = {run("Convention Cerema \u2013 Ville de Lyon")};
    d.footer = {run("Page "), doc::Field{doc::FieldKind::page_number}, run(" / "),
                doc::Field{doc::FieldKind::page_count}};

    auto& b = d.body;
    b.push_back(block(para(ParagraphStyle::title, {run("CONVENTION DE PARTENARIAT")})));
    b.push_back(
        block(doc::Paragraph{ParagraphStyle::body, doc::Align::center, true, {run("Entre les soussignés")}}));
    b.push_back(block(para(ParagraphStyle::article,
                           {run("Article "), doc::Anchor{"art_objet", "1"}, run(" \u2013 Objet")})));
    b.push_back(block(para(
        ParagraphStyle::body,
        {run("La présente convention a pour objet "), run("important", "b"), run(", "),
         run("en italique", "i"), run(" et "), run("souligné", "u"), run(" ; 1"), run("er", "s"),
         run(" montant\u00a0: 475\u202f000\u00a0€"),
         doc::Footnote{{para(ParagraphStyle::footnote, {run("Montant hors taxes.")})}},
         run(".  Deux espaces,\tune tabulation, "), run("un lien", "b", "https://www.cerema.fr/?a=1&b=2"),
         doc::LineBreak{}, run("  et une ligne nouvelle "), run("gras italique", "bi")})));
    b.push_back(block(para(ParagraphStyle::sub_article, {run("1.1 Modalités")})));
    b.push_back(
        block(para(ParagraphStyle::body,
                   {run("Comme prévu à l'article "), doc::CrossRef{"art_objet", "1"}, run(", voir la note"),
                    doc::Footnote{{para(ParagraphStyle::footnote, {run("Deuxième note.")})}}, run(".")})));
    for (int i = 0; i < 12; ++i)
        b.push_back(block(
            body("Le partenaire s'engage à fournir les données nécessaires à la réalisation de l'étude, "
                 "dans les délais convenus entre les parties, et à informer le Cerema de toute "
                 "difficulté rencontrée au cours de l'exécution de la présente convention.")));

    doc::List bullets;
    bullets.items.push_back(item("premier point"));
    doc::List numbered_inner;
    numbered_inner.ordered = true;
    numbered_inner.items = {item("sous-point a"), item("sous-point b")};
    bullets.items.push_back(item("deuxième point", {doc::Block{numbered_inner}}));
    doc::List dashes;
    dashes.items = {item("tiret un"), item("tiret deux")};
    bullets.items.push_back(item("troisième point", {doc::Block{dashes}}));
    b.push_back(doc::Block{bullets});

    doc::List ordered;
    ordered.ordered = true;
    doc::List ordered_inner;
    ordered_inner.ordered = true;
    ordered_inner.items = {item("alinéa a"), item("alinéa b")};
    ordered.items = {item("première étape", {doc::Block{ordered_inner}}), item("deuxième étape")};
    b.push_back(doc::Block{ordered});
    b.push_back(block(body("Une seconde liste numérotée recommence à 1 :")));
    doc::List ordered2;
    ordered2.ordered = true;
    ordered2.items = {item("étape un"), item("étape deux"), doc::ListItem{}};
    b.push_back(doc::Block{ordered2});

    doc::Table t;
    t.column_weights = {3, 1, 1};
    t.header_row = true;
    t.rows.push_back(
        {{cell("Poste", ParagraphStyle::table_header), cell("Montant", ParagraphStyle::table_header),
          cell("Part", ParagraphStyle::table_header)}});
    for (int i = 0; i < 4; ++i)
        t.rows.push_back(
            {{cell("Frais de personnel et de déplacement"), cell("10\u202f000\u00a0€"), cell("25\u00a0%")}});
    t.rows.push_back({{cell("Total", ParagraphStyle::table, 2), doc::Cell{}}});
    b.push_back(doc::Block{t});

    doc::Table plain;
    plain.column_weights = {1, 1};
    plain.borders = false;
    doc::Cell with_list;
    doc::List in_cell;
    in_cell.items = {item("dans une cellule")};
    with_list.blocks.push_back(doc::Block{in_cell});
    plain.rows.push_back({{cell("Sans bordure"), with_list}});
    b.push_back(doc::Block{plain});

    b.push_back(doc::Block{doc::PageBreak{}});
    b.push_back(block(body("Après un saut de page.")));
    b.push_back(doc::Block{doc::PageBreak{}});
    // The end of the text, then the place and date heading the signatures (layout::signature_lead).
    b.push_back(block(body("Le dernier alinéa, sur la page des signatures.")));
    b.push_back(block(body("Fait à Lyon, le 31 janvier 2023")));
    b.push_back(doc::Block{doc::Signatures{{{signature("Pour le Cerema"), signature("Le directeur")},
                                            {signature("Pour la Ville"), signature("Le maire")}}}});
    b.push_back(block(para(ParagraphStyle::annex_heading, {run("ANNEXE 1 \u2013 Budget")})));
    b.push_back(block(body("Contenu de l'annexe.")));
    b.push_back(doc::Block{doc::PageBreak{}});
    return d;
}

}  // namespace conventio::odt::test
