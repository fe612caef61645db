// Tracked changes (a consolidated version) in content.xml: text:tracked-changes first in
// office:text, then marks in the body in the same order.
#include <doctest/doctest.h>

#include <string>

#include "document/tracked_diff.hpp"
#include "odt/kitchen_sink.hpp"
#include "odt/odt_internal.hpp"

using namespace conventio;
using doc::ParagraphStyle;
using odt::test::block;
using odt::test::para;
using odt::test::run;

namespace {

doc::Run changed(std::string text, doc::Change change) {
    doc::Run r = run(std::move(text));
    r.change = change;
    return r;
}

std::size_t count(std::string_view haystack, std::string_view needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1))
        ++n;
    return n;
}

std::string text_of(doc::Inlines inlines) {
    doc::Document d;
    d.revision = {"Avenant n\u00b0 1", "2024-05-15"};
    d.body.push_back(block(para(ParagraphStyle::body, std::move(inlines))));
    std::string xml = odt::detail::content_part(d);
    auto start = xml.find("<office:text>") + 13;
    return xml.substr(start, xml.find("</office:text>") - start);
}

}  // namespace

TEST_CASE("a replaced amount: a deletion region holding the old text, an insertion region, marks in order") {
    std::string t = text_of({run("fixé à "), changed("475 000 €", doc::Change::deleted),
                             changed("600 000 €", doc::Change::inserted), run(".")});
    CHECK(t.rfind("<text:tracked-changes text:track-changes=\"false\">", 0) == 0);
    CHECK(t.find("<text:changed-region xml:id=\"ct1\" text:id=\"ct1\"><text:deletion><office:change-info>"
                 "<dc:creator>Avenant n\u00b0 1</dc:creator><dc:date>2024-05-15T00:00:00Z</dc:date>"
                 "</office:change-info><text:p>475 000 €</text:p></text:deletion></text:changed-region>") !=
          std::string::npos);
    CHECK(t.find("<text:changed-region xml:id=\"ct2\" text:id=\"ct2\"><text:insertion>") !=
          std::string::npos);
    CHECK(t.find("<text:change text:change-id=\"ct1\"/><text:change-start text:change-id=\"ct2\"/>"
                 "600 000 €<text:change-end text:change-id=\"ct2\"/>.") != std::string::npos);
}

TEST_CASE("deleted text starting with a space keeps it as text:s") {
    std::string t = text_of({run("a"), changed(" b", doc::Change::deleted)});
    CHECK(t.find("<text:p><text:s/>b</text:p>") != std::string::npos);
}

TEST_CASE("a document without changes has no text:tracked-changes") {
    CHECK(text_of({run("rien")}).find("tracked-changes") == std::string::npos);
}

namespace {

doc::Paragraph whole(std::string text, doc::Change change) {
    doc::Paragraph p = para(ParagraphStyle::body, {changed(std::move(text), change)});
    p.mark = change;
    return p;
}

std::string body_of(std::vector<doc::Block> blocks) {
    doc::Document d;
    d.revision = {"Avenant n\u00b0 1", "2024-05-15"};
    d.body = std::move(blocks);
    std::string xml = odt::detail::content_part(d);
    auto start = xml.find("<office:text>") + 13;
    return xml.substr(start, xml.find("</office:text>") - start);
}

doc::Block table_block(doc::Row row) {
    doc::Table t;
    t.column_weights = {1};
    t.rows.push_back(std::move(row));
    return doc::Block{t};
}

doc::Row one_cell_row(std::string text) {
    doc::Cell c;
    c.blocks.push_back(block(para(ParagraphStyle::table, {run(std::move(text))})));
    return doc::Row{{c}};
}

}  // namespace

TEST_CASE("a paragraph inserted: its region runs from its start to the start of the next paragraph") {
    std::string t =
        body_of({block(whole("Nouvel alinéa.", doc::Change::inserted)), block(odt::test::body("suite"))});
    CHECK(
        t.find("<text:p text:style-name=\"Body\"><text:change-start text:change-id=\"ct1\"/>Nouvel alinéa."
               "</text:p><text:p text:style-name=\"Body\"><text:change-end text:change-id=\"ct1\"/>suite") !=
        std::string::npos);
    CHECK(t.find("ct2") == std::string::npos);  // one region, not one more for its text
}

TEST_CASE("a paragraph deleted: its text and its end in the region, marked at the next paragraph's start") {
    std::string t = body_of({block(odt::test::body("avant")), block(whole("Ancien.", doc::Change::deleted)),
                             block(odt::test::body("suite"))});
    CHECK(t.find("</office:change-info><text:p text:style-name=\"Body\">Ancien.</text:p><text:p/>"
                 "</text:deletion>") != std::string::npos);
    CHECK(t.find("<text:p text:style-name=\"Body\">avant</text:p><text:p text:style-name=\"Body\">"
                 "<text:change text:change-id=\"ct1\"/>suite</text:p>") != std::string::npos);
    CHECK(t.find("Ancien.</text:p><text:p text:style-name") == std::string::npos);  // not in the body
    // A link in it stays a link in the region.
    doc::Paragraph linked = para(ParagraphStyle::body, {changed("Voir ", doc::Change::deleted),
                                                        changed("le site", doc::Change::deleted)});
    std::get<doc::Run>(linked.content[1]).href = "https://x.fr";
    linked.mark = doc::Change::deleted;
    std::string l =
        body_of({block(odt::test::body("avant")), block(linked), block(odt::test::body("suite"))});
    CHECK(
        l.find("<text:p text:style-name=\"Body\">Voir<text:s/><text:a xlink:type=\"simple\" "
               "xlink:href=\"https://x.fr\" "
               "text:style-name=\"Hyperlink\" text:visited-style-name=\"Hyperlink\">le site</text:a></text:p>"
               "<text:p/></text:deletion>") != std::string::npos);
}

TEST_CASE("the last paragraph deleted before a table: marked at the end of the previous paragraph") {
    std::string t = body_of({block(odt::test::body("avant")), block(whole("Ancien.", doc::Change::deleted)),
                             table_block(one_cell_row("x"))});
    CHECK(t.find("</office:change-info><text:p/><text:p text:style-name=\"Body\">Ancien.</text:p>"
                 "</text:deletion>") != std::string::npos);
    CHECK(t.find("avant<text:change text:change-id=\"ct1\"/></text:p><table:table ") != std::string::npos);
}

TEST_CASE("the last paragraph inserted: from the end of the previous paragraph to its own end") {
    std::string t =
        body_of({block(odt::test::body("avant")), block(whole("Nouveau.", doc::Change::inserted))});
    CHECK(t.find("avant<text:change-start text:change-id=\"ct1\"/></text:p><text:p text:style-name=\"Body\">"
                 "Nouveau.<text:change-end text:change-id=\"ct1\"/></text:p>") != std::string::npos);
}

TEST_CASE("paragraphs deleted then inserted in their place, before another") {
    std::string t =
        body_of({block(whole("Ancien.", doc::Change::deleted)),
                 block(whole("Nouveau.", doc::Change::inserted)), block(odt::test::body("suite"))});
    CHECK(
        t.find("<text:p text:style-name=\"Body\"><text:change text:change-id=\"ct1\"/>"
               "<text:change-start text:change-id=\"ct2\"/>Nouveau.</text:p><text:p text:style-name=\"Body\">"
               "<text:change-end text:change-id=\"ct2\"/>suite</text:p>") != std::string::npos);
}

TEST_CASE("a row inserted has the row style that makes LibreOffice treat it as a row") {
    doc::Row row = one_cell_row("");
    row.cells[0].blocks = {block(para(ParagraphStyle::table, {changed("2024", doc::Change::inserted)}))};
    row.change = doc::Change::inserted;
    doc::Document d;
    d.revision = {"Avenant n\u00b0 1", "2024-05-15"};
    d.body = {table_block(row)};
    std::string xml = odt::detail::content_part(d);
    CHECK(xml.find("xmlns:loext=\"urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0\"") !=
          std::string::npos);
    CHECK(
        xml.find("<style:style style:name=\"TrackedRow\" style:family=\"table-row\">"
                 "<style:table-row-properties fo:keep-together=\"always\" loext:text-changes-only=\"false\"/>"
                 "</style:style>") != std::string::npos);
    CHECK(xml.find("<table:table-row table:style-name=\"TrackedRow\">") != std::string::npos);
    CHECK(xml.find("<text:change-start text:change-id=\"ct1\"/>2024<text:change-end") != std::string::npos);
    CHECK(body_of({block(odt::test::body("x"))}).find("loext") == std::string::npos);
}

TEST_CASE("an anchor inserted stays a bookmark inside its region; deleted, it is in the region") {
    doc::Anchor added{"art_3_1", "3-1", doc::Change::inserted};
    std::string t = text_of({run("Article "), added});
    CHECK(t.find("<text:change-start text:change-id=\"ct1\"/><text:bookmark-start text:name=\"art_3_1\"/>3-1"
                 "<text:bookmark-end text:name=\"art_3_1\"/><text:change-end text:change-id=\"ct1\"/>") !=
          std::string::npos);
    doc::Anchor removed{"art_11", "11", doc::Change::deleted};
    std::string d = text_of({run("Article "), removed});
    // With its bookmark, as in the DOCX: rejecting the deletion makes it referable again.
    CHECK(d.find("</office:change-info><text:p><text:bookmark-start text:name=\"art_11\"/>11"
                 "<text:bookmark-end text:name=\"art_11\"/></text:p></text:deletion>") != std::string::npos);
    CHECK(d.find("Article<text:s/><text:change text:change-id=\"ct1\"/></text:p>") != std::string::npos);
}

TEST_CASE(
    "an anchor renumbered: the deleted number has a bookmark of its own, the deleted references' target") {
    // Deleted and inserted under one name: the inserted one keeps the name, the deleted one is
    // _Former1 (no two bookmarks share a name), and a deleted reference shows the deleted number,
    // so it points there; a reference kept or inserted points at the live one, as in the DOCX.
    const auto del = doc::Change::deleted, ins = doc::Change::inserted;
    std::string r =
        body_of({block(para(ParagraphStyle::body, {run("Article "), doc::Anchor{"art_11", "11", del},
                                                   doc::Anchor{"art_11", "12", ins}})),
                 block(para(ParagraphStyle::body, {run("Voir l'article "), doc::CrossRef{"art_11", "11", del},
                                                   doc::CrossRef{"art_11", "12", ins}, run(".")}))});
    CHECK(count(r, "<text:bookmark-start ") == 2);
    CHECK(r.find("</office:change-info><text:p><text:bookmark-start text:name=\"_Former1\"/>11"
                 "<text:bookmark-end text:name=\"_Former1\"/></text:p></text:deletion>") !=
          std::string::npos);
    CHECK(r.find("<text:bookmark-start text:name=\"art_11\"/>12<text:bookmark-end") != std::string::npos);
    CHECK(r.find("</office:change-info><text:p><text:bookmark-ref text:reference-format=\"text\" "
                 "text:ref-name=\"_Former1\">11</text:bookmark-ref></text:p></text:deletion>") !=
          std::string::npos);
    CHECK(r.find("<text:bookmark-ref text:reference-format=\"text\" text:ref-name=\"art_11\">12"
                 "</text:bookmark-ref><text:change-end ") != std::string::npos);
    // The same when the deleted anchor is in a paragraph deleted whole (its region writes the
    // paragraph as it stood): it wrote a second bookmark art_11.
    doc::Paragraph old_heading =
        para(ParagraphStyle::article, {run("Article "), doc::Anchor{"art_11", "11"}});
    doc::Paragraph new_heading =
        para(ParagraphStyle::article, {run("Article "), doc::Anchor{"art_11", "12"}});
    doc::Block old_block = tracked::whole(block(old_heading), del);
    doc::Block new_block = tracked::whole(block(new_heading), ins);
    std::string w = body_of({old_block, new_block, block(odt::test::body("suite"))});
    CHECK(count(w, "<text:bookmark-start text:name=\"art_11\"/>") == 1);
    CHECK(w.find(
              "<text:bookmark-start text:name=\"_Former1\"/>11<text:bookmark-end text:name=\"_Former1\"/>") !=
          std::string::npos);
}

TEST_CASE("a list deleted as a whole: its items in the region, no empty list left in the body") {
    doc::List l;
    doc::Paragraph item = whole("Ancien engagement ;", doc::Change::deleted);
    item.style = ParagraphStyle::list;
    l.items.push_back(doc::ListItem{{block(item)}});
    std::string t =
        body_of({block(odt::test::body("avant")), doc::Block{l}, block(odt::test::body("suite"))});
    CHECK(t.find("<text:list") == std::string::npos);
    CHECK(t.find("<text:p text:style-name=\"List\">Ancien engagement ;</text:p><text:p/></text:deletion>") !=
          std::string::npos);
    CHECK(t.find("<text:change text:change-id=\"ct1\"/>suite") != std::string::npos);
}

namespace {

doc::Run changed(std::string text, std::string_view letters, doc::Change change, std::string href = "") {
    doc::Run r = run(std::move(text), letters, std::move(href));
    r.change = change;
    return r;
}

}  // namespace

TEST_CASE(
    "an insertion cut into runs by its formatting is one region: a raised ordinal, bold, a break; "
    "a link's edges cut it, as in the DOCX") {
    const auto ins = doc::Change::inserted;
    doc::LineBreak br;
    br.change = ins;
    std::string t =
        text_of({run("versé "), changed("le 1", "", ins), changed("er", "s", ins),
                 changed(" mars, ", "", ins), changed("voir", "b", ins),
                 changed(" le site", "", ins, "https://x.fr"), br, changed("puis", "", ins), run(".")});
    // Before the link, the link's part inside its text:a, after it: three regions, where the
    // DOCX has three w:ins (a w:ins cannot hold a w:hyperlink): both list the same changes.
    CHECK(count(t, "<text:changed-region ") == 3);
    CHECK(count(t, "<text:change-start ") == 3);
    CHECK(count(t, "<text:change-end ") == 3);
    // From the start of the first region to its end, every run with its formatting.
    const auto start = t.find("versé <text:change-start text:change-id=\"ct1\"/>le 1<text:span ");
    const auto end = t.find("voir</text:span><text:change-end text:change-id=\"ct1\"/><text:a ");
    REQUIRE(start != std::string::npos);
    REQUIRE(end != std::string::npos);
    const std::string inside = t.substr(start, end - start);
    CHECK(inside.find(">er</text:span> mars, <text:span ") != std::string::npos);
    CHECK(
        t.find("text:visited-style-name=\"Hyperlink\"><text:change-start text:change-id=\"ct2\"/> le site"
               "<text:change-end text:change-id=\"ct2\"/></text:a><text:change-start text:change-id=\"ct3\"/>"
               "<text:line-break/>puis<text:change-end text:change-id=\"ct3\"/>.</text:p>") !=
        std::string::npos);
}

TEST_CASE("a link's runs are one text:a, whatever raised letters or changes cut its text") {
    const auto del = doc::Change::deleted, ins = doc::Change::inserted;
    const std::string href = "https://x.fr";
    std::string t = text_of(
        {run("voir le "), run("1", "", href), run("er", "s", href), run(" site", "", href), run(".")});
    CHECK(count(t, "<text:a ") == 1);
    CHECK(t.find(">1<text:span text:style-name=\"") != std::string::npos);
    CHECK(t.find("\">er</text:span> site</text:a>.</text:p>") != std::string::npos);
    // Words of a link replaced: both marks inside the one text:a of the body, the deleted words
    // in a text:a of their own inside the deletion region.
    std::string c = text_of({run("le ", "", href), changed("vieux", "", del, href),
                             changed("nouveau", "", ins, href), run(" site", "", href)});
    CHECK(count(c, "<text:a ") == 2);
    CHECK(c.find("<text:deletion><office:change-info>") != std::string::npos);
    CHECK(
        c.find(
            "</office:change-info><text:p><text:a xlink:type=\"simple\" xlink:href=\"https://x.fr\" "
            "text:style-name=\"Hyperlink\" text:visited-style-name=\"Hyperlink\">vieux</text:a></text:p>") !=
        std::string::npos);
    CHECK(
        c.find(
            "text:visited-style-name=\"Hyperlink\">le<text:s/><text:change text:change-id=\"ct1\"/>"
            "<text:change-start text:change-id=\"ct2\"/>nouveau<text:change-end text:change-id=\"ct2\"/> site"
            "</text:a></text:p>") != std::string::npos);
}

TEST_CASE("a deletion cut into runs is one region holding the runs with their formatting") {
    const auto del = doc::Change::deleted;
    std::string t = text_of({run("versé "), changed("le 1", "", del), changed("er", "s", del),
                             changed(" mars", "", del), run(".")});
    CHECK(count(t, "<text:changed-region ") == 1);
    CHECK(count(t, "<text:change ") == 1);
    CHECK(t.find("</office:change-info><text:p>le 1<text:span text:style-name=\"") != std::string::npos);
    CHECK(t.find("\">er</text:span> mars</text:p></text:deletion>") != std::string::npos);
    CHECK(t.find("versé<text:s/><text:change text:change-id=\"ct1\"/>.</text:p>") != std::string::npos);
}

TEST_CASE("revisions end where the change does: deleted then inserted, or an unchanged note between") {
    const auto del = doc::Change::deleted, ins = doc::Change::inserted;
    // A replaced word: two regions, as before.
    CHECK(count(text_of({changed("1", "", del), changed("er", "s", del), changed("2", "", ins),
                         changed("e", "s", ins)}),
                "<text:changed-region ") == 2);
    // A note kept as it was between inserted words ends the region: it is no change.
    doc::Footnote note{{para(ParagraphStyle::footnote, {run("Note.")})}};
    const std::string t = text_of({changed("avant", "", ins), note, changed(" après", "", ins)});
    CHECK(count(t, "<text:changed-region ") == 2);
    CHECK(t.find("avant<text:change-end text:change-id=\"ct1\"/><text:note ") != std::string::npos);
}

TEST_CASE("a note inserted or deleted with the words around it is inside their one region") {
    const auto del = doc::Change::deleted, ins = doc::Change::inserted;
    // Its text is marked too (the DOCX marks it in footnotes.xml); here the region covers it,
    // so the note holds no region of its own.
    doc::Footnote note{{para(ParagraphStyle::footnote, {changed("Note.", "", ins)})}, ins};
    const std::string t =
        text_of({run("Fin"), changed(" avant", "", ins), note, changed(" après", "", ins), run(".")});
    CHECK(count(t, "<text:changed-region ") == 1);
    CHECK(t.find("Fin<text:change-start text:change-id=\"ct1\"/> avant<text:note ") != std::string::npos);
    CHECK(t.find("Note.</text:p></text:note-body></text:note><text:s/>après<text:change-end "
                 "text:change-id=\"ct1\"/>.</text:p>") != std::string::npos);
    // Deleted: the note is in the deletion region's paragraph, with the words around it;
    // rejecting the deletion brings it back, accepting it takes it away.
    doc::Footnote old{{para(ParagraphStyle::footnote, {changed("Ancienne.", "", del)})}, del};
    const std::string d =
        text_of({run("Fin"), changed(" avant", "", del), old, changed(" après", "", del), run(".")});
    CHECK(count(d, "<text:changed-region ") == 1);
    CHECK(count(d, "<text:note ") == 1);
    CHECK(d.find("</office:change-info><text:p><text:s/>avant<text:note ") != std::string::npos);
    CHECK(d.find("Ancienne.</text:p></text:note-body></text:note><text:s/>après</text:p></text:deletion>") !=
          std::string::npos);
    CHECK(d.find("Fin<text:change text:change-id=\"ct1\"/>.</text:p>") != std::string::npos);
}

namespace {

/// The number of the note whose text is `text`: its text:note-citation.
int note_number(const std::string& xml, const std::string& text) {
    const auto at = xml.find(">" + text + "</text:p></text:note-body>");
    REQUIRE_MESSAGE(at != std::string::npos, text);
    const std::string citation = "<text:note-citation>";
    const auto from = xml.rfind(citation, at) + citation.size();
    return std::stoi(xml.substr(from, xml.find('<', from) - from));
}

doc::Footnote note(std::string text, doc::Change change = doc::Change::none) {
    return doc::Footnote{{para(ParagraphStyle::footnote, {changed(std::move(text), change)})}, change};
}

}  // namespace

TEST_CASE(
    "notes are numbered in reading order, a deleted one where its words were, as LibreOffice shows them") {
    // The deletion regions come first in office:text; their notes were numbered first.
    const auto del = doc::Change::deleted, ins = doc::Change::inserted;
    doc::Paragraph gone = para(ParagraphStyle::body, {changed("Ancien", del), note("Trois.", del)});
    gone.mark = del;
    doc::Paragraph added = para(ParagraphStyle::body, {changed("Nouveau", ins), note("Quatre.", ins)});
    added.mark = ins;
    const std::string t =
        body_of({block(para(ParagraphStyle::body, {run("Un"), note("Un.")})),
                 block(para(ParagraphStyle::body,
                            {run("Deux"), changed(" mots", del), note("Deux.", del), run(".")})),
                 block(gone), block(added), block(para(ParagraphStyle::body, {run("Cinq"), note("Cinq.")}))});
    CHECK(note_number(t, "Un.") == 1);
    CHECK(note_number(t, "Deux.") == 2);
    CHECK(note_number(t, "Trois.") == 3);
    CHECK(note_number(t, "Quatre.") == 4);
    CHECK(note_number(t, "Cinq.") == 5);
    CHECK(count(t, "<text:note text:id=\"ftn2\" ") == 1);  // ids stay unique
}

TEST_CASE("a long paragraph of many changes, each its own region, in order") {
    // Collecting the regions looked for each revision's link stretch from where it starts, to
    // the paragraph's end when it holds no link: n changes took n² steps (seconds for this one).
    const auto del = doc::Change::deleted, ins = doc::Change::inserted;
    constexpr int changes = 40000;
    doc::Inlines content;
    for (int i = 0; i < changes; ++i) {
        content.push_back(run(" mot"));
        content.push_back(changed(" mot" + std::to_string(i + 1), i % 2 == 0 ? ins : del));
    }
    const std::string t = text_of(std::move(content));
    CHECK(count(t, "<text:changed-region ") == changes);
    CHECK(count(t, "<text:change-start ") == changes / 2);
    CHECK(count(t, "<text:change ") == changes / 2);
    // Numbered in reading order: the first inserted, the last deleted, each where it was.
    CHECK(
        t.find("<text:p text:style-name=\"Body\"><text:s/>mot<text:change-start text:change-id=\"ct1\"/> mot1"
               "<text:change-end text:change-id=\"ct1\"/> mot<text:change text:change-id=\"ct2\"/> mot") !=
        std::string::npos);
    CHECK(t.find("<text:change text:change-id=\"ct40000\"/></text:p>") != std::string::npos);
    CHECK(t.find("<text:changed-region xml:id=\"ct40000\" text:id=\"ct40000\"><text:deletion>") !=
          std::string::npos);
    CHECK(t.find("</office:change-info><text:p><text:s/>mot40000</text:p></text:deletion>") !=
          std::string::npos);
}
