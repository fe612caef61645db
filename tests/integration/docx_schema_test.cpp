// The kitchen-sink document, zipped and unzipped again, against the ISO/IEC 29500
// transitional schemas with two engines: jing (RELAX NG compact) and xmllint (XSD).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "docx/docx_test_support.hpp"
#include "package/zip_package.hpp"

namespace fs = std::filesystem;

namespace {

bool have(const char* tool) {
    return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

struct Outcome {
    int status;
    std::string output;  // the command line and everything it printed, shown on failure
};

// The output goes to a file so a passing check stays quiet and a failing one says why.
Outcome run(const std::string& command, const fs::path& log) {
    int status = std::system((command + " >'" + log.string() + "' 2>&1").c_str());
    std::ifstream in(log);
    std::string output = command + "\n";
    output.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return {status, output};
}

}  // namespace

TEST_CASE("the kitchen-sink package passes the OOXML transitional and OPC schemas") {
    // A missing tool fails the test: tools/install-deps installs them all.
    for (const char* tool : {"jing", "xmllint", "unzip"})
        REQUIRE_MESSAGE(have(tool), tool << " is not installed (tools/install-deps installs it)");
    // A folder of its own: test runs from several checkouts may run at once.
    std::string pattern = (fs::temp_directory_path() / "conventio-docx-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    const fs::path dir = pattern;
    const fs::path file = dir / "kitchen_sink.docx";
    {
        std::string zip = conventio::package::build_zip(conventio::docx::parts(docx_test::kitchen_sink()));
        std::ofstream out(file, std::ios::binary);
        out.write(zip.data(), static_cast<std::streamsize>(zip.size()));
        REQUIRE(out.good());
    }
    const fs::path parts = dir / "parts";
    const fs::path log = dir / "tool.log";
    Outcome unzip = run("unzip -q -o '" + file.string() + "' -d '" + parts.string() + "'", log);
    REQUIRE_MESSAGE(unzip.status == 0, unzip.output);

    const std::string schemas = std::string(CONVENTIO_TEST_DIR) + "/schemas/ooxml/";
    const std::string rnc = schemas + "transitional-rnc/";
    auto p = [&](const char* name) { return "'" + (parts / name).string() + "'"; };
    auto jing = [&](const std::string& schema, const std::string& targets) {
        Outcome o = run("jing -c '" + schema + "' " + targets, log);
        CHECK_MESSAGE(o.status == 0, o.output);
    };

    jing(rnc + "WordprocessingML_Main_Document.rnc", p("word/document.xml"));
    jing(rnc + "WordprocessingML_Style_Definitions.rnc", p("word/styles.xml"));
    jing(rnc + "WordprocessingML_Numbering_Definitions.rnc", p("word/numbering.xml"));
    jing(rnc + "WordprocessingML_Footnotes.rnc", p("word/footnotes.xml"));
    jing(rnc + "WordprocessingML_Header.rnc", p("word/header1.xml"));
    jing(rnc + "WordprocessingML_Footer.rnc", p("word/footer1.xml"));
    jing(rnc + "WordprocessingML_Document_Settings.rnc", p("word/settings.xml"));
    jing(rnc + "WordprocessingML_Font_Table.rnc", p("word/fontTable.xml"));
    jing(rnc + "Shared_Extended_File_Properties.rnc", p("docProps/app.xml"));
    jing(schemas + "opc-rnc/opc-contentTypes.rnc", p("[Content_Types].xml"));
    jing(schemas + "opc-rnc/opc-relationships.rnc",
         p("_rels/.rels") + " " + p("word/_rels/document.xml.rels") + " " +
             p("word/_rels/footnotes.xml.rels") + " " + p("word/_rels/header1.xml.rels"));
    jing(schemas + "opc-rnc/opc-coreProperties.rnc", p("docProps/core.xml"));

    Outcome xsd =
        run("xmllint --noout --nonet --schema '" + schemas + "wml-driver.xsd' " + p("word/document.xml") +
                " " + p("word/styles.xml") + " " + p("word/numbering.xml") + " " + p("word/footnotes.xml") +
                " " + p("word/header1.xml") + " " + p("word/footer1.xml") + " " + p("word/settings.xml") +
                " " + p("word/fontTable.xml"),
            log);
    CHECK_MESSAGE(xsd.status == 0, xsd.output);

    fs::remove_all(dir);
}
