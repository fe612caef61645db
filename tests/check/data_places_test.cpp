#include "check/data_places.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace conventio::check;

namespace {

Diagnostic about(std::string file, std::string field) {
    Diagnostic d;
    d.file = std::move(file);
    d.field = std::move(field);
    return d;
}

}  // namespace

TEST_CASE("data places: a field's value, an object's or list's first value, nothing for others") {
    DataPlaces places("x.json");
    places.add("title", 2, 12);
    places.add("parties.partner.name", 5, 15);
    places.add("parties.partner.siret", 6, 16);
    places.add("finance.tranches[1].label", 9, 20);
    places.add("title", 30, 3);  // a field given twice: its first place, as the file is read

    Diagnostic field = about("x.json", "parties.partner.siret");
    places.locate(field);
    CHECK(field.line == 6);
    CHECK(field.column == 16);

    Diagnostic twice = about("x.json", "title");
    places.locate(twice);
    CHECK(twice.line == 2);
    CHECK(twice.column == 12);

    Diagnostic object = about("x.json", "parties.partner");
    places.locate(object);
    CHECK(object.line == 5);
    CHECK(object.column == 0);

    Diagnostic list = about("x.json", "finance.tranches");
    places.locate(list);
    CHECK(list.line == 9);

    Diagnostic prefix_only = about("x.json", "parties.part");  // not a whole name's prefix
    places.locate(prefix_only);
    CHECK(prefix_only.line == 0);

    Diagnostic other_file = about("y.json", "title");
    places.locate(other_file);
    CHECK(other_file.line == 0);

    Diagnostic placed = about("x.json", "title");
    placed.line = 40;
    places.locate(placed);
    CHECK(placed.line == 40);
}

TEST_CASE("data places: places added after a problem was located are found too") {
    DataPlaces places("x.json");
    places.add("a", 1, 5);
    Diagnostic early = about("x.json", "a");
    places.locate(early);
    CHECK(early.line == 1);
    // Enough names that the text holding them moves.
    for (int i = 0; i < 200; ++i) places.add("field_with_a_long_name_" + std::to_string(i), i + 2, 7);
    Diagnostic late = about("x.json", "field_with_a_long_name_150");
    places.locate(late);
    CHECK(late.line == 152);
    CHECK(late.column == 7);
    Diagnostic again = about("x.json", "a");
    places.locate(again);
    CHECK(again.line == 1);
    CHECK(again.column == 5);
}
