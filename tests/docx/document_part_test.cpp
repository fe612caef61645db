// word/document.xml: tables, signatures, page breaks and the section properties.
#include "document/style_sheet.hpp"
#include "docx/docx_internal.hpp"
#include "docx_test_support.hpp"

using namespace docx_test;
namespace style = conventio::style;

namespace {

doc::Table table(std::vector<double> weights, std::vector<doc::Row> rows, bool header = false,
                 bool borders = true) {
    doc::Table t;
    t.column_weights = std::move(weights);
    t.rows = std::move(rows);
    t.header_row = header;
    t.borders = borders;
    return t;
}

const std::string page_break_carrier =
    "<w:p><w:pPr><w:pStyle w:val=\"Body\"/><w:pageBreakBefore/></w:pPr></w:p>";

/// The 6 pt paragraph after a table (style::table_spacer_height).
const std::string table_spacer =
    "<w:p><w:pPr><w:pStyle w:val=\"Body\"/><w:spacing w:before=\"0\" w:after=\"0\" "
    "w:line=\"120\" w:lineRule=\"exact\"/></w:pPr></w:p>";

}  // namespace

TEST_CASE("a table spans the text width with a fixed grid, padding and thin black borders") {
    auto d = document({doc::Block{table({1, 1}, {{{cell("a"), cell("b")}}})}});
    CHECK(body(d) ==
          "<w:tbl><w:tblPr><w:tblW w:w=\"9070\" w:type=\"dxa\"/><w:tblInd w:w=\"0\" "
          "w:type=\"dxa\"/><w:tblBorders>"
          "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
          "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
          "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
          "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
          "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
          "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
          "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
          "<w:top w:w=\"85\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/>"
          "<w:bottom w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/>"
          "</w:tblCellMar></w:tblPr>"
          "<w:tblGrid><w:gridCol w:w=\"4535\"/><w:gridCol w:w=\"4535\"/></w:tblGrid>"
          "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"4535\" w:type=\"dxa\"/></w:tcPr>"
          "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr><w:r><w:t>a</w:t></w:r></w:p></w:tc>"
          "<w:tc><w:tcPr><w:tcW w:w=\"4535\" w:type=\"dxa\"/></w:tcPr>"
          "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr><w:r><w:t>b</w:t></w:r></w:p></w:tc>"
          "</w:tr></w:tbl>" +
              table_spacer);
}

TEST_CASE("a borderless table says so on every edge") {
    std::string b = body(document({doc::Block{table({1}, {{{cell("a")}}}, false, false)}}));
    CHECK(contains(b,
                   "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/>"
                   "<w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/>"
                   "<w:insideV w:val=\"nil\"/></w:tblBorders>"));
}

TEST_CASE("a spanned cell gets w:gridSpan and the width of the columns it covers") {
    auto d = document({doc::Block{
        table({2, 1, 1}, {{{cell("large", 2), cell("c")}}, {{cell("a"), cell("b"), cell("c")}}})}});
    std::string b = body(d);
    CHECK(contains(b,
                   "<w:tc><w:tcPr><w:tcW w:w=\"6803\" w:type=\"dxa\"/><w:gridSpan w:val=\"2\"/>"
                   "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr><w:r><w:t>large"));
    CHECK(contains(b,
                   "<w:tcW w:w=\"4535\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle "
                   "w:val=\"TableText\"/></w:pPr><w:r><w:t>a</w:t>"));
    CHECK(count(b, "<w:gridSpan") == 1);
}

TEST_CASE("a header row repeats on each page and has a grey background") {
    auto d = document({doc::Block{table(
        {1, 1},
        {{{cell("T1", 1, PS::table_header), cell("T2", 1, PS::table_header)}}, {{cell("a"), cell("b")}}},
        true)}});
    std::string b = body(d);
    CHECK(contains(b,
                   "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"4535\" "
                   "w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/>"
                   "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableHeader\"/></w:pPr><w:r><w:t>T1"));
    CHECK(count(b, "<w:tblHeader/>") == 1);
    CHECK(count(b, "D9D9D9") == 2);
}

TEST_CASE("an empty cell still holds one paragraph") {
    auto d = document({doc::Block{table({1, 1}, {{{doc::Cell{1, {}}, cell("b")}}})}});
    CHECK(contains(body(d),
                   "<w:tcPr><w:tcW w:w=\"4535\" w:type=\"dxa\"/></w:tcPr>"
                   "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p></w:tc>"));
}

TEST_CASE("signatures are a borderless table of equal columns, two signatories a row") {
    auto d = document({doc::Block{doc::Signatures{
        {{paragraph({run("A")}, PS::signature)}, {paragraph({run("B")}, PS::signature)}, {}}}}});
    std::string b = body(d);
    CHECK(contains(b, "<w:tblGrid><w:gridCol w:w=\"4535\"/><w:gridCol w:w=\"4535\"/></w:tblGrid>"));
    CHECK(contains(b, "<w:top w:val=\"nil\"/>"));
    CHECK(count(b, "<w:tr>") == 2);
    // Every row's paragraphs keep with the next row: the block stays on one page.
    CHECK(contains(b,
                   "<w:tcW w:w=\"4535\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle "
                   "w:val=\"Signature\"/><w:keepNext/></w:pPr><w:r><w:t>A</w:t></w:r></w:p></w:tc>"));
    // The third signatory (empty here) starts the second row, completed by an empty cell.
    CHECK(count(b, "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/><w:keepNext/></w:pPr></w:p></w:tc>") == 2);
    // No row splits, and none is marked as a change.
    CHECK(count(b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>") == 2);
    // Room to sign below each signatory: the cells' bottom margin.
    CHECK(contains(b, "<w:bottom w:w=\"" + std::to_string(style::table_cell_padding + style::signing_space) +
                          "\" w:type=\"dxa\"/>"));
}

TEST_CASE("a long signature block may break after its first row, never inside a row") {
    // Seven signatories, four rows: kept whole, the block left the text's last page half blank.
    std::vector<std::vector<doc::Paragraph>> columns;
    for (char name = 'A'; name <= 'G'; ++name)
        columns.push_back({paragraph({run(std::string(1, name))}, PS::signature)});
    auto d = document({text("Fait \u00e0 Paris, le"), doc::Block{doc::Signatures{columns}}});
    std::string b = body(d);
    CHECK(count(b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>") == 5);  // the place and date, four rows
    // The place and date keep with the first row; the rows after it do not keep with the next
    // (a page may end there), but the last keeps the block with its spacer.
    CHECK(contains(b, "<w:keepNext/></w:pPr><w:r><w:t>Fait"));
    for (std::string name : {"A", "B", "C", "D", "E", "F"})
        CHECK(contains(b, "<w:pStyle w:val=\"Signature\"/></w:pPr><w:r><w:t>" + name + "</w:t>"));
    CHECK(contains(b, "<w:pStyle w:val=\"Signature\"/><w:keepNext/></w:pPr><w:r><w:t>G</w:t>"));
    CHECK(count(b, "<w:pStyle w:val=\"Signature\"/><w:keepNext/>") == 2);  // G and the empty cell
}

TEST_CASE("every table row is kept on one page") {
    auto d = document({doc::Block{table({1}, {{{cell("a")}}, {{cell("b")}}, {{cell("c")}}}, true)}});
    std::string b = body(d);
    CHECK(count(b, "<w:tr>") == 3);
    CHECK(count(b, "<w:trPr><w:cantSplit/>") == 3);
}

TEST_CASE("the place and date head the signatures, across their columns, kept with them") {
    auto d = document({text("Dernier alin\u00e9a."), text("Fait \u00e0 Paris, le"),
                       doc::Block{doc::Signatures{
                           {{paragraph({run("A")}, PS::signature)}, {paragraph({run("B")}, PS::signature)}}}},
                       text("Visa")});
    std::string b = body(d);
    // The last alinéa keeps with the block; the place and date are its first row, flush with
    // the body's text, and keep with the signatories' row.
    CHECK(b.rfind("<w:p><w:pPr><w:pStyle w:val=\"Body\"/><w:keepNext/></w:pPr><w:r><w:t>Dernier", 0) == 0);
    CHECK(contains(b,
                   "</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr>"
                   "<w:tcW w:w=\"9070\" w:type=\"dxa\"/><w:gridSpan w:val=\"2\"/><w:tcMar>"
                   "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/>"
                   "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tcMar>"
                   "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"Body\"/><w:keepNext/></w:pPr><w:r><w:t>Fait"));
    CHECK(count(b, "<w:tr>") == 2);
    // The visa after them is on their page: the spacer between keeps with it.
    CHECK(contains(b, "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"Body\"/><w:keepNext/><w:spacing "));
}

TEST_CASE(
    "a paragraph introducing a table is kept with it; a table kept with the next block keeps its last row") {
    auto d = document({text("la ligne \u00ab Total \u00bb est ainsi r\u00e9dig\u00e9e :"),
                       doc::Block{table({1}, {{{cell("a")}}, {{cell("Total")}}})}, text("Fait"),
                       doc::Block{doc::Signatures{{{paragraph({run("A")}, PS::signature)}}}}});
    std::string b = body(d);
    CHECK(b.rfind("<w:p><w:pPr><w:pStyle w:val=\"Body\"/><w:keepNext/></w:pPr><w:r><w:t>la ligne", 0) == 0);
    // The table ends the text before the signatures: every row keeps with the next, so that it
    // moves whole with them, as the ODT's table does.
    CHECK(contains(b, "<w:pStyle w:val=\"TableText\"/><w:keepNext/></w:pPr><w:r><w:t>a<"));
    CHECK(contains(b, "<w:pStyle w:val=\"TableText\"/><w:keepNext/></w:pPr><w:r><w:t>Total<"));
}

TEST_CASE("a signatory who joins by an avenant is a tracked row, its paragraph marks but the last tracked") {
    doc::Document d = document({doc::Block{doc::Signatures{
        {{paragraph({run("A")}, PS::signature)},
         {paragraph({run("B")}, PS::signature)},
         {paragraph({doc::Run{"Pour C,", {}, {}, doc::Change::inserted}}, PS::signature),
          paragraph({doc::Run{"Madame C", {}, {}, doc::Change::inserted}}, PS::signature)}}}}});
    d.revision = {"Avenant n\u00b0\u00a01", "2024-06-01"};
    std::string b = body(d);
    CHECK(count(b, "<w:tr>") == 2);
    CHECK(contains(b, "<w:tr><w:trPr><w:cantSplit/><w:ins w:id="));
    CHECK(count(b, "<w:rPr><w:ins w:id=") == 1);  // "Pour C,"'s mark; the cell's last stays
}

TEST_CASE("a page break is carried by the next paragraph") {
    auto d = document({text("avant"), doc::Block{doc::PageBreak{}}, text("apr\u00e8s")});
    CHECK(contains(body(d),
                   "<w:p><w:pPr><w:pStyle w:val=\"Body\"/><w:pageBreakBefore/></w:pPr>"
                   "<w:r><w:t>apr\u00e8s</w:t></w:r></w:p>"));
    CHECK(count(body(d), "<w:p>") == 2);
}

TEST_CASE("a page break before a table, a list or nothing gets an empty Body paragraph") {
    auto d = document({text("avant"), doc::Block{doc::PageBreak{}}, doc::Block{table({1}, {{{cell("t")}}})},
                       doc::Block{doc::PageBreak{}}, list(false, {item("l")}), doc::Block{doc::PageBreak{}}});
    std::string b = body(d);
    CHECK(contains(b, "</w:p>" + page_break_carrier + "<w:tbl>"));
    CHECK(contains(
        b, "</w:tbl>" + table_spacer + page_break_carrier + "<w:p><w:pPr><w:pStyle w:val=\"List\"/>"));
    CHECK(b.ends_with("</w:p>" + page_break_carrier));
    CHECK(count(b, "<w:pageBreakBefore/>") == 3);
}

TEST_CASE("two page breaks in a row give one empty page") {
    auto d = document({text("a"), doc::Block{doc::PageBreak{}}, doc::Block{doc::PageBreak{}}, text("b")});
    CHECK(body(d) == "<w:p><w:pPr><w:pStyle w:val=\"Body\"/></w:pPr><w:r><w:t>a</w:t></w:r></w:p>" +
                         page_break_carrier +
                         "<w:p><w:pPr><w:pStyle w:val=\"Body\"/><w:pageBreakBefore/></w:pPr>"
                         "<w:r><w:t>b</w:t></w:r></w:p>");
}

TEST_CASE("the section sets A4 and the margins, and names the header and footer") {
    doc::Document d = document({text("x")});
    d.header = {run("en-t\u00eate")};
    d.footer = {run("pied")};
    std::string xml = part(d, "word/document.xml");
    CHECK(contains(xml,
                   "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/>"
                   "<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>"
                   "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" "
                   "w:right=\"1418\" w:bottom=\"1134\" w:left=\"1418\" w:header=\"567\" "
                   "w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"));
    CHECK(contains(part(d, "word/header1.xml"),
                   "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
                   " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                   "relationships\"><w:p><w:pPr><w:pStyle w:val=\"HeaderFooter\"/></w:pPr>"
                   "<w:r><w:t>en-t\u00eate</w:t></w:r></w:p></w:hdr>"));
}

TEST_CASE("without header or footer there are neither parts nor references") {
    auto parts = conventio::docx::parts(document({text("x")}));
    for (const auto& e : parts) {
        CHECK(e.name != "word/header1.xml");
        CHECK(e.name != "word/footer1.xml");
    }
    std::string xml = part(parts, "word/document.xml");
    CHECK(contains(xml, "<w:sectPr><w:pgSz "));
    CHECK_FALSE(contains(part(parts, "word/_rels/document.xml.rels"), "header"));
}

TEST_CASE("a table is followed by a 6 pt spacer paragraph, which also keeps adjacent tables apart") {
    auto d = document({doc::Block{table({1}, {{{cell("t1")}}})}, doc::Block{table({1}, {{{cell("t2")}}})},
                       doc::Block{doc::Signatures{{{paragraph({run("A")}, PS::signature)}}}},
                       text("apr\u00e8s"), doc::Block{table({1}, {{{cell("t3")}}})}});
    std::string b = body(d);
    // The second table ends the text before the signatures and the paragraph after them is on
    // their page: those two spacers keep with what follows.
    const std::string kept_spacer =
        "<w:p><w:pPr><w:pStyle w:val=\"Body\"/><w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\" "
        "w:line=\"120\" w:lineRule=\"exact\"/></w:pPr></w:p>";
    CHECK(count(b, "</w:tbl>" + table_spacer + "<w:tbl>") == 1);
    CHECK(count(b, "</w:tbl>" + kept_spacer + "<w:tbl>") == 1);
    CHECK(count(b, "</w:tbl>" + kept_spacer +
                       "<w:p><w:pPr><w:pStyle w:val=\"Body\"/></w:pPr><w:r><w:t>apr") == 1);
    // The last table gets one too: the body's closing paragraph, else a reader's own (taller).
    CHECK(count(b, "w:lineRule=\"exact\"") == 4);
    CHECK(b.ends_with("</w:tbl>" + table_spacer));
}
