// Footnotes: references in the body, footnotes.xml, and the settings that name its separators.
#include "docx_test_support.hpp"

using namespace docx_test;

namespace {

doc::Footnote note(std::string s) { return doc::Footnote{{paragraph({run(std::move(s))}, PS::footnote)}}; }

}  // namespace

TEST_CASE("footnotes are numbered in reading order and referenced with the superscript style") {
    auto d =
        document({block(paragraph({run("a"), note("premi\u00e8re")})),
                  block(paragraph({run("b"), note("deuxi\u00e8me"), run("c"), note("troisi\u00e8me")}))});
    auto parts = conventio::docx::parts(d);
    std::string xml = part(parts, "word/document.xml");
    CHECK(contains(xml,
                   "<w:r><w:t>a</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/>"
                   "</w:rPr><w:footnoteReference w:id=\"1\"/></w:r>"));
    CHECK(contains(xml,
                   "<w:footnoteReference w:id=\"2\"/></w:r><w:r><w:t>c</w:t></w:r><w:r><w:rPr>"
                   "<w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
                   "<w:footnoteReference w:id=\"3\"/>"));

    std::string notes = part(parts, "word/footnotes.xml");
    CHECK(contains(notes,
                   "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing "
                   "w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/>"
                   "</w:r></w:p></w:footnote>"
                   "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing "
                   "w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r>"
                   "<w:continuationSeparator/></w:r></w:p></w:footnote>"));
    CHECK(contains(notes,
                   "<w:footnote w:id=\"2\"><w:p><w:pPr><w:pStyle w:val=\"Footnote\"/></w:pPr>"
                   "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>"
                   "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
                   "<w:r><w:t>deuxi\u00e8me</w:t></w:r></w:p></w:footnote>"));
    CHECK(count(notes, "<w:footnote w:id=") == 3);
    CHECK(notes.find("w:id=\"1\"") < notes.find("w:id=\"2\""));
    CHECK(notes.find("w:id=\"2\"") < notes.find("w:id=\"3\""));
}

TEST_CASE("settings name the separator notes footnotes.xml defines") {
    std::string settings = part(document({text("x")}), "word/settings.xml");
    CHECK(
        contains(settings, "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>"));
}

TEST_CASE("only a note's first paragraph starts with the footnote mark") {
    doc::Footnote n{{paragraph({run("un")}, PS::footnote), paragraph({run("deux")}, PS::footnote)}};
    std::string notes = part(document({block(paragraph({run("x"), n}))}), "word/footnotes.xml");
    CHECK(count(notes, "<w:footnoteRef/>") == 1);
    CHECK(contains(notes,
                   "<w:p><w:pPr><w:pStyle w:val=\"Footnote\"/></w:pPr>"
                   "<w:r><w:t>deux</w:t></w:r></w:p>"));
}

TEST_CASE("a note with no paragraph still gets one, holding the mark") {
    std::string notes = part(document({block(paragraph({run("x"), doc::Footnote{}}))}), "word/footnotes.xml");
    CHECK(contains(notes,
                   "<w:footnote w:id=\"1\"><w:p><w:pPr><w:pStyle w:val=\"Footnote\"/>"
                   "</w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
                   "<w:footnoteRef/></w:r>"));
}

TEST_CASE("notes in table cells and list items are numbered with the others") {
    doc::Table t;
    t.column_weights = {1};
    t.rows.push_back({{doc::Cell{1, {block(paragraph({run("cellule"), note("n1")}, PS::table))}}}});
    auto d = document({doc::Block{std::move(t)},
                       list(false, {item({block(paragraph({run("item"), note("n2")}, PS::list))})})});
    std::string xml = part(d, "word/document.xml");
    CHECK(contains(xml, "<w:footnoteReference w:id=\"1\"/>"));
    CHECK(contains(xml, "<w:footnoteReference w:id=\"2\"/>"));
}

TEST_CASE("a link in a note is a relationship of footnotes.xml, not of the body") {
    doc::Footnote n{{paragraph({run("voir "), run("ici", {}, "https://note.example/")}, PS::footnote)}};
    auto parts = conventio::docx::parts(document({block(paragraph({run("x"), n}))}));
    CHECK(contains(part(parts, "word/footnotes.xml"), "<w:hyperlink r:id=\"rIdLink1\""));
    CHECK(contains(part(parts, "word/_rels/footnotes.xml.rels"),
                   "Target=\"https://note.example/\" TargetMode=\"External\""));
    CHECK_FALSE(contains(part(parts, "word/_rels/document.xml.rels"), "note.example"));
}

TEST_CASE("a note in a page header is left out: Word cannot hold one there") {
    doc::Document d = document({text("x")});
    d.header = {run("en-t\u00eate"), note("impossible")};
    auto parts = conventio::docx::parts(d);
    CHECK_FALSE(contains(part(parts, "word/header1.xml"), "footnoteReference"));
    CHECK(count(part(parts, "word/footnotes.xml"), "<w:footnote w:id=") == 0);
}
