// meta.xml.
#include <doctest/doctest.h>

#include <string>

#include "config/build_config.hpp"
#include "odt/odt_internal.hpp"

using namespace conventio;

namespace {

bool has(const std::string& xml, const std::string& fragment) {
    if (xml.find(fragment) != std::string::npos) return true;
    MESSAGE("missing: " << fragment << "\nin: " << xml);
    return false;
}

}  // namespace

TEST_CASE("odt meta: title, subject, one keyword each, language, creator and dates") {
    doc::Metadata m;
    m.title = "Convention";
    m.subject = "Étude";
    m.keywords = {"a", "b & c"};
    m.date = "2023-01-31";
    std::string xml = odt::detail::meta_part(m);
    CHECK(has(xml,
              " office:version=\"1.3\"><office:meta><meta:generator>conventio/" +
                  std::string(config::version) +
                  "</meta:generator><dc:title>Convention</dc:title><dc:subject>Étude</dc:subject>"
                  "<meta:keyword>a</meta:keyword><meta:keyword>b &amp; c</meta:keyword>"
                  "<meta:initial-creator>conventio</meta:initial-creator><dc:creator>conventio</dc:creator>"
                  "<meta:creation-date>2023-01-31T00:00:00</meta:creation-date>"
                  "<dc:date>2023-01-31T00:00:00</dc:date><dc:language>fr-FR</dc:language></office:meta>"));
}

TEST_CASE("odt meta: no date means the fixed epoch; empty fields are left out") {
    std::string xml = odt::detail::meta_part(doc::Metadata{});
    CHECK(has(xml,
              "<meta:creation-date>1980-01-01T00:00:00</meta:creation-date>"
              "<dc:date>1980-01-01T00:00:00</dc:date>"));
    CHECK(xml.find("dc:title") == std::string::npos);
    CHECK(xml.find("meta:keyword") == std::string::npos);
}
