// The rows of a batch: a CSV, a JSON array of objects or JSON Lines, each row with its number
// and its place in the file, so every message about a row can name it.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "batch/text_encoding.hpp"
#include "lua/row_runner.hpp"

namespace conventio::batch {

/// A row as read from the file, kept compact (a CSV row's cells, a JSON row's own text): a
/// batch of 10 000 rows holds them all while it runs, and the data is built when the row runs.
struct Row {
    std::size_t number = 0;               // 1-based, in file order (the header is not a row)
    std::size_t line = 0;                 // where the row starts in the file
    std::vector<std::string> cells;       // CSV: one per column, empty when the line is short
    std::vector<std::size_t> cell_lines;  // CSV: the line of each column's cell (for messages)
    std::string json;                     // JSON and JSON Lines: the row's object, as text
};

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
