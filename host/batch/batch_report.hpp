// DIR/report.csv (and --report-json): one line per row, in row order whatever -j, so two runs
// on the same inputs give the same report apart from the times.
#pragma once

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace conventio::batch {

enum class RowStatus { done, failed, skipped, not_done };

/// "done", "failed", "skipped" (--skip-existing), "not done" (interrupted first).
const char* status_name(RowStatus status);

struct RowResult {
    std::size_t number = 0;
    std::size_t line = 0;
    std::string name;  // the file stem, "" when it could not be made
    RowStatus status = RowStatus::not_done;
    std::string message;
    double seconds = 0;
    /// What the row's script printed (lines, each with its newline), shown (not reported) when
    /// the row's turn comes, each line after `printed_place`, before its failure line.
    std::string printed = {};
    std::string printed_place = {};  // "rows.csv:14: record 13: "
};

/// A cell a spreadsheet would read as a formula ("=", "+", "-", "@", or a tab or carriage
/// return before one) is prefixed with an apostrophe, so opening the report runs nothing.
std::string spreadsheet_safe(std::string cell);

/// The report as CSV (UTF-8 with a BOM, so Excel reads the accents; `,`; RFC 4180 quoting).
std::string report_csv(const std::vector<RowResult>& results);

/// The report as JSON: { "rows": [ { row, line, name, status, message, seconds } ], counts }.
std::string report_json(const std::vector<RowResult>& results);

/// The report written as rows finish, in row order, into temporary files beside the report's
/// places, so a batch holds no row's result once it is written; commit() flushes them and
/// renames them into place: a report is whole or absent. The same bytes as report_csv and
/// report_json (apart from the order of the JSON's two members: the rows come first).
class ReportWriter {
public:
    /// Throws OutputError (package/atomic_file.hpp) when a temporary file cannot be created.
    ReportWriter(const std::filesystem::path& csv, const std::optional<std::filesystem::path>& json);
    ~ReportWriter();  // removes what was not committed
    ReportWriter(const ReportWriter&) = delete;
    ReportWriter& operator=(const ReportWriter&) = delete;

    void add(const RowResult& result);
    void commit();

private:
    struct Output {
        std::filesystem::path target;
        std::string temp;
        std::FILE* file = nullptr;
    };
    void open(Output& output, const std::filesystem::path& target);
    void write(Output& output, const std::string& text);

    Output csv_, json_;
    bool json_wanted_ = false;
    std::size_t rows_ = 0;
    std::size_t counts_[4] = {0, 0, 0, 0};
};

}  // namespace conventio::batch
