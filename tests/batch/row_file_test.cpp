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
    // Each line stands alone: one that is not an object, or not JSON, is a row that fails alone.
    RowFile bad =
        parse_rows("{\"a\": 1}\n  [1]\n{\"a\": }\n{\"a\": 4}\n", "jsonl", Encoding::automatic, "rows.jsonl");
    REQUIRE(bad.rows.size() == 4);
    CHECK(bad.rows[0].problem.empty());
    CHECK(bad.rows[1].problem == "rows.jsonl:2:3: expected an object ({ \"column\": value, ... })");
    CHECK(bad.rows[2].problem.starts_with("rows.jsonl:3:7: "));
    CHECK(bad.rows[3].problem.empty());
    CHECK(bad.data(bad.rows[3])["a"] == 4);
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
    // Inside a sentence the column is said in front, and the sentence kept whole.
    CHECK(row_message("rows.csv", 2, 3, {"code", "iban"}, {3, 3}, true, "the column 'iban' must be filled",
                      "") == "rows.csv:3: record 2, column B 'iban': the column 'iban' must be filled");
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

TEST_CASE(
    "rows: a file whose letters are UTF-8 in places and not in others is refused at its first bad byte") {
    // Read as Windows-1252, « Drôme » came out « DrÃ´me » in every document, without a word.
    const std::string mixed =
        "nom;montant\nDr\xC3\xB4me;1\nL\x92"
        "Ain;2\n";
    CHECK_THROWS_WITH_AS(
        parse_rows(mixed, "csv", Encoding::automatic, "rows.csv"),
        "rows.csv:3:2: not valid UTF-8, where other lines are: the file mixes two encodings "
        "(export it again as UTF-8, or give --encoding windows-1252 if it is all Windows-1252)",
        RowFileError);
    // The bad byte first, the UTF-8 letters after it: the same.
    CHECK_THROWS_AS(parse_rows("nom\nL\x92"
                               "Ain\nDr\xC3\xB4me\n",
                               "csv", Encoding::automatic, "rows.csv"),
                    RowFileError);
    // Declared so, it is read as Windows-1252.
    RowFile f = parse_rows(mixed, "csv", Encoding::windows1252, "rows.csv");
    CHECK(f.rows[1].cells[0] == "L\u2019Ain");
}

TEST_CASE("rows: a NUL byte is no text; UTF-16 with its mark is read as the text it stands for") {
    CHECK_THROWS_WITH_AS(parse_rows(std::string("nom\nA\0B\n", 8), "csv", Encoding::automatic, "rows.csv"),
                         "rows.csv:2:2: a NUL byte: this is not a text file (save the sheet as CSV UTF-8)",
                         RowFileError);
    // Excel's "Texte Unicode": UTF-16 little-endian, tab-separated, CRLF; and big-endian.
    auto utf16 = [](std::u16string text, bool little) {
        std::string bytes = little ? "\xFF\xFE" : "\xFE\xFF";
        for (char16_t c : text) {
            const char high = static_cast<char>(c >> 8), low = static_cast<char>(c & 0xFF);
            bytes += little ? low : high;
            bytes += little ? high : low;
        }
        return bytes;
    };
    for (bool little : {true, false}) {
        auto text =
            utf16_as_utf8(utf16(u"nom\tmontant\r\nDr\u00F4me\t1\r\n\U0001F600\t2\r\n", little), "rows.txt");
        REQUIRE(text);
        RowFile f = parse_rows(*text, "csv", Encoding::automatic, "rows.txt");
        REQUIRE(f.rows.size() == 2);
        CHECK(f.rows[0].cells == std::vector<std::string>{"Drôme", "1"});
        CHECK(f.rows[1].cells[0] == "\xF0\x9F\x98\x80");
    }
    CHECK_FALSE(utf16_as_utf8("nom\n", "rows.csv"));
    CHECK_THROWS_WITH_AS(utf16_as_utf8(utf16(u"nom\n\xD800x", true), "rows.txt"),
                         "rows.txt:2:1: not valid UTF-16 (export the file as CSV UTF-8)", RowFileError);
}

TEST_CASE("rows: a record with more cells than the header fails alone, with its place") {
    RowFile f = parse_rows("a,b\n1,2\n3,4,5\n6,7\n", "csv", Encoding::automatic, "rows.csv");
    REQUIRE(f.rows.size() == 3);
    CHECK(f.rows[1].problem ==
          "rows.csv:3:3: this line has 3 cells but the header names 2 columns (a separator inside a value "
          "must be "
          "quoted)");
    CHECK(f.rows[2].problem.empty());
    CHECK(f.data(f.rows[2])["b"] == "7");
    CHECK(
        row_message("rows.csv", 2, 3, {"a", "b"}, {}, true, f.rows[1].problem, "") ==
        "rows.csv:3:3: record 2: this line has 3 cells but the header names 2 columns (a separator inside a "
        "value must be quoted)");
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
    // An element that is no object is a row of its own, which fails alone: the rows after it run.
    RowFile f = parse_rows("[{\"a\": 1},\n 2, {\"a\": 3}]", "json", Encoding::automatic, "rows.json");
    REQUIRE(f.rows.size() == 3);
    CHECK(f.rows[1].problem == "rows.json:2:2: expected an object ({ \"column\": value, ... })");
    CHECK(f.rows[2].problem.empty());
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
