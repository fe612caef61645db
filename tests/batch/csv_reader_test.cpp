// The CSV reader against what Excel and LibreOffice actually write.
#include "batch/csv_reader.hpp"

#include <doctest/doctest.h>

#include "batch/text_encoding.hpp"

using conventio::batch::CsvTable;
using conventio::batch::read_csv;
using conventio::batch::RowFileError;

namespace {
std::string error_of(const std::string& text) {
    try {
        read_csv(text, 0, "rows.csv");
    } catch (const RowFileError& e) {
        return e.what();
    }
    return "no error";
}
}  // namespace

TEST_CASE("csv: the separator is detected from the header, outside quotes") {
    CHECK(read_csv("a;b;c\n1;2;3\n", 0, "f").separator == ';');
    CHECK(read_csv("a,b,c\n1,2,3\n", 0, "f").separator == ',');
    CHECK(read_csv("\"a;x\",b,c\n1,2,3\n", 0, "f").separator == ',');
    CHECK(read_csv("a\tb\n1\t2\n", 0, "f").separator == '\t');
    // A French amount's decimal comma in the rows does not confuse a ';' file.
    CsvTable t = read_csv("nom;montant\nDrôme;1 234,56\n", 0, "f");
    REQUIRE(t.records.size() == 1);
    CHECK(t.records[0].cells[1].text == "1 234,56");
}

TEST_CASE("csv: CRLF, quoted separators, doubled quotes and newlines inside a field") {
    CsvTable t = read_csv("nom;note;n\r\n\"Ain\";\"a ; b \"\"c\"\"\r\nsuite\";1\r\nAisne;;2\r\n", 0, "f");
    REQUIRE(t.header == std::vector<std::string>{"nom", "note", "n"});
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[0].cells[1].text == "a ; b \"c\"\nsuite");
    CHECK(t.records[0].line == 2);
    CHECK(t.records[1].line == 4);  // the quoted newline counts as a line of the file
    CHECK(t.records[1].cells[1].text.empty());
    CHECK(t.records[1].cells[2].line == 4);
}

TEST_CASE("csv: empty trailing columns, blank lines, a last line without newline") {
    CsvTable t = read_csv("a;b;;\n1;2;;\n\n;;;\n3;4", 0, "f");
    CHECK(t.header == std::vector<std::string>{"a", "b"});
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[0].cells.size() == 2);
    CHECK(t.records[1].cells[1].text == "4");
    CHECK(t.records[1].line == 5);
}

TEST_CASE("csv: a short line is a line whose last cells are empty") {
    CsvTable t = read_csv("a,b,c\n1\n", 0, "f");
    REQUIRE(t.records.size() == 1);
    CHECK(t.records[0].cells.size() == 1);
}

TEST_CASE("csv: header names are trimmed") {
    CHECK(read_csv(" a ;b\n1;2\n", 0, "f").header == std::vector<std::string>{"a", "b"});
}

TEST_CASE("csv: malformed files name the file, the line and the column") {
    CHECK(error_of("a,b\n1,\"open\n2,3\n") == "rows.csv:2:3: this quoted field is never closed");
    CHECK(error_of("a,b\n1,\"x\"y\n") ==
          "rows.csv:2:6: text after a closing quote (a quote inside a quoted field is written \"\")");
    CHECK(
        error_of("a,b\n1,2,3\n") ==
        "rows.csv:2:3: this line has 3 cells but the header names 2 columns (a separator inside a value must "
        "be quoted)");
    CHECK(error_of("a,,b\n1,2,3\n") == "rows.csv:1:2: column 2 has no name in the header line");
    CHECK(error_of("a,b,a\n1,2,3\n") == "rows.csv:1:3: column 'a' is named twice");
    CHECK(error_of("") == "rows.csv: no header line (the first line names the columns)");
}
