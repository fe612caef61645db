#include "check/pattern.hpp"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

using conventio::check::Match;
using conventio::check::Pattern;

TEST_CASE("pattern: a search gives the match, its position and its groups, unmatched ones apart") {
    const Pattern p(R"((\d+)(,\d\d)?( €)?)");
    const std::string text = "soit 1500,00 € puis 20";
    auto m = p.search(text);
    REQUIRE(m);
    CHECK(m->position == 5);
    CHECK((*m)[0] == "1500,00 €");
    CHECK((*m)[1] == "1500");
    CHECK((*m)[2] == ",00");
    CHECK(m->position_of(1, text) == 5);
    auto next = p.search(text, m->position + (*m)[0].size());
    REQUIRE(next);
    CHECK((*next)[1] == "20");
    CHECK_FALSE(next->matched(2));
    CHECK_FALSE(next->matched(3));
    CHECK((*next)[3].empty());
}

TEST_CASE("pattern: all() finds every match left to right, and moves past an empty one") {
    CHECK(Pattern("[A-Z]{3,}").all("l'ANCT et la DINUM, pas AB").size() == 2);
    const auto empty = Pattern("x*").all("axxb");
    // "", "xx", "" (before b), "" (at the end): never the same place twice.
    REQUIRE(empty.size() == 4);
    CHECK(empty[1].groups[0] == "xx");
}

TEST_CASE("pattern: whole() matches the text from its first byte to its last only") {
    const Pattern p(R"(X{3,})");
    CHECK(p.whole("XXXX"));
    CHECK_FALSE(p.whole("XXXX "));
    CHECK_FALSE(p.whole(" XXXX"));
    // "$" is the end of the text, not also the place before a last newline.
    CHECK_FALSE(Pattern("a$").search("a\n"));
}

TEST_CASE("pattern: bytes are bytes, and case and classes are ASCII, as the checks assume") {
    // A no-break space spelt as its two UTF-8 bytes.
    CHECK(Pattern("1\xc2\xa0"
                  "000")
              .search("1\u00a0000 euros"));
    CHECK(Pattern("compl(?:\xc3\xa9|e)ter", Pattern::Case::ignored).search("\u00c0 COMPL\u00e9TER"));
    CHECK_FALSE(Pattern("\\w").search("\u00e9"));
    CHECK_FALSE(Pattern("xxx").search("XXX"));
    CHECK(Pattern("xxx", Pattern::Case::ignored).search("XXX"));
}

TEST_CASE("pattern: one that does not compile is refused with its offset") {
    const Pattern unclosed("(unclosed");
    CHECK_THROWS_WITH_AS(unclosed.search("x"), doctest::Contains("offset 9"), std::logic_error);
    CHECK_THROWS_WITH_AS(unclosed.whole("x"), doctest::Contains("offset 9"), std::logic_error);
}
