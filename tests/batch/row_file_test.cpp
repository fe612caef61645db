#include "batch/row_file.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <sstream>
#include <utility>

#include "batch/batch_run.hpp"
#include "batch/csv_reader.hpp"

using namespace conventio::batch;

TEST_CASE("rows: a CSV row is an object of strings, with its line and each cell's line") {
    RowFile f = parse_rows("\xEF\xBB\xBFnom;note;montant\r\nDrôme;\"deux\r\nlignes\";1 234,56\r\nAin\r\n",
                           "csv", Encoding::automatic, "rows.csv");
    REQUIRE(f.rows.size() == 2);
    CHECK(f.columns == std::vector<std::string>{"nom", "note", "montant"});
    CHECK(f.data(f.rows[0])["note"] == "deux\nlignes");
    CHECK(f.data(f.rows[0])["montant"] == "1 234,56");
    CHECK(f.rows[1].number == 2);
    CHECK(f.rows[1].line == 4);
    CHECK(f.data(f.rows[1])["montant"] == "");  // a short line: its last cells are empty
    CHECK(f.rows[0].cell_lines == std::vector<std::size_t>{2, 2, 3});
}

TEST_CASE("rows: a JSON array keeps values as they are and knows each row's line") {
    RowFile f = parse_rows("[\n  {\"n\": 1, \"s\": \"a]\"},\n\n  {\"n\": 2,\n \"o\": {\"x\": true}}\n]",
                           "json", Encoding::automatic, "rows.json");
    REQUIRE(f.rows.size() == 2);
    CHECK(f.rows[0].line == 2);
    CHECK(f.rows[1].line == 4);
    CHECK(f.data(f.rows[1])["o"]["x"] == true);
    CHECK(f.columns == std::vector<std::string>{"n", "s", "o"});
}

TEST_CASE("rows: JSON Lines, blank lines skipped, errors name the line") {
    RowFile f = parse_rows("{\"a\": 1}\n\n{\"a\": 2}\n", "jsonl", Encoding::automatic, "rows.jsonl");
    REQUIRE(f.rows.size() == 2);
    CHECK(f.rows[1].line == 3);
    CHECK_THROWS_WITH_AS(parse_rows("{\"a\": 1}\n[1]\n", "jsonl", Encoding::automatic, "rows.jsonl"),
                         "rows.jsonl:2:1: expected an object ({ \"column\": value, ... })", RowFileError);
    try {
        parse_rows("{\"a\": 1}\n{\"a\": }\n", "jsonl", Encoding::automatic, "rows.jsonl");
        FAIL("no error");
    } catch (const RowFileError& e) {
        CHECK(std::string(e.what()).starts_with("rows.jsonl:2:7: "));
    }
    CHECK_THROWS_WITH_AS(parse_rows("{\"a\": 1}", "json", Encoding::automatic, "rows.json"),
                         "rows.json:1:1: expected an array of objects, one per row", RowFileError);
}

TEST_CASE("rows: a row's message names the cell of the column it is about") {
    CHECK(row_message("rows.csv", 9, 11, {"nom", "iban"}, {11, 12}, true, "column 'iban': invalid IBAN",
                      "rows.csv:11 (record 9)") == "rows.csv:12: record 9, column B 'iban': invalid IBAN");
    CHECK(row_message("rows.csv", 9, 11, {"nom"}, {11}, true, "rows.csv:11 (record 9): finance.x: bad",
                      "rows.csv:11 (record 9)") == "rows.csv:11: record 9: finance.x: bad");
    CHECK(row_message("rows.jsonl", 2, 3, {"nom"}, {}, false, "column 'nom': empty", "") ==
          "rows.jsonl:3: record 2, column 'nom': empty");
    CHECK(column_letters(0) == "A");
    CHECK(column_letters(25) == "Z");
    CHECK(column_letters(26) == "AA");
    CHECK(column_letters(701) == "ZZ");
    CHECK(column_letters(702) == "AAA");
}

TEST_CASE("rows: read a row at a time, a CSV record spanning lines only inside quotes") {
    // A quote inside an unquoted cell (24") is text, not the start of a quoted field: the
    // record ends at its line's end.
    RowReader reader(std::make_unique<std::istringstream>(
                         "nom,note\nécran,24\" large\nB,\"deux\nlignes, \"\"x\"\"\"\n\nC,fin"),
                     "csv", Encoding::automatic, "rows.csv");
    CHECK(reader.columns() == std::vector<std::string>{"nom", "note"});
    auto a = reader.next();
    REQUIRE(a);
    CHECK(a->cells == std::vector<std::string>{"écran", "24\" large"});
    CHECK(a->line == 2);
    auto b = reader.next();
    REQUIRE(b);
    CHECK(b->cells == std::vector<std::string>{"B", "deux\nlignes, \"x\""});
    CHECK(b->cell_lines == std::vector<std::size_t>{3, 3});
    auto c = reader.next();
    REQUIRE(c);
    CHECK(c->number == 3);
    CHECK(c->line == 6);
    CHECK_FALSE(reader.next());
    CHECK_FALSE(reader.next());
}

TEST_CASE("rows: Windows-1252 is told from the whole file, even when only a late line shows it") {
    std::string text = "nom,ville\n";
    for (int i = 0; i < 500; ++i) text += "a" + std::to_string(i) + ",Paris\n";
    text +=
        "z,Orl\xE9"
        "ans\n";  // é in Windows-1252: not UTF-8
    RowFile f = parse_rows(text, "csv", Encoding::automatic, "rows.csv");
    REQUIRE(f.rows.size() == 501);
    CHECK(f.rows.back().cells[1] == "Orléans");
    CHECK_THROWS_WITH_AS(parse_rows(text, "csv", Encoding::utf8, "rows.csv"),
                         "rows.csv:502:6: not valid UTF-8 (export the file as UTF-8, or give --encoding "
                         "windows-1252)",
                         RowFileError);
}

TEST_CASE("rows: a record with more cells than the header is refused with its place") {
    CHECK_THROWS_WITH_AS(parse_rows("a,b\n1,2\n3,4,5\n", "csv", Encoding::automatic, "rows.csv"),
                         "rows.csv:3:3: this line has 3 cells but the header names 2 columns (a separator "
                         "inside a value must be quoted)",
                         RowFileError);
    CHECK_THROWS_WITH_AS(parse_rows("a,b\n1,\"2\n", "csv", Encoding::automatic, "rows.csv"),
                         "rows.csv:2:3: this quoted field is never closed", RowFileError);
}

namespace {

/// The rows a `.json` reader gives before it stops, and its message.
std::pair<std::size_t, std::string> json_rows(const std::string& text) {
    std::size_t rows = 0;
    try {
        RowReader reader(std::make_unique<std::istringstream>(text), "json", Encoding::automatic,
                         "rows.json");
        while (reader.next()) ++rows;
    } catch (const RowFileError& e) {
        return {rows, e.what()};
    }
    return {rows, ""};
}

}  // namespace

TEST_CASE("rows: a JSON array's faults name the file's line and column, rows before still given") {
    CHECK(json_rows("\xEF\xBB\xBF [ ]\n") == std::pair<std::size_t, std::string>{0, ""});
    CHECK(json_rows("{\"a\": 1}") ==
          std::pair<std::size_t, std::string>{0, "rows.json:1:1: expected an array of objects, one per row"});
    CHECK(json_rows("[{\"a\": 1},\n 2]") ==
          std::pair<std::size_t, std::string>{
              1, "rows.json:2: record 2 is not an object ({ \"column\": value, ... })"});
    CHECK(json_rows("[{\"a\": 1},\n {\"a\": 2") ==
          std::pair<std::size_t, std::string>{
              1, "rows.json:2:9: syntax error while parsing object - unexpected end of input; expected '}'"});
    CHECK(json_rows("[{\"a\": 1}] x") ==
          std::pair<std::size_t, std::string>{1,
                                              "rows.json:1:12: syntax error while parsing value - invalid "
                                              "literal; last read: '1}] x'; expected "
                                              "end of input"});
    CHECK(
        json_rows("[{\"a\": 1},]").second ==
        "rows.json:1:11: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal");
    CHECK(json_rows("[{\"a\": 1} {\"a\": 2}]").second ==
          "rows.json:1:11: syntax error while parsing array - unexpected '{'; expected ']'");
    // A syntax error in row 5 000: the 4 999 rows before come first, the message names its place.
    std::string big = "[\n";
    for (int k = 1; k < 5000; ++k) big += "  {\"n\": " + std::to_string(k) + ", \"s\": \"a]\\\"}\"},\n";
    big += "  {\"n\": 5000, \"s\": tru},\n  {\"n\": 5001}\n]\n";
    auto [rows, message] = json_rows(big);
    CHECK(rows == 4999);
    CHECK(message ==
          "rows.json:5001:23: syntax error while parsing value - invalid literal; last read: '\"s\": tru}'");
}

TEST_CASE("rows: at most max_columns columns, said at the row, however wide the file") {
    std::string csv = "a";
    for (std::size_t k = 1; k < max_columns; ++k) csv += ";c" + std::to_string(k);
    CHECK(parse_rows(csv + "\n1\n", "csv", Encoding::automatic, "rows.csv").columns.size() == max_columns);
    CHECK_THROWS_WITH_AS(parse_rows(csv + ";one_more\n1\n", "csv", Encoding::automatic, "rows.csv"),
                         doctest::Contains("rows.csv:1:"), RowFileError);
    CHECK_THROWS_WITH_AS(parse_rows(csv + ";one_more\n1\n", "csv", Encoding::automatic, "rows.csv"),
                         doctest::Contains("more than 1000 columns"), RowFileError);
    // JSON rows: the keys of every row are columns; a new key past the limit is refused at its row.
    std::string json = "{\"k0\": 1";
    for (std::size_t k = 1; k < max_columns; ++k) json += ", \"k" + std::to_string(k) + "\": 1";
    json += "}\n";
    CHECK(parse_rows(json + json, "jsonl", Encoding::automatic, "rows.jsonl").columns.size() == max_columns);
    CHECK_THROWS_WITH_AS(parse_rows(json + "{\"new\": 1}\n", "jsonl", Encoding::automatic, "rows.jsonl"),
                         doctest::Contains("rows.jsonl:2: more than 1000 columns"), RowFileError);
}
