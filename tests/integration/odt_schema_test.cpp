// The whole package against the OASIS ODF 1.3 RELAX NG schemas, with jing.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "odt/kitchen_sink.hpp"
#include "odt/odt_writer.hpp"
#include "package/zip_package.hpp"

namespace fs = std::filesystem;

namespace {

bool have(const char* tool) {
    std::string probe = std::string("command -v ") + tool + " >/dev/null 2>&1";
    return std::system(probe.c_str()) == 0;
}

int run(const std::string& command) {
    int status = std::system(command.c_str());
    if (status != 0) MESSAGE("failed (" << status << "): " << command);
    return status;
}

}  // namespace

TEST_CASE("odt: a kitchen-sink package validates against the ODF 1.3 schemas") {
    std::string zip =
        conventio::package::build_zip(conventio::odt::parts(conventio::odt::test::kitchen_sink()));
    // CONVENTIO_ODT_SAMPLE=/tmp/x.odt keeps a copy to open in LibreOffice by hand.
    if (const char* keep = std::getenv("CONVENTIO_ODT_SAMPLE")) std::ofstream(keep, std::ios::binary) << zip;

    // A missing tool fails the test: tools/install-deps installs them all.
    for (const char* tool : {"jing", "unzip"})
        REQUIRE_MESSAGE(have(tool), tool << " is not installed (tools/install-deps installs it)");
    std::string pattern = (fs::temp_directory_path() / "conventio-odt-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    fs::path dir = pattern;
    std::ofstream(dir / "sample.odt", std::ios::binary) << zip;

    std::string d = "'" + dir.string() + "'";
    std::string schemas = std::string("'") + CONVENTIO_TEST_DIR + "/schemas/odf/";
    CHECK(run("unzip -o -q " + d + "/sample.odt -d " + d + "/x") == 0);
    CHECK(run("jing -i " + schemas + "OpenDocument-v1.3-schema.rng' " + d + "/x/content.xml " + d +
              "/x/styles.xml " + d + "/x/meta.xml") == 0);
    CHECK(run("jing -i " + schemas + "OpenDocument-v1.3-manifest-schema.rng' " + d +
              "/x/META-INF/manifest.xml") == 0);
    fs::remove_all(dir);
}
