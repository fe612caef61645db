#include "batch/text_encoding.hpp"

#include <doctest/doctest.h>

using namespace conventio::batch;

TEST_CASE("encoding: a UTF-8 BOM is dropped, UTF-8 kept") {
    CHECK(to_utf8("\xEF\xBB\xBFnom;Drôme", Encoding::automatic, "f") == "nom;Drôme");
    CHECK(to_utf8("Drôme", Encoding::automatic, "f") == "Drôme");
}

TEST_CASE("encoding: Windows-1252 is detected and converted, its 0x80-0x9F included") {
    // "Drôme – 1 234 €" as Excel writes it on a French Windows (ô E4? no: F4; en dash 96; euro 80).
    CHECK(to_utf8("Dr\xF4me \x96 1\xA0"
                  "234 \x80",
                  Encoding::automatic, "f") == "Drôme – 1\u00a0234 €");
    CHECK(to_utf8("\x9C"
                  "uvre",
                  Encoding::windows1252, "f") == "œuvre");
    // Declared Windows-1252: even bytes that would be valid UTF-8 are read as Windows-1252.
    CHECK(to_utf8("\xC3\xA9", Encoding::windows1252, "f") == "Ã©");
}

TEST_CASE("encoding: a file declared UTF-8 that is not names the first bad byte") {
    try {
        to_utf8("nom\nDr\xF4me", Encoding::utf8, "rows.csv");
        FAIL("no error");
    } catch (const RowFileError& e) {
        CHECK(std::string(e.what()) ==
              "rows.csv:2:3: not valid UTF-8 (export the file as UTF-8, or give --encoding windows-1252)");
    }
}

TEST_CASE("encoding: UTF-8 validation refuses overlongs, surrogates and truncated sequences") {
    CHECK(is_utf8("é€😀"));
    CHECK_FALSE(is_utf8("\xC0\xAF"));
    CHECK_FALSE(is_utf8("\xED\xA0\x80"));
    CHECK_FALSE(is_utf8("\xE2\x82"));
    CHECK_FALSE(is_utf8("\xF8\x88\x80\x80\x80"));
}

TEST_CASE("encoding: names") {
    CHECK(parse_encoding("UTF-8") == Encoding::utf8);
    CHECK(parse_encoding("cp1252") == Encoding::windows1252);
    CHECK(parse_encoding("Windows-1252") == Encoding::windows1252);
    CHECK_THROWS_WITH_AS(parse_encoding("ebcdic"),
                         "unknown encoding 'ebcdic' (expected utf-8, windows-1252 or auto)", RowFileError);
}
