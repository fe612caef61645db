// Lists: numbered paragraphs in the body and their definitions in numbering.xml.
#include "docx_test_support.hpp"

using namespace docx_test;

namespace {

std::string numbered(std::string_view text, int level, int num_id) {
    return "<w:p><w:pPr><w:pStyle w:val=\"List\"/><w:numPr><w:ilvl w:val=\"" + std::to_string(level) +
           "\"/><w:numId w:val=\"" + std::to_string(num_id) + "\"/></w:numPr></w:pPr><w:r><w:t>" +
           std::string(text) + "</w:t></w:r></w:p>";
}

}  // namespace

TEST_CASE("a two-level bulleted list uses the bullets' instance at levels 0 and 1") {
    auto d = document({list(
        false, {item({text("un", PS::list), list(false, {item("un a"), item("un b")})}), item("deux")})});
    CHECK(body(d) ==
          numbered("un", 0, 1) + numbered("un a", 1, 1) + numbered("un b", 1, 1) + numbered("deux", 0, 1));
}

TEST_CASE("numbering.xml defines the markers and indents of both kinds") {
    std::string xml = part(document({text("x")}), "word/numbering.xml");
    CHECK(contains(xml,
                   "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType "
                   "w:val=\"hybridMultilevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
                   "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u2022\"/>"
                   "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"567\" w:hanging=\"284\"/>"
                   "</w:pPr></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/>"
                   "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u2013\"/>"
                   "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"1134\" w:hanging=\"284\"/>"
                   "</w:pPr></w:lvl></w:abstractNum>"));
    CHECK(contains(xml, "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>"));
    CHECK(contains(xml, "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2)\"/>"));
    CHECK(contains(xml, "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"));
}

TEST_CASE("a second ordered list gets its own instance, restarting at 1") {
    auto d =
        document({list(true, {item("un"), item("deux")}), text("entre"), list(true, {item("encore un")})});
    auto parts = conventio::docx::parts(d);
    std::string xml = part(parts, "word/document.xml");
    CHECK(contains(xml, numbered("un", 0, 2) + numbered("deux", 0, 2)));
    CHECK(contains(xml, numbered("encore un", 0, 3)));
    std::string numbering = part(parts, "word/numbering.xml");
    CHECK(contains(numbering,
                   "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/>"
                   "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>"
                   "</w:lvlOverride></w:num>"
                   "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/>"
                   "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>"
                   "</w:lvlOverride></w:num></w:numbering>"));
}

TEST_CASE("a nested ordered list restarts its own level only") {
    auto d = document({list(true, {item({text("un", PS::list), list(true, {item("un a")})}), item("deux")})});
    auto parts = conventio::docx::parts(d);
    CHECK(body(d) == numbered("un", 0, 2) + numbered("un a", 1, 3) + numbered("deux", 0, 2));
    CHECK(contains(part(parts, "word/numbering.xml"),
                   "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride "
                   "w:ilvl=\"1\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"));
}

TEST_CASE("an item's later paragraphs are indented to its text, without a marker") {
    auto d = document({list(false, {item({text("premier", PS::list), text("suite", PS::list),
                                          list(false, {item("sous-point")})})})});
    CHECK(body(d) == numbered("premier", 0, 1) +
                         "<w:p><w:pPr><w:pStyle w:val=\"List\"/><w:numPr><w:ilvl w:val=\"0\"/>"
                         "<w:numId w:val=\"0\"/></w:numPr><w:ind w:left=\"567\"/></w:pPr>"
                         "<w:r><w:t>suite</w:t></w:r></w:p>" +
                         numbered("sous-point", 1, 1));
}

TEST_CASE("an empty item still shows its marker") {
    auto d = document({list(true, {item(std::vector<doc::Block>{}), item("deux")})});
    CHECK(body(d) ==
          "<w:p><w:pPr><w:pStyle w:val=\"List\"/><w:numPr><w:ilvl w:val=\"0\"/>"
          "<w:numId w:val=\"2\"/></w:numPr></w:pPr></w:p>" +
              numbered("deux", 0, 2));
}
