// DIR/report.csv (and --report-json): one line per row, in row order whatever -j, so two runs
// on the same inputs give the same report apart from the times.
#pragma once

#include <filesystem>
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
};

/// A cell a spreadsheet would read as a formula ("=", "+", "-", "@", or a tab or carriage
/// return before one) is prefixed with an apostrophe, so opening the report runs nothing.
std::string spreadsheet_safe(std::string cell);

/// The report as CSV (UTF-8 with a BOM, so Excel reads the accents; `,`; RFC 4180 quoting).
std::string report_csv(const std::vector<RowResult>& results);

/// The report as JSON: { "rows": [ { row, line, name, status, message, seconds } ], counts }.
std::string report_json(const std::vector<RowResult>& results);

}  // namespace conventio::batch
