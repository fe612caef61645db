// Tracked changes (a consolidated version) as word/document.xml writes them: the forms the
// tracked-changes reader's README says Word, LibreOffice and pandoc agree on.
#include "docx_test_support.hpp"

using namespace docx_test;

namespace {

doc::Run changed(std::string text, doc::Change change) {
    doc::Run r = run(std::move(text));
    r.change = change;
    return r;
}

doc::Document revised(std::vector<doc::Block> blocks) {
    doc::Document d = document(std::move(blocks));
    d.revision = {"Avenant n\u00b0 1", "2024-05-15"};
    return d;
}

}  // namespace

TEST_CASE("a replaced amount is a w:del holding w:delText, then a w:ins, attributed and dated") {
    auto d = revised({block(paragraph({run("fixé à "), changed("475 000 €", doc::Change::deleted),
                                       changed("600 000 €", doc::Change::inserted), run(".")}))});
    std::string b = body(d);
    CHECK(contains(b,
                   "<w:del w:id=\"0\" w:author=\"Avenant n\u00b0 1\" w:date=\"2024-05-15T00:00:00Z\">"
                   "<w:r><w:delText>475 000 €</w:delText></w:r></w:del>"));
    CHECK(contains(b,
                   "<w:ins w:id=\"1\" w:author=\"Avenant n\u00b0 1\" w:date=\"2024-05-15T00:00:00Z\">"
                   "<w:r><w:t>600 000 €</w:t></w:r></w:ins>"));
}

TEST_CASE("deleted text keeps its spaces with xml:space, a deleted line break is a deleted run") {
    doc::LineBreak br;
    br.change = doc::Change::deleted;
    auto d = revised({block(paragraph({run("a"), changed(" b", doc::Change::deleted), br, run("c")}))});
    std::string b = body(d);
    CHECK(contains(b, "<w:delText xml:space=\"preserve\"> b</w:delText>"));
    CHECK(contains(b, "<w:r><w:br/></w:r></w:del>"));
}

TEST_CASE("a paragraph inserted before another has its mark inserted too; before a table it has not") {
    doc::Paragraph inserted = paragraph({changed("Nouvel alinéa.", doc::Change::inserted)});
    inserted.mark = doc::Change::inserted;
    auto followed = revised({block(inserted), text("suite")});
    CHECK(contains(body(followed), "<w:rPr><w:ins w:id=\"0\" w:author=\"Avenant n\u00b0 1\""));
    doc::Table t;
    t.column_weights = {1};
    t.rows.push_back(doc::Row{{cell("x")}});
    auto before_table = revised({block(inserted), doc::Block{t}});
    CHECK_FALSE(contains(body(before_table), "<w:pPr><w:pStyle w:val=\"Body\"/><w:rPr>"));
    auto last = revised({block(inserted)});
    CHECK_FALSE(contains(body(last), "<w:pPr><w:pStyle w:val=\"Body\"/><w:rPr>"));
}

TEST_CASE("a row inserted is marked on w:trPr after the header flag") {
    doc::Table t;
    t.column_weights = {1, 1};
    t.header_row = true;
    t.rows.push_back(doc::Row{{cell("Année"), cell("AE")}});
    doc::Row added{{cell("2024"), cell("20 000 €")}};
    added.change = doc::Change::inserted;
    t.rows.push_back(added);
    std::string b = body(revised({doc::Block{t}}));
    CHECK(
        contains(b,
                 "<w:trPr><w:ins w:id=\"0\" w:author=\"Avenant n\u00b0 1\" w:date=\"2024-05-15T00:00:00Z\"/>"
                 "</w:trPr>"));
}
