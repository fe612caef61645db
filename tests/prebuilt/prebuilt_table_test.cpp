#include "prebuilt/prebuilt_table.hpp"

#include <doctest/doctest.h>
#include <libdeflate.h>

#include "docx/docx_writer.hpp"
#include "odt/odt_writer.hpp"
#include "package/shared_part.hpp"
#include "package/zip_package.hpp"
#include "prebuilt/generated_table.hpp"
#include "xml/built_once.hpp"

using namespace conventio;

namespace {

const prebuilt::Made* built_entry(std::span<const prebuilt::Made> made, const prebuilt::Made& wanted) {
    for (const prebuilt::Made& m : made)
        if (m.cache == wanted.cache && m.key == wanted.key) return &m;
    return nullptr;
}

}  // namespace

// The unit tests install no table (each case is its own process): the writers build every part.
TEST_CASE("prebuilt: the build's table is what the writers of this build make at run time") {
    const std::span<const prebuilt::Made> table = prebuilt::generated_table();
    for (const prebuilt::Made& m : table) REQUIRE(prebuilt::find(m.cache, m.key) == nullptr);
    // The default language, as the table's, with and without a header and a footer (a DOCX's
    // [Content_Types].xml lists them).
    for (const bool header : {false, true})
        for (const bool footer : {false, true}) {
            doc::Document document;
            doc::Run text;
            text.text = "Page";
            if (header) document.header.push_back(text);
            if (footer) document.footer.push_back(text);
            package::build_zip(odt::parts(document));
            package::build_zip(docx::parts(document));
        }
    const std::vector<prebuilt::Made> built = prebuilt::built();
    // Every part and fragment these packages are made of is in the table (other cases of the
    // same process may have built other languages' parts: those are not).
    const std::string language = doc::Metadata{}.language;
    for (const prebuilt::Made& m : built) {
        const bool writers = m.cache.starts_with("odt ") || m.cache.starts_with("docx ");
        const bool by_language = m.cache != "docx [Content_Types].xml";
        if (writers && (!by_language || m.key.empty() || m.key == language)) {
            CAPTURE(m.cache);
            CAPTURE(m.key);
            CHECK(built_entry({table.begin(), table.end()}, m) != nullptr);
        }
    }
    CHECK(table.size() >= 13);
    int content_types = 0;
    for (const prebuilt::Made& entry : table) content_types += entry.cache == "docx [Content_Types].xml";
    CHECK(content_types == 4);
    for (const prebuilt::Made& entry : table) {
        CAPTURE(entry.cache);
        const prebuilt::Made* now = built_entry(built, entry);
        REQUIRE(now != nullptr);
        CHECK(entry.bytes == now->bytes);
        CHECK(entry.deflated == now->deflated);
        CHECK(entry.crc == now->crc);
        if (!entry.deflated.empty())
            CHECK(entry.crc == libdeflate_crc32(0, entry.bytes.data(), entry.bytes.size()));
    }
}

TEST_CASE("prebuilt: a cache takes the table's bytes for a key the table has, and builds the others") {
    static constexpr prebuilt::Made table[] = {
        {"test part", "fr-FR", "<fr/>", "deflated", 42u},
        {"test fragment", "fr-FR", "<f/>", {}, 0u},
    };
    prebuilt::use(table);
    const std::size_t recorded = prebuilt::built().size();
    // Static, as every cache is: what they record must live for the process.
    static std::vector<std::string> builds;
    static package::SharedParts parts("test part", [](std::string_view key) {
        builds.emplace_back(key);
        return "<" + std::string(key) + "/>";
    });
    const package::SharedPart& french = parts("fr-FR");
    CHECK(french.bytes.data() == table[0].bytes.data());  // the table's own bytes, not a copy
    CHECK(french.deflated == "deflated");
    CHECK(french.crc == 42u);
    CHECK(builds.empty());
    const package::SharedPart& english = parts("en-GB");
    CHECK(english.bytes == "<en-GB/>");
    CHECK(english.crc == libdeflate_crc32(0, english.bytes.data(), english.bytes.size()));
    CHECK(builds == std::vector<std::string>{"en-GB"});

    static xml::BuiltOnce<> fragments("test fragment",
                                      [](const std::string& key) { return "<" + key + "/>"; });
    CHECK(fragments(std::string_view("fr-FR")).data() == table[1].bytes.data());
    CHECK(fragments(std::string_view("en-GB")) == "<en-GB/>");
    // What was built is recorded, for conventio_prebuild; what came from the table is not.
    prebuilt::use({});
    const std::vector<prebuilt::Made> built = prebuilt::built();
    REQUIRE(built.size() == recorded + 2);
    CHECK(built[recorded].cache == "test part");
    CHECK(built[recorded].key == "en-GB");
    CHECK(built[recorded + 1].cache == "test fragment");
    CHECK(built[recorded + 1].deflated.empty());
}
