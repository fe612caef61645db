#include "check/acronyms.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "check/pattern.hpp"

using conventio::check::Pattern;
using conventio::check::standalone_capitals;

namespace {

std::vector<std::string> as_strings(const std::vector<std::string_view>& views) {
    return {views.begin(), views.end()};
}

/// What the review's pattern found before the scan replaced it: group 1 of every match.
std::vector<std::string> by_pattern(const std::string& text) {
    static const Pattern named(R"((?:^|[^A-Za-z0-9\x80-\xff])([A-Z]{3,})(?![A-Za-z0-9\x80-\xff]))");
    std::vector<std::string> out;
    for (const auto& m : named.all(text)) out.emplace_back(m[1]);
    return out;
}

}  // namespace

TEST_CASE("acronyms: runs of three capitals or more standing as words") {
    CHECK(as_strings(standalone_capitals("L'ANCT et la DINUM, le RGPD.")) ==
          std::vector<std::string>{"ANCT", "DINUM", "RGPD"});
    // Too short, inside a word, next to a digit or an accented letter: not an acronym.
    CHECK(standalone_capitals("AB, ANCTx, xANCT, SIRET2, 2ANCT, \u00c9TAT, ETAT\u00c9").empty());
    // At either end of the text, and side by side with one byte between.
    CHECK(as_strings(standalone_capitals("ANCT-DINUM")) == std::vector<std::string>{"ANCT", "DINUM"});
    CHECK(as_strings(standalone_capitals("(CNIL)")) == std::vector<std::string>{"CNIL"});
    // The views point into the text, so a finding's place is known.
    const std::string text = "la DINUM";
    REQUIRE(standalone_capitals(text).size() == 1);
    CHECK(standalone_capitals(text)[0].data() == text.data() + 3);
}

TEST_CASE("acronyms: the scan finds what the pattern it replaced finds, on random texts") {
    // Capitals, lower case, digits, separators and the bytes of "É" and "é", mixed so that runs
    // of capitals meet every kind of neighbour.
    const std::vector<std::string> pieces = {"A",  "B",        "C",        "X",    "Z",    "a", "z",
                                             "0",  "9",        " ",        "-",    "'",    "(", ".",
                                             "\n", "\xc3\x89", "\xc3\xa9", "ANCT", "DINUM"};
    std::mt19937 random(12);
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), length(0, 40);
    for (int i = 0; i < 3000; ++i) {
        std::string text;
        for (std::size_t n = length(random); n > 0; --n) text += pieces[piece(random)];
        CAPTURE(text);
        CHECK(as_strings(standalone_capitals(text)) == by_pattern(text));
    }
}
