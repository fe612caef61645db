// The rows of a batch: a CSV, a JSON array of objects or JSON Lines, each row with its number
// and its place in the file, so every message about a row can name it.
#pragma once

#include <filesystem>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "batch/text_encoding.hpp"
#include "lua/row_runner.hpp"

namespace conventio::batch {

/// A row as read from the file, kept compact (a CSV row's cells, a JSON row's own text); the
/// data is built when the row runs.
struct Row {
    std::size_t number = 0;               // 1-based, in file order (the header is not a row)
    std::size_t line = 0;                 // where the row starts in the file
    std::vector<std::string> cells;       // CSV: one per column, empty when the line is short
    std::vector<std::size_t> cell_lines;  // CSV: the line of each column's cell (for messages)
    std::string json;                     // JSON and JSON Lines: the row's object, as text
    /// What is wrong with the row itself, "file:line:col: reason" (a CSV line with more cells than
    /// the header, a JSON Lines line that is not an object): the row fails, the others run.
    std::string problem;
};

/// The row's data: an object of the CSV cells as strings (`columns` the header), or the JSON row
/// as it is.
nlohmann::json row_data(const Row& row, const std::vector<std::string>& columns, bool from_csv);

/// The row as a worker runs it: its text or cells, which the strict loader checks then.
lua::RowInput row_input(const Row& row, const std::vector<std::string>& columns, bool from_csv);

/// A row file read one row at a time, so a batch holds only the rows in flight whatever the
/// file's size. CSV and JSON Lines are read line by line (a CSV record may span lines inside
/// quotes); a JSON array an element at a time (json_array_reader).
/// Errors are RowFileError "file:line:col: reason", thrown when the reader reaches them.
class RowReader {
public:
    /// Opens `path` by its extension (.csv, .tsv, .txt: CSV; .json: an array of objects;
    /// .jsonl, .ndjson: one object per line); a CSV's header is read now.
    RowReader(const std::filesystem::path& path, Encoding encoding);
    /// The same over a stream that can be read twice (seekable), `kind` "csv", "json" or "jsonl".
    RowReader(std::unique_ptr<std::istream> in, const std::string& kind, Encoding encoding,
              const std::string& name);
    ~RowReader();
    RowReader(const RowReader&) = delete;
    RowReader& operator=(const RowReader&) = delete;

    /// The next row in file order, or none at the end.
    std::optional<Row> next();

    const std::string& name() const;
    bool from_csv() const;
    /// CSV: the header. JSON: every key of the rows read so far, in first-seen order.
    const std::vector<std::string>& columns() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// A whole row file in memory (tests, the split benchmark); a batch streams it (RowReader).
struct RowFile {
    std::string name;                  // the file as the user gave it
    std::vector<std::string> columns;  // CSV: the header; JSON: every key seen, in first-seen order
    std::vector<Row> rows;
    bool from_csv = false;

    /// The row's data: an object of the CSV cells as strings, or the JSON row as it is.
    nlohmann::json data(const Row& row) const;
    /// The row as a worker runs it: its text or cells, which the strict loader checks then.
    lua::RowInput input(const Row& row) const;
};

/// Reads `path` by its extension (.csv, .tsv, .txt: CSV; .json: an array of objects; .jsonl,
/// .ndjson: one object per line). Throws RowFileError "file:line:col: reason".
RowFile read_row_file(const std::filesystem::path& path, Encoding encoding);

/// The same from text already in memory (tests, fuzzing); `kind` is "csv", "json" or "jsonl".
RowFile parse_rows(std::string_view bytes, const std::string& kind, Encoding encoding,
                   const std::string& name);

}  // namespace conventio::batch
