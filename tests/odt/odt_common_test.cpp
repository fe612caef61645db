// The helpers every part uses: exact lengths and column widths.
#include <doctest/doctest.h>

#include <vector>

#include "odt/odt_internal.hpp"

using namespace conventio;

TEST_CASE("odt lengths: twips become exact points") {
    using odt::detail::Length;
    CHECK(Length::points(567).view() == "28.35pt");
    CHECK(Length::points(9070).view() == "453.5pt");
    CHECK(Length::points(0).view() == "0pt");
    CHECK(Length::points(-284).view() == "-14.2pt");
    CHECK(Length::points(1).view() == "0.05pt");
    CHECK(Length::font_size(22).view() == "11pt");
    CHECK(Length::font_size(17).view() == "8.5pt");
    CHECK(Length::integer(5442, "*").view() == "5442*");
}
