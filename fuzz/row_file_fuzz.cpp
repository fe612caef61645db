// libFuzzer target for the row readers of `conventio batch`: any bytes, read as CSV (both
// separators, every encoding), JSON or JSON Lines, must end in rows or a RowFileError, never
// in a crash, a hang or a sanitizer report; and the rows must hold what the reader promises
// (valid UTF-8 cells, no more cells than columns, lines that increase).
//
//   tools/fuzz 60 row_file_fuzz
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "batch/csv_reader.hpp"
#include "batch/row_file.hpp"
#include "batch/text_encoding.hpp"

using namespace conventio::batch;

namespace {

void check(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    for (Encoding encoding : {Encoding::automatic, Encoding::utf8, Encoding::windows1252}) {
        try {
            std::string text = to_utf8(bytes, encoding, "fuzz.csv");
            check(is_utf8(text));
            for (char separator : {'\0', ';', ','}) {
                try {
                    CsvTable table = read_csv(text, separator, "fuzz.csv");
                    std::size_t last_line = 0;
                    for (const auto& record : table.records) {
                        check(record.cells.size() <= table.header.size() || table.header.empty());
                        check(record.line > last_line);
                        last_line = record.line;
                        for (const auto& cell : record.cells)
                            check(is_utf8(cell.text) && cell.line >= record.line);
                    }
                } catch (const RowFileError&) {
                }
            }
        } catch (const RowFileError&) {
        }
    }
    for (const char* kind : {"csv", "json", "jsonl"}) {  // csv: the reader a batch streams
        try {
            RowFile rows = parse_rows(bytes, kind, Encoding::automatic, "fuzz.json");
            for (const auto& row : rows.rows) check(rows.data(row).is_object());
        } catch (const RowFileError&) {
        }
    }
    return 0;
}
