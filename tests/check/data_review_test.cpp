#include "check/data_review.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace conventio::check;

TEST_CASE("data review: every placeholder at once, an empty value as a warning") {
    auto path = std::filesystem::temp_directory_path() / "conventio_data_review_test.json";
    {
        std::ofstream out(path);
        out << R"({"title": "[à compléter]", "parties": {"p": {"siret": "XXX", "seat": "…", "note": ""}},
                   "list": ["ok", "[A compléter : le montant]"], "n": 3})";
    }
    auto found = review_data_file(path);
    std::filesystem::remove(path);
    REQUIRE(found.size() == 5);
    CHECK(found[0].field == "list[2]");
    CHECK(found[1].field == "parties.p.note");
    CHECK(found[1].severity == Severity::warning);
    CHECK(found[2].field == "parties.p.seat");
    CHECK(found[3].field == "parties.p.siret");
    CHECK(found[3].message == "parties.p.siret still holds the placeholder \"XXX\": fill it in");
    CHECK(found[4].field == "title");
    CHECK(found[4].severity == Severity::error);
}

TEST_CASE("data review: a file that is not JSON is left to the run, which names its place") {
    auto path = std::filesystem::temp_directory_path() / "conventio_data_review_bad.json";
    { std::ofstream(path) << "{ nope"; }
    CHECK(review_data_file(path).empty());
    std::filesystem::remove(path);
    CHECK(review_data_file("/nonexistent/x.json").empty());
}
