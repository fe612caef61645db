// The package as a whole: part list, content types, relationships, properties, determinism.
#include <set>

#include "docx/docx_internal.hpp"
#include "docx_test_support.hpp"

using namespace docx_test;
using conventio::package::Entry;

namespace {

// The values of `attribute="..."` in `xml`, in order.
std::vector<std::string> attribute_values(std::string_view xml, std::string_view attribute) {
    std::vector<std::string> values;
    std::string key = " " + std::string(attribute) + "=\"";
    for (auto at = xml.find(key); at != std::string_view::npos; at = xml.find(key, at + 1)) {
        auto begin = at + key.size();
        values.emplace_back(xml.substr(begin, xml.find('"', begin) - begin));
    }
    return values;
}

// "word/_rels/document.xml.rels" -> "word/document.xml"; "_rels/.rels" -> "".
std::string source_of(const std::string& rels) {
    auto slash = rels.rfind("_rels/");
    std::string folder = rels.substr(0, slash);
    std::string name = rels.substr(slash + 6);
    return folder + name.substr(0, name.size() - 5);
}

std::string folder_of(const std::string& part) {
    auto slash = part.rfind('/');
    return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

std::set<std::string> names(const std::vector<Entry>& parts) {
    std::set<std::string> out;
    for (const auto& e : parts) out.insert(e.name);
    return out;
}

}  // namespace

TEST_CASE("the package lists its parts in a fixed order, [Content_Types].xml first") {
    std::vector<std::string> order;
    for (const auto& e : conventio::docx::parts(kitchen_sink())) order.push_back(e.name);
    CHECK(order ==
          std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "word/document.xml",
                                   "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml",
                                   "word/footnotes.xml", "word/_rels/footnotes.xml.rels", "word/settings.xml",
                                   "word/fontTable.xml", "word/header1.xml", "word/_rels/header1.xml.rels",
                                   "word/footer1.xml", "docProps/core.xml", "docProps/app.xml"});
}

TEST_CASE("content types cover every part and name no missing one") {
    for (const auto& d : {kitchen_sink(), document({text("x")})}) {
        auto parts = conventio::docx::parts(d);
        std::string types = part(parts, "[Content_Types].xml");
        CHECK(contains(types,
                       "<Default Extension=\"rels\" ContentType=\"application/"
                       "vnd.openxmlformats-package.relationships+xml\"/>"));
        auto overrides = attribute_values(types, "PartName");
        std::set<std::string> declared(overrides.begin(), overrides.end());
        for (const auto& e : parts) {
            if (e.name == "[Content_Types].xml" || e.name.ends_with(".rels")) continue;
            CHECK_MESSAGE(declared.count("/" + e.name) == 1, e.name);
        }
        auto present = names(parts);
        for (const auto& name : overrides) CHECK_MESSAGE(present.count(name.substr(1)) == 1, name);
    }
    CHECK(contains(part(kitchen_sink(), "[Content_Types].xml"),
                   "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                   "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"));
}

TEST_CASE("every internal relationship target exists and every r:id is declared") {
    auto parts = conventio::docx::parts(kitchen_sink());
    auto present = names(parts);
    int internal = 0;
    for (const auto& e : parts) {
        if (!e.name.ends_with(".rels")) continue;
        std::string source = source_of(e.name);
        CHECK_MESSAGE((source.empty() || present.count(source) == 1), e.name);
        auto targets = attribute_values(e.bytes(), "Target");
        auto ids = attribute_values(e.bytes(), "Id");
        for (std::size_t i = 0; i < targets.size(); ++i) {
            if (targets[i].starts_with("https://")) continue;
            ++internal;
            CHECK_MESSAGE(present.count(folder_of(source) + targets[i]) == 1, targets[i]);
        }
        if (source.empty()) continue;
        std::set<std::string> declared(ids.begin(), ids.end());
        for (const auto& used : attribute_values(part(parts, source), "r:id"))
            CHECK_MESSAGE(declared.count(used) == 1, source << " uses " << used);
    }
    CHECK(internal == 10);  // 3 from the package, 7 from the main part
    CHECK(contains(part(parts, "_rels/.rels"),
                   "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                   "officeDocument/2006/relationships/officeDocument\" "
                   "Target=\"word/document.xml\"/>"));
}

TEST_CASE("core properties carry the metadata, with the date at midnight UTC") {
    doc::Document d = document({text("x")});
    d.meta.title = "Convention \u00ab test \u00bb";
    d.meta.subject = "Sujet";
    d.meta.keywords = {"un", "deux", "trois"};
    d.meta.creator = "Cerema";
    d.meta.date = "2023-01-31";
    CHECK(part(d, "docProps/core.xml") ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
          "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
          "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
          "<dc:title>Convention \u00ab test \u00bb</dc:title><dc:subject>Sujet</dc:subject>"
          "<dc:creator>Cerema</dc:creator><cp:keywords>un; deux; trois</cp:keywords>"
          "<dc:language>fr-FR</dc:language>"
          "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-01-31T00:00:00Z</dcterms:created>"
          "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2023-01-31T00:00:00Z</dcterms:modified>"
          "</cp:coreProperties>\n");
}

TEST_CASE("an empty date is the fixed epoch, and empty fields are left out") {
    std::string core = part(document({text("x")}), "docProps/core.xml");
    CHECK(contains(core, ">1980-01-01T00:00:00Z</dcterms:created>"));
    CHECK_FALSE(contains(core, "dc:title"));
    CHECK_FALSE(contains(core, "cp:keywords"));
    doc::Metadata dated;
    dated.date = "2024-12-01";
    CHECK(conventio::docx::detail::w3cdtf(dated) == "2024-12-01T00:00:00Z");
    CHECK(conventio::docx::detail::w3cdtf({}) == "1980-01-01T00:00:00Z");
}

TEST_CASE("app.xml names the application") {
    CHECK(contains(part(document({text("x")}), "docProps/app.xml"), "<Application>conventio</Application>"));
}

TEST_CASE("the same tree gives the same bytes") {
    auto a = conventio::docx::parts(kitchen_sink());
    auto b = conventio::docx::parts(kitchen_sink());
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].name == b[i].name);
        CHECK(a[i].bytes() == b[i].bytes());
    }
}

TEST_CASE("settings: French list and decimal separators, Word 2013 layout, no field update") {
    std::string settings = part(document({text("x")}), "word/settings.xml");
    CHECK(contains(settings,
                   "<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name=\"compatibilityMode\" "
                   "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
                   "</w:compat>"));
    CHECK(contains(settings, "<w:decimalSymbol w:val=\",\"/><w:listSeparator w:val=\";\"/>"));
    CHECK_FALSE(contains(settings, "updateFields"));
}
