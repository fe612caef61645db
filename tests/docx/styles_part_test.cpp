// word/styles.xml: defaults and the styles of style_sheet.hpp.
#include "document/style_sheet.hpp"
#include "docx_test_support.hpp"

using namespace docx_test;

namespace {

std::string styles(std::string language = "fr-FR") {
    doc::Document d = document({text("x")});
    d.meta.language = std::move(language);
    return part(d, "word/styles.xml");
}

// The w:style element whose w:styleId is `id`.
std::string style_element(const std::string& xml, std::string_view id) {
    auto at = xml.find("w:styleId=\"" + std::string(id) + "\"");
    REQUIRE(at != std::string::npos);
    auto begin = xml.rfind("<w:style ", at);
    auto end = xml.find("</w:style>", at);
    return xml.substr(begin, end + 10 - begin);
}

}  // namespace

TEST_CASE("defaults: the font everywhere, 11 pt, the document's language, single spacing") {
    CHECK(contains(styles(),
                   "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Liberation Sans\" "
                   "w:hAnsi=\"Liberation Sans\" w:eastAsia=\"Liberation Sans\" "
                   "w:cs=\"Liberation Sans\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"
                   "<w:lang w:val=\"fr-FR\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
                   "<w:widowControl/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" "
                   "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"));
    CHECK(contains(styles("en-GB"), "<w:lang w:val=\"en-GB\"/>"));
    CHECK(contains(styles(""), "<w:lang w:val=\"fr-FR\"/>"));
}

TEST_CASE("Normal is the default paragraph style and sets widow control explicitly") {
    CHECK(style_element(styles(), "Normal") ==
          "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
          "w:val=\"Normal\"/><w:qFormat/><w:pPr><w:widowControl/><w:spacing w:before=\"0\" "
          "w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"22\"/>"
          "<w:szCs w:val=\"22\"/></w:rPr></w:style>");
}

TEST_CASE("every look of the style sheet is a paragraph style based on Normal") {
    std::string xml = styles();
    for (const auto& look : conventio::style::paragraph_looks) {
        std::string s = style_element(xml, look.internal_id);
        CHECK(contains(s, "<w:name w:val=\"" + std::string(look.name) + "\"/>"));
        CHECK(contains(s, "<w:basedOn w:val=\"Normal\"/>"));
        CHECK(contains(s, "<w:sz w:val=\"" + std::to_string(look.font_size_half_points) + "\"/>"));
        CHECK(contains(s, "w:before=\"" + std::to_string(look.space_before) + "\" w:after=\"" +
                              std::to_string(look.space_after) + "\""));
        CHECK(contains(s, "<w:keepNext/>") == look.keep_with_next);
        CHECK(contains(s, "<w:b/>") == look.bold);
    }
}

TEST_CASE("headings carry their outline level; the annex heading starts a new page") {
    std::string xml = styles();
    CHECK(style_element(xml, "Article") ==
          "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Article\"><w:name "
          "w:val=\"Article\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Body\"/><w:qFormat/>"
          "<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\" w:line=\"240\" "
          "w:lineRule=\"auto\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
          "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>");
    CHECK(contains(style_element(xml, "SubArticle"), "<w:outlineLvl w:val=\"1\"/>"));
    std::string annex = style_element(xml, "AnnexHeading");
    CHECK(contains(annex, "<w:keepNext/><w:pageBreakBefore/>"));
    CHECK(contains(annex, "<w:outlineLvl w:val=\"0\"/>"));
    CHECK_FALSE(contains(style_element(xml, "AgreementTitle"), "outlineLvl"));
    CHECK_FALSE(contains(style_element(xml, "Body"), "outlineLvl"));
    CHECK(contains(style_element(xml, "Body"), "<w:jc w:val=\"both\"/>"));
}

TEST_CASE("the Hyperlink and FootnoteReference character styles") {
    std::string xml = styles();
    CHECK(contains(style_element(xml, "Hyperlink"),
                   "<w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr>"));
    CHECK(contains(style_element(xml, "FootnoteReference"),
                   "<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"));
    CHECK(contains(style_element(xml, "Hyperlink"), "w:type=\"character\""));
}
