#include "batch/batch_report.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

using namespace conventio::batch;

TEST_CASE("report: cells a spreadsheet would run as a formula are neutralised") {
    CHECK(spreadsheet_safe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")");
    CHECK(spreadsheet_safe("+33") == "'+33");
    CHECK(spreadsheet_safe("-1") == "'-1");
    CHECK(spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)");
    CHECK(spreadsheet_safe("\t=1") == "'\t=1");
    CHECK(spreadsheet_safe("avenant-26") == "avenant-26");
    CHECK(spreadsheet_safe("") == "");
}

TEST_CASE("report: CSV with a BOM, one line per row in order, quoted where needed") {
    std::vector<RowResult> rows = {
        {1, 2, "a", RowStatus::done, "", 0.5},
        {2, 3, "=b", RowStatus::failed, "rows.csv:3: row 2, column E 'x': bad, \"very\"", 0.25},
        {3, 5, "", RowStatus::not_done, "", 0}};
    CHECK(report_csv(rows) ==
          "\xEF\xBB\xBFrow,line,name,status,message,seconds\r\n"
          "1,2,a,done,,0.5000\r\n"
          "2,3,'=b,failed,\"rows.csv:3: row 2, column E 'x': bad, \"\"very\"\"\",0.2500\r\n"
          "3,5,,not done,,0.0000\r\n");
    auto json = nlohmann::json::parse(report_json(rows));
    CHECK(json["rows"].size() == 3);
    CHECK(json["rows"][1]["status"] == "failed");
    CHECK(json["counts"]["not done"] == 1);
    CHECK(json["counts"]["done"] == 1);
}

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("report: written row by row, the same bytes as the whole report, in place only when committed") {
    auto dir = std::filesystem::temp_directory_path() / ("conventio-report-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::vector<RowResult> rows = {{1, 2, "a", RowStatus::done, "", 0.5},
                                   {2, 3, "=b", RowStatus::failed, "bad, \"very\"\nstill", 0.25},
                                   {3, 5, "", RowStatus::skipped, "", 0}};
    {
        ReportWriter writer(dir / "report.csv", dir / "report.json");
        for (const auto& r : rows) writer.add(r);
        // Not committed: nothing in place, and no temporary left behind.
    }
    CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) ==
          0);
    {
        ReportWriter writer(dir / "report.csv", dir / "report.json");
        for (const auto& r : rows) writer.add(r);
        writer.commit();
    }
    CHECK(read_file(dir / "report.csv") == report_csv(rows));
    CHECK(read_file(dir / "report.json") == report_json(rows));
    auto json = nlohmann::json::parse(read_file(dir / "report.json"));
    CHECK(json["rows"][1]["message"] == "bad, \"very\"\nstill");
    CHECK(json["counts"]["skipped"] == 1);
    CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) ==
          2);
    {
        ReportWriter empty(dir / "report.csv", dir / "report.json");
        empty.commit();
    }
    CHECK(nlohmann::json::parse(read_file(dir / "report.json"))["rows"].empty());
    CHECK(read_file(dir / "report.json") == report_json({}));
    std::filesystem::remove_all(dir);
}
