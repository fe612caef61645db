#include "document/text_check.hpp"

#include <doctest/doctest.h>

using conventio::doc::text_problem;

TEST_CASE("text_check accepts French text with non-breaking spaces and markup characters") {
    CHECK_FALSE(text_problem("Le Cerema\u00a0: 475\u202f000\u00a0€ & <b> \"ok\" 'oui'"));
    CHECK_FALSE(text_problem(""));
    CHECK_FALSE(text_problem("tab\tnewline\n emoji \U0001F600"));
}

TEST_CASE("text_check refuses invalid UTF-8 with the byte offset") {
    auto p = text_problem("abc\xC3\x28");
    REQUIRE(p);
    CHECK(*p == "invalid UTF-8 at byte 3 (0xC3 0x28)");
    CHECK(text_problem("\xE2\x82"));      // truncated
    CHECK(text_problem("\xC0\xAF"));      // overlong
    CHECK(text_problem("\xED\xA0\x80"));  // surrogate
    CHECK(text_problem("\xFF"));
}

TEST_CASE("text_check refuses characters XML 1.0 forbids") {
    auto p =
        text_problem(std::string("a\x01"
                                 "b"));
    REQUIRE(p);
    CHECK(*p == "character U+0001 at byte 1 is not allowed in a document (XML 1.0)");
    CHECK(text_problem("\xEF\xBF\xBE"));  // U+FFFE
    CHECK(text_problem(std::string_view("a\0b", 3)));
}

TEST_CASE("text_check refuses bidi controls unless the run opts in for right-to-left text") {
    using conventio::doc::BidiControlsScope;
    for (const char* control :
         {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"}) {
        CAPTURE(control);
        auto p = text_problem(std::string("IBAN ") + control + "FR76");
        REQUIRE(p);
        CHECK(p->find("at byte 5 is a bidirectional control") != std::string::npos);
        BidiControlsScope rtl(true);
        CHECK_FALSE(text_problem(std::string("IBAN ") + control + "FR76"));
        {
            BidiControlsScope nested(false);
            CHECK(text_problem(control));
        }
        CHECK_FALSE(text_problem(control));
    }
    CHECK(*text_problem("\u202E") ==
          "character U+202E at byte 0 is a bidirectional control, which can make text "
          "display otherwise than it is stored: not allowed in a document unless the "
          "run is for a right-to-left language");
    // Marks that only hint a direction (LRM, RLM) reorder nothing: they stay allowed.
    CHECK_FALSE(text_problem("a\u200Eb\u200Fc"));
}
