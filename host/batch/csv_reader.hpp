// CSV as Excel and LibreOffice export it (RFC 4180 and the quirks around it): `;` or `,`
// (or tab) detected from the header line, CRLF or LF, quoted fields holding separators,
// newlines and doubled quotes, blank lines, empty trailing columns. Our own reader rather
// than a packaged one: Debian 12's C++ CSV library (libfccp) cannot read a newline inside a
// quoted field, and a drafter's error message needs the line and column of every cell,
// which libcsv's callbacks do not give.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace conventio::batch {

/// The most columns a row file may have: far more than a spreadsheet of partners holds, and a
/// bound on what a hostile file (millions of separators on a line) makes the reader keep.
constexpr std::size_t max_columns = 1000;

struct CsvCell {
    std::string text;
    std::size_t line = 0;  // where the cell starts in the file (1-based)
};

struct CsvRecord {
    std::size_t line = 0;  // where the record starts
    std::vector<CsvCell> cells;
};

struct CsvTable {
    char separator = ',';
    std::vector<std::string> header;  // trailing empty header cells dropped
    std::vector<CsvRecord> records;   // blank lines skipped; trailing empty cells dropped
};

/// Parses UTF-8 text. `separator` 0 detects it from the header line (the most frequent of
/// `;`, `,` and tab outside quotes). Throws RowFileError "file:line:col: reason" on an
/// unterminated quote, text after a closing quote, a record with more non-empty cells than
/// the header, a blank or repeated column name.
CsvTable read_csv(std::string_view text, char separator, const std::string& file);

/// The records of `text` (blank ones skipped), the first starting on line `first_line`: what
/// read_csv does before it takes the header, for a reader that gives it a record at a time.
/// `end_line`, when given, is set to the line the reader had reached at the end of `text` (a
/// CR outside quotes ends a line, as a spreadsheet of old Mac OS wrote it; inside quotes it is
/// text). Throws RowFileError as read_csv does.
std::vector<CsvRecord> read_csv_records(std::string_view text, char separator, const std::string& file,
                                        std::size_t first_line, std::size_t* end_line = nullptr);

/// The column names of a header record (trimmed; trailing empty cells dropped). Throws
/// RowFileError for a blank or repeated name.
std::vector<std::string> csv_header(CsvRecord header, const std::string& file);

/// Drops a record's trailing empty cells beyond `columns`; throws RowFileError when it still
/// has more cells than the header names.
void check_record_width(CsvRecord& record, std::size_t columns, const std::string& file);

/// The separator of the first line of `text` (outside quotes).
char detect_separator(std::string_view text);

}  // namespace conventio::batch
