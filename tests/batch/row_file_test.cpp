#include "batch/row_file.hpp"

#include <doctest/doctest.h>

#include "batch/batch_run.hpp"

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
                      "rows.csv:11 (row 9)") == "rows.csv:12: row 9, column B 'iban': invalid IBAN");
    CHECK(row_message("rows.csv", 9, 11, {"nom"}, {11}, true, "rows.csv:11 (row 9): finance.x: bad",
                      "rows.csv:11 (row 9)") == "rows.csv:11: row 9: finance.x: bad");
    CHECK(row_message("rows.jsonl", 2, 3, {"nom"}, {}, false, "column 'nom': empty", "") ==
          "rows.jsonl:3: row 2, column 'nom': empty");
    CHECK(column_letters(0) == "A");
    CHECK(column_letters(25) == "Z");
    CHECK(column_letters(26) == "AA");
    CHECK(column_letters(701) == "ZZ");
    CHECK(column_letters(702) == "AAA");
}
