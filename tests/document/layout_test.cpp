// The decisions both writers take from layout.hpp.
#include "document/layout.hpp"

#include <doctest/doctest.h>

#include <numeric>

using namespace conventio;

TEST_CASE("layout: column widths are proportional, rounded to the nearest twip, the last taking the rest") {
    CHECK(layout::column_widths({3, 1, 1}, 9070) == std::vector<int>{5442, 1814, 1814});
    CHECK(layout::column_widths({1, 1, 1}, 100) == std::vector<int>{33, 33, 34});
    CHECK(layout::column_widths({1, 2}, 9070) == std::vector<int>{3023, 6047});
    CHECK(layout::column_widths({1}, 9070) == std::vector<int>{9070});
    CHECK(layout::column_widths({}, 9070).empty());
    // The table of anct-incubateur-2022 the two writers used to round apart (2267/3401/3402
    // in the ODT, 2268/3401/3401 in the DOCX).
    CHECK(layout::column_widths({2, 3, 3}) == std::vector<int>{2268, 3401, 3401});
    for (const auto& weights : {std::vector<double>{0.7, 1.3, 2.9, 0.1}, {5, 5, 5, 5, 5, 5, 5}}) {
        auto widths = layout::column_widths(weights);
        CHECK(std::accumulate(widths.begin(), widths.end(), 0) == style::text_width);
    }
    CHECK(layout::signature_widths(2) == std::vector<int>{4535, 4535});
}

TEST_CASE("layout: the language and its country, French when the script gives none") {
    doc::Metadata english;
    english.language = "en-GB";
    auto en = layout::language(english);
    CHECK(en.tag == "en-GB");
    CHECK(en.code == "en");
    CHECK(en.country == "GB");
    doc::Metadata unset;
    unset.language.clear();
    auto none = layout::language(unset);
    CHECK(none.tag == "fr-FR");
    CHECK(none.code == "fr");
    CHECK(none.country == "FR");
}

TEST_CASE("layout: the document's date at midnight, the zip epoch without one") {
    doc::Metadata dated;
    dated.date = "2023-01-31";
    CHECK(layout::date_time(dated) == "2023-01-31T00:00:00");
    CHECK(layout::date_time({}) == "1980-01-01T00:00:00");
}

namespace {

/// Records what the walk asks a writer to write, in order.
struct Recorder {
    std::vector<std::string> events;
    void paragraph(const doc::Paragraph& p, bool break_before) {
        events.push_back((break_before ? "break+" : "") + std::string("p:") +
                         std::get<doc::Run>(p.content.at(0)).text);
    }
    void break_paragraph() { events.push_back("break-carrier"); }
    void list(const doc::List&) { events.push_back("list"); }
    void table(const doc::Table&, const std::vector<int>& widths) {
        events.push_back("table:" + std::to_string(widths.size()));
    }
    void signatures(const doc::Signatures& s, const std::vector<int>&) {
        events.push_back("signatures:" + std::to_string(s.columns.size()));
    }
    void table_spacer() { events.push_back("spacer"); }
};

doc::Block para(std::string text) {
    doc::Paragraph p;
    p.content.push_back(doc::Run{std::move(text), {}, {}});
    return {p};
}

}  // namespace

TEST_CASE("layout: a page break rides on the next paragraph, else on a carrier; tables get a spacer after") {
    doc::Table table{.column_weights = {1, 1}, .rows = {doc::Row{{doc::Cell{}, doc::Cell{}}}}};
    std::vector<doc::Block> blocks{
        para("a"), {doc::PageBreak{}},          para("b"),          {doc::PageBreak{}}, {table}, {table},
        para("c"), {doc::Signatures{{{}, {}}}}, {doc::PageBreak{}},
    };
    Recorder r;
    layout::each_block(blocks, r);
    CHECK(r.events == std::vector<std::string>{"p:a", "break+p:b", "break-carrier", "table:2", "spacer",
                                               "table:2", "spacer", "p:c", "signatures:2", "spacer",
                                               "break-carrier"});
}
