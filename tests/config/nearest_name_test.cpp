#include "config/nearest_name.hpp"

#include <doctest/doctest.h>

#include <array>
#include <string>

using conventio::config::nearest_name;

TEST_CASE("nearest name: a typo gets the name meant, another word gets none") {
    const std::array<std::string_view, 4> known{"format", "output", "templates", "ref_duree"};
    CHECK(nearest_name("fromat", known) == "format");  // two letters swapped: one edit
    CHECK(nearest_name("ouptut", known) == "output");
    CHECK(nearest_name("templats", known) == "templates");
    CHECK(nearest_name("ref_dure", known) == "ref_duree");
    CHECK(nearest_name("signature", known).empty());
    CHECK(nearest_name("x", std::span<const std::string_view>{}).empty());
}
