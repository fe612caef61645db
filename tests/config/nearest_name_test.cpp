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

TEST_CASE("nearest name: a name of megabytes is not compared with names far shorter") {
    // A script's misspelt key can be any length: the message must not run out of memory for it
    // (a whole matrix of 3 MB by 13 bytes of counters was 300 MiB).
    const std::string huge(3'000'000, 'a');
    const std::array<std::string_view, 2> known{"align", "keep_together"};
    CHECK(nearest_name(huge, known).empty());
    CHECK(nearest_name(std::string_view(huge).substr(0, 1000), std::array<std::string_view, 1>{"a"}).empty());
}
