#include "batch/row_file.hpp"

#include <cctype>
#include <fstream>
#include <sstream>

#include "batch/csv_reader.hpp"
#include "config/i18n.hpp"

namespace conventio::batch {

using config::format;
using config::tr;
namespace {

std::string line_col(std::string_view text, std::size_t offset) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++col;
        }
    }
    return std::to_string(line) + ":" + std::to_string(col);
}

nlohmann::json parse_json(std::string_view text, const std::string& where_prefix, std::size_t line_offset) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann counts bytes from 1; its own message repeats that count, so keep only the reason.
        std::string reason = e.what();
        if (auto p = reason.find(": syntax error"); p != std::string::npos) reason = reason.substr(p + 2);
        std::string place = line_col(text, e.byte > 0 ? e.byte - 1 : 0);
        std::size_t line = std::stoul(place.substr(0, place.find(':'))) + line_offset;
        throw RowFileError(where_prefix + ":" + std::to_string(line) + place.substr(place.find(':')) + ": " +
                           reason);
    }
}

void add_columns(RowFile& file, const nlohmann::json& object) {
    for (const auto& [key, value] : object.items()) {
        bool known = false;
        for (const auto& c : file.columns) known = known || c == key;
        if (!known) file.columns.push_back(key);
    }
}

/// Where each element of the top-level array starts and ends (byte offsets), by a scan that
/// follows strings and nesting: nlohmann's parser does not report positions of values.
std::vector<std::pair<std::size_t, std::size_t>> element_spans(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    int depth = 0;
    bool in_string = false, expect = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (std::isspace(static_cast<unsigned char>(c))) continue;
        if (expect && depth == 1) {
            spans.emplace_back(i, i);
            expect = false;
        }
        if (c == '"')
            in_string = true;
        else if (c == '[' || c == '{') {
            if (++depth == 1 && c == '[') expect = true;
        } else if (c == ']' || c == '}') {
            if (--depth == 0 && !spans.empty() && spans.back().second == spans.back().first)
                spans.back().second = i;
        } else if (c == ',' && depth == 1) {
            if (!spans.empty()) spans.back().second = i;
            expect = true;
        }
    }
    return spans;
}

RowFile from_csv(const std::string& text, const std::string& name) {
    CsvTable table = read_csv(text, 0, name);
    RowFile file{name, table.header, {}, true};
    std::size_t number = 0;
    for (auto& record : table.records) {
        Row row;
        row.number = ++number;
        row.line = record.line;
        for (std::size_t k = 0; k < table.header.size(); ++k) {
            // A short line is a line whose trailing cells are empty, as spreadsheets write it.
            bool present = k < record.cells.size();
            row.cells.push_back(present ? std::move(record.cells[k].text) : std::string());
            row.cell_lines.push_back(present ? record.cells[k].line : record.line);
        }
        file.rows.push_back(std::move(row));
    }
    return file;
}

/// Checks one JSON row (an object; its keys join the columns) and keeps its text.
void add_json_row(RowFile& file, std::string_view text, std::size_t line, std::size_t number) {
    nlohmann::json row = parse_json(text, file.name, line - 1);
    if (!row.is_object())
        throw RowFileError(
            file.name + ":" + std::to_string(line) + ": " +
            format(tr("row {} is not an object ({ \"column\": value, ... })"), std::to_string(number)));
    add_columns(file, row);
    file.rows.push_back(Row{number, line, {}, {}, std::string(text)});
}

RowFile from_json(const std::string& text, const std::string& name) {
    // Validated without building the whole document (a batch's rows may be large); a syntax
    // error is then parsed again for its place.
    if (!nlohmann::json::accept(text)) parse_json(text, name, 0);
    std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || text[first] != '[')
        throw RowFileError(name + ":1:1: " + tr("expected an array of objects, one per row"));
    RowFile file{name, {}, {}, false};
    std::size_t line = 1, counted = 0;
    for (auto [start, end] : element_spans(text)) {
        for (; counted < start; ++counted) line += text[counted] == '\n';
        std::string_view element(text.data() + start, end - start);
        while (!element.empty() && std::isspace(static_cast<unsigned char>(element.back())))
            element.remove_suffix(1);
        add_json_row(file, element, line, file.rows.size() + 1);
    }
    return file;
}

RowFile from_jsonl(const std::string& text, const std::string& name) {
    RowFile file{name, {}, {}, false};
    std::size_t line = 0, start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        ++line;
        std::string_view content(text.data() + start, end - start);
        start = end + 1;
        bool blank = true;
        for (char c : content) blank = blank && std::isspace(static_cast<unsigned char>(c));
        if (blank) continue;
        if (content.ends_with('\r')) content.remove_suffix(1);
        if (!nlohmann::json::accept(content)) parse_json(content, name, line - 1);
        if (content.find_first_not_of(" \t") == std::string_view::npos ||
            content[content.find_first_not_of(" \t")] != '{')
            throw RowFileError(name + ":" + std::to_string(line) +
                               ":1: " + tr("expected an object ({ \"column\": value, ... })"));
        add_json_row(file, content, line, file.rows.size() + 1);
    }
    return file;
}

}  // namespace

lua::RowInput RowFile::input(const Row& row) const {
    lua::RowInput in;
    if (from_csv) {
        in.columns = &columns;
        in.cells = &row.cells;
    } else {
        in.json = row.json;
        in.first_line = row.line;
    }
    return in;
}

nlohmann::json RowFile::data(const Row& row) const {
    if (!from_csv) return nlohmann::json::parse(row.json);
    nlohmann::json object = nlohmann::json::object();
    for (std::size_t k = 0; k < columns.size() && k < row.cells.size(); ++k)
        object[columns[k]] = row.cells[k];
    return object;
}

RowFile parse_rows(std::string_view bytes, const std::string& kind, Encoding encoding,
                   const std::string& name) {
    // JSON is UTF-8 by definition; only CSV comes out of spreadsheets in the ANSI code page.
    std::string text = to_utf8(bytes, kind == "csv" ? encoding : Encoding::utf8, name);
    if (kind == "csv") return from_csv(text, name);
    if (kind == "json") return from_json(text, name);
    return from_jsonl(text, name);
}

RowFile read_row_file(const std::filesystem::path& path, Encoding encoding) {
    std::string extension = path.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string kind;
    if (extension == ".csv" || extension == ".tsv" || extension == ".txt")
        kind = "csv";
    else if (extension == ".json")
        kind = "json";
    else if (extension == ".jsonl" || extension == ".ndjson")
        kind = "jsonl";
    else
        throw RowFileError(format(tr("cannot tell the kind of rows in '{}': name it .csv, .json (an array of "
                                     "objects) or .jsonl (one object per line)"),
                                  path.string()));
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw RowFileError(format(tr("cannot read {}: no such file"), path.string()));
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in && !in.eof()) throw RowFileError(format(tr("cannot read {}"), path.string()));
    return parse_rows(content.str(), kind, encoding, path.string());
}

}  // namespace conventio::batch
