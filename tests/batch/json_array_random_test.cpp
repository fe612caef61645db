// Seeded random JSON arrays built from what makes a scanner stumble (brackets, commas and
// escaped quotes inside strings, backslashes, nesting, accents, CRLF, a BOM), some of them
// broken by one edit: the reader that gives an element at a time (RowReader on a `.json`, what
// a batch runs on) must read what parsing the whole text does, values and lines alike, and fail
// with the same message at the same place. It may give the rows before the fault first, as
// JSON Lines does, and a row that is not an object stops it before a later syntax error.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "batch/json_array_reader.hpp"
#include "batch/row_file.hpp"
#include "batch/text_encoding.hpp"

using namespace conventio::batch;

namespace {

struct Generated {
    std::string bytes;
    struct Element {
        std::size_t end = 0, line = 0;  // end: byte after the element
        nlohmann::json value;
    };
    std::vector<Element> elements;
};

std::string space(std::mt19937& rng) {
    static const char* const pieces[] = {"", "", " ", "\n", "\r\n", "\t", "  \n  "};
    return pieces[rng() % (sizeof pieces / sizeof *pieces)];
}

std::string value(std::mt19937& rng, int depth) {
    static const char* const scalars[] = {"\"a]\"",
                                          "\"}{\"",
                                          "\"\\\"\"",
                                          "\"\\\\\"",
                                          "\"\\\\\\\"]\"",
                                          "\"\\u00e9t\\u00e9\"",
                                          "\"été\"",
                                          "\"[,]\"",
                                          "\"a\\nb\"",
                                          "\"\\/\"",
                                          "1",
                                          "-2.5e3",
                                          "0",
                                          "true",
                                          "false",
                                          "null",
                                          "\"\"",
                                          "\"1 234,56\""};
    switch (depth < 3 ? rng() % 6 : 0) {
        case 1: {
            std::string out = "[" + space(rng);
            int n = static_cast<int>(rng() % 3);
            for (int k = 0; k < n; ++k)
                out += (k ? "," + space(rng) : "") + value(rng, depth + 1) + space(rng);
            return out + "]";
        }
        case 2: {
            std::string out = "{" + space(rng);
            int n = static_cast<int>(rng() % 3);
            for (int k = 0; k < n; ++k)
                out += (k ? "," + space(rng) : "") + "\"k" + std::to_string(k) + "\\\"]\"" + space(rng) +
                       ":" + space(rng) + value(rng, depth + 1) + space(rng);
            return out + "}";
        }
        default:
            return scalars[rng() % (sizeof scalars / sizeof *scalars)];
    }
}

Generated generate(std::mt19937& rng) {
    Generated g;
    if (rng() % 8 == 0) g.bytes = "\xEF\xBB\xBF";
    g.bytes += space(rng) + "[" + space(rng);
    int n = static_cast<int>(rng() % 6);
    for (int k = 0; k < n; ++k) {
        if (k) g.bytes += "," + space(rng);
        std::string element;
        if (rng() % 20 == 0) {
            element = value(rng, 2);  // not always an object
        } else {
            element = "{" + space(rng);
            int fields = static_cast<int>(rng() % 4);
            for (int f = 0; f < fields; ++f)
                element += (f ? "," + space(rng) : "") + "\"c" + std::to_string(f) + "\"" + space(rng) + ":" +
                           space(rng) + value(rng, 0) + space(rng);
            element += "}";
        }
        std::size_t line = 1;
        for (char c : g.bytes) line += c == '\n';
        g.bytes += element;
        g.elements.push_back({g.bytes.size(), line, nlohmann::json::parse(element)});
        g.bytes += space(rng);
    }
    g.bytes += "]" + space(rng);
    return g;
}

/// One edit that most often breaks the text; returns where it is.
std::size_t mutate(std::mt19937& rng, std::string& bytes) {
    static const char inserts[] = {'"', '\\', ',', ']', '}', '{', '[', 'x', '\n', ':', '\xFF'};
    std::size_t at = rng() % (bytes.size() + 1);
    switch (rng() % 4) {
        case 0:
            if (at < bytes.size()) bytes.erase(at, 1);
            break;
        case 1:
            bytes.insert(bytes.begin() + static_cast<std::ptrdiff_t>(at), inserts[rng() % sizeof inserts]);
            break;
        case 2:
            bytes.resize(at);
            break;
        default:
            at = bytes.size();
            bytes += rng() % 2 ? " x" : ",{}";
    }
    return at;
}

// The oracle's own copy of how reading the whole text placed an error (row_file.cpp has the
// same lines): kept apart on purpose, so a fault there is not shared by what checks it.
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

struct Whole {
    std::string error;  // a fault of the file (encoding, syntax, not an array)
    nlohmann::json array;
};

/// The whole text parsed at once, as rows were read before they were streamed.
Whole whole(const std::string& bytes) {
    Whole w;
    try {
        std::string text = to_utf8(bytes, Encoding::utf8, "rows.json", true);
        try {
            w.array = nlohmann::json::parse(text);
        } catch (const nlohmann::json::parse_error& e) {
            w.error = "rows.json:" + line_col(text, e.byte > 0 ? e.byte - 1 : 0) + ": " +
                      json_error_reason(e.what());
            return w;
        }
        if (!w.array.is_array()) w.error = "rows.json:1:1: expected an array of objects, one per row";
    } catch (const RowFileError& e) {
        w.error = e.what();
    }
    return w;
}

struct Streamed {
    std::vector<Row> rows;
    std::string error;
};

Streamed streamed(const std::string& bytes) {
    Streamed s;
    try {
        RowReader reader(std::make_unique<std::istringstream>(bytes), "json", Encoding::automatic,
                         "rows.json");
        while (auto row = reader.next()) s.rows.push_back(std::move(*row));
    } catch (const RowFileError& e) {
        s.error = e.what();
    }
    return s;
}

}  // namespace

TEST_CASE("rows: a JSON array read an element at a time reads what the whole text reads") {
    std::mt19937 rng(20261202);
    int compared_rows = 0, syntax_errors = 0, not_objects = 0, broken = 0;
    for (int i = 0; i < 6000; ++i) {
        Generated g = generate(rng);
        std::string bytes = g.bytes;
        bool edited = rng() % 2;
        std::size_t edit = edited ? mutate(rng, bytes) : bytes.size();
        broken += edited;
        Whole w = whole(bytes);
        Streamed s = streamed(bytes);
        INFO("input: ", bytes);
        INFO("streamed error: ", s.error);
        INFO("whole error: ", w.error);
        // An element that is no object is a row of its own that fails alone; the reader goes on.
        for (const Row& row : s.rows) {
            if (row.problem.empty()) continue;
            ++not_objects;
            REQUIRE(row.problem.starts_with("rows.json:" + std::to_string(row.line) + ":"));
            REQUIRE(row.problem.ends_with(": expected an object ({ \"column\": value, ... })"));
        }
        if (!w.error.empty()) {
            ++syntax_errors;
            REQUIRE(s.error == w.error);
        } else {
            REQUIRE(s.error.empty());
            REQUIRE(s.rows.size() == w.array.size());
            for (std::size_t k = 0; k < s.rows.size(); ++k) {
                REQUIRE(s.rows[k].problem.empty() == w.array[k].is_object());
                if (w.array[k].is_object()) REQUIRE(nlohmann::json::parse(s.rows[k].json) == w.array[k]);
            }
        }
        // The rows the edit left whole come out as generated, on their lines; with an encoding
        // fault (found before any row) none do.
        if (s.error.find("UTF-8") != std::string::npos) {
            REQUIRE(s.rows.empty());
            continue;
        }
        for (std::size_t k = 0; k < g.elements.size() && g.elements[k].end <= edit; ++k) {
            REQUIRE(k < s.rows.size());
            if (!g.elements[k].value.is_object()) {
                REQUIRE_FALSE(s.rows[k].problem.empty());
                continue;
            }
            REQUIRE(nlohmann::json::parse(s.rows[k].json) == g.elements[k].value);
            REQUIRE(s.rows[k].line == g.elements[k].line);
            REQUIRE(s.rows[k].number == k + 1);
            ++compared_rows;
        }
    }
    // Both outcomes are reached often: the comparison is not of empty results.
    CHECK(compared_rows > 5000);
    CHECK(syntax_errors > 1000);
    CHECK(not_objects > 100);
}

TEST_CASE("rows: a JSON array cut by the reader's blocks stays UTF-8") {
    // 'é' across the 64 KiB block boundary at every offset, then a bad byte far in the file.
    for (std::size_t pad = 65530; pad < 65540; ++pad) {
        std::string bytes = "[{\"s\": \"" + std::string(pad - 8, 'a') + "é\"}]";
        Streamed s = streamed(bytes);
        REQUIRE(s.error.empty());
        REQUIRE(s.rows.size() == 1);
    }
    std::string bytes = "[{\"s\": 1},\n{\"s\": \"" + std::string(100000, 'a') + "\xE9\"}]";
    CHECK(streamed(bytes).error ==
          "rows.json:2:100008: not valid UTF-8 (JSON is UTF-8: export the file as UTF-8)");
}
