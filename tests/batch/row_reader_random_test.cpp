// Seeded random CSV built from the pieces spreadsheets write (separators, quotes, doubled
// quotes, CRLF, lone CR, blank lines, accents in UTF-8 and Windows-1252): the reader that gives
// a record at a time (RowReader, what a batch runs on) must read exactly what reading the
// whole text does (read_csv's records and header), cells, lines and a too wide record's problem
// alike, and fail when it fails, with the same message when at the same line (a record at a
// time may meet the file's first problem first, never a later one).
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>
#include <string>

#include "batch/csv_reader.hpp"
#include "batch/row_file.hpp"
#include "batch/text_encoding.hpp"

using namespace conventio::batch;

namespace {

std::string random_csv(std::mt19937& rng) {
    static const char* const pieces[] = {"a",  "b",    "1 234,56", ";", ",", "\t",   "\"",   "\"\"",
                                         "\n", "\r\n", "\r",       " ", "é", "\xE9", "x\"y", "\"q;\nr\""};
    std::string out = rng() % 2 ? "nom;note" : "nom,note,montant";
    if (rng() % 4 == 0) out += "\"";
    out += rng() % 2 ? "\n" : "\r\n";
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) out += pieces[rng() % (sizeof pieces / sizeof *pieces)];
    return out;
}

struct Read {
    std::vector<std::string> columns;
    std::vector<Row> rows;
    std::string error;
};

/// The whole text read at once, as read_csv does, but a record wider than the header is a row
/// with a problem (it fails alone in a batch) rather than the file's error.
Read whole(const std::string& bytes, Encoding encoding) {
    Read r;
    try {
        const std::string text = to_utf8(bytes, encoding, "r.csv");
        std::vector<CsvRecord> records = read_csv_records(text, detect_separator(text), "r.csv", 1);
        if (records.empty()) throw RowFileError("r.csv: no header line (the first line names the columns)");
        r.columns = csv_header(std::move(records.front()), "r.csv");
        std::size_t number = 0;
        for (std::size_t i = 1; i < records.size(); ++i) {
            CsvRecord& record = records[i];
            Row row;
            row.number = ++number;
            row.line = record.line;
            try {
                check_record_width(record, r.columns.size(), "r.csv");
            } catch (const RowFileError& e) {
                row.problem = e.what();
                r.rows.push_back(row);
                continue;
            }
            for (std::size_t k = 0; k < r.columns.size(); ++k) {
                bool present = k < record.cells.size();
                row.cells.push_back(present ? record.cells[k].text : std::string());
                row.cell_lines.push_back(present ? record.cells[k].line : record.line);
            }
            r.rows.push_back(row);
        }
    } catch (const RowFileError& e) {
        r.error = e.what();
    }
    return r;
}

Read streamed(const std::string& bytes, Encoding encoding) {
    Read r;
    try {
        RowFile file = parse_rows(bytes, "csv", encoding, "r.csv");
        r.columns = file.columns;
        r.rows = file.rows;
    } catch (const RowFileError& e) {
        r.error = e.what();
    }
    return r;
}

/// The line of "r.csv:LINE:COL: ...", 0 when the message names none.
std::size_t line_of(const std::string& error) {
    std::size_t at = error.find(':');
    return at == std::string::npos ? 0 : std::strtoul(error.c_str() + at + 1, nullptr, 10);
}

}  // namespace

TEST_CASE("rows: a CSV read a record at a time reads what the whole text reads") {
    std::mt19937 rng(20241201);
    int compared_rows = 0, errors = 0;
    for (int i = 0; i < 4000; ++i) {
        std::string bytes = random_csv(rng);
        for (Encoding encoding : {Encoding::automatic, Encoding::utf8, Encoding::windows1252}) {
            Read a = whole(bytes, encoding), b = streamed(bytes, encoding);
            INFO("input: ", bytes);
            REQUIRE(a.error.empty() == b.error.empty());
            REQUIRE(line_of(b.error) <= line_of(a.error));
            if (line_of(b.error) == line_of(a.error)) REQUIRE(a.error == b.error);
            REQUIRE(a.columns == b.columns);
            REQUIRE(a.rows.size() == b.rows.size());
            for (std::size_t k = 0; k < a.rows.size(); ++k) {
                REQUIRE(a.rows[k].line == b.rows[k].line);
                REQUIRE(a.rows[k].cells == b.rows[k].cells);
                REQUIRE(a.rows[k].cell_lines == b.rows[k].cell_lines);
                REQUIRE(a.rows[k].problem == b.rows[k].problem);
            }
            compared_rows += static_cast<int>(a.rows.size());
            errors += !a.error.empty();
        }
    }
    // The inputs reach both outcomes often: the comparison is not of empty results.
    CHECK(compared_rows > 10000);
    CHECK(errors > 1000);
}
