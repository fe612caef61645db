#include "document/text_check.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

namespace {

/// The first problem's byte offset by the Unicode standard's table of well-formed sequences
/// (Table 3-7) and XML 1.0's characters, written independently of text_check's decoding.
std::optional<std::size_t> reference_problem_at(std::string_view s) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    for (std::size_t i = 0; i < s.size();) {
        const unsigned b = byte(i);
        std::size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;  // the second byte's range
        if (b < 0x80)
            len = 1;
        else if (b >= 0xC2 && b <= 0xDF)
            len = 2;
        else if (b == 0xE0)
            len = 3, lo = 0xA0;
        else if (b == 0xED)
            len = 3, hi = 0x9F;
        else if (b >= 0xE1 && b <= 0xEF)
            len = 3;
        else if (b == 0xF0)
            len = 4, lo = 0x90;
        else if (b == 0xF4)
            len = 4, hi = 0x8F;
        else if (b >= 0xF1 && b <= 0xF3)
            len = 4;
        else
            return i;
        if (i + len > s.size()) return i;
        std::uint32_t c = len == 1 ? b : b & (0x7F >> len);
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned next = byte(i + k);
            if (k == 1 ? (next < lo || next > hi) : (next & 0xC0) != 0x80) return i;
            c = (c << 6) | (next & 0x3F);
        }
        const bool allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
                             (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
        const bool bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        if (!allowed || bidi) return i;
        i += len;
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("text_check finds the first problem where the Unicode table does, among ordinary text") {
    // Pieces a French text and a JSON file are made of (indentation, accents, typographic
    // characters), mixed with broken and forbidden ones, so that every problem follows ordinary
    // sequences the check steps over quickly.
    const std::vector<std::string> pieces = {
        "a",
        "Le Cerema ",
        "\n    ",
        "\t",
        "\r\n",
        "\u00e9",
        "\u00a0",
        "\u00ab",
        "\u2019",
        "\u202f",
        "\u20ac",
        "\u1000",
        "\ucfff",
        "\u2029",
        "\u202A",
        "\u202E",
        "\u2066",
        "\u2069",
        "\u200E",
        "\U0001F600",
        "\xC3",
        "\xC3\x28",
        "\xC0\xAF",
        "\xE2\x82",
        "\xE1\x80",
        "\xEC\xBF\x41",
        "\xED\xA0\x80",
        "\xE0\x9F\xBF",
        "\xEF\xBF\xBE",
        "\x80",
        "\xFF",
        "\x01",
        std::string(1, '\0'),
        "\xDF\xBF",
        "\xE1\x80\x80",
    };
    std::uint32_t seed = 12345;
    auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8); };
    int problems = 0;
    for (int round = 0; round < 4000; ++round) {
        std::string text;
        const std::size_t count = 1 + next() % 12;
        for (std::size_t k = 0; k < count; ++k) text += pieces[next() % pieces.size()];
        CAPTURE(text);
        const auto expected = reference_problem_at(text);
        const auto problem = text_problem(text);
        REQUIRE(problem.has_value() == expected.has_value());
        if (!expected) continue;
        ++problems;
        CHECK(problem->find("at byte " + std::to_string(*expected) + " ") != std::string::npos);
    }
    CHECK(problems > 1000);  // both kinds of text were drawn
}

TEST_CASE("find_byte_below finds every byte below its bound, as a byte-by-byte search does") {
    using conventio::doc::find_byte_below;
    const std::string palette = std::string("ab \t\n\r\x01\x1f\x20\x21\x7f", 11) + "\xc3\xa9\xe2\x80\xaf";
    std::uint32_t seed = 777;
    auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8); };
    for (const unsigned char bound : {0x20, 0x21, 0x80}) {
        CAPTURE(int(bound));
        for (int round = 0; round < 3000; ++round) {
            std::string text;
            const std::size_t size = next() % 40;
            // Mostly plain letters, so that whole eight-byte words are skipped too.
            for (std::size_t k = 0; k < size; ++k)
                text += next() % 4 ? 'x' : palette[next() % palette.size()];
            CAPTURE(text);
            std::vector<std::size_t> expected, found;
            for (std::size_t i = 0; i < text.size(); ++i)
                if (static_cast<unsigned char>(text[i]) < bound) expected.push_back(i);
            for (std::size_t i = find_byte_below(text, bound); i != std::string_view::npos;
                 i = find_byte_below(text, bound, i + 1))
                found.push_back(i);
            CHECK(found == expected);
        }
    }
    CHECK(conventio::doc::find_control("a\tb") == 1);
    CHECK(find_byte_below("", 0x20) == std::string_view::npos);
    CHECK(find_byte_below("abc", 0x20, 3) == std::string_view::npos);
    CHECK(find_byte_below("abc", 0x20, 9) == std::string_view::npos);
}
