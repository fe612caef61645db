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
