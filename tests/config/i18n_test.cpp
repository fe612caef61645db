#include "config/i18n.hpp"

#include <doctest/doctest.h>

using namespace conventio::config;

TEST_CASE("i18n: format replaces each {} in order, and keeps the rest") {
    CHECK(format("unknown option '{}'", "--x") == "unknown option '--x'");
    CHECK(format("{} and {}", "a", std::string("b")) == "a and b");
    CHECK(format("{{ ref(\"key\") }} {}", "x") == "{{ ref(\"key\") }} x");
    CHECK(format("{} {}", "only") == "only {}");
}

TEST_CASE("i18n: English is the source language; an unknown language is refused") {
    set_language("en");
    CHECK(language() == Language::english);
    CHECK(tr("warning") == "warning");
    CHECK_THROWS_AS(set_language("de"), std::invalid_argument);
}

TEST_CASE("i18n: a count agrees with its noun; a decimal takes the language's mark") {
    // French (« 0 document écrit », « 0,13 ») is checked where the catalogue is installed: the
    // batch's summary in tests/integration/test_batch.py.
    set_language("en");
    CHECK(format(tr_count("{} document written", "{} documents written", 1), "1") == "1 document written");
    CHECK(format(tr_count("{} document written", "{} documents written", 0), "0") == "0 documents written");
    CHECK(decimal(0.126, 2) == "0.13");
}
