// The package as a whole: its parts, their order, the zip's first bytes, determinism.
#include "odt/odt_writer.hpp"

#include <doctest/doctest.h>

#include <string>

#include "odt/kitchen_sink.hpp"
#include "odt/odt_internal.hpp"
#include "package/zip_package.hpp"

using namespace conventio;

TEST_CASE("odt package: mimetype first and stored, then content, styles, meta, settings, manifest") {
    auto parts = odt::parts(doc::Document{});
    REQUIRE(parts.size() == 6);
    CHECK(parts[0].name == "mimetype");
    CHECK(parts[0].data == "application/vnd.oasis.opendocument.text");
    CHECK_FALSE(parts[0].compress);
    CHECK(parts[1].name == "content.xml");
    CHECK(parts[2].name == "styles.xml");
    CHECK(parts[3].name == "meta.xml");
    CHECK(parts[4].name == "settings.xml");
    CHECK(parts[5].name == "META-INF/manifest.xml");
    for (std::size_t i = 1; i < parts.size(); ++i) CHECK(parts[i].compress);
}

TEST_CASE("odt package: the zip starts with the stored mimetype, readable from its first bytes") {
    std::string zip = package::build_zip(odt::parts(doc::Document{}));
    REQUIRE(zip.size() > 38 + 39);
    CHECK(zip.compare(0, 4, "PK\x03\x04") == 0);
    CHECK(zip[8] == 0);  // compression method: stored
    CHECK(zip[9] == 0);
    CHECK(zip[28] == 0);  // no extra field
    CHECK(zip[29] == 0);
    CHECK(zip.substr(30, 8) == "mimetype");
    CHECK(zip.substr(38, 39) == "application/vnd.oasis.opendocument.text");
}

TEST_CASE("odt package: the same tree gives the same bytes") {
    doc::Document d = odt::test::kitchen_sink();
    CHECK(package::build_zip(odt::parts(d)) == package::build_zip(odt::parts(d)));
}

TEST_CASE("odt settings: LibreOffice lays the ODT out as it lays out the DOCX") {
    std::string settings(odt::detail::settings_part().bytes);
    // The one that moves page breaks most: Word takes the larger of two adjacent paragraph
    // spacings, LibreOffice's ODT default adds them.
    CHECK(
        settings.find("<config:config-item config:name=\"AddParaTableSpacing\" config:type=\"boolean\">false"
                      "</config:config-item>") != std::string::npos);
    CHECK(settings.find("<config:config-item-set config:name=\"ooo:configuration-settings\">") !=
          std::string::npos);
}
