#include "batch/csv_reader.hpp"

#include <set>

#include "batch/text_encoding.hpp"
#include "config/i18n.hpp"

namespace conventio::batch {

using config::format;
using config::tr;
namespace {

[[noreturn]] void fail(const std::string& file, std::size_t line, std::size_t col, const std::string& why) {
    throw RowFileError(file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + why);
}

bool blank(const CsvRecord& r) {
    for (const auto& c : r.cells)
        if (!c.text.empty()) return false;
    return true;
}

}  // namespace

char detect_separator(std::string_view text) {
    std::size_t semicolons = 0, commas = 0, tabs = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        semicolons += c == ';';
        commas += c == ',';
        tabs += c == '\t';
    }
    if (tabs > semicolons && tabs > commas) return '\t';
    return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

std::vector<CsvRecord> read_csv_records(std::string_view text, char sep, const std::string& file,
                                        std::size_t first_line, std::size_t* end_line) {
    std::vector<CsvRecord> records;
    CsvRecord record;
    CsvCell cell;
    std::size_t line = first_line, col = 1;  // col counts characters, not bytes
    std::size_t i = 0;
    const std::size_t n = text.size();
    bool at_cell_start = true;
    auto advance = [&](char c) {
        if (c == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++col;
        }
    };
    auto end_cell = [&] {
        if (record.cells.size() == max_columns)
            fail(
                file, line, col,
                format(
                    tr("more than {} columns: a row file has one column per field (is the separator right?)"),
                    std::to_string(max_columns)));
        record.cells.push_back(std::move(cell));
        cell = CsvCell{};
        at_cell_start = true;
    };
    auto end_record = [&] {
        end_cell();
        if (!blank(record)) records.push_back(std::move(record));
        record = CsvRecord{};
    };
    while (i < n) {
        if (at_cell_start) {
            cell.line = line;
            if (record.cells.empty()) record.line = line;
            at_cell_start = false;
            if (text[i] == '"') {
                std::size_t open_line = line, open_col = col;
                advance(text[i++]);
                for (;;) {
                    if (i >= n) fail(file, open_line, open_col, tr("this quoted field is never closed"));
                    char c = text[i];
                    if (c == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            cell.text += '"';
                            advance(text[i++]);
                            advance(text[i++]);
                            continue;
                        }
                        advance(text[i++]);
                        break;
                    }
                    // A CRLF inside a quoted field is one line break, as the spreadsheet meant.
                    if (c == '\r' && i + 1 < n && text[i + 1] == '\n') {
                        ++i;
                        continue;
                    }
                    cell.text += c;
                    advance(text[i++]);
                }
                // After the closing quote: a separator, an end of line or the end of the file.
                if (i < n && text[i] != sep && text[i] != '\n' && text[i] != '\r')
                    fail(file, line, col,
                         tr("text after a closing quote (a quote inside a quoted field is written \"\")"));
                continue;
            }
        }
        char c = text[i];
        if (c == sep) {
            advance(text[i++]);
            end_cell();
            cell.line = line;
            at_cell_start = true;
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
            advance('\n');
            ++i;
            end_record();
        } else {
            cell.text += c;
            advance(text[i++]);
        }
    }
    if (!at_cell_start || !record.cells.empty()) end_record();

    if (end_line) *end_line = line;
    return records;
}

std::vector<std::string> csv_header(CsvRecord header, const std::string& file) {
    std::vector<std::string> names;
    while (!header.cells.empty() && header.cells.back().text.empty()) header.cells.pop_back();
    std::set<std::string> seen;
    for (std::size_t k = 0; k < header.cells.size(); ++k) {
        std::string name = header.cells[k].text;
        // Spreadsheets pad names; a name is what the user sees.
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
        while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.erase(0, 1);
        if (name.empty())
            fail(file, header.line, k + 1,
                 format(tr("column {} has no name in the header line"), std::to_string(k + 1)));
        if (!seen.insert(name).second)
            fail(file, header.line, k + 1, format(tr("column '{}' is named twice"), name));
        names.push_back(std::move(name));
    }
    return names;
}

void check_record_width(CsvRecord& r, std::size_t columns, const std::string& file) {
    while (r.cells.size() > columns && r.cells.back().text.empty()) r.cells.pop_back();
    if (r.cells.size() > columns)
        fail(file, r.cells[columns].line, columns + 1,
             format(tr("this line has {} cells but the header names {} columns (a separator inside a value "
                       "must be quoted)"),
                    std::to_string(r.cells.size()), std::to_string(columns)));
}

CsvTable read_csv(std::string_view text, char separator, const std::string& file) {
    CsvTable table;
    table.separator = separator ? separator : detect_separator(text);
    std::vector<CsvRecord> records = read_csv_records(text, table.separator, file, 1);
    if (records.empty())
        throw RowFileError(file + ": " + tr("no header line (the first line names the columns)"));
    table.header = csv_header(std::move(records.front()), file);
    records.erase(records.begin());
    for (auto& r : records) check_record_width(r, table.header.size(), file);
    table.records = std::move(records);
    return table;
}

}  // namespace conventio::batch
