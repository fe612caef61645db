#include "document/document_check.hpp"

#include <doctest/doctest.h>

using namespace conventio::doc;

namespace {

Paragraph para(Inlines content) {
    Paragraph p;
    p.content = std::move(content);
    return p;
}

std::string problem(const Document& d) {
    try {
        check(d);
    } catch (const DocumentError& e) {
        return e.what();
    }
    return "ok";
}

}  // namespace

TEST_CASE("check: cross-references resolve to an anchor showing the same text") {
    Document d;
    d.body.push_back(Block{para({Anchor{"ref_duree", "6"}})});
    d.body.push_back(Block{para({CrossRef{"ref_duree", "6"}})});
    CHECK(problem(d) == "ok");
    d.body.push_back(Block{para({CrossRef{"ref_duree", "7"}})});
    CHECK(problem(d) == "cross-reference to 'ref_duree' shows '7' but the anchor reads '6'");
    d.body.back() = Block{para({CrossRef{"ref_absent", "1"}})};
    CHECK(problem(d) == "cross-reference to 'ref_absent', which no anchor defines");
    d.body.back() = Block{para({CrossRef{"ref_dure", "6"}})};  // a typo: the nearest anchor is suggested
    CHECK(problem(d) == "cross-reference to 'ref_dure', which no anchor defines (did you mean ref_duree?)");
    d.body.back() = Block{para({Anchor{"ref_duree", "6"}})};
    CHECK(problem(d) == "block 3: anchor 'ref_duree' is defined twice");
}

TEST_CASE("check: an anchor an avenant changed is there deleted and inserted, each side defining it once") {
    // Its number changed: the old text deleted, the new one inserted, under one name. A kept
    // reference shows the new text, a deleted one the old.
    Document d;
    d.revision = {"Avenant n\u00b0 1", "2024-05-15"};
    d.body.push_back(
        Block{para({Anchor{"ref_duree", "6", Change::deleted}, Anchor{"ref_duree", "7", Change::inserted}})});
    d.body.push_back(Block{para({CrossRef{"ref_duree", "7"}})});
    d.body.push_back(Block{para({CrossRef{"ref_duree", "6", Change::deleted}})});
    CHECK(problem(d) == "ok");
    d.body.push_back(Block{para({CrossRef{"ref_duree", "6"}})});
    CHECK(problem(d) == "cross-reference to 'ref_duree' shows '6' but the anchor reads '7'");
    // Twice on one side is still twice.
    d.body.back() = Block{para({Anchor{"ref_duree", "8", Change::inserted}})};
    CHECK(problem(d) == "block 4: anchor 'ref_duree' is defined twice");
    d.body.back() = Block{para({Anchor{"ref_duree", "5", Change::deleted}})};
    CHECK(problem(d) == "block 4: anchor 'ref_duree' is defined twice");
    // Deleted only: references to it still resolve (rejecting the deletion brings it back).
    Document gone;
    gone.revision = d.revision;
    gone.body.push_back(Block{para({Anchor{"ref_fin", "9", Change::deleted}})});
    gone.body.push_back(Block{para({CrossRef{"ref_fin", "9", Change::deleted}})});
    CHECK(problem(gone) == "ok");
}

TEST_CASE("check: a reference kept or inserted resolves to an anchor that is not deleted") {
    // Once the changes are accepted, a deleted anchor is gone: a reference still there would
    // point at nothing (a dangling field in the DOCX, a bookmark-ref to nowhere in the ODT).
    Document d;
    d.revision = {"Avenant n\u00b0 1", "2024-05-15"};
    d.body.push_back(Block{para({Anchor{"ref_fin", "9", Change::deleted}})});
    d.body.push_back(Block{para({CrossRef{"ref_fin", "9", Change::deleted}})});
    d.body.push_back(Block{para({Run{"Voir ", {}, {}}, CrossRef{"ref_fin", "9"}})});
    CHECK(
        problem(d) ==
        "block 3: cross-reference to 'ref_fin' kept or inserted, but its anchor is deleted (once the changes "
        "are accepted it points at nothing)");
    d.body.back() = Block{para({CrossRef{"ref_fin", "9", Change::inserted}})};
    CHECK(
        problem(d) ==
        "block 3: cross-reference to 'ref_fin' kept or inserted, but its anchor is deleted (once the changes "
        "are accepted it points at nothing)");
    // With the anchor as amended beside the deleted one, it resolves to that one.
    d.body.front() =
        Block{para({Anchor{"ref_fin", "9", Change::deleted}, Anchor{"ref_fin", "9", Change::inserted}})};
    CHECK(problem(d) == "ok");
}

TEST_CASE("check: anchor names work as bookmarks in both formats") {
    CHECK(valid_anchor_name("ref_duree_2"));
    CHECK_FALSE(valid_anchor_name("2ref"));
    CHECK_FALSE(valid_anchor_name("ref-duree"));
    CHECK_FALSE(valid_anchor_name(std::string(41, 'a')));
    Document d;
    d.body.push_back(Block{para({Anchor{"durée", "6"}})});
    CHECK(problem(d) == "block 1: invalid anchor name 'durée'");
}

TEST_CASE("check: tables have columns, rows, and rows that fill the columns") {
    Document d;
    Table t;
    t.column_weights = {1, 2};
    d.body.push_back(Block{t});
    CHECK(problem(d) == "block 1: table without rows");
    Row row;
    row.cells.push_back(Cell{1, {}});
    std::get<Table>(d.body[0].value).rows.push_back(row);
    CHECK(problem(d) == "block 1, row 1: cells cover 1 columns, the table has 2");
    std::get<Table>(d.body[0].value).rows[0].cells[0].column_span = 2;
    CHECK(problem(d) == "ok");
}

TEST_CASE("check: lists two levels deep at most, footnotes not nested, not in page furniture") {
    Document d;
    List inner{false, {ListItem{{Block{para({Run{"c", {}, {}}})}}}}};
    List middle{false, {ListItem{{Block{inner}}}}};
    List outer{false, {ListItem{{Block{middle}}}}};
    d.body.push_back(Block{outer});
    CHECK(problem(d) == "block 1: lists nest at most 2 levels deep");

    Document f;
    f.footer = {Footnote{{para({Run{"note", {}, {}}})}}};
    CHECK(problem(f) == "page footer: a footnote cannot be in the page header or footer");
    Document n;
    n.body.push_back(Block{para({Footnote{{para({Footnote{}})}}})});
    CHECK(problem(n) == "block 1: a footnote inside a footnote");
}

TEST_CASE("check: the language is a language and a country") {
    Document d;
    d.meta.language = "french";
    CHECK(problem(d) == "language must be written like \"fr-FR\", got \"french\"");
}

TEST_CASE("check: tracked changes need the revision that attributes them") {
    // Written without one, every change would say it was made by nobody (an empty dc:creator
    // and w:author), on no date.
    const std::string missing =
        "block 2: the document holds tracked changes but no revision = { author =, date = } to attribute "
        "them to";
    Document d;
    d.body.push_back(Block{para({Run{"inchangé", {}, {}}})});
    CHECK(problem(d) == "ok");  // no change, no revision needed
    d.body.push_back(Block{para({Run{"ajouté", {}, {}, Change::inserted}})});
    CHECK(problem(d) == missing);
    d.revision = {"Avenant n\u00b0 1", ""};
    CHECK(problem(d) == missing);
    d.revision = {"", "2024-05-15"};
    CHECK(problem(d) == missing);
    d.revision = {"Avenant n\u00b0 1", "2024-05-15"};
    CHECK(problem(d) == "ok");
    // Any change: a paragraph's mark, a row, an anchor, a reference, a note's text.
    auto without_revision = [](Block b) {
        Document one;
        one.body.push_back(std::move(b));
        return problem(one);
    };
    Paragraph marked = para({});
    marked.mark = Change::deleted;
    CHECK(without_revision(Block{marked}) != "ok");
    Table t;
    t.column_weights = {1};
    t.rows.push_back(Row{{Cell{1, {}}}, Change::inserted});
    CHECK(without_revision(Block{t}) != "ok");
    CHECK(without_revision(Block{para({Anchor{"a", "1", Change::inserted}})}) != "ok");
    CHECK(without_revision(Block{para({LineBreak{Change::inserted}})}) != "ok");
    CHECK(without_revision(Block{para({Footnote{{para({Run{"note", {}, {}, Change::deleted}})}}})}) != "ok");
}
