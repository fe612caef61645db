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
    CHECK(contains(b,
                   "<w:trPr><w:cantSplit/><w:ins w:id=\"0\" w:author=\"Avenant n\u00b0 1\" "
                   "w:date=\"2024-05-15T00:00:00Z\"/>"
                   "</w:trPr>"));
}

TEST_CASE("the last paragraph deleted before a table: the previous paragraph's mark is deleted instead") {
    doc::Paragraph deleted = paragraph({changed("Ancien alinéa.", doc::Change::deleted)});
    deleted.mark = doc::Change::deleted;
    doc::Table t;
    t.column_weights = {1};
    t.rows.push_back(doc::Row{{cell("x")}});
    std::string b = body(revised({text("avant"), block(deleted), doc::Block{t}}));
    // "avant" merges with the emptied paragraph once accepted: no empty paragraph is left.
    CHECK(contains(b,
                   "<w:pPr><w:pStyle w:val=\"Body\"/><w:rPr><w:del w:id=\"0\" w:author=\"Avenant n\u00b0 1\" "
                   "w:date=\"2024-05-15T00:00:00Z\"/></w:rPr></w:pPr><w:r><w:t>avant</w:t></w:r></w:p>"));
    CHECK(contains(b, "<w:p><w:pPr><w:pStyle w:val=\"Body\"/></w:pPr><w:del w:id=\"1\""));
    // The last paragraph of the body likewise.
    std::string end = body(revised({text("avant"), block(deleted)}));
    CHECK(contains(end, "<w:rPr><w:del w:id=\"0\""));
    CHECK(contains(end, "<w:t>avant</w:t></w:r></w:p>"));
}

TEST_CASE("the last paragraphs inserted: every mark but the last, and the previous paragraph's") {
    doc::Paragraph one = paragraph({changed("Un.", doc::Change::inserted)});
    one.mark = doc::Change::inserted;
    doc::Paragraph two = paragraph({changed("Deux.", doc::Change::inserted)});
    two.mark = doc::Change::inserted;
    std::string b = body(revised({text("avant"), block(one), block(two)}));
    CHECK(contains(b, "<w:rPr><w:ins w:id=\"0\""));  // avant
    CHECK(contains(b, "<w:rPr><w:ins w:id=\"1\""));  // Un.
    CHECK(count(b, "<w:rPr><w:ins ") == 2);
}

TEST_CASE("an anchor inserted or deleted: its bookmark goes with its text, in w:ins or w:del") {
    // Inside the revision, so that one revision holds a heading's words and number together:
    // rejecting the deletion brings the bookmark back with its text (CT_RunTrackChange holds
    // bookmarks).
    std::string b = body(
        revised({block(paragraph({run("Article "), doc::Anchor{"art_11", "11", doc::Change::deleted}}))}));
    CHECK(contains(b,
                   "<w:del w:id=\"0\" w:author=\"Avenant n\u00b0 1\" w:date=\"2024-05-15T00:00:00Z\">"
                   "<w:bookmarkStart w:id=\"1\" w:name=\"art_11\"/><w:r><w:delText>11</w:delText></w:r>"
                   "<w:bookmarkEnd w:id=\"1\"/></w:del>"));
}

TEST_CASE("a paragraph inserted alone between two tables: the spacer after the first has its mark inserted") {
    doc::Paragraph inserted = paragraph({changed("Entre deux tableaux.", doc::Change::inserted)});
    inserted.mark = doc::Change::inserted;
    doc::Table t;
    t.column_weights = {1};
    t.rows.push_back(doc::Row{{cell("x")}});
    std::string b = body(revised({doc::Block{t}, block(inserted), doc::Block{t}}));
    // The spacer (exact line height) carries the mark; the paragraph's own stays before the table.
    CHECK(contains(b, "w:lineRule=\"exact\"/><w:rPr><w:ins w:id="));
    CHECK(count(b, "<w:rPr><w:ins ") == 1);
}

TEST_CASE("a reference inserted or deleted stays a field, inside w:ins or w:del") {
    doc::CrossRef added{"ref_duree", "6", doc::Change::inserted};
    doc::CrossRef removed{"ref_duree", "6", doc::Change::deleted};
    std::string b =
        body(revised({block(paragraph({run("voir "), added})), block(paragraph({run("voir "), removed}))}));
    CHECK(contains(
        b,
        "<w:ins w:id=\"0\" w:author=\"Avenant n\u00b0 1\" w:date=\"2024-05-15T00:00:00Z\"><w:r><w:fldChar "
        "w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> REF ref_duree "));
    CHECK(contains(b,
                   "<w:r><w:delInstrText xml:space=\"preserve\"> REF ref_duree \\h </w:delInstrText></w:r>"));
    CHECK(contains(b, "<w:r><w:delText>6</w:delText></w:r>"));
}

TEST_CASE(
    "the last paragraph inserted after a heading: the heading's mark, and the look rejecting restores") {
    doc::Paragraph inserted = paragraph({changed("Nouvel alinéa.", doc::Change::inserted)});
    inserted.mark = doc::Change::inserted;
    doc::Paragraph heading = paragraph({run("Article 2")});
    heading.style = doc::ParagraphStyle::article;
    std::string b = body(revised({block(heading), block(inserted)}));
    CHECK(contains(b, "<w:pStyle w:val=\"Article\"/><w:rPr><w:ins w:id=\"0\""));
    CHECK(contains(
        b,
        "<w:pStyle w:val=\"Body\"/><w:pPrChange w:id=\"1\" w:author=\"Avenant n\u00b0 1\" "
        "w:date=\"2024-05-15T00:00:00Z\"><w:pPr><w:pStyle w:val=\"Article\"/></w:pPr></w:pPrChange>"));
    // Deleted: the paragraph has the heading's look once accepted, its own once rejected.
    doc::Paragraph deleted = paragraph({changed("Ancien.", doc::Change::deleted)});
    deleted.mark = doc::Change::deleted;
    std::string d = body(revised({block(heading), block(deleted)}));
    CHECK(contains(d, "<w:pStyle w:val=\"Article\"/><w:rPr><w:del "));
    CHECK(contains(d, "<w:pStyle w:val=\"Article\"/><w:pPrChange "));
    CHECK(contains(d, "<w:pPr><w:pStyle w:val=\"Body\"/></w:pPr></w:pPrChange>"));
}

namespace {

doc::Run changed(std::string text, doc::Marks marks, doc::Change change, std::string href = {}) {
    doc::Run r = run(std::move(text), marks, std::move(href));
    r.change = change;
    return r;
}

}  // namespace

TEST_CASE("an insertion cut into runs by its formatting is one w:ins: a raised ordinal, bold, a break") {
    const auto ins = doc::Change::inserted;
    doc::LineBreak br;
    br.change = ins;
    std::string b = body(revised(
        {block(paragraph({run("versé "), changed("le 1", {}, ins), changed("er", {.superscript = true}, ins),
                          changed(" mars, ", {}, ins), changed("voir", {.bold = true}, ins), br,
                          changed("puis", {}, ins), run(".")}))}));
    CHECK(count(b, "<w:ins ") == 1);
    CHECK(contains(
        b,
        "<w:ins w:id=\"0\" w:author=\"Avenant n\u00b0 1\" w:date=\"2024-05-15T00:00:00Z\">"
        "<w:r><w:t>le 1</w:t></w:r><w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>er</w:t>"
        "</w:r><w:r><w:t xml:space=\"preserve\"> mars, </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>voir"
        "</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>puis</w:t></w:r></w:ins><w:r><w:t>.</w:t>"));
}

TEST_CASE("a deletion cut into runs is one w:del; a link cuts a revision, which w:ins cannot hold") {
    const auto del = doc::Change::deleted, ins = doc::Change::inserted;
    std::string b =
        body(revised({block(paragraph({changed("le 1", {}, del), changed("er", {.superscript = true}, del),
                                       changed(" mars", {}, del), run(".")}))}));
    CHECK(count(b, "<w:del ") == 1);
    CHECK(contains(b,
                   "<w:delText>le 1</w:delText></w:r><w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"
                   "<w:delText>er</w:delText></w:r><w:r><w:delText xml:space=\"preserve\"> mars</w:delText>"
                   "</w:r></w:del>"));
    // Inside a link, the link's runs share one w:ins; the text around it has its own (CT_Hyperlink
    // holds w:ins, CT_RunTrackChange no w:hyperlink).
    std::string l = body(revised({block(
        paragraph({changed("voir ", {}, ins), changed("le ", {}, ins, "https://x.fr"),
                   changed("site", {.bold = true}, ins, "https://x.fr"), changed(" ici", {}, ins)}))}));
    CHECK(count(l, "<w:ins ") == 3);
    CHECK(contains(l, "<w:hyperlink r:id=\"rId"));
    CHECK(contains(l, "\" w:history=\"1\"><w:ins w:id=\"1\" "));
    CHECK(contains(l, "<w:t>site</w:t></w:r></w:ins></w:hyperlink><w:ins w:id=\"2\" "));
}

TEST_CASE("a note inserted or deleted with the words around it: its call inside their w:ins or w:del") {
    const auto del = doc::Change::deleted, ins = doc::Change::inserted;
    // Rejecting the insertion (or accepting the deletion) takes the call away, and the note
    // with it; its own text is marked as well, as Word marks a note typed with tracking on.
    doc::Footnote added{{paragraph({changed("Note.", {}, ins)}, PS::footnote)}, ins};
    doc::Document d = revised(
        {block(paragraph({run("Fin"), changed(" avant", {}, ins), added, changed(" après", {}, ins)}))});
    std::string b = body(d);
    CHECK(count(b, "<w:ins ") == 1);
    CHECK(contains(b,
                   "<w:t xml:space=\"preserve\"> avant</w:t></w:r><w:r><w:rPr><w:rStyle "
                   "w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"1\"/></w:r><w:r>"
                   "<w:t xml:space=\"preserve\"> après</w:t></w:r></w:ins>"));
    CHECK(contains(part(d, "word/footnotes.xml"), "<w:ins w:id=\""));
    doc::Footnote removed{{paragraph({changed("Note.", {}, del)}, PS::footnote)}, del};
    std::string r = body(revised(
        {block(paragraph({run("Fin"), changed(" avant", {}, del), removed, changed(" après", {}, del)}))}));
    CHECK(count(r, "<w:del ") == 1);
    CHECK(contains(r,
                   "<w:delText xml:space=\"preserve\"> avant</w:delText></w:r><w:r><w:rPr><w:rStyle "
                   "w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"1\"/></w:r><w:r>"
                   "<w:delText xml:space=\"preserve\"> après</w:delText></w:r></w:del>"));
}

TEST_CASE(
    "an anchor deleted and inserted under one name (its number changed): the deleted number has a bookmark "
    "of its own, the deleted references' target") {
    const auto del = doc::Change::deleted, ins = doc::Change::inserted;
    std::string b = body(revised({block(paragraph({run("Article "), doc::Anchor{"art_11", "11", del},
                                                   doc::Anchor{"art_11", "12", ins}})),
                                  block(paragraph({run("Voir l'article "), doc::CrossRef{"art_11", "11", del},
                                                   doc::CrossRef{"art_11", "12", ins}, run(".")}))}));
    CHECK(count(b, "<w:bookmarkStart ") == 2);
    CHECK(contains(b,
                   "<w:del w:id=\"0\" w:author=\"Avenant n\u00b0 1\" w:date=\"2024-05-15T00:00:00Z\">"
                   "<w:bookmarkStart w:id=\"1\" w:name=\"_Former1\"/><w:r><w:delText>11</w:delText></w:r>"
                   "<w:bookmarkEnd w:id=\"1\"/></w:del>"));
    CHECK(contains(b, "<w:bookmarkStart w:id=\"3\" w:name=\"art_11\"/><w:r><w:t>12</w:t></w:r>"));
    CHECK(contains(b, "<w:delInstrText xml:space=\"preserve\"> REF _Former1 \\h </w:delInstrText>"));
    CHECK(contains(b, "<w:instrText xml:space=\"preserve\"> REF art_11 \\h </w:instrText>"));
}
