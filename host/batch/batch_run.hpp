// `conventio batch`: one document per row, on worker threads, each with its own Lua state
// (lua/row_runner.hpp). Rows are named and checked before any is rendered; each document is
// written whole or not at all; the report lists every row in row order.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "batch/text_encoding.hpp"
#include "lua/script_options.hpp"

namespace conventio::batch {

enum class Format { odt, docx };

struct BatchOptions {
    std::filesystem::path script;
    std::filesystem::path rows;
    std::filesystem::path out;
    std::optional<std::filesystem::path> common_data;  // --data: what every row is laid over
    std::string name_pattern;                          // --name; "" with no --name-column: row-{row}
    std::string name_column;                           // --name-column
    std::vector<Format> formats{Format::odt};
    unsigned jobs = 0;  // 0: one per core
    Encoding encoding = Encoding::automatic;
    bool skip_existing = false;
    std::optional<std::filesystem::path> report_json;
    lua::Options lua;
    enum class Progress { automatic, terminal, plain } progress = Progress::automatic;
};

/// A problem with the whole batch (names that collide, a script that does not compile).
struct BatchError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct BatchSummary {
    std::size_t done = 0, failed = 0, skipped = 0, not_done = 0;
    int signal = 0;  // SIGINT or SIGTERM when interrupted

    /// 0 every row done or skipped, 1 a row failed, 128+signal when interrupted.
    int exit_code() const { return signal ? 128 + signal : failed ? 1 : 0; }
};

/// Runs the batch. Throws RowFileError, BatchError or lua::ScriptError when nothing can be
/// done (no document is then written); row failures are in the report and the summary.
BatchSummary run_batch(const BatchOptions& options);

/// The message of a failed row: "rows.csv:14: row 13, column E 'iban': invalid IBAN...". When
/// the message names a column ("column 'iban': ..."), the line is that cell's.
std::string row_message(const std::string& file, std::size_t number, std::size_t line,
                        const std::vector<std::string>& columns, const std::vector<std::size_t>& cell_lines,
                        bool spreadsheet_columns, std::string message, const std::string& data_name);

/// "A", "B"... "Z", "AA": a spreadsheet's name for the 0-based column `index`.
std::string column_letters(std::size_t index);

}  // namespace conventio::batch
