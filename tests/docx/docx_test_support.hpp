// Helpers for the DOCX writer tests: terse tree builders, a kitchen-sink document with every
// element kind, and access to one part of the writer's output.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "conventio/document.hpp"
#include "docx/docx_writer.hpp"

namespace docx_test {

namespace doc = conventio::doc;
using PS = doc::ParagraphStyle;

inline doc::Run run(std::string text, doc::Marks marks = {}, std::string href = {}) {
    return doc::Run{std::move(text), marks, std::move(href)};
}

inline doc::Paragraph paragraph(doc::Inlines content, PS style = PS::body) {
    doc::Paragraph p;
    p.style = style;
    p.content = std::move(content);
    return p;
}

inline doc::Block block(doc::Paragraph p) { return doc::Block{std::move(p)}; }

inline doc::Block text(std::string s, PS style = PS::body) {
    return block(paragraph({run(std::move(s))}, style));
}

inline doc::ListItem item(std::vector<doc::Block> blocks) { return doc::ListItem{std::move(blocks)}; }

inline doc::ListItem item(std::string s) { return item({text(std::move(s), PS::list)}); }

inline doc::Block list(bool ordered, std::vector<doc::ListItem> items) {
    return doc::Block{doc::List{ordered, std::move(items)}};
}

inline doc::Cell cell(std::string s, int span = 1, PS style = PS::table) {
    return doc::Cell{span, {text(std::move(s), style)}};
}

/// A document whose body is `blocks`, with no header or footer.
inline doc::Document document(std::vector<doc::Block> blocks) {
    doc::Document d;
    d.body = std::move(blocks);
    return d;
}

/// The bytes of part `name`; fails the test when the writer did not produce it.
inline std::string part(const std::vector<conventio::package::Entry>& parts, std::string_view name) {
    for (const auto& e : parts)
        if (e.name == name) return std::string(e.bytes());
    FAIL("no part " << name);
    return {};
}

inline std::string part(const doc::Document& d, std::string_view name) {
    return part(conventio::docx::parts(d), name);
}

/// The body of word/document.xml between <w:body> and the final <w:sectPr>.
inline std::string body(const doc::Document& d) {
    std::string xml = part(d, "word/document.xml");
    auto begin = xml.find("<w:body>");
    auto end = xml.rfind("<w:sectPr>");
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    begin += 8;
    return xml.substr(begin, end - begin);
}

inline bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

inline std::size_t count(std::string_view haystack, std::string_view needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string_view::npos;
         at = haystack.find(needle, at + needle.size()))
        ++n;
    return n;
}

/// A tree using every element kind and every option of the tree, for the schema and reader
/// checks.
inline doc::Document kitchen_sink() {
    doc::Document d;
    d.meta.title = "Convention de partenariat";
    d.meta.subject = "Partenariat Cerema / Ville";
    d.meta.keywords = {"convention", "partenariat"};
    d.meta.date = "2024-03-15";
    d.header = {run("Convention Cerema \u2013 Ville de Lyon"), doc::LineBreak{},
                run("lien", {}, "https://www.cerema.fr/")};
    d.footer = {run("Page "), doc::Field{doc::FieldKind::page_number}, run(" / "),
                doc::Field{doc::FieldKind::page_count}};

    auto& b = d.body;
    b.push_back(text("Convention de partenariat", PS::title));
    b.push_back(text("Entre les soussign\u00e9s", PS::body));
    b.push_back(block(
        paragraph({run("Article "), doc::Anchor{"art_objet", "1"}, run(" \u2013 Objet")}, PS::article)));
    b.push_back(block(paragraph(
        {run("Texte "), run("gras", {.bold = true}), run(" et "), run("italique", {.italic = true}),
         run(", "), run("soulign\u00e9", {.underline = true}), run(", 1"), run("er", {.superscript = true}),
         run(" montant\u00a0: 475\u202f000\u00a0\u20ac, espaces  doubles et\ttabulation."), doc::LineBreak{},
         run("Voir "), run("le site", {}, "https://www.cerema.fr/"),
         run(" du Cerema", {.italic = true}, "https://www.cerema.fr/"), run("."),
         doc::Footnote{
             {paragraph({run("Note de bas de page, voir "), run("ici", {}, "https://example.org/note")},
                        PS::footnote),
              paragraph({run("Second paragraphe de la note.")}, PS::footnote)}},
         run(" Suite de l\u2019article.")})));
    {
        doc::Paragraph p = paragraph({run("Alin\u00e9a centr\u00e9 qui reste avec le suivant")});
        p.align = doc::Align::center;
        p.keep_with_next = true;
        b.push_back(block(std::move(p)));
    }
    b.push_back(block(paragraph({run("Article 2 \u2013 Engagements")}, PS::article)));
    b.push_back(block(paragraph({run("Engagements du Cerema")}, PS::sub_article)));
    b.push_back(list(
        false, {item("Premier point"),
                item({text("Deuxi\u00e8me point", PS::list), text("Suite du deuxi\u00e8me point", PS::list),
                      list(false, {item("Sous-point a"), item("Sous-point b")})}),
                item("Troisi\u00e8me point")}));
    b.push_back(
        list(true, {item("Un"), item({text("Deux", PS::list), list(true, {item("Deux a"), item("Deux b")})}),
                    item("Trois")}));
    b.push_back(text("Apr\u00e8s la premi\u00e8re liste num\u00e9rot\u00e9e :"));
    b.push_back(list(true, {item("Encore un"), item("Encore deux")}));
    b.push_back(
        block(paragraph({run("Comme pr\u00e9vu \u00e0 l\u2019article "), doc::CrossRef{"art_objet", "1"},
                         run(", le financement est le suivant"),
                         doc::Footnote{{paragraph({run("Montants TTC.")}, PS::footnote)}}, run(".")})));
    {
        doc::Table t;
        t.column_weights = {3, 1, 1};
        t.header_row = true;
        t.rows.push_back({{cell("Poste", 1, PS::table_header), cell("2024", 1, PS::table_header),
                           cell("2025", 1, PS::table_header)}});
        for (int i = 0; i < 30; ++i)
            t.rows.push_back({{cell("Ligne de d\u00e9pense " + std::to_string(i + 1)),
                               cell("1\u202f000\u00a0\u20ac"), cell("2\u202f000\u00a0\u20ac")}});
        t.rows.push_back({{cell("Total sur deux ans", 2), cell("90\u202f000\u00a0\u20ac")}});
        t.rows.push_back(
            {{doc::Cell{1, {text("Avec une liste :", PS::table), list(false, {item("point de cellule")})}},
              doc::Cell{1, {}}, cell("fin")}});
        b.push_back(doc::Block{std::move(t)});
    }
    b.push_back(doc::Block{doc::PageBreak{}});
    b.push_back(text("Paragraphe apr\u00e8s un saut de page."));
    {
        doc::Table t;
        t.column_weights = {1, 1};
        t.borders = false;
        t.rows.push_back({{cell("sans"), cell("bordure")}});
        b.push_back(doc::Block{doc::PageBreak{}});
        b.push_back(doc::Block{std::move(t)});
    }
    b.push_back(text("Fait \u00e0 Lyon, en deux exemplaires."));
    b.push_back(doc::Block{doc::Table{{1, 1}, false, true, {{{cell("Lu et approuv\u00e9", 2)}}}}});
    b.push_back(doc::Block{doc::Signatures{{
        {paragraph({run("Pour le Cerema")}, PS::signature), paragraph({run("Le directeur")}, PS::signature)},
        {paragraph({run("Pour la Ville")}, PS::signature), paragraph({run("Le maire")}, PS::signature)},
    }}});
    b.push_back(text("Annexe 1 \u2013 Budget d\u00e9taill\u00e9", PS::annex_heading));
    b.push_back(text("Contenu de l\u2019annexe."));
    b.push_back(doc::Block{doc::PageBreak{}});
    return d;
}

}  // namespace docx_test
