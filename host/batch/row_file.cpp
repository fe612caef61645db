#include "batch/row_file.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <unordered_set>

#include "batch/csv_reader.hpp"
#include "batch/json_array_reader.hpp"
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
        std::string reason = json_error_reason(e.what());
        std::string place = line_col(text, e.byte > 0 ? e.byte - 1 : 0);
        std::size_t line = std::stoul(place.substr(0, place.find(':'))) + line_offset;
        throw RowFileError(where_prefix + ":" + std::to_string(line) + place.substr(place.find(':')) + ": " +
                           reason);
    }
}

/// Adds the keys of a JSON row that are new to `columns` (in the file's order), `known` being
/// the set of them, kept by the reader from row to row: looked for one by one, a row of 60 000
/// keys took seconds. Throws past max_columns, at the row's line.
void add_columns(std::vector<std::string>& columns, std::unordered_set<std::string>& known,
                 const nlohmann::json& object, const std::string& file, std::size_t line) {
    for (const auto& [key, value] : object.items()) {
        if (known.contains(key)) continue;
        if (columns.size() == max_columns)
            throw RowFileError(file + ":" + std::to_string(line) + ": " +
                               format(tr("more than {} columns: a row file has one column per field"),
                                      std::to_string(max_columns)));
        known.insert(key);
        columns.push_back(key);
    }
}

/// Checks one JSON row (an object; its keys join the columns) and keeps its text; a row that is
/// not an object is a row with a problem, which fails alone.
Row json_row(std::vector<std::string>& columns, std::unordered_set<std::string>& known,
             const std::string& file, std::string_view text, std::size_t line, std::size_t column,
             std::size_t number) {
    nlohmann::json row = parse_json(text, file, line - 1);
    if (!row.is_object())
        return Row{number,
                   line,
                   {},
                   {},
                   {},
                   file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                       tr("expected an object ({ \"column\": value, ... })")};
    add_columns(columns, known, row, file, line);
    return Row{number, line, {}, {}, std::string(text), {}};
}

/// Where a CSV line's record stands at its end: inside a quoted field (the record goes on on
/// the next line) or not, as read_csv_records reads it.
struct CsvScan {
    char separator;
    bool quoted = false;
    bool cell_start = true;

    void line(std::string_view text) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            char c = text[i];
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"')
                        ++i;
                    else
                        quoted = false;
                }
                continue;
            }
            if (cell_start) {
                cell_start = false;
                if (c == '"') {
                    quoted = true;
                    continue;
                }
            }
            // A line break ends a record (a lone CR too; a chunk given whole holds \n).
            if (c == separator || c == '\r' || c == '\n') cell_start = true;
        }
        if (!quoted) cell_start = true;
    }
};

}  // namespace

struct RowReader::Impl {
    std::unique_ptr<std::istream> in;
    std::string kind, name;
    Encoding encoding = Encoding::utf8;  // resolved: utf8 or windows1252
    std::size_t line = 0;                // physical lines read (\n), as encoding errors count them
    bool last_line_ended = false;        // the last line read ended with a \n
    std::size_t record_line = 1;         // where the next CSV chunk starts, as read_csv counts lines
    std::size_t number = 0;              // rows given
    std::vector<std::string> columns;
    std::unordered_set<std::string> known_columns;  // the same names, for JSON rows' new keys
    char separator = ',';
    std::deque<CsvRecord> pending;          // records of a chunk not given yet (lone CRs: several)
    std::unique_ptr<JsonArrayReader> json;  // a JSON array, an element at a time

    /// The next physical line as UTF-8 (without its \n; a CRLF's \r stays), the BOM removed.
    bool read_line(std::string& out) {
        if (!std::getline(*in, out)) return false;
        ++line;
        last_line_ended = !in->eof();
        if (line == 1 && out.starts_with("\xEF\xBB\xBF")) out.erase(0, 3);
        if (encoding == Encoding::windows1252) {
            out = to_utf8(out, Encoding::windows1252, name);
            return true;
        }
        // Checked by the first reading; again, in case the file changed since.
        if (auto error = utf8_error(out, line, name, kind != "csv")) throw *error;
        return true;
    }

    /// The encoding a first reading of the file decides (EncodingScan), the file checked whole.
    void resolve_encoding(Encoding asked) {
        EncodingScan scan(asked, name, kind != "csv");
        std::string text;
        while (std::getline(*in, text)) scan.line(text);
        encoding = scan.decided();
        in->clear();
        in->seekg(0);
    }

    /// The next CSV chunk: a line and the lines its quoted fields run on, parsed.
    bool read_records(bool header) {
        std::string text, more;
        while (pending.empty()) {
            if (!read_line(text)) return false;
            if (header) {
                // The separator is not known yet: quotes are followed as detect_separator does.
                auto quotes = [](const std::string& t) { return std::count(t.begin(), t.end(), '"'); };
                auto open = quotes(text) % 2;
                while (open && read_line(more)) {
                    text += '\n';
                    text += more;
                    open = (open + quotes(more)) % 2;
                }
                separator = detect_separator(text);
            }
            // The chunk ends where a record does (quotes followed as read_csv_records does).
            CsvScan scan{separator};
            scan.line(text);
            while (scan.quoted && read_line(more)) {
                text += '\n';
                text += more;
                scan.line(more);
            }
            std::size_t end_line = record_line;
            for (auto& record : read_csv_records(text, separator, name, record_line, &end_line))
                pending.push_back(std::move(record));
            // The \n that getline took off ends a line, unless the CR before it already did.
            record_line = end_line + (last_line_ended && !text.ends_with('\r') ? 1 : 0);
        }
        return true;
    }

    std::optional<Row> next_csv() {
        if (pending.empty() && !read_records(false)) return std::nullopt;
        CsvRecord record = std::move(pending.front());
        pending.pop_front();
        Row row;
        row.number = ++number;
        row.line = record.line;
        try {
            check_record_width(record, columns.size(), name);
        } catch (const RowFileError& e) {
            row.problem = e.what();  // its own line: the records after it are read as they are
            return row;
        }
        for (std::size_t k = 0; k < columns.size(); ++k) {
            // A short line is a line whose trailing cells are empty, as spreadsheets write it.
            bool present = k < record.cells.size();
            row.cells.push_back(present ? std::move(record.cells[k].text) : std::string());
            row.cell_lines.push_back(present ? record.cells[k].line : record.line);
        }
        return row;
    }

    std::optional<Row> next_jsonl() {
        std::string text;
        for (;;) {
            if (!read_line(text)) return std::nullopt;
            std::string_view content = text;
            bool blank = true;
            for (char c : content) blank = blank && std::isspace(static_cast<unsigned char>(c));
            if (blank) continue;
            if (content.ends_with('\r')) content.remove_suffix(1);
            // Each line stands alone: one that is not JSON, or not an object, fails as its row.
            if (!nlohmann::json::accept(content)) {
                Row row{++number, line, {}, {}, {}, {}};
                try {
                    parse_json(content, name, line - 1);
                } catch (const RowFileError& e) {
                    row.problem = e.what();
                }
                return row;
            }
            const std::size_t column = content.find_first_not_of(" \t") + 1;
            return json_row(columns, known_columns, name, content, line, column, ++number);
        }
    }

    std::optional<Row> next_json() {
        auto element = json->next();
        if (!element) return std::nullopt;
        return json_row(columns, known_columns, name, element->text, element->line, element->column,
                        ++number);
    }
};

namespace {

std::string kind_of(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension == ".csv" || extension == ".tsv" || extension == ".txt") return "csv";
    if (extension == ".json") return "json";
    if (extension == ".jsonl" || extension == ".ndjson") return "jsonl";
    throw RowFileError(format(tr("cannot tell the kind of rows in '{}': name it .csv, .json (an array of "
                                 "objects) or .jsonl (one object per line)"),
                              path.string()));
}

std::unique_ptr<std::istream> open_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw RowFileError(format(tr("cannot read {}: no such file"), path.string()));
    auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*in) throw RowFileError(format(tr("cannot read {}"), path.string()));
    // UTF-16 is read as the UTF-8 it stands for, whole: a spreadsheet's "Unicode text" export.
    char mark[2] = {};
    in->read(mark, 2);
    const std::string_view start(mark, static_cast<std::size_t>(in->gcount()));
    if (start == "\xFF\xFE" || start == "\xFE\xFF") {
        std::string bytes(start);
        bytes.append(std::istreambuf_iterator<char>(*in), std::istreambuf_iterator<char>());
        return std::make_unique<std::istringstream>(*utf16_as_utf8(bytes, path.string()));
    }
    in->clear();
    in->seekg(0);
    return in;
}

}  // namespace

RowReader::RowReader(const std::filesystem::path& path, Encoding encoding)
    : RowReader(open_file(path), kind_of(path), encoding, path.string()) {}

RowReader::RowReader(std::unique_ptr<std::istream> in, const std::string& kind, Encoding encoding,
                     const std::string& name)
    : impl_(std::make_unique<Impl>()) {
    impl_->kind = kind;
    impl_->name = name;
    if (kind == "json") {
        impl_->json = std::make_unique<JsonArrayReader>(std::move(in), name);
        return;
    }
    impl_->in = std::move(in);
    impl_->resolve_encoding(encoding);
    if (kind == "csv") {
        if (!impl_->read_records(true))
            throw RowFileError(name + ": " + tr("no header line (the first line names the columns)"));
        CsvRecord header = std::move(impl_->pending.front());
        impl_->pending.pop_front();
        impl_->columns = csv_header(std::move(header), name);
    }
}

RowReader::~RowReader() = default;

std::optional<Row> RowReader::next() {
    if (impl_->kind == "csv") return impl_->next_csv();
    if (impl_->kind == "json") return impl_->next_json();
    return impl_->next_jsonl();
}

const std::string& RowReader::name() const { return impl_->name; }
bool RowReader::from_csv() const { return impl_->kind == "csv"; }
const std::vector<std::string>& RowReader::columns() const { return impl_->columns; }

lua::RowInput row_input(const Row& row, const std::vector<std::string>& columns, bool from_csv) {
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

nlohmann::json row_data(const Row& row, const std::vector<std::string>& columns, bool from_csv) {
    if (!from_csv) return nlohmann::json::parse(row.json);
    nlohmann::json object = nlohmann::json::object();
    for (std::size_t k = 0; k < columns.size() && k < row.cells.size(); ++k)
        object[columns[k]] = row.cells[k];
    return object;
}

lua::RowInput RowFile::input(const Row& row) const { return row_input(row, columns, from_csv); }

nlohmann::json RowFile::data(const Row& row) const { return row_data(row, columns, from_csv); }

namespace {

RowFile read_all(RowReader& reader) {
    RowFile file{reader.name(), {}, {}, reader.from_csv()};
    while (auto row = reader.next()) file.rows.push_back(std::move(*row));
    file.columns = reader.columns();
    return file;
}

}  // namespace

RowFile parse_rows(std::string_view bytes, const std::string& kind, Encoding encoding,
                   const std::string& name) {
    RowReader reader(std::make_unique<std::istringstream>(std::string(bytes)), kind, encoding, name);
    return read_all(reader);
}

RowFile read_row_file(const std::filesystem::path& path, Encoding encoding) {
    RowReader reader(path, encoding);
    return read_all(reader);
}

}  // namespace conventio::batch
