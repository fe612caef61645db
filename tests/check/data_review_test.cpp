#include "check/data_review.hpp"

#include <doctest/doctest.h>

using namespace conventio::check;

TEST_CASE("data review: a placeholder is an error naming the field and its place") {
    for (const char* text : {"XXX", "xxxx", "[à compléter]", "…", "...", "[A COMPLETER : le montant]",
                             " à compléter ", "[A COMPLÉTER]", "À COMPLÉTER"}) {
        auto found = review_data_value("x.json", 3, 14, "parties.p.siret", text);
        REQUIRE(found);
        CHECK(found->severity == Severity::error);
        CHECK(found->file == "x.json");
        CHECK(found->line == 3);
        CHECK(found->column == 14);
        CHECK(found->field == "parties.p.siret");
    }
    CHECK(review_data_value("x.json", 1, 1, "parties.p.siret", "XXX")->message ==
          "parties.p.siret still holds the placeholder \"XXX\": fill it in");
}

TEST_CASE("data review: an empty value is a warning, a real value nothing") {
    auto empty = review_data_value("x.json", 2, 9, "note", "  ");
    REQUIRE(empty);
    CHECK(empty->severity == Severity::warning);
    CHECK(empty->message == "note is empty");
    CHECK_FALSE(review_data_value("x.json", 2, 9, "title", "Convention de partenariat"));
    CHECK_FALSE(review_data_value("x.json", 2, 9, "title", "XXL"));
    CHECK_FALSE(review_data_value("x.json", 2, 9, "title", std::string(1000, 'X')));
}

TEST_CASE("data review: a placeholder is at most 64 bytes, in any case") {
    CHECK(review_data_value("x.json", 1, 1, "title", std::string(64, 'X')));
    CHECK_FALSE(review_data_value("x.json", 1, 1, "title", std::string(65, 'X')));
    const std::string bracket = "[A COMPLETER : " + std::string(48, 'z') + "]";
    REQUIRE(bracket.size() == 64);
    auto found = review_data_value("x.json", 1, 1, "a.field.name.longer.than.sixteen.bytes", bracket);
    REQUIRE(found);
    CHECK(found->field == "a.field.name.longer.than.sixteen.bytes");
    CHECK_FALSE(review_data_value("x.json", 1, 1, "title", bracket + " "));
}
