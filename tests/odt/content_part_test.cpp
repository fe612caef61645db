// content.xml, one element kind at a time, against literal fragments of the real output.
#include <doctest/doctest.h>

#include <string>

#include "odt/kitchen_sink.hpp"
#include "odt/odt_internal.hpp"

using namespace conventio;
using doc::ParagraphStyle;
using odt::test::block;
using odt::test::body;
using odt::test::cell;
using odt::test::item;
using odt::test::para;
using odt::test::run;

namespace {

std::string content_of(std::vector<doc::Block> blocks) {
    doc::Document d;
    d.body = std::move(blocks);
    return odt::detail::content_part(d);
}

std::string content_of(doc::Inlines inlines) {
    return content_of(std::vector<doc::Block>{block(para(ParagraphStyle::body, std::move(inlines)))});
}

/// The children of office:text, without the automatic styles before them.
std::string body_of(const std::string& xml) {
    auto start = xml.find("<office:text>") + 13;
    return xml.substr(start, xml.find("</office:text>") - start);
}

/// The text of one paragraph of body text: the fragment most tests look at.
std::string paragraph_of(doc::Inlines inlines) {
    std::string b = body_of(content_of(std::move(inlines)));
    const std::string open = "<text:p text:style-name=\"Body\">";
    REQUIRE(b.rfind(open, 0) == 0);
    return b.substr(open.size(), b.size() - open.size() - 9);
}

bool has(const std::string& xml, const std::string& fragment) {
    if (xml.find(fragment) != std::string::npos) return true;
    MESSAGE("missing: " << fragment << "\nin: " << xml);
    return false;
}

std::size_t count(const std::string& xml, const std::string& fragment) {
    std::size_t n = 0;
    for (auto at = xml.find(fragment); at != std::string::npos; at = xml.find(fragment, at + 1)) ++n;
    return n;
}

doc::Block list(bool ordered, std::vector<doc::ListItem> items) {
    doc::List l;
    l.ordered = ordered;
    l.items = std::move(items);
    return doc::Block{l};
}

}  // namespace

TEST_CASE("odt content: the root declares ODF 1.3 and the font") {
    std::string xml = content_of(std::vector<doc::Block>{});
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    "<office:document-content ",
                    0) == 0);
    CHECK(has(xml, " office:version=\"1.3\">"));
    CHECK(has(xml,
              "<office:font-face-decls><style:font-face style:name=\"Liberation Sans\" "
              "svg:font-family=\"'Liberation Sans'\" style:font-family-generic=\"swiss\" "
              "style:font-pitch=\"variable\"/></office:font-face-decls>"));
    CHECK(has(xml, "<office:automatic-styles/><office:body><office:text/></office:body>"));
}

TEST_CASE("odt content: a bold italic run is a span with an automatic text style") {
    std::string xml =
        content_of(doc::Inlines{run("Le "), run("Cerema", "bi"), run(" et "), run("lui", "bi")});
    CHECK(has(xml,
              "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties "
              "fo:font-weight=\"bold\" fo:font-style=\"italic\"/></style:style>"));
    CHECK(has(body_of(xml),
              "<text:p text:style-name=\"Body\">Le <text:span text:style-name=\"T1\">"
              "Cerema</text:span> et <text:span text:style-name=\"T1\">lui</text:span></text:p>"));
    CHECK(xml.find("\"T2\"") == std::string::npos);  // equal marks share one style
}

TEST_CASE("odt content: each mark has its text property") {
    std::string xml = content_of(doc::Inlines{run("u", "u"), run("s", "s"), run("plain")});
    CHECK(has(xml,
              "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties "
              "style:text-underline-style=\"solid\" style:text-underline-width=\"auto\" "
              "style:text-underline-color=\"font-color\"/></style:style>"));
    CHECK(has(xml,
              "<style:style style:name=\"T2\" style:family=\"text\"><style:text-properties "
              "style:text-position=\"super 58%\"/></style:style>"));
    CHECK(has(xml, "<text:span text:style-name=\"T2\">s</text:span>plain</text:p>"));
}

TEST_CASE("odt content: white space that ODF would collapse becomes text:s and text:tab") {
    CHECK(paragraph_of({run("a  b")}) == "a <text:s/>b");
    CHECK(paragraph_of({run("a    b")}) == "a <text:s text:c=\"3\"/>b");
    CHECK(paragraph_of({run(" a")}) == "<text:s/>a");
    CHECK(paragraph_of({run("a ")}) == "a<text:s/>");
    CHECK(paragraph_of({run("a\tb")}) == "a<text:tab/>b");
    CHECK(paragraph_of({run("a \t b")}) == "a<text:s/><text:tab/><text:s/>b");
    // A single space between words stays a character, even across runs...
    CHECK(paragraph_of({run("Article "), run("6", "b")}) ==
          "Article <text:span text:style-name=\"T1\">6</text:span>");
    // ...but not when the next run starts with a space too, or nothing visible follows.
    CHECK(paragraph_of({run("a "), run(" b")}) == "a<text:s/><text:s/>b");
    CHECK(paragraph_of({run("a "), run("")}) == "a<text:s/>");
    CHECK(paragraph_of({run("note "), doc::Footnote{}}).rfind("note<text:s/><text:note ", 0) == 0);
}

TEST_CASE("odt content: non-breaking spaces stay characters") {
    CHECK(paragraph_of({run("475\u202f000\u00a0€ :\u00a0oui")}) == "475\u202f000\u00a0€ :\u00a0oui");
}

TEST_CASE("odt content: line breaks, from LineBreak or a newline in the text") {
    CHECK(paragraph_of({run("un"), doc::LineBreak{}, run("deux")}) == "un<text:line-break/>deux");
    CHECK(paragraph_of({run("un\ndeux")}) == "un<text:line-break/>deux");
    CHECK(paragraph_of({run("un\r\ndeux")}) == "un<text:line-break/>deux");
    CHECK(paragraph_of({run("un"), doc::LineBreak{}, run(" deux")}) == "un<text:line-break/><text:s/>deux");
}

TEST_CASE("odt content: characters XML reserves are escaped") {
    CHECK(paragraph_of({run("a < b & \"c\"")}) == "a &lt; b &amp; &quot;c&quot;");
}

TEST_CASE("odt content: a run with href is a hyperlink in the Hyperlink style") {
    CHECK(paragraph_of({run("le site", "", "https://www.cerema.fr/?a=1&b=2")}) ==
          "<text:a xlink:type=\"simple\" xlink:href=\"https://www.cerema.fr/?a=1&amp;b=2\" "
          "text:style-name=\"Hyperlink\" text:visited-style-name=\"Hyperlink\">le site</text:a>");
    CHECK(paragraph_of({run("gras", "b", "https://a.fr")}) ==
          "<text:a xlink:type=\"simple\" xlink:href=\"https://a.fr\" text:style-name=\"Hyperlink\" "
          "text:visited-style-name=\"Hyperlink\"><text:span "
          "text:style-name=\"T1\">gras</text:span></text:a>");
}

TEST_CASE(
    "odt content: an anchor is a bookmark around its text, a cross-reference shows the cached "
    "text") {
    CHECK(paragraph_of({run("Article "), doc::Anchor{"art6", "6"}}) ==
          "Article <text:bookmark-start text:name=\"art6\"/>6<text:bookmark-end "
          "text:name=\"art6\"/>");
    // « Article 1er »: the raised letters in a superscript span inside the bookmark.
    CHECK(has(paragraph_of({run("Article "), doc::Anchor{"art1", "1er", doc::Change::none, {{1, 3}}}}),
              "<text:bookmark-start text:name=\"art1\"/>1<text:span text:style-name=\"T1\">er</text:span>"
              "<text:bookmark-end text:name=\"art1\"/>"));
    CHECK(paragraph_of({run("voir l'article "), doc::CrossRef{"art6", "6"}, run(".")}) ==
          "voir l'article <text:bookmark-ref text:reference-format=\"text\" text:ref-name=\"art6\">6"
          "</text:bookmark-ref>.");
}

TEST_CASE("odt content: page fields carry a cached 1") {
    CHECK(paragraph_of({doc::Field{doc::FieldKind::page_number}, run(" / "),
                        doc::Field{doc::FieldKind::page_count}}) ==
          "<text:page-number text:select-page=\"current\">1</text:page-number> / "
          "<text:page-count>1</text:page-count>");
}

TEST_CASE("odt content: footnotes are numbered in reading order, wherever they are") {
    auto note = [](std::string text) {
        return doc::Footnote{{para(ParagraphStyle::footnote, {run(std::move(text))})}};
    };
    doc::Table t;
    t.column_weights = {1};
    doc::Cell c;
    c.blocks.push_back(block(para(ParagraphStyle::table, {run("cellule"), note("deux")})));
    t.rows.push_back(doc::Row{{c}});
    std::string b = body_of(content_of(std::vector<doc::Block>{
        block(para(ParagraphStyle::body, {run("texte"), note("un")})),
        doc::Block{t},
        list(false, {doc::ListItem{{block(para(ParagraphStyle::list, {run("point"), note("trois")}))}}}),
    }));
    CHECK(has(b,
              "texte<text:note text:id=\"ftn1\" text:note-class=\"footnote\"><text:note-citation>1"
              "</text:note-citation><text:note-body><text:p text:style-name=\"Footnote\"><text:s/>un</text:p>"
              "</text:note-body></text:note></text:p>"));
    CHECK(has(b, "cellule<text:note text:id=\"ftn2\" text:note-class=\"footnote\"><text:note-citation>2<"));
    CHECK(has(b, "point<text:note text:id=\"ftn3\" text:note-class=\"footnote\"><text:note-citation>3<"));
}

TEST_CASE("odt content: a note with several paragraphs keeps their styles; an empty note gets one") {
    std::string p = paragraph_of(
        {run("x"),
         doc::Footnote{{para(ParagraphStyle::footnote, {run("a")}), para(ParagraphStyle::body, {run("b")})}},
         run("y"), doc::Footnote{}});
    CHECK(has(p,
              "<text:note-body><text:p text:style-name=\"Footnote\"><text:s/>a</text:p>"
              "<text:p text:style-name=\"Body\">b</text:p></text:note-body>"));
    CHECK(has(p,
              "<text:note-citation>2</text:note-citation><text:note-body>"
              "<text:p text:style-name=\"Footnote\"/></text:note-body>"));
}

TEST_CASE("odt content: headings are text:h with their outline level, the title a plain paragraph") {
    std::string b = body_of(content_of(std::vector<doc::Block>{
        block(para(ParagraphStyle::title, {run("CONVENTION")})),
        block(para(ParagraphStyle::article, {run("Article 1")})),
        block(para(ParagraphStyle::sub_article, {run("1.1")})),
        block(para(ParagraphStyle::annex_heading, {run("ANNEXE")})),
    }));
    CHECK(b ==
          "<text:p text:style-name=\"AgreementTitle\">CONVENTION</text:p>"
          "<text:h text:style-name=\"Article\" text:outline-level=\"1\">Article 1</text:h>"
          "<text:h text:style-name=\"SubArticle\" text:outline-level=\"2\">1.1</text:h>"
          "<text:h text:style-name=\"AnnexHeading\" text:outline-level=\"1\">ANNEXE</text:h>");
}

TEST_CASE("odt content: alignment and keep-with-next overrides get one automatic style per combination") {
    auto p = [](doc::Align align, bool keep, std::string text) {
        return block(doc::Paragraph{ParagraphStyle::body, align, keep, {run(std::move(text))}});
    };
    std::string xml = content_of(std::vector<doc::Block>{
        p(doc::Align::center, true, "a"), p(doc::Align::inherit, false, "b"),
        p(doc::Align::center, true, "c"), p(doc::Align::justify, false, "d"),
        block(doc::Paragraph{ParagraphStyle::article, doc::Align::right, false, {run("e")}})});
    CHECK(has(xml,
              "<style:style style:name=\"P1\" style:family=\"paragraph\" "
              "style:parent-style-name=\"Body\">"
              "<style:paragraph-properties fo:text-align=\"center\" "
              "fo:keep-with-next=\"always\"/></style:style>"));
    CHECK(has(xml,
              "<style:style style:name=\"P2\" style:family=\"paragraph\" "
              "style:parent-style-name=\"Body\">"
              "<style:paragraph-properties fo:text-align=\"justify\" "
              "fo:text-align-last=\"start\"/></style:style>"));
    CHECK(has(xml,
              "<style:style style:name=\"P3\" style:family=\"paragraph\" "
              "style:parent-style-name=\"Article\">"
              "<style:paragraph-properties fo:text-align=\"end\"/></style:style>"));
    CHECK(body_of(xml) ==
          "<text:p text:style-name=\"P1\">a</text:p><text:p text:style-name=\"Body\">b</text:p>"
          "<text:p text:style-name=\"P1\">c</text:p><text:p text:style-name=\"P2\">d</text:p>"
          "<text:h text:style-name=\"P3\" text:outline-level=\"1\">e</text:h>");
}

TEST_CASE("odt content: a two-level list; a nested list names its own kind's style") {
    std::string b = body_of(content_of(std::vector<doc::Block>{
        list(false, {item("un", {list(true, {item("a"), item("b")})}), item("deux")})}));
    CHECK(b ==
          "<text:list text:style-name=\"ListBullet\">"
          "<text:list-item><text:p text:style-name=\"List\">un</text:p>"
          "<text:list text:style-name=\"ListNumber\">"
          "<text:list-item><text:p text:style-name=\"List\">a</text:p></text:list-item>"
          "<text:list-item><text:p text:style-name=\"List\">b</text:p></text:list-item>"
          "</text:list></text:list-item>"
          "<text:list-item><text:p text:style-name=\"List\">deux</text:p></text:list-item>"
          "</text:list>");
}

TEST_CASE("odt content: every ordered list restarts, an empty item still gets a paragraph") {
    std::string b =
        body_of(content_of(std::vector<doc::Block>{list(true, {item("a")}), list(true, {doc::ListItem{}})}));
    CHECK(b.find("continue") == std::string::npos);  // each text:list starts at 1
    CHECK(count(b, "<text:list text:style-name=\"ListNumber\">") == 2);
    CHECK(has(b, "<text:list-item><text:p text:style-name=\"List\"/></text:list-item>"));
}

TEST_CASE("odt content: a table spans the text width with proportional integer columns") {
    doc::Table t;
    t.column_weights = {3, 1, 1};
    t.rows.push_back(doc::Row{{cell("a"), cell("b"), cell("c")}});
    std::string xml = content_of(std::vector<doc::Block>{doc::Block{t}});
    CHECK(has(xml,
              "<style:style style:name=\"Table1\" style:family=\"table\"><style:table-properties "
              "style:width=\"453.5pt\" table:align=\"margins\" fo:margin-bottom=\"0.5pt\"/></style:style>"));
    CHECK(has(xml,
              "<style:style style:name=\"Table1.C1\" style:family=\"table-column\">"
              "<style:table-column-properties style:column-width=\"272.1pt\" "
              "style:rel-column-width=\"5442*\"/>"));
    CHECK(has(xml,
              "<style:table-column-properties style:column-width=\"90.7pt\" "
              "style:rel-column-width=\"1814*\"/>"));
    CHECK(has(xml,
              "<style:style style:name=\"CellBorder\" "
              "style:family=\"table-cell\"><style:table-cell-properties "
              "fo:padding-top=\"4.25pt\" fo:padding-bottom=\"3.75pt\" fo:padding-left=\"4pt\" "
              "fo:padding-right=\"3.5pt\" fo:border=\"0.5pt solid #000000\"/></style:style>"));
    CHECK(has(
        body_of(xml),
        "<table:table table:name=\"Table1\" table:style-name=\"Table1\">"
        "<table:table-column table:style-name=\"Table1.C1\"/>"
        "<table:table-column table:style-name=\"Table1.C2\"/>"
        "<table:table-column table:style-name=\"Table1.C3\"/><table:table-row table:style-name=\"TableRow\">"
        "<table:table-cell table:style-name=\"CellBorder\" office:value-type=\"string\">"
        "<text:p text:style-name=\"TableText\">a</text:p></table:table-cell>"));
}

TEST_CASE("odt content: a spanned cell is followed by covered cells; an empty cell gets a paragraph") {
    doc::Table t;
    t.column_weights = {1, 1, 1};
    t.rows.push_back(doc::Row{{cell("Total", ParagraphStyle::table, 2), doc::Cell{}}});
    std::string b = body_of(content_of(std::vector<doc::Block>{doc::Block{t}}));
    CHECK(has(
        b,
        "<table:table-row table:style-name=\"TableRow\"><table:table-cell table:style-name=\"CellBorder\" "
        "office:value-type=\"string\" "
        "table:number-columns-spanned=\"2\"><text:p text:style-name=\"TableText\">Total</text:p>"
        "</table:table-cell><table:covered-table-cell/>"
        "<table:table-cell table:style-name=\"CellBorder\" office:value-type=\"string\">"
        "<text:p text:style-name=\"TableText\"/></table:table-cell></table:table-row>"));
}

TEST_CASE("odt content: a header row repeats on each page, on a grey background") {
    doc::Table t;
    t.column_weights = {1};
    t.header_row = true;
    t.rows.push_back(doc::Row{{cell("Poste", ParagraphStyle::table_header)}});
    t.rows.push_back(doc::Row{{cell("Frais")}});
    std::string xml = content_of(std::vector<doc::Block>{doc::Block{t}});
    CHECK(has(xml,
              "<style:style style:name=\"CellBorderHeader\" style:family=\"table-cell\">"
              "<style:table-cell-properties fo:padding-top=\"4.25pt\" fo:padding-bottom=\"3.75pt\" "
              "fo:padding-left=\"4pt\" fo:padding-right=\"3.5pt\" fo:border=\"0.5pt solid #000000\" "
              "fo:background-color=\"#D9D9D9\"/></style:style>"));
    CHECK(has(body_of(xml),
              "<table:table-header-rows><table:table-row table:style-name=\"TableRow\"><table:table-cell "
              "table:style-name=\"CellBorderHeader\" office:value-type=\"string\">"
              "<text:p text:style-name=\"TableHeader\">Poste</text:p></table:table-cell>"
              "</table:table-row></table:table-header-rows><table:table-row table:style-name=\"TableRow\">"
              "<table:table-cell table:style-name=\"CellBorder\""));
}

TEST_CASE("odt content: a borderless table, and a table without rows is left out") {
    doc::Table none;
    none.column_weights = {1};
    doc::Table plain;
    plain.column_weights = {1};
    plain.borders = false;
    plain.rows.push_back(doc::Row{{cell("x")}});
    std::string xml = content_of(std::vector<doc::Block>{doc::Block{none}, doc::Block{plain}});
    CHECK(has(xml, "<style:table-cell-properties fo:padding=\"4.25pt\" fo:border=\"none\"/>"));
    CHECK(count(xml, "<table:table ") == 1);
    CHECK(has(xml, "<table:table table:name=\"Table1\""));
    CHECK(xml.find("CellBorder") == std::string::npos);
}

TEST_CASE("odt content: signatures are a borderless table of equal columns, two signatories a row") {
    std::string xml = content_of(std::vector<doc::Block>{doc::Block{doc::Signatures{
        {{odt::test::signature("Pour le Cerema")}, {odt::test::signature("Pour la Ville")}, {}}}}});
    CHECK(count(xml, "style:rel-column-width=\"4535*\"") == 2);
    CHECK(count(xml, "<table:table-row table:style-name=\"TableRow\">") == 2);
    CHECK(has(
        body_of(xml),
        "<table:table-row table:style-name=\"TableRow\"><table:table-cell table:style-name=\"CellSignature\" "
        "office:value-type=\"string\"><text:p text:style-name=\"Signature\">Pour le Cerema"
        "</text:p></table:table-cell>"));
    // An empty signatory column keeps the Signature style, as in the DOCX.
    CHECK(has(body_of(xml), "<text:p text:style-name=\"Signature\"/></table:table-cell></table:table-row>"));
    // The block never breaks between its rows, and each cell leaves room to sign below its text.
    CHECK(has(xml, "table:align=\"margins\" style:may-break-between-rows=\"false\"/>"));
    CHECK(has(xml,
              "<style:style style:name=\"CellSignature\" style:family=\"table-cell\">"
              "<style:table-cell-properties fo:padding-top=\"4.25pt\" fo:padding-bottom=\"89.3pt\" "
              "fo:padding-left=\"4.25pt\" fo:padding-right=\"4.25pt\" fo:border=\"none\"/></style:style>"));
}

TEST_CASE("odt content: a long signature block may break after its first row, never inside a row") {
    // Seven signatories, four rows: kept whole, the block left the text's last page half blank
    // and, filling a page, pushed LibreOffice's closing paragraph onto a blank one. ODF keeps
    // rows together only as a whole table: the place and date and the first row are one table,
    // the other rows a second one that may break between them.
    std::vector<std::vector<doc::Paragraph>> columns;
    for (const char* name : {"A", "B", "C", "D", "E", "F", "G"})
        columns.push_back({odt::test::signature(name)});
    std::string xml = content_of(
        std::vector<doc::Block>{block(body("Fait à Paris, le")), doc::Block{doc::Signatures{columns}}});
    const std::string text = body_of(xml);
    CHECK(count(text, "<table:table ") == 2);
    CHECK(has(xml,
              "<style:style style:name=\"Table1\" style:family=\"table\"><style:table-properties "
              "style:width=\"453.5pt\" table:align=\"margins\" style:may-break-between-rows=\"false\"/>"));
    CHECK(has(xml,
              "<style:style style:name=\"Table2\" style:family=\"table\"><style:table-properties "
              "style:width=\"453.5pt\" table:align=\"margins\"/>"));
    const std::size_t second = text.find("<table:table table:name=\"Table2\"");
    REQUIRE(second != std::string::npos);
    CHECK(text.find("Fait à Paris, le") < second);
    CHECK(text.find(">B</text:p>") < second);
    CHECK(text.find(">C</text:p>") > second);
    CHECK(count(text.substr(second), "<table:table-row ") == 3);  // C-D, E-F, G and an empty cell
    CHECK(count(text, "<table:table-row table:style-name=\"TableRow\">") == 5);  // rows never split
    // The body ends with the 6 pt spacer, not with the taller paragraph a reader would add.
    CHECK(text.ends_with("</table:table><text:p text:style-name=\"TableSpacer\"/>"));
    // Where LibreOffice breaks it: test_outputs.py, tests/integration/layout/many-signatories.lua.
}

TEST_CASE("odt content: every table row is kept on one page") {
    doc::Table t;
    t.column_weights = {1};
    t.header_row = true;
    for (const char* text : {"Poste", "a", "b"}) t.rows.push_back(doc::Row{{cell(text)}});
    std::string xml = content_of(std::vector<doc::Block>{doc::Block{t}});
    CHECK(has(xml,
              "<style:style style:name=\"TableRow\" style:family=\"table-row\">"
              "<style:table-row-properties fo:keep-together=\"always\"/></style:style>"));
    CHECK(count(xml, "<table:table-row table:style-name=\"TableRow\">") == 3);
}

TEST_CASE("odt content: the place and date head the signatures, across their columns, kept with them") {
    std::string xml = content_of(std::vector<doc::Block>{
        block(body("Dernier alinéa.")), block(body("Fait à Paris, le")),
        doc::Block{doc::Signatures{{{odt::test::signature("A")}, {odt::test::signature("B")}}}},
        block(body("Visa"))});
    // The last alinéa keeps with the table, which keeps with the visa through its spacer.
    CHECK(has(xml,
              "<style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Body\">"
              "<style:paragraph-properties fo:keep-with-next=\"always\"/></style:style>"));
    CHECK(has(xml, "fo:keep-with-next=\"always\" style:may-break-between-rows=\"false\"/>"));
    CHECK(has(body_of(xml), "<text:p text:style-name=\"P1\">Dernier alinéa.</text:p><table:table "));
    CHECK(has(body_of(xml),
              "<table:table-row table:style-name=\"TableRow\"><table:table-cell "
              "table:style-name=\"CellSignatureLead\" office:value-type=\"string\" "
              "table:number-columns-spanned=\"2\"><text:p text:style-name=\"Body\">Fait à Paris, le</text:p>"
              "</table:table-cell><table:covered-table-cell/></table:table-row>"));
    CHECK(has(xml, "<style:table-cell-properties fo:padding=\"0pt\" fo:border=\"none\"/>"));
    CHECK(has(
        body_of(xml),
        "</table:table><text:p text:style-name=\"TableSpacerKept\"/><text:p text:style-name=\"Body\">Visa"));
}

TEST_CASE("odt content: a paragraph introducing a table is kept with it") {
    doc::Table t;
    t.column_weights = {1};
    t.rows.push_back(doc::Row{{cell("Total")}});
    std::string xml = content_of(std::vector<doc::Block>{
        block(body("3° la ligne « Total » est ainsi rédigée\u00a0:")), doc::Block{t}, block(body("suite"))});
    CHECK(has(body_of(xml), "<text:p text:style-name=\"P1\">3° la ligne"));
    CHECK(has(xml,
              "style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Body\">"
              "<style:paragraph-properties fo:keep-with-next=\"always\"/>"));
    // The table itself does not keep with "suite".
    CHECK(xml.find("table:align=\"margins\" fo:margin-bottom=\"0.5pt\"/>") != std::string::npos);
}

TEST_CASE("odt content: a page break goes onto the next paragraph") {
    std::string xml = content_of(
        std::vector<doc::Block>{block(body("avant")), doc::Block{doc::PageBreak{}}, block(body("après"))});
    CHECK(has(xml,
              "<style:style style:name=\"P1\" style:family=\"paragraph\" "
              "style:parent-style-name=\"Body\">"
              "<style:paragraph-properties fo:break-before=\"page\"/></style:style>"));
    CHECK(body_of(xml) ==
          "<text:p text:style-name=\"Body\">avant</text:p><text:p "
          "text:style-name=\"P1\">après</text:p>");
}

TEST_CASE("odt content: a page break before a heading keeps the heading's style as parent") {
    std::string xml = content_of(std::vector<doc::Block>{
        doc::Block{doc::PageBreak{}}, block(para(ParagraphStyle::article, {run("Article")}))});
    CHECK(has(xml,
              "style:parent-style-name=\"Article\"><style:paragraph-properties "
              "fo:break-before=\"page\"/>"));
    CHECK(body_of(xml) == "<text:h text:style-name=\"P1\" text:outline-level=\"1\">Article</text:h>");
}

TEST_CASE("odt content: a page break before a non-paragraph, or at the end, is an empty Body paragraph") {
    doc::Table t;
    t.column_weights = {1};
    t.rows.push_back(doc::Row{{cell("x")}});
    std::string b = body_of(content_of(std::vector<doc::Block>{
        block(body("a")), doc::Block{doc::PageBreak{}}, doc::Block{t}, doc::Block{doc::PageBreak{}},
        doc::Block{doc::PageBreak{}}, block(body("b")), doc::Block{doc::PageBreak{}}}));
    CHECK(b.rfind("<text:p text:style-name=\"Body\">a</text:p><text:p "
                  "text:style-name=\"P1\"/><table:table ",
                  0) == 0);
    CHECK(has(b,
              "</table:table><text:p text:style-name=\"TableSpacer\"/><text:p text:style-name=\"P1\"/>"
              "<text:p text:style-name=\"P1\">b</text:p>"
              "<text:p text:style-name=\"P1\"/>"));
    const std::string last = "<text:p text:style-name=\"P1\">b</text:p><text:p text:style-name=\"P1\"/>";
    CHECK(b.substr(b.size() - last.size()) == last);
}

TEST_CASE("odt content: a page break inside a list item stays in the item") {
    std::string b = body_of(content_of(std::vector<doc::Block>{list(
        false, {doc::ListItem{{block(para(ParagraphStyle::list, {run("a")})), doc::Block{doc::PageBreak{}},
                               block(para(ParagraphStyle::list, {run("b")}))}}})}));
    CHECK(has(b,
              "<text:list-item><text:p text:style-name=\"List\">a</text:p><text:p "
              "text:style-name=\"P1\">b</text:p>"));
}

TEST_CASE("odt content: the same tree always gives the same bytes") {
    doc::Document d = odt::test::kitchen_sink();
    CHECK(odt::detail::content_part(d) == odt::detail::content_part(d));
}
