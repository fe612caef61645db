// The package as a whole: parts and their order, meta.xml, the manifest, the zip's first bytes.
#include <doctest/doctest.h>

#include <string>

#include "odt/kitchen_sink.hpp"
#include "odt/odt_internal.hpp"
#include "odt/odt_writer.hpp"
#include "package/zip_package.hpp"

using namespace conventio;

namespace {

bool has(const std::string& xml, const std::string& fragment) {
    if (xml.find(fragment) != std::string::npos) return true;
    MESSAGE("missing: " << fragment << "\nin: " << xml);
    return false;
}

}  // namespace

TEST_CASE("odt package: mimetype first and stored, then content, styles, meta, manifest") {
    auto parts = odt::parts(doc::Document{});
    REQUIRE(parts.size() == 5);
    CHECK(parts[0].name == "mimetype");
    CHECK(parts[0].data == "application/vnd.oasis.opendocument.text");
    CHECK_FALSE(parts[0].compress);
    CHECK(parts[1].name == "content.xml");
    CHECK(parts[2].name == "styles.xml");
    CHECK(parts[3].name == "meta.xml");
    CHECK(parts[4].name == "META-INF/manifest.xml");
    for (std::size_t i = 1; i < parts.size(); ++i) CHECK(parts[i].compress);
}

TEST_CASE("odt package: the zip starts with the stored mimetype, readable from its first bytes") {
    std::string zip = package::build_zip(odt::parts(doc::Document{}));
    REQUIRE(zip.size() > 38 + 39);
    CHECK(zip.compare(0, 4, "PK\x03\x04") == 0);
    CHECK(zip[8] == 0);   // compression method: stored
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

TEST_CASE("odt manifest: lists every part") {
    CHECK(odt::detail::manifest_xml() ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
          "manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" "
          "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/><manifest:file-entry "
          "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/><manifest:file-entry "
          "manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/><manifest:file-entry "
          "manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>\n");
}

TEST_CASE("odt meta: title, subject, one keyword each, language, creator and dates") {
    doc::Metadata m;
    m.title = "Convention";
    m.subject = "Étude";
    m.keywords = {"a", "b & c"};
    m.date = "2023-01-31";
    std::string xml = odt::detail::meta_xml(m);
    CHECK(has(xml, " office:version=\"1.3\"><office:meta><meta:generator>conventio/" CONVENTIO_VERSION
                   "</meta:generator><dc:title>Convention</dc:title><dc:subject>Étude</dc:subject>"
                   "<meta:keyword>a</meta:keyword><meta:keyword>b &amp; c</meta:keyword>"
                   "<meta:initial-creator>conventio</meta:initial-creator><dc:creator>conventio</dc:creator>"
                   "<meta:creation-date>2023-01-31T00:00:00</meta:creation-date>"
                   "<dc:date>2023-01-31T00:00:00</dc:date><dc:language>fr-FR</dc:language></office:meta>"));
}

TEST_CASE("odt meta: no date means the fixed epoch; empty fields are left out") {
    std::string xml = odt::detail::meta_xml(doc::Metadata{});
    CHECK(has(xml, "<meta:creation-date>1980-01-01T00:00:00</meta:creation-date>"
                   "<dc:date>1980-01-01T00:00:00</dc:date>"));
    CHECK(xml.find("dc:title") == std::string::npos);
    CHECK(xml.find("meta:keyword") == std::string::npos);
}
