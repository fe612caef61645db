// A paragraph compared with its amended version keeps each word's formatting, its notes and
// live references: accepting every change gives the amended paragraph as it is, rejecting every
// change the paragraph as it stood, formatting included.
#include "document/tracked_diff.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace conventio;
using namespace conventio::doc;

namespace {

Run plain(std::string text) { return Run{std::move(text), {}, {}}; }
Run bold(std::string text) { return Run{std::move(text), Marks{.bold = true}, {}}; }

Paragraph para(Inlines content) {
    Paragraph p;
    p.content = std::move(content);
    return p;
}

Footnote note(std::string text) { return Footnote{{para({plain(std::move(text))})}}; }

// What a reader shows once every change is accepted (or rejected): the runs of the other kind
// dropped, the marks cleared, neighbouring runs of one look joined (how runs are cut does not
// show).
Inlines resolve(const Inlines& content, Change drop) {
    Inlines out;
    for (const Inline& i : content) {
        if (const auto* r = std::get_if<Run>(&i)) {
            if (r->change == drop || r->text.empty()) continue;
            Run kept = *r;
            kept.change = Change::none;
            if (!out.empty())
                if (auto* last = std::get_if<Run>(&out.back());
                    last && last->marks == kept.marks && last->href == kept.href) {
                    last->text += kept.text;
                    continue;
                }
            out.push_back(kept);
        } else if (const auto* n = std::get_if<Footnote>(&i)) {
            if (n->change == drop) continue;
            Footnote kept = *n;
            kept.change = Change::none;
            for (Paragraph& p : kept.paragraphs) p.content = resolve(p.content, drop);
            out.push_back(kept);
        } else if (const auto* c = std::get_if<CrossRef>(&i)) {
            if (c->change == drop) continue;
            CrossRef kept = *c;
            kept.change = Change::none;
            out.push_back(kept);
        } else {
            out.push_back(i);
        }
    }
    return out;
}

// A comparable rendering of inlines: text with its look, notes and references spelled out.
std::string show(const Inlines& content) {
    std::string out;
    for (const Inline& i : content) {
        if (const auto* r = std::get_if<Run>(&i)) {
            out += r->marks.bold ? "**" + r->text + "**" : r->text;
            if (r->change == Change::inserted) out += "{+}";
            if (r->change == Change::deleted) out += "{-}";
            out += "|";
        } else if (const auto* n = std::get_if<Footnote>(&i)) {
            out += "[^";
            for (const Paragraph& p : n->paragraphs) out += show(p.content);
            out += "]";
            if (n->change == Change::inserted) out += "{+}";
            if (n->change == Change::deleted) out += "{-}";
            out += "|";
        } else if (const auto* c = std::get_if<CrossRef>(&i)) {
            out += "<ref " + c->name + ":" + c->text + ">";
            if (c->change == Change::inserted) out += "{+}";
            if (c->change == Change::deleted) out += "{-}";
            out += "|";
        } else if (const auto* a = std::get_if<Anchor>(&i)) {
            out += "<anchor " + a->name + ":" + a->text + ">|";
        }
    }
    return out;
}

}  // namespace

TEST_CASE("words changed in a paragraph with bold, a live reference and a note") {
    Paragraph before =
        para({plain("Le "), bold("montant maximal"), plain(" de 475 000 € défini à l'article "),
              CrossRef{"art_duree", "6"}, note("Hors taxes, révisable."), plain(" est versé.")});
    Paragraph after = para({plain("Le "), bold("montant total"), plain(" de 600 000 € défini à l'article "),
                            CrossRef{"art_duree", "6"}, note("Toutes taxes comprises, révisable."),
                            plain(" est versé en deux fois.")});
    Paragraph marked = tracked::compare(before, after);

    // Only the words that changed are marked, each with its look; the reference stays live
    // and the note stays a note, its own words compared.
    CHECK(show(marked.content) ==
          "Le |**montant **|**maximal**{-}|**total**{+}| de |475{-}|600{+}| 000 € défini à l'article |"
          "<ref art_duree:6>|[^Hors{-}|Toutes{+}| taxes| comprises{+}|, révisable.|]| est versé|"
          " en deux fois{+}|.|");
    // Accept all: the amended paragraph; reject all: the paragraph as it stood, looks included.
    CHECK(show(resolve(marked.content, Change::deleted)) == show(resolve(after.content, Change::deleted)));
    CHECK(show(resolve(marked.content, Change::inserted)) == show(resolve(before.content, Change::inserted)));
    CHECK(marked.mark == Change::none);
}

TEST_CASE("a note inserted or deleted with the words around it is part of their change") {
    // Accepting the insertion keeps the note, rejecting it takes the note away with its words:
    // no empty note left behind either way.
    Paragraph before = para({plain("Note Reste.")});
    Paragraph after = para({plain("Note texte ajouté"), note("la note"), plain(" après la note. Reste.")});
    Paragraph marked = tracked::compare(before, after);
    CHECK(show(marked.content) == "Note| texte ajouté{+}|[^la note{+}|]{+}| après la note.{+}| Reste.|");
    CHECK(show(resolve(marked.content, Change::deleted)) == show(after.content));
    CHECK(show(resolve(marked.content, Change::inserted)) == show(before.content));
    // The other way round: the note is deleted with its words, its own text marked too.
    Paragraph removed = tracked::compare(after, before);
    CHECK(show(removed.content) == "Note| texte ajouté{-}|[^la note{-}|]{-}| après la note.{-}| Reste.|");
    CHECK(show(resolve(removed.content, Change::deleted)) == show(before.content));
    CHECK(show(resolve(removed.content, Change::inserted)) == show(after.content));
    // A note on both sides stays a note, unmarked, its words compared.
    Paragraph kept = tracked::compare(para({plain("Avant"), note("n"), plain(" fin.")}),
                                      para({plain("Après"), note("n"), plain(" fin.")}));
    CHECK(show(kept.content) == "Avant{-}|Après{+}|[^n|]| fin.|");
}

TEST_CASE("the space before a kept word that starts or stops starting the text is part of the change") {
    // « Ancienne phrase. Reste » → « Reste »: rejecting gives back « phrase. Reste », not
    // « phrase.Reste »; and the other way round, accepting gives no « Reste » after a space.
    Paragraph before = para({plain("Ancienne phrase. Reste du texte.")});
    Paragraph after = para({plain("Reste du texte.")});
    Paragraph removed = tracked::compare(before, after);
    CHECK(show(removed.content) == "Ancienne phrase. {-}|Reste du texte.|");
    CHECK(show(resolve(removed.content, Change::inserted)) == show(before.content));
    CHECK(show(resolve(removed.content, Change::deleted)) == show(after.content));
    Paragraph added = tracked::compare(after, before);
    CHECK(show(added.content) == "Ancienne phrase. {+}|Reste du texte.|");
    CHECK(show(resolve(added.content, Change::deleted)) == show(before.content));
    CHECK(show(resolve(added.content, Change::inserted)) == show(after.content));
}

TEST_CASE("a word made bold is deleted as it was and inserted as it is") {
    Paragraph marked =
        tracked::compare(para({plain("un mot clé")}), para({plain("un "), bold("mot"), plain(" clé")}));
    CHECK(show(marked.content) == "un |mot{-}|**mot**{+}| clé|");
}

TEST_CASE("a reference replaced by another is deleted and inserted, each still a live reference") {
    Paragraph marked = tracked::compare(para({plain("voir "), CrossRef{"a", "4"}}),
                                        para({plain("voir "), CrossRef{"b", "5"}}));
    CHECK(show(marked.content) == "voir |<ref a:4>{-}|<ref b:5>{+}|");
}

TEST_CASE("an unchanged reference beside changed words stays one live reference") {
    Paragraph marked =
        tracked::compare(para({plain("prévu à l'article "), CrossRef{"ref_duree", "5"}, plain(".")}),
                         para({plain("fixé à l'article "), CrossRef{"ref_duree", "5"}, plain(".")}));
    CHECK(show(marked.content) == "prévu{-}|fixé{+}| à l'article |<ref ref_duree:5>|.|");
}

TEST_CASE("a list where one item changes marks that item only, the others kept as they are") {
    auto item = [](std::string text) { return ListItem{{Block{para({plain(std::move(text))})}}}; };
    List before{false, {item("un ;"), item("deux ;"), item("trois.")}};
    List after{false, {item("un ;"), item("deux et demi ;"), item("trois."), item("quatre.")}};
    List marked = tracked::compare(before, after);
    REQUIRE(marked.items.size() == 4);
    CHECK(show(std::get<Paragraph>(marked.items[0].blocks[0].value).content) == "un ;|");
    CHECK(show(std::get<Paragraph>(marked.items[1].blocks[0].value).content) == "deux| et demi{+}| ;|");
    CHECK(show(std::get<Paragraph>(marked.items[2].blocks[0].value).content) == "trois.|");
    const Paragraph& added = std::get<Paragraph>(marked.items[3].blocks[0].value);
    CHECK(added.mark == Change::inserted);
    CHECK(show(added.content) == "quatre.{+}|");
    List removed = tracked::compare(after, before);
    REQUIRE(removed.items.size() == 4);
    CHECK(std::get<Paragraph>(removed.items[3].blocks[0].value).mark == Change::deleted);
}

TEST_CASE("whole blocks: paragraph marks, runs, notes, rows") {
    Block p = tracked::whole(Block{para({bold("Nouvel"), plain(" alinéa"), note("n")})}, Change::inserted);
    CHECK(std::get<Paragraph>(p.value).mark == Change::inserted);
    CHECK(show(std::get<Paragraph>(p.value).content) == "**Nouvel**{+}| alinéa{+}|[^n{+}|]{+}|");
    Table t;
    t.column_weights = {1};
    t.rows.push_back(Row{{Cell{1, {Block{para({plain("2024")})}}}}});
    Block marked = tracked::whole(Block{t}, Change::deleted);
    const Row& row = std::get<Table>(marked.value).rows[0];
    CHECK(row.change == Change::deleted);
    CHECK(show(std::get<Paragraph>(row.cells[0].blocks[0].value).content) == "2024{-}|");
}

TEST_CASE("a table changed row by row: rows paired by label, cells compared word by word") {
    auto row = [](std::string label, Inlines amount) {
        return Row{
            {Cell{1, {Block{para({plain(std::move(label))})}}}, Cell{1, {Block{para(std::move(amount))}}}}};
    };
    Table before, after;
    before.column_weights = after.column_weights = {1, 1};
    before.rows = {row("2024", {plain("10 000 €")}), row("2025", {plain("5 000 €")}),
                   row("Total", {bold("15 000 €")})};
    after.rows = {row("2024", {plain("10 000 €")}), row("2026", {plain("5 000 €")}),
                  row("Total", {bold("20 000 €")})};
    Table marked = tracked::compare(before, after);
    REQUIRE(marked.rows.size() == 4);
    CHECK(marked.rows[0].change == Change::none);
    CHECK(marked.rows[1].change == Change::deleted);
    CHECK(marked.rows[2].change == Change::inserted);
    CHECK(marked.rows[3].change == Change::none);
    CHECK(show(std::get<Paragraph>(marked.rows[3].cells[1].blocks[0].value).content) ==
          "**15**{-}|**20**{+}|** 000 €**|");
}
