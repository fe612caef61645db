// An avenant's edits of the rendered text change the words or the row edited and nothing else:
// live references, anchors, notes, fields and formatting around them stay as they were.
#include "document/text_edits.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace conventio;
using namespace conventio::doc;

namespace {

Run plain(std::string text) { return Run{std::move(text), {}, {}}; }
Run bold(std::string text) { return Run{std::move(text), Marks{.bold = true}, {}}; }

Block para(Inlines content, ParagraphStyle style = ParagraphStyle::body) {
    Paragraph p;
    p.style = style;
    p.content = std::move(content);
    p.origin = "templates/x.md";
    return Block{std::move(p)};
}

Footnote note(std::string text) {
    Paragraph p;
    p.content = {plain(std::move(text))};
    return Footnote{{p}};
}

// The inlines spelled out: runs (bold in **), references, anchors, notes and breaks.
std::string show(const Inlines& content) {
    std::string out;
    for (const Inline& i : content) {
        if (const auto* r = std::get_if<Run>(&i))
            out += (r->marks.bold ? "**" + r->text + "**" : r->text) + "|";
        else if (const auto* c = std::get_if<CrossRef>(&i))
            out += "<ref " + c->name + ":" + c->text + ">|";
        else if (const auto* a = std::get_if<Anchor>(&i))
            out += "<anchor " + a->name + ":" + a->text + ">|";
        else if (std::get_if<Footnote>(&i))
            out += "[^]|";
        else if (std::get_if<LineBreak>(&i))
            out += "<br>|";
        else
            out += "<field>|";
    }
    return out;
}

std::string show(const Block& block) { return show(std::get<Paragraph>(block.value).content); }

WordsReplaced replace(const std::vector<Block>& blocks, std::string_view old_words,
                      std::string_view new_words) {
    std::vector<const Block*> refs;
    for (const Block& b : blocks) refs.push_back(&b);
    return replace_words(refs, old_words, new_words);
}

}  // namespace

TEST_CASE("words replaced inside the runs keep the live reference beside them") {
    std::vector<Block> blocks = {
        para({plain("Le montant est fixé à l'article "), CrossRef{"ref_montant", "5", {}},
              plain(", à sa demande.")}),
        para({plain("Rien ici.")}),
    };
    WordsReplaced r = replace(blocks, "à sa demande", "à sa demande et une fois par an");
    REQUIRE(r.problem == WordsProblem::none);
    REQUIRE(r.changed.size() == 1);
    CHECK(r.changed[0].first == 0);
    CHECK(show(r.changed[0].second) ==
          "Le montant est fixé à l'article |<ref ref_montant:5>|, à sa demande et une fois par an.|");
    CHECK(std::get<Paragraph>(r.changed[0].second.value).origin == "templates/x.md");
}

TEST_CASE("words longer than every paragraph are found nowhere, without being compared") {
    std::vector<Block> blocks(2000, para({plain("Le comité de pilotage se réunit.")}));
    WordsReplaced r = replace(blocks, std::string(20 << 20, 'a'), "x");
    CHECK(r.problem == WordsProblem::none);
    CHECK(r.changed.empty());
}

TEST_CASE("words replaced throughout are replaced in the notes too") {
    // The amended text must agree with the avenant, which says the words are replaced everywhere.
    std::vector<Block> blocks = {para({plain("Le comité de pilotage se réunit"),
                                       note("Le comité de pilotage est présidé."), plain(".")}),
                                 para({plain("Rien"), note("Voir le comité de pilotage.")})};
    WordsReplaced r = replace(blocks, "comité de pilotage", "comité de suivi");
    REQUIRE(r.problem == WordsProblem::none);
    REQUIRE(r.changed.size() == 2);
    const auto& first = std::get<Paragraph>(r.changed[0].second.value).content;
    CHECK(show(first) == "Le comité de suivi se réunit|[^]|.|");
    const auto& note = std::get<Footnote>(first[1]);
    CHECK(show(note.paragraphs[0].content) == "Le comité de suivi est présidé.|");
    const auto& second = std::get<Paragraph>(r.changed[1].second.value).content;
    CHECK(show(std::get<Footnote>(second[1]).paragraphs[0].content) == "Voir le comité de suivi.|");
}

TEST_CASE("words typed with spaces and straight apostrophes find the rendered text's no-break ones") {
    // The templates read "s'engage à :", the document holds "s\u2019engage à\u00a0:".
    std::vector<Block> blocks = {
        para({plain("Il s\u2019engage \u00e0\u00a0: payer 1\u202f000\u00a0\u20ac.")})};
    WordsReplaced r =
        replace(blocks, "s'engage \u00e0 : payer 1 000 \u20ac", "s\u2019oblige \u00e0\u00a0: payer");
    REQUIRE(r.problem == WordsProblem::none);
    REQUIRE(r.changed.size() == 1);
    CHECK(show(r.changed[0].second) == "Il s\u2019oblige \u00e0\u00a0: payer.|");
    CHECK(replace(blocks, "s'engage a", "x").changed.empty());  // an accent is a letter, not folded
}

TEST_CASE("words across runs take the first run's look; the other runs keep theirs, notes stay put") {
    std::vector<Block> blocks = {
        para({plain("Le "), bold("comité de"), plain(" pilotage se réunit"),
              Footnote{note("Voir le règlement.")}, plain(" chaque année."), Anchor{"a", "ici"}})};
    WordsReplaced r = replace(blocks, "comité de pilotage", "comité de suivi");
    REQUIRE(r.problem == WordsProblem::none);
    REQUIRE(r.changed.size() == 1);
    CHECK(show(r.changed[0].second) ==
          "Le |**comité de suivi**| se réunit|[^]| chaque année.|<anchor a:ici>|");

    // Every occurrence, a line break in the new words, an empty replacement.
    std::vector<Block> twice = {para({plain("un mot, un mot")})};
    CHECK(show(replace(twice, "mot", "a\nb").changed[0].second) == "un a|<br>|b, un a|<br>|b|");
    CHECK(show(replace(twice, " mot", "").changed[0].second) == "un, un|");
}

TEST_CASE("lists are replaced item by item, nested ones too; blocks without the words are not copied") {
    List inner{false, {ListItem{{para({plain("sous-point du comité")}, ParagraphStyle::list)}}}};
    List list{true,
              {ListItem{{para({plain("premier point")}, ParagraphStyle::list), Block{inner}}},
               ListItem{{para({plain("second comité")}, ParagraphStyle::list)}}}};
    std::vector<Block> blocks = {para({plain("Sans rapport.")}), Block{list}};
    WordsReplaced r = replace(blocks, "comité", "comité de suivi");
    REQUIRE(r.problem == WordsProblem::none);
    REQUIRE(r.changed.size() == 1);
    CHECK(r.changed[0].first == 1);
    const List& out = std::get<List>(r.changed[0].second.value);
    CHECK(show(out.items[0].blocks[0]) == "premier point|");
    CHECK(show(std::get<List>(out.items[0].blocks[1].value).items[0].blocks[0]) ==
          "sous-point du comité de suivi|");
    CHECK(show(out.items[1].blocks[0]) == "second comité de suivi|");
    CHECK(replace(blocks, "absent", "x").changed.empty());
}

TEST_CASE("words that cannot be replaced in place are refused, saying why") {
    std::vector<Block> ref = {para({plain("Voir l'article "), CrossRef{"ref_x", "5", {}}, plain(".")})};
    CHECK(replace(ref, "l'article 5", "l'article 6").problem == WordsProblem::live_text);
    CHECK(replace(ref, "5.", "6.").problem == WordsProblem::live_text);
    CHECK(replace(ref, "Voir l'article", "Selon l'article").problem == WordsProblem::none);

    std::vector<Block> noted = {para({plain("avant"), Footnote{note("n")}, plain(" après")})};
    CHECK(replace(noted, "avant après", "x").problem == WordsProblem::across_inline);
    CHECK(replace(noted, "avant", "x").problem == WordsProblem::none);
    CHECK(show(replace(noted, "avant", "x").changed[0].second) == "x|[^]| après|");

    std::vector<Block> heading = {para({plain("Article 3 : Comité")}, ParagraphStyle::article)};
    CHECK(replace(heading, "Comité", "Suivi").problem == WordsProblem::heading);
    std::vector<Block> signed_by = {para({plain("Le Président du Comité")}, ParagraphStyle::signature)};
    CHECK(replace(signed_by, "Comité", "Suivi").problem == WordsProblem::not_running_text);

    Table table;
    table.column_weights = {1, 1};
    table.rows = {Row{{Cell{1, {para({plain("Comité")}, ParagraphStyle::table)}}}}};
    std::vector<Block> tabled = {Block{table}};
    WordsReplaced t = replace(tabled, "Comité", "Suivi");
    CHECK(t.problem == WordsProblem::table);
    CHECK(t.changed.empty());
}

TEST_CASE("a row edited, inserted or removed leaves the other rows as they were") {
    auto row = [](Inlines first, std::string second) {
        return Row{{Cell{1, {para(std::move(first), ParagraphStyle::table)}},
                    Cell{1, {para({plain(std::move(second))}, ParagraphStyle::table)}}}};
    };
    Table table;
    table.column_weights = {1, 1};
    table.header_row = true;
    table.rows = {row({plain("Étape")}, "Échéance"),
                  row({bold("Lancement"), CrossRef{"ref_a", "2", {}}}, "mars"),
                  row({plain("Bilan")}, "décembre")};
    auto first_cell = [](const Table& t, std::size_t r) {
        return show(std::get<Paragraph>(t.rows[r].cells[0].blocks[0].value).content);
    };

    Table replaced = edit_row(table, RowEdit::replace, 2, row({plain("Bilan")}, "novembre"));
    REQUIRE(replaced.rows.size() == 3);
    CHECK(first_cell(replaced, 1) == "**Lancement**|<ref ref_a:2>|");
    CHECK(show(std::get<Paragraph>(replaced.rows[2].cells[1].blocks[0].value).content) == "novembre|");

    Table inserted = edit_row(table, RowEdit::insert_after, 1, row({plain("Point")}, "juin"));
    REQUIRE(inserted.rows.size() == 4);
    CHECK(first_cell(inserted, 1) == "**Lancement**|<ref ref_a:2>|");
    CHECK(first_cell(inserted, 2) == "Point|");
    CHECK(first_cell(inserted, 3) == "Bilan|");

    Table removed = edit_row(table, RowEdit::remove, 2, {});
    REQUIRE(removed.rows.size() == 2);
    CHECK(first_cell(removed, 1) == "**Lancement**|<ref ref_a:2>|");
    CHECK(removed.header_row);
}

TEST_CASE("words replaced in random paragraphs: the text is the text replaced, the other inlines are kept") {
    // Paragraphs of runs (two looks), line breaks, references, anchors and notes made from a
    // few letters, so that the words often start, end or sit across an inline.
    std::uint32_t seed = 12345;
    auto next = [&](std::uint32_t n) {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) % n;
    };
    auto word = [&] {
        std::string w;
        for (std::uint32_t k = 0, n = 1 + next(4); k < n; ++k) w += "ab \n"[next(4)];
        return w;
    };
    auto replace_all = [](std::string text, const std::string& from, const std::string& to) {
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
        return text;
    };
    auto kept = [](const Inlines& content) {  // the inlines that are not text, in order
        std::string out;
        for (const Inline& i : content) {
            if (const auto* c = std::get_if<CrossRef>(&i)) out += "<ref " + c->name + ">";
            if (const auto* a = std::get_if<Anchor>(&i)) out += "<anchor " + a->name + ">";
            if (std::get_if<Footnote>(&i)) out += "<note>";
        }
        return out;
    };
    int replaced = 0, refused = 0;
    for (int round = 0; round < 3000; ++round) {
        Inlines content;
        for (std::uint32_t k = 0, n = 1 + next(6); k < n; ++k) {
            switch (next(6)) {
                case 0:
                    content.emplace_back(CrossRef{"r" + std::to_string(k), word(), {}});
                    break;
                case 1:
                    content.emplace_back(Anchor{"a" + std::to_string(k), word(), {}});
                    break;
                case 2:
                    content.emplace_back(Footnote{note("n")});
                    break;
                case 3:
                    content.emplace_back(LineBreak{});
                    break;
                default:
                    content.emplace_back(next(2) ? bold(word()) : plain(word()));
            }
        }
        std::string old_words = word(), new_words = next(3) ? word() : "";
        std::vector<Block> blocks = {para(content)};
        WordsReplaced r = replace(blocks, old_words, new_words);
        const std::string text = plain_text(content);
        if (r.problem != WordsProblem::none) {
            ++refused;
            CHECK(r.changed.empty());
            continue;
        }
        if (text.find(old_words) == std::string::npos) {
            CHECK(r.changed.empty());
            continue;
        }
        ++replaced;
        REQUIRE(r.changed.size() == 1);
        const Inlines& out = std::get<Paragraph>(r.changed[0].second.value).content;
        CHECK(plain_text(out) == replace_all(text, old_words, new_words));
        CHECK(kept(out) == kept(content));
    }
    CHECK(replaced > 300);
    CHECK(refused > 300);
}
