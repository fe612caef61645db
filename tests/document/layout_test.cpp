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
    void paragraph(const doc::Paragraph& p, layout::Placement placement) {
        events.push_back((placement.break_before ? "break+" : "") + std::string("p:") + text(p) +
                         (placement.keep_with_next ? "+keep" : ""));
    }
    void break_paragraph() { events.push_back("break-carrier"); }
    void list(const doc::List& l, bool keep) {
        events.push_back("list:" + std::to_string(l.items.size()) + (keep ? "+keep" : ""));
    }
    void table(const doc::Table&, const std::vector<int>& widths, bool keep) {
        events.push_back("table:" + std::to_string(widths.size()) + (keep ? "+keep" : ""));
    }
    void signatures(const doc::Signatures& s, const std::vector<int>&, const doc::Paragraph* lead,
                    bool keep) {
        events.push_back("signatures:" + std::to_string(s.columns.size()) +
                         (lead ? "+lead:" + text(*lead) : "") + (keep ? "+keep" : ""));
    }
    void table_spacer(bool keep) { events.push_back(keep ? "spacer+keep" : "spacer"); }

    static std::string text(const doc::Paragraph& p) { return std::get<doc::Run>(p.content.at(0)).text; }
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
    // "c", right before the signatures, heads them (signature_lead); the table before it is the
    // end of the text signed, kept with them.
    CHECK(r.events == std::vector<std::string>{"p:a", "break+p:b", "break-carrier", "table:2", "spacer",
                                               "table:2+keep", "spacer+keep", "signatures:2+lead:c", "spacer",
                                               "break-carrier"});
}

namespace {

doc::Block signatures(std::size_t columns = 2) {
    return {doc::Signatures{std::vector<std::vector<doc::Paragraph>>(columns)}};
}

doc::Block heading(std::string text) {
    doc::Paragraph p;
    p.style = doc::ParagraphStyle::article;
    p.content.push_back(doc::Run{std::move(text), {}, {}});
    return {p};
}

doc::Block bullets(std::vector<std::string> items) {
    doc::List l;
    for (auto& text : items) l.items.push_back(doc::ListItem{{para(std::move(text))}});
    return {l};
}

}  // namespace

TEST_CASE("layout: a paragraph ending with a colon introduces the next block and is kept with it") {
    auto intro = [](doc::Inlines content) {
        doc::Paragraph p;
        p.content = std::move(content);
        return layout::introduces(p);
    };
    auto r = [](std::string text, doc::Change change = doc::Change::none) {
        return doc::Run{std::move(text), {}, {}, change};
    };
    CHECK(intro({r("la ligne « Total » est ainsi rédigée\u00a0:")}));
    CHECK(intro({r("s'engage à :\u202f "), r("")}));
    CHECK(intro({r("ainsi rédigé :"), doc::Footnote{}}));  // a note's call ends nothing
    CHECK(intro({r("ainsi rédigé :"), r(" ancien texte", doc::Change::deleted)}));
    CHECK_FALSE(intro({r("Fait à Paris, le")}));
    CHECK_FALSE(intro({r("deux points : au milieu.")}));
    CHECK_FALSE(intro({r("avant :"), r(" ajouté", doc::Change::inserted)}));
    CHECK_FALSE(intro({}));

    doc::Table t{.column_weights = {1}, .rows = {doc::Row{{doc::Cell{}}}}};
    std::vector<doc::Block> blocks{para("3° la ligne « Total » est ainsi rédigée :"),
                                   {t},
                                   para("Il s'engage à :"),
                                   bullets({"un", "deux"}),
                                   para("fin :"),
                                   {doc::PageBreak{}},
                                   para("après")};
    Recorder rec;
    layout::each_block(blocks, rec);
    CHECK(rec.events == std::vector<std::string>{"p:3° la ligne « Total » est ainsi rédigée :+keep",
                                                 "table:1", "spacer", "p:Il s'engage à :+keep", "list:2",
                                                 "p:fin :", "break+p:après"});
}

TEST_CASE("layout: the end of the text, the place and date and the signatures are kept on one page") {
    // The last alinéa, « Fait à … le » (written in the block, signature_lead), the signatures,
    // and a visa after them.
    std::vector<doc::Block> blocks{heading("Article 9"), para("Le dernier alinéa."), para("Fait à Paris, le"),
                                   signatures(),         para("Visa n° 0223"),       {doc::PageBreak{}},
                                   heading("Annexe")};
    Recorder rec;
    layout::each_block(blocks, rec);
    CHECK(rec.events == std::vector<std::string>{"p:Article 9", "p:Le dernier alinéa.+keep",
                                                 "signatures:2+lead:Fait à Paris, le+keep", "spacer+keep",
                                                 "p:Visa n° 0223", "break+p:Annexe"});
    CHECK(layout::signature_lead(blocks, 3) == &std::get<doc::Paragraph>(blocks[2].value));
    CHECK(layout::signature_lead(blocks, 2) == nullptr);  // not a signature block

    // A list ending the text: its last item keeps with what follows (the writers pass keep_last).
    std::vector<doc::Block> listed{bullets({"a", "b"}), para("Fait à Lyon, le"), signatures(3)};
    Recorder walk;
    layout::each_block(listed, walk);
    CHECK(walk.events == std::vector<std::string>{"list:2+keep", "signatures:3+lead:Fait à Lyon, le"});
    Recorder item;
    layout::each_block(std::get<doc::List>(listed[0].value).items[1].blocks, item, true);
    CHECK(item.events == std::vector<std::string>{"p:b+keep"});

    // A long table ending the text is not kept whole with them: it would leave half a page blank
    // and the signatures alone anyway. A short one is.
    doc::Table table;
    table.column_weights = {1};
    table.rows.assign(layout::longest_table_kept_with_signatures, doc::Row{{doc::Cell{1, {para("x")}}}});
    std::vector<doc::Block> tabled{doc::Block{table}, para("Fait à Lyon, le"), signatures()};
    CHECK(layout::keeps_with_next(tabled, 0));
    CHECK(layout::keeps_with_next(tabled, 1));
    std::get<doc::Table>(tabled[0].value).rows.push_back(table.rows[0]);
    CHECK_FALSE(layout::keeps_with_next(tabled, 0));
    CHECK(layout::keeps_with_next(tabled, 1));

    // A heading right before the signatures does not head them; nor does a paragraph after a
    // page break; nothing is kept across a page break, nor with an annex heading after them.
    std::vector<doc::Block> odd{heading("Signatures"), signatures(),   heading("Annexe 1"),
                                {doc::PageBreak{}},    para("Fait à"), signatures()};
    Recorder o;
    layout::each_block(odd, o);
    CHECK(o.events == std::vector<std::string>{"p:Signatures+keep", "signatures:2", "spacer", "p:Annexe 1",
                                               "break+p:Fait à+keep", "signatures:2"});
}
