// styles.xml: the style sheet, list styles, notes and page geometry, header and footer.
#include <doctest/doctest.h>

#include <string>

#include "document/style_sheet.hpp"
#include "odt/kitchen_sink.hpp"
#include "odt/odt_internal.hpp"

using namespace conventio;
using odt::test::run;

namespace {

bool has(const std::string& xml, const std::string& fragment) {
    if (xml.find(fragment) != std::string::npos) return true;
    MESSAGE("missing: " << fragment << "\nin: " << xml);
    return false;
}

std::string styles_of(doc::Inlines header = {}, doc::Inlines footer = {}) {
    doc::Document d;
    d.header = std::move(header);
    d.footer = std::move(footer);
    return odt::detail::styles_part(d);
}

}  // namespace

TEST_CASE("odt styles: defaults set widows, orphans, single spacing, the font and French") {
    CHECK(has(styles_of(),
              "<style:default-style style:family=\"paragraph\"><style:paragraph-properties "
              "fo:orphans=\"2\" fo:widows=\"2\" fo:line-height=\"100%\" style:tab-stop-distance=\"35.45pt\" "
              "style:writing-mode=\"lr-tb\"/><style:text-properties style:font-name=\"Liberation Sans\" "
              "style:font-name-asian=\"Liberation Sans\" style:font-name-complex=\"Liberation Sans\" "
              "fo:font-size=\"11pt\" style:font-size-asian=\"11pt\" style:font-size-complex=\"11pt\" "
              "fo:language=\"fr\" fo:country=\"FR\" fo:hyphenate=\"false\"/></style:default-style>"));
    CHECK(has(styles_of(), "<office:font-face-decls><style:font-face style:name=\"Liberation Sans\""));
}

TEST_CASE("odt styles: every named paragraph style comes from the style sheet") {
    std::string xml = styles_of();
    for (const style::ParagraphLook& look : style::paragraph_looks)
        CHECK(has(xml, "<style:style style:name=\"" + std::string(look.internal_id) + "\""));
    CHECK(has(xml,
              "<style:style style:name=\"Body\" style:family=\"paragraph\" style:class=\"text\">"
              "<style:paragraph-properties fo:margin-top=\"0pt\" fo:margin-bottom=\"6pt\" "
              "fo:text-align=\"justify\" fo:text-align-last=\"start\"/><style:text-properties "
              "fo:font-size=\"11pt\" style:font-size-asian=\"11pt\" "
              "style:font-size-complex=\"11pt\"/></style:style>"));
    CHECK(has(xml,
              "<style:style style:name=\"Article\" style:family=\"paragraph\" "
              "style:next-style-name=\"Body\" "
              "style:default-outline-level=\"1\" style:class=\"chapter\"><style:paragraph-properties "
              "fo:margin-top=\"12pt\" fo:margin-bottom=\"6pt\" fo:text-align=\"start\" "
              "fo:keep-with-next=\"always\"/><style:text-properties fo:font-size=\"12pt\""));
    CHECK(has(xml,
              "<style:style style:name=\"SubArticle\" style:display-name=\"Sub-article\" "
              "style:family=\"paragraph\" style:next-style-name=\"Body\" "
              "style:default-outline-level=\"2\""));
    CHECK(has(xml,
              "<style:style style:name=\"AnnexHeading\" style:display-name=\"Annex heading\" "
              "style:family=\"paragraph\" style:next-style-name=\"Body\" "
              "style:default-outline-level=\"1\" "
              "style:class=\"chapter\"><style:paragraph-properties fo:margin-top=\"0pt\" "
              "fo:margin-bottom=\"12pt\" fo:text-align=\"center\" fo:keep-with-next=\"always\" "
              "fo:break-before=\"page\"/><style:text-properties fo:font-size=\"13pt\""));
    CHECK(has(xml,
              "<style:style style:name=\"Footnote\" style:family=\"paragraph\" style:class=\"text\">"
              "<style:paragraph-properties fo:margin-top=\"0pt\" fo:margin-bottom=\"0pt\" "
              "fo:text-align=\"start\"/><style:text-properties fo:font-size=\"8pt\""));
}

TEST_CASE("odt styles: the Hyperlink and footnote reference character styles") {
    std::string xml = styles_of();
    CHECK(has(xml,
              "<style:style style:name=\"Hyperlink\" style:family=\"text\"><style:text-properties "
              "fo:color=\"#0563C1\" style:text-underline-style=\"solid\" "
              "style:text-underline-width=\"auto\" "
              "style:text-underline-color=\"font-color\"/></style:style>"));
    CHECK(has(xml,
              "<style:style style:name=\"FootnoteReference\" style:display-name=\"Footnote reference\" "
              "style:family=\"text\"><style:text-properties style:text-position=\"super "
              "58%\"/></style:style>"));
    CHECK(has(xml,
              "<style:style style:name=\"FootnoteNumber\" style:display-name=\"Footnote number\" "
              "style:family=\"text\"><style:text-properties style:text-position=\"super "
              "58%\"/></style:style>"));
}

TEST_CASE("odt styles: list levels indent by list_indent with a hanging marker") {
    std::string xml = styles_of();
    CHECK(has(xml,
              "<text:list-style style:name=\"ListBullet\" style:display-name=\"List bullet\">"
              "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"\u2022\">"
              "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
              "<style:list-level-label-alignment text:label-followed-by=\"listtab\" "
              "text:list-tab-stop-position=\"28.35pt\" fo:text-indent=\"-14.2pt\" "
              "fo:margin-left=\"28.35pt\"/>"
              "</style:list-level-properties>"));
    CHECK(has(xml,
              "<text:list-level-style-bullet text:level=\"2\" text:bullet-char=\"\u2013\">"
              "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
              "<style:list-level-label-alignment text:label-followed-by=\"listtab\" "
              "text:list-tab-stop-position=\"56.7pt\" fo:text-indent=\"-14.2pt\" "
              "fo:margin-left=\"56.7pt\"/>"));
    CHECK(has(xml,
              "<text:list-style style:name=\"ListNumber\" style:display-name=\"List number\">"
              "<text:list-level-style-number text:level=\"1\" style:num-suffix=\".\" "
              "style:num-format=\"1\">"));
    CHECK(has(xml,
              "<text:list-level-style-number text:level=\"2\" style:num-suffix=\")\" "
              "style:num-format=\"a\">"));
}

TEST_CASE("odt styles: footnotes numbered 1, 2, 3 through the document, at the page foot") {
    CHECK(has(styles_of(),
              "<text:notes-configuration text:note-class=\"footnote\" "
              "text:citation-style-name=\"FootnoteNumber\" "
              "text:citation-body-style-name=\"FootnoteReference\" text:default-style-name=\"Footnote\" "
              "style:num-format=\"1\" text:start-value=\"0\" text:footnotes-position=\"page\" "
              "text:start-numbering-at=\"document\"/>"));
}

TEST_CASE("odt styles: A4 portrait with the style sheet's margins when there is no header or footer") {
    std::string xml = styles_of();
    CHECK(has(xml,
              "<style:page-layout style:name=\"PageLayout\"><style:page-layout-properties "
              "fo:page-width=\"595.3pt\" fo:page-height=\"841.9pt\" style:print-orientation=\"portrait\" "
              "fo:margin-top=\"56.7pt\" fo:margin-bottom=\"56.7pt\" fo:margin-left=\"70.9pt\" "
              "fo:margin-right=\"70.9pt\" style:writing-mode=\"lr-tb\"><style:footnote-sep "));
    CHECK(has(xml, "</style:page-layout-properties></style:page-layout>"));
    CHECK(has(xml,
              "<office:master-styles><style:master-page style:name=\"Standard\" "
              "style:page-layout-name=\"PageLayout\"/></office:master-styles>"));
}

TEST_CASE("odt styles: header and footer sit header_distance from the page edges") {
    std::string xml = styles_of({run("Convention")}, {run("Page "), doc::Field{doc::FieldKind::page_number},
                                                      run(" / "), doc::Field{doc::FieldKind::page_count}});
    CHECK(has(xml, "fo:margin-top=\"28.35pt\" fo:margin-bottom=\"28.35pt\" fo:margin-left=\"70.9pt\""));
    CHECK(has(xml,
              "<style:header-style><style:header-footer-properties fo:min-height=\"28.35pt\" "
              "fo:margin-bottom=\"25.5pt\" style:dynamic-spacing=\"true\"/></style:header-style>"
              "<style:footer-style><style:header-footer-properties fo:min-height=\"28.35pt\" "
              "fo:margin-top=\"25.5pt\" style:dynamic-spacing=\"true\"/></style:footer-style>"));
    CHECK(has(xml,
              "<style:master-page style:name=\"Standard\" style:page-layout-name=\"PageLayout\">"
              "<style:header><text:p text:style-name=\"HeaderFooter\">Convention</text:p></style:header>"
              "<style:footer><text:p text:style-name=\"HeaderFooter\">Page <text:page-number "
              "text:select-page=\"current\">1</text:page-number> / <text:page-count>1</text:page-count>"
              "</text:p></style:footer></style:master-page>"));
}

TEST_CASE("odt styles: a footer alone, with marks, gets its own automatic text style") {
    std::string xml = styles_of({}, {run("Confidentiel", "b")});
    CHECK(xml.find("<style:header>") == std::string::npos);
    CHECK(xml.find("<style:header-style>") == std::string::npos);
    CHECK(has(xml, "fo:margin-top=\"56.7pt\" fo:margin-bottom=\"28.35pt\""));
    CHECK(has(xml,
              "<office:automatic-styles><style:style style:name=\"MT1\" style:family=\"text\">"
              "<style:text-properties fo:font-weight=\"bold\"/></style:style><style:page-layout "));
    CHECK(has(xml,
              "<style:footer><text:p text:style-name=\"HeaderFooter\"><text:span text:style-name=\"MT1\">"
              "Confidentiel</text:span></text:p></style:footer>"));
}

TEST_CASE("odt styles: each document gets its own language's styles, in any order") {
    // The named styles are built once per language and reused (xml/built_once.hpp): a
    // document in another language must not get the first one's.
    auto in = [](std::string language) {
        doc::Document d;
        d.meta.language = std::move(language);
        return odt::detail::styles_part(d);
    };
    const std::string english = in("en-GB"), french = in("fr-FR"), bare = in("de");
    CHECK(has(english, "fo:language=\"en\" fo:country=\"GB\""));
    CHECK(has(french, "fo:language=\"fr\" fo:country=\"FR\""));
    CHECK(has(bare, "fo:language=\"de\" fo:hyphenate"));
    CHECK(in("en-GB") == english);
    CHECK(in("") == french);
    // The reused bytes sit where they belong: right after the root's attributes, before the
    // document's own automatic styles.
    CHECK(has(french, "office:version=\"1.3\"><office:font-face-decls>"));
    CHECK(has(french, "</office:styles><office:automatic-styles>"));
}
