#include <doctest/doctest.h>

#include "lua/lua_test_support.hpp"

using namespace conventio;
using conventio::test::lua_error_of;
using conventio::test::run_lua;

namespace {
const doc::Paragraph& para(const doc::Block& b) { return std::get<doc::Paragraph>(b.value); }
const doc::Run& run(const doc::Inline& i) { return std::get<doc::Run>(i); }
}  // namespace

TEST_CASE("Document collects metadata, header, footer and body") {
    auto d = run_lua(R"(
        local c = conventio
        local d = c.Document{ title = "Convention", subject = "Objet", keywords = {"Cerema", "DINUM"},
                              date = "2023-01-31", header = "En-tête",
                              footer = {"Page ", c.PageNumber(), " / ", c.PageCount()} }
        d:add(c.Title "Convention de partenariat"):add("Un paragraphe", {"deux", "trois"})
        return d)");
    CHECK(d.meta.title == "Convention");
    CHECK(d.meta.keywords == std::vector<std::string>{"Cerema", "DINUM"});
    CHECK(d.meta.date == "2023-01-31");
    CHECK(d.meta.language == "fr-FR");
    REQUIRE(d.footer.size() == 4);
    CHECK(std::get<doc::Field>(d.footer[1]).kind == doc::FieldKind::page_number);
    CHECK(std::get<doc::Field>(d.footer[3]).kind == doc::FieldKind::page_count);
    REQUIRE(d.body.size() == 3);
    CHECK(para(d.body[0]).style == doc::ParagraphStyle::title);
    CHECK(run(para(d.body[2]).content[0]).text == "deux");  // an array of text is one paragraph
}

TEST_CASE("formatting constructors nest and text comes out literally") {
    auto d = run_lua(R"(
        local c = conventio
        return c.Document{ body = { c.Para{ c.Bold{ "gras ", c.Italic "et italique" }, " & <b>{{x}}</b>",
                                            c.Link("https://beta.gouv.fr", "lien"), "a\nb" } } })");
    const auto& content = para(d.body[0]).content;
    REQUIRE(content.size() == 7);
    CHECK(run(content[0]).marks == doc::Marks{.bold = true});
    CHECK(run(content[1]).marks == doc::Marks{.bold = true, .italic = true});
    CHECK(run(content[2]).text == " & <b>{{x}}</b>");
    CHECK(run(content[3]).href == "https://beta.gouv.fr");
    CHECK(run(content[4]).text == "a");
    CHECK(std::holds_alternative<doc::LineBreak>(content[5]));
}

TEST_CASE("lists restyle their paragraphs and nest") {
    auto d = run_lua(R"(
        local c = conventio
        return c.Document{ body = { c.OrderedList{ "un", { "deux", c.BulletList{ "a", "b" } } } } })");
    const auto& list = std::get<doc::List>(d.body[0].value);
    CHECK(list.ordered);
    REQUIRE(list.items.size() == 2);
    CHECK(para(list.items[0].blocks[0]).style == doc::ParagraphStyle::list);
    REQUIRE(list.items[1].blocks.size() == 2);
    CHECK_FALSE(std::get<doc::List>(list.items[1].blocks[1].value).ordered);
}

TEST_CASE("lists deeper than two levels are refused when the document is checked") {
    CHECK(lua_error_of(R"(local c = conventio
        return c.Document{ body = { c.BulletList{ { "a", c.BulletList{ { "b", c.BulletList{ "c" } } } } } } })")
              .find("lists nest at most 2 levels deep") != std::string::npos);
}

TEST_CASE("tables: header, spans, cell content, column coverage") {
    auto d = run_lua(R"(
        local c = conventio
        return c.Document{ body = { c.Table{ widths = {1, 2, 2}, header = {"", "DINUM", "Cerema"},
            rows = { { "RH", { "p1", "p2" }, "" }, { { "fusion", span = 3 } } } } } })");
    const auto& t = std::get<doc::Table>(d.body[0].value);
    CHECK(t.header_row);
    REQUIRE(t.rows.size() == 3);
    CHECK(para(t.rows[0].cells[1].blocks[0]).style == doc::ParagraphStyle::table_header);
    CHECK(para(t.rows[1].cells[1].blocks[0]).style == doc::ParagraphStyle::table);
    CHECK(t.rows[2].cells[0].column_span == 3);
    CHECK(lua_error_of(
              "return conventio.Document{ body = { conventio.Table{ widths = {1, 2}, rows = {{'a'}} } } }") ==
          "snippet.lua:1: Table: row 1 covers 1 columns, the table has 2");
    CHECK(lua_error_of("return conventio.Table{ rows = {} }") ==
          "snippet.lua:1: Table: 'widths' must list the relative width of each column, e.g. {2, 1, 1}");
}

TEST_CASE("footnotes, anchors and references") {
    auto d = run_lua(R"(
        local c = conventio
        return c.Document{ body = { c.Article{ "Article ", c.Anchor("duree", "6") },
                                    c.Para{ "voir l'article ", c.Ref("duree", "6"), c.Note "Une note." } } })");
    const auto& content = para(d.body[1]).content;
    CHECK(std::get<doc::CrossRef>(content[1]).name == "duree");
    CHECK(std::get<doc::Footnote>(content[2]).paragraphs.at(0).style == doc::ParagraphStyle::footnote);
    CHECK(lua_error_of(
              R"(return conventio.Document{ body = { conventio.Para{ conventio.Ref("absent", "1") } } })")
              .find("cross-reference to 'absent', which no anchor defines") != std::string::npos);
}

TEST_CASE("doc:add checks its content at once; the body is what was added, in order") {
    // Blocks are copied into the body when the document is read: a mistake is still refused at
    // the add, and content changed after it was added does not change the document.
    CHECK(lua_error_of("local d = conventio.Document{}\nd:add('un', 1.5)\nreturn d") ==
          "snippet.lua:2: add: expected a block, text or an array of them, got number");
    auto d = run_lua(R"(
        local c = conventio
        local blocks = { c.Para("un"), c.Para("deux") }
        local d = c.Document{ body = { c.Para("zéro") } }
        d:add(blocks, "trois")
        blocks[1] = c.Para("changé")
        assert(#c.body(d) == 4)  -- read once: the body so far
        d:add(c.BulletList{ "quatre" }, { "cinq", " et demi" })
        return d)");
    REQUIRE(d.body.size() == 6);
    CHECK(run(para(d.body[0]).content[0]).text == "zéro");
    CHECK(run(para(d.body[1]).content[0]).text == "un");
    CHECK(run(para(d.body[2]).content[0]).text == "deux");
    CHECK(run(para(d.body[3]).content[0]).text == "trois");
    CHECK(para(d.body[3]).style == doc::ParagraphStyle::body);
    CHECK(para(std::get<doc::List>(d.body[4].value).items[0].blocks[0]).style == doc::ParagraphStyle::list);
    CHECK(run(para(d.body[5]).content[1]).text == " et demi");
}

TEST_CASE("an empty table adds nothing to a body, and is an empty paragraph where one must be") {
    // An article with sub-articles and no text of its own adds its empty list of blocks: no blank
    // paragraph under its heading. A table cell or a list item still holds a paragraph.
    auto d = run_lua(R"(
        local c = conventio
        local d = c.Document{ body = { c.Para("un"), {}, { {}, c.Para("deux") } } }
        d:add({}):add({ {} }, c.Para("trois"))
        d:add(c.Table{ widths = { 1, 1 }, rows = { { {}, "b" } } }, c.BulletList{ {} })
        return d)");
    REQUIRE(d.body.size() == 5);
    CHECK(run(para(d.body[1]).content[0]).text == "deux");
    CHECK(run(para(d.body[2]).content[0]).text == "trois");
    const auto& cell = std::get<doc::Table>(d.body[3].value).rows[0].cells[0];
    REQUIRE(cell.blocks.size() == 1);
    CHECK(para(cell.blocks[0]).content.empty());
    REQUIRE(std::get<doc::List>(d.body[4].value).items[0].blocks.size() == 1);
    // A table with fields is not empty: a misspelt option is still refused, not dropped.
    CHECK(lua_error_of("local d = conventio.Document{}\nd:add({ titel = 'x' })\nreturn d")
              .find("snippet.lua:2:") == 0);
}

TEST_CASE("a document's dates are days of the calendar") {
    // They go into meta.xml and docProps/core.xml as they are.
    CHECK(lua_error_of("return conventio.Document{\n date = '2025-02-30' }") ==
          "snippet.lua:1: invalid date \"2025-02-30\" (field Document date): day 30 out of range (28 days in "
          "that month)");
    CHECK(lua_error_of("return conventio.Document{ date = '2025-13-01' }").find("month 13 out of range") !=
          std::string::npos);
    CHECK(lua_error_of("return conventio.Document{ revision = { author = 'A', date = '2024-02-30' } }")
              .find("(field Document revision date): day 30") != std::string::npos);
    CHECK(run_lua("return conventio.Document{ date = '2024-02-29' }").meta.date == "2024-02-29");
}

TEST_CASE("bad values are refused with the script line") {
    CHECK(lua_error_of("local c = conventio\nreturn c.Para('ok \\xC3\\x28')") ==
          "snippet.lua:2: Para: invalid UTF-8 at byte 3 (0xC3 0x28)");
    CHECK(lua_error_of("return conventio.Para('a\\1b')") ==
          "snippet.lua:1: Para: character U+0001 at byte 1 is not allowed in a document (XML 1.0)");
    CHECK(lua_error_of("return conventio.Para(1.5)") ==
          "snippet.lua:1: Para: expected text (a string, an inline or an array of them), got number");
    CHECK(
        lua_error_of("return conventio.Para('x', { align = 'middle' })") ==
        "snippet.lua:1: Para: align must be \"left\", \"center\", \"right\" or \"justify\", got \"middle\"");
    CHECK(lua_error_of("return conventio.Document{ date = '13/07/2022' }") ==
          "snippet.lua:1: invalid date \"13/07/2022\" (field Document date): expected YYYY-MM-DD");
}

TEST_CASE("replace_words refuses words the document could not hold, at the script's line") {
    // A NUL cut the paragraph in the XML, bytes that are not UTF-8 broke the file.
    CHECK(lua_error_of("local c = conventio\nlocal b = c.Markdown('Le comité de pilotage.')\n"
                       "c.replace_words(b, 'pilotage', 'sui\\0vi')\nreturn c.Document{}")
              .starts_with("snippet.lua:3: replace_words: character U+0000"));
    CHECK(lua_error_of("local c = conventio\nlocal b = c.Markdown('Le comité de pilotage.')\n"
                       "c.replace_words(b, 'pilotage', 'x\\255y')\nreturn c.Document{}")
              .starts_with("snippet.lua:3: replace_words: invalid UTF-8"));
}

TEST_CASE("the letters of an ordinal are raised in every text a document holds") {
    // Typed in the script, from a template's Markdown, added later, in a note, a table, a list,
    // the footer: « 1er » is set as « 1 » and a superscript « er », in runs keeping the rest.
    auto d = run_lua(R"(
        local c = conventio
        local d = c.Document{ footer = "Version du 1er mars",
                              body = { c.Para{ c.Bold "le 2e alinéa", c.Note "au 1er janvier" } } }
        d:add(c.Markdown("La 1re **réunion**.\n\n| a |\n|---|\n| 3e |\n\n- 4e point"))
        d:add(c.Para{ c.Link("https://example.fr/1er", "le 1er lien"), c.Sup "1er", " A1e 1e5" })
        return d)");
    const auto texts = [](const doc::Inlines& content) {
        std::string out;  // superscript runs in brackets
        for (const doc::Inline& i : content)
            if (const auto* r = std::get_if<doc::Run>(&i))
                out += r->marks.superscript ? "[" + r->text + "]" : r->text;
        return out;
    };
    CHECK(texts(d.footer) == "Version du 1[er] mars");
    const auto& first = para(d.body[0]).content;
    CHECK(texts(first) == "le 2[e] alinéa");
    CHECK(run(first[0]).marks.bold);
    CHECK(run(first[1]).marks.bold);  // the raised letters keep the run's formatting
    CHECK(run(first[1]).marks.superscript);
    const auto& note = std::get<doc::Footnote>(first[3]);
    CHECK(texts(note.paragraphs[0].content) == "au 1[er] janvier");
    CHECK(texts(para(d.body[1]).content) == "La 1[re] réunion.");
    const auto& table = std::get<doc::Table>(d.body[2].value);
    CHECK(texts(para(table.rows[1].cells[0].blocks[0]).content) == "3[e]");
    const auto& list = std::get<doc::List>(d.body[3].value);
    CHECK(texts(para(list.items[0].blocks[0]).content) == "4[e] point");
    // A link's text is raised and keeps its link; a superscript run and non-ordinals are kept.
    const auto& last = para(d.body[4]).content;
    CHECK(texts(last) == "le 1[er] lien[1er] A1e 1e5");
    CHECK(run(last[1]).href == "https://example.fr/1er");
}

TEST_CASE("an anchor notes its raised letters and keeps its text whole for references") {
    auto d = run_lua(R"(
        local c = conventio
        return c.Document{ body = { c.Para{ "Article ", c.Anchor("art1", "1er"), " et article ",
                                            c.Anchor("art2", "2") },
                                    c.Para{ "voir l'article ", c.Ref("art1", "1er") } } })");
    const auto& heading = para(d.body[0]).content;
    const auto& first = std::get<doc::Anchor>(heading[1]);
    CHECK(first.text == "1er");
    CHECK(first.raised == std::vector<std::pair<std::size_t, std::size_t>>{{1, 3}});
    CHECK(std::get<doc::Anchor>(heading[3]).raised.empty());
    CHECK(std::get<doc::CrossRef>(para(d.body[1]).content[1]).text == "1er");
}

TEST_CASE("quote: a paragraph between two texts, its note and link kept, anchors and references text") {
    // How an avenant quotes an alinéa with a note or a link: the references, in the paragraph and
    // in its notes, point into the Convention, which the avenant does not hold.
    auto d = run_lua(R"(
        local c = conventio
        local p = c.Para{ "Le comité ", c.Anchor("a1", "6"), " se réunit", c.Link("https://x.fr", " ici"),
                          c.Note(c.Para{ "Voir l'article ", c.Ref("a1", "6"), "." }), "." }
        return c.Document{ body = { p, c.quote(p, "« ", " »") } })");
    REQUIRE(d.body.size() == 2);
    const auto& quoted = para(d.body[1]).content;
    REQUIRE(quoted.size() == 8);
    CHECK(run(quoted[0]).text == "« ");
    CHECK(run(quoted[2]).text == "6");  // the anchor, as its text
    CHECK(run(quoted[4]).href == "https://x.fr");
    const auto& note = std::get<doc::Footnote>(quoted[5]);
    REQUIRE(note.paragraphs.size() == 1);
    CHECK(run(note.paragraphs[0].content[1]).text == "6");  // the note's reference, as its text
    CHECK(run(quoted[7]).text == " »");
    // The original keeps its anchor and its note's live reference.
    CHECK(std::holds_alternative<doc::Anchor>(para(d.body[0]).content[1]));
    CHECK(std::holds_alternative<doc::CrossRef>(
        std::get<doc::Footnote>(para(d.body[0]).content[4]).paragraphs[0].content[1]));
    CHECK(lua_error_of("return conventio.quote('x', '', '')").find("quote: expected a paragraph block") !=
          std::string::npos);
}
