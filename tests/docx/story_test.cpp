// Paragraphs and inline content as they appear in word/document.xml.
#include "docx_test_support.hpp"

using namespace docx_test;

TEST_CASE("a paragraph names its style and a bold italic run carries both marks") {
    auto d = document({block(paragraph({run("gras italique", {.bold = true, .italic = true})}))});
    CHECK(body(d) ==
          "<w:p><w:pPr><w:pStyle w:val=\"Body\"/></w:pPr>"
          "<w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>gras italique</w:t></w:r></w:p>");
}

TEST_CASE("underline and superscript follow the schema's order in w:rPr") {
    auto d = document({block(paragraph({run("x", {.bold = true, .underline = true, .superscript = true})}))});
    CHECK(contains(body(d),
                   "<w:rPr><w:b/><w:u w:val=\"single\"/>"
                   "<w:vertAlign w:val=\"superscript\"/></w:rPr>"));
}

TEST_CASE("plain runs have no w:rPr") {
    CHECK(contains(body(document({text("simple")})), "<w:r><w:t>simple</w:t></w:r>"));
}

TEST_CASE("leading, trailing and doubled spaces are preserved, others left alone") {
    auto d =
        document({block(paragraph({run(" avant"), run("apres "), run("deux  espaces"), run("un espace")}))});
    std::string b = body(d);
    CHECK(contains(b, "<w:t xml:space=\"preserve\"> avant</w:t>"));
    CHECK(contains(b, "<w:t xml:space=\"preserve\">apres </w:t>"));
    CHECK(contains(b, "<w:t xml:space=\"preserve\">deux  espaces</w:t>"));
    CHECK(contains(b, "<w:t>un espace</w:t>"));
}

TEST_CASE("tabs and newlines become w:tab and w:br inside the run") {
    auto d = document({block(paragraph({run("a\tb\nc", {.italic = true})}))});
    CHECK(contains(body(d),
                   "<w:r><w:rPr><w:i/></w:rPr><w:t>a</w:t><w:tab/><w:t>b</w:t>"
                   "<w:br/><w:t>c</w:t></w:r>"));
}

TEST_CASE("non-breaking spaces stay characters, markup characters are escaped") {
    auto d = document({text("475\u202f000\u00a0\u20ac <&>")});
    CHECK(contains(body(d), "<w:t>475\u202f000\u00a0\u20ac &lt;&amp;&gt;</w:t>"));
}

TEST_CASE("a LineBreak is a run holding w:br") {
    auto d = document({block(paragraph({run("a"), doc::LineBreak{}, run("b")}))});
    CHECK(contains(body(d), "<w:r><w:t>a</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>b</w:t></w:r>"));
}

TEST_CASE("alignment and keep-with-next override the style in w:pPr") {
    doc::Paragraph p = paragraph({run("x")});
    p.align = doc::Align::justify;
    p.keep_with_next = true;
    CHECK(contains(body(document({block(p)})),
                   "<w:pPr><w:pStyle w:val=\"Body\"/><w:keepNext/><w:jc w:val=\"both\"/></w:pPr>"));
    p.align = doc::Align::right;
    p.keep_with_next = false;
    CHECK(contains(body(document({block(p)})),
                   "<w:pPr><w:pStyle w:val=\"Body\"/><w:jc w:val=\"right\"/></w:pPr>"));
}

TEST_CASE("each paragraph style maps to its style id") {
    CHECK(contains(body(document({text("t", PS::title)})), "<w:pStyle w:val=\"AgreementTitle\"/>"));
    CHECK(contains(body(document({text("t", PS::sub_article)})), "<w:pStyle w:val=\"SubArticle\"/>"));
    CHECK(contains(body(document({text("t", PS::annex_heading)})), "<w:pStyle w:val=\"AnnexHeading\"/>"));
}

TEST_CASE("consecutive runs with one href share a w:hyperlink with an External relationship") {
    auto d = document({block(
        paragraph({run("le "), run("site", {}, "https://a.example/"),
                   run(" du Cerema", {.bold = true}, "https://a.example/"), run(" et "),
                   run("un autre", {}, "https://b.example/"), run("encore", {}, "https://a.example/")}))});
    auto parts = conventio::docx::parts(d);
    std::string xml = part(parts, "word/document.xml");
    CHECK(contains(xml,
                   "<w:hyperlink r:id=\"rIdLink1\" w:history=\"1\">"
                   "<w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr><w:t>site</w:t></w:r>"
                   "<w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/><w:b/></w:rPr>"
                   "<w:t xml:space=\"preserve\"> du Cerema</w:t></w:r></w:hyperlink>"));
    CHECK(contains(xml,
                   "<w:hyperlink r:id=\"rIdLink2\" w:history=\"1\"><w:r><w:rPr><w:rStyle "
                   "w:val=\"Hyperlink\"/></w:rPr><w:t>un autre</w:t></w:r></w:hyperlink>"));
    // The same target later on reuses its relationship.
    CHECK(contains(xml,
                   "<w:hyperlink r:id=\"rIdLink1\" w:history=\"1\"><w:r><w:rPr><w:rStyle "
                   "w:val=\"Hyperlink\"/></w:rPr><w:t>encore</w:t></w:r></w:hyperlink>"));
    std::string rels = part(parts, "word/_rels/document.xml.rels");
    CHECK(contains(rels,
                   "<Relationship Id=\"rIdLink1\" Type=\"http://schemas.openxmlformats.org/"
                   "officeDocument/2006/relationships/hyperlink\" "
                   "Target=\"https://a.example/\" TargetMode=\"External\"/>"));
    CHECK(contains(rels, "Id=\"rIdLink2\""));
    CHECK(count(rels, "/hyperlink\"") == 2);
}

TEST_CASE("an anchor is a bookmark around its text, with sequential ids") {
    auto d = document({block(paragraph({run("Article "), doc::Anchor{"art_1", "1"}})),
                       block(paragraph({run("Article "), doc::Anchor{"art_2", "2"}}))});
    std::string b = body(d);
    CHECK(contains(b,
                   "<w:bookmarkStart w:id=\"0\" w:name=\"art_1\"/><w:r><w:t>1</w:t></w:r>"
                   "<w:bookmarkEnd w:id=\"0\"/>"));
    CHECK(contains(b,
                   "<w:bookmarkStart w:id=\"1\" w:name=\"art_2\"/><w:r><w:t>2</w:t></w:r>"
                   "<w:bookmarkEnd w:id=\"1\"/>"));
}

TEST_CASE("an anchor's raised letters are a superscript run inside the bookmark") {
    auto d = document(
        {block(paragraph({run("Article "), doc::Anchor{"art_1", "1er", doc::Change::none, {{1, 3}}}}))});
    CHECK(contains(body(d),
                   "<w:bookmarkStart w:id=\"0\" w:name=\"art_1\"/><w:r><w:t>1</w:t></w:r>"
                   "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>er</w:t></w:r>"
                   "<w:bookmarkEnd w:id=\"0\"/>"));
}

TEST_CASE("a cross-reference is a REF field showing the cached text, never dirty") {
    auto d = document({block(paragraph({doc::Anchor{"art_6", "6"}})),
                       block(paragraph({run("voir l\u2019article "), doc::CrossRef{"art_6", "6"}}))});
    auto parts = conventio::docx::parts(d);
    std::string xml = part(parts, "word/document.xml");
    CHECK(contains(xml,
                   "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                   "<w:r><w:instrText xml:space=\"preserve\"> REF art_6 \\h </w:instrText></w:r>"
                   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                   "<w:r><w:t>6</w:t></w:r>"
                   "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"));
    CHECK_FALSE(contains(xml, "dirty"));
    CHECK_FALSE(contains(part(parts, "word/settings.xml"), "updateFields"));
}

TEST_CASE("page fields are PAGE and NUMPAGES with a cached 1") {
    doc::Document d = document({text("corps")});
    d.footer = {run("Page "), doc::Field{doc::FieldKind::page_number}, run(" / "),
                doc::Field{doc::FieldKind::page_count}};
    std::string footer = part(d, "word/footer1.xml");
    CHECK(contains(footer,
                   "<w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>"
                   "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                   "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
                   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                   "<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                   "<w:r><w:t xml:space=\"preserve\"> / </w:t></w:r>"));
    CHECK(contains(footer, "<w:instrText xml:space=\"preserve\"> NUMPAGES </w:instrText>"));
}
