#include "template/markdown_to_tree.hpp"

#include <doctest/doctest.h>

#include "template/template_error.hpp"
#include "template/tree_dump.hpp"

using conventio::test::dump;
using conventio::tmpl::markdown_to_blocks;
using conventio::tmpl::MarkdownOptions;
using conventio::tmpl::TemplateError;

namespace {

std::string tree(std::string_view markdown, const MarkdownOptions& options = {"md", {}}) {
    return dump(markdown_to_blocks(markdown, options));
}

std::string error_of(std::string_view markdown) {
    try {
        markdown_to_blocks(markdown, {"clause.md", {}});
    } catch (const TemplateError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("markdown: paragraphs, nested emphasis, breaks, code") {
    CHECK(tree("Le **Cerema *(établissement public)* de l'État** et _la DINUM_.\n\nSecond.") ==
          "body{\"Le \" b:\"Cerema \" bi:\"(établissement public)\" b:\" de l'État\" \" et \" "
          "i:\"la DINUM\" \".\"}\n"
          "body{\"Second.\"}");
    CHECK(tree("***tout***") == "body{bi:\"tout\"}");
    // A soft break is a space; a hard break (two spaces, backslash) and <br> are line breaks.
    CHECK(tree("un\ndeux  \ntrois\\\nquatre<br>cinq<br />six") ==
          "body{\"un deux\" / \"trois\" / \"quatre\" / \"cinq\" / \"six\"}");
    CHECK(tree("la `clé` ici") == "body{\"la clé ici\"}");
    CHECK(tree("") == "");
}

TEST_CASE("markdown: links keep their emphasis; #ref: links are cross-references") {
    CHECK(tree("voir [le site *beta*](https://beta.gouv.fr) et <https://a.fr>") ==
          "body{\"voir \" \"le site \"->https://beta.gouv.fr i:\"beta\"->https://beta.gouv.fr "
          "\" et \" \"https://a.fr\"->https://a.fr}");
    CHECK(tree("conformément à l'article [6](#ref:art_6).") ==
          "body{\"conformément à l'article \" ref(art_6,\"6\") \".\"}");
    CHECK(tree("**voir l'[annexe 2](#ref:annexe_2)**") == "body{b:\"voir l'\" ref(annexe_2,\"annexe 2\")}");
    CHECK(error_of("voir [6](#ref:6x)") ==
          "clause.md:1:6: invalid cross-reference '#ref:6x': expected a letter, then letters, digits or '_'");
    CHECK(error_of("voir [6 <sup>bis</sup>](#ref:a)") ==
          "clause.md:1:9: the text of a cross-reference must be plain text");
}

TEST_CASE("markdown: lists two levels deep, and no deeper") {
    CHECK(tree("Les parties :\n\n- le Cerema ;\n- la DINUM :\n  1. la mission BETA,\n  2. l'incubateur.\n") ==
          "body{\"Les parties :\"}\n"
          "ul[{list{\"le Cerema ;\"}} {list{\"la DINUM :\"} ol[{list{\"la mission BETA,\"}} "
          "{list{\"l'incubateur.\"}}]}]");
    CHECK(tree("1. un\n\n   suite\n2.\n") == "ol[{list{\"un\"} list{\"suite\"}} {list{}}]");
    CHECK(error_of("- a\n  - b\n    - c\n") == "clause.md:3:5: lists nest at most two levels deep");
}

TEST_CASE("markdown: tables") {
    CHECK(tree("| Phase | Montant |\n"
               "|:------|--------:|\n"
               "| investigation | 10 000 € |\n"
               "| **construction** |\n"
               "| a \\| b | c | ignored |\n") ==
          "table(1,1)[table_header@left{\"Phase\"}|table_header@right{\"Montant\"} / "
          "table@left{\"investigation\"}|table@right{\"10 000 €\"} / "
          "table@left{b:\"construction\"}|table@right{} / "
          "table@left{\"a | b\"}|table@right{\"c\"}]");
    CHECK(error_of("- item\n\n  | a |\n  |---|\n  | b |\n") ==
          "clause.md:3:3: a table cannot be inside a list");
}

TEST_CASE("markdown: footnotes are inline where they are referenced") {
    CHECK(tree("Le Cerema[^1] et la DINUM[^dinum].\n\n"
               "[^dinum]: Direction interministérielle du numérique.\n\n"
               "    Décret n° 2019-1088.\n\n"
               "[^1]: Établissement public *administratif*.\n\n"
               "[^unused]: Jamais lue.\n") ==
          "body{\"Le Cerema\" note[footnote{\"Établissement public \" i:\"administratif\" \".\"}] "
          "\" et la DINUM\" note[footnote{\"Direction interministérielle du numérique.\"} "
          "footnote{\"Décret n° 2019-1088.\"}] \".\"}");
    CHECK(error_of("a[^1]\n\n[^1]: - liste\n") == "clause.md:3:7: a footnote holds paragraphs only");
    // No definition: refused where the reference is (cmark would print "[^9]" as text), unless
    // the bracket is escaped; labels match without regard to case, as cmark matches them.
    CHECK(error_of("Un.\n\nDeux a[^9] b.\n") ==
          "clause.md:3:7: footnote [^9] has no definition: add a line \"[^9]: the note's text\" after the "
          "paragraph (or write \\[^9] for the text itself)");
    CHECK(tree("a\\[^9]") == "body{\"a[^9]\"}");
    CHECK(tree("a[^Note].\n\n[^note]: N.\n") == "body{\"a\" note[footnote{\"N.\"}] \".\"}");
    // Definitions cmark reads indented, in a list item too, and a reference in a code span (text).
    CHECK(tree("Texte[^1].\n\n  [^1]: La note.\n") == "body{\"Texte\" note[footnote{\"La note.\"}] \".\"}");
    CHECK_NOTHROW(tree("- point[^a]\n\n  [^a]: note dans la liste\n"));
    CHECK(tree("Voir `[^x]` ici.") == "body{\"Voir [^x] ici.\"}");
    // Code spans as CommonMark reads them: an escaped backtick opens none, a double one holds a
    // single one, a span may cross a line but not a paragraph.
    CHECK(error_of("Le caract\u00e8re \\` puis la note[^2].").find("footnote [^2] has no definition") !=
          std::string::npos);
    CHECK(error_of("Voir `` ` `` puis[^4] fin.").find("footnote [^4] has no definition") !=
          std::string::npos);
    CHECK(error_of("Voir `code\nsuite` puis[^3] fin.").find("footnote [^3] has no definition") !=
          std::string::npos);
    CHECK_NOTHROW(tree("Voir `code [^x]\nsuite` fin."));
    CHECK(error_of("Voir `code\n\nsuite [^5] fin.").find("footnote [^5] has no definition") !=
          std::string::npos);
}

TEST_CASE("markdown: <sup>, <u> and <br> are the only HTML") {
    CHECK(tree("le 1<sup>er</sup> janvier, <u>souligné *et italique*</u>.") ==
          "body{\"le 1\" ^:\"er\" \" janvier, \" u:\"souligné \" iu:\"et italique\" \".\"}");
    CHECK(tree("<SUP>e</SUP>") == "body{^:\"e\"}");
    CHECK(error_of("un <b>gras</b>") == "clause.md:1:4: unsupported HTML <b>: use **bold**");
    // Columns count characters, as the drafter's editor does.
    CHECK(error_of("Échéance <i>x</i>") == "clause.md:1:10: unsupported HTML <i>: use *italic*");
    CHECK(error_of("un\n<span style=\"x\">a</span>") ==
          "clause.md:2:1: unsupported HTML <span>: only <sup>, <u> and <br> are allowed");
    CHECK(error_of("<sup class=\"x\">a</sup>") ==
          "clause.md:1:1: unsupported HTML <sup>: write <sup> without attributes");
    CHECK(error_of("a <!-- note -->") ==
          "clause.md:1:3: HTML comments are not allowed in clause text: use {# ... #} in the template");
    CHECK(error_of("<div>\nbloc\n</div>\n") ==
          "clause.md:1:1: unsupported HTML <div>: separate paragraphs with a blank line");
    CHECK(error_of("a\n\n<br>\n") ==
          "clause.md:3:1: unsupported HTML <br>: <br> belongs inside a line of text, not on a line "
          "of its own");
    CHECK(error_of("1<sup>er janvier") ==
          "clause.md:1:2: '<sup>' is not closed: expected '</sup>' in the same paragraph");
    CHECK(error_of("1</u>") == "clause.md:1:2: '</u>' without an opening '<u>'");
    CHECK(error_of("<u>a <u>b</u></u>") == "clause.md:1:6: '<u>' inside '<u>'");
}

TEST_CASE("markdown: what clause text cannot hold") {
    CHECK(error_of("texte\n\n## Article 2\n") ==
          "clause.md:3:1: headings come from the agreement's structure, not from clause text "
          "(write \\# for a literal '#')");
    CHECK(error_of("Titre\n=====\n") ==
          "clause.md:1:1: headings come from the agreement's structure, not from clause text "
          "(write \\# for a literal '#')");
    CHECK(error_of("a\n\n---\n") ==
          "clause.md:3:1: horizontal rules ('---', '***') are not allowed in clause text");
    CHECK(error_of("> cité\n") == "clause.md:1:1: block quotes ('>') are not allowed in clause text");
    CHECK(error_of("a\n\n    code\n") ==
          "clause.md:3:5: code blocks (lines indented by 4 spaces, or fenced with ```) are not "
          "allowed in clause text");
    CHECK(error_of("```\nx\n```\n") ==
          "clause.md:1:1: code blocks (lines indented by 4 spaces, or fenced with ```) are not "
          "allowed in clause text");
    CHECK(error_of("logo ![logo](logo.png)") == "clause.md:1:6: images are not supported in clause text");
}

TEST_CASE("markdown: every text run is checked") {
    CHECK(error_of("ab\ncd\x01") ==
          "clause.md:2:3: character U+0001 at byte 5 is not allowed in a document (XML 1.0)");
    CHECK(error_of("été \xC3\x28") == "clause.md:1:5: invalid UTF-8 at byte 6 (0xC3 0x28)");
    CHECK(error_of(std::string_view("a\0b", 3)) ==
          "clause.md:1:2: character U+0000 at byte 1 is not allowed in a document (XML 1.0)");
    // Character references are decoded by cmark: checked on the run.
    CHECK(error_of("un\n*deux &#1;*") ==
          "clause.md:2:2: character U+0001 at byte 5 is not allowed in a document (XML 1.0)");
    // Also in a footnote and a table cell, and whatever the entity is spelt as.
    CHECK(error_of("a[^1]\n\n[^1]: note &#x1B;\n") ==
          "clause.md:3:7: character U+001B at byte 5 is not allowed in a document (XML 1.0)");
    CHECK(error_of("| a |\n|---|\n| b &#8238; |\n").starts_with("clause.md:3:"));
    CHECK(tree("&amp; &eacute; &#233;") == "body{\"& é é\"}");
}

TEST_CASE("markdown: one text's parse leaves nothing to the next (the parser is reused)") {
    // A link reference definition, a footnote and a table in the first text...
    CHECK(tree("[cerema]: https://cerema.fr\n\nvoir [cerema] et[^1]\n\n[^1]: note\n\n| a |\n|---|\n") ==
          "body{\"voir \" \"cerema\"->https://cerema.fr \" et\" note[footnote{\"note\"}]}\n"
          "table(1)[table_header{\"a\"}]");
    // ...are not seen by the second, whose link reference stays as written (and whose footnote
    // reference is refused: the first's definition does not count); tables still parse.
    CHECK(tree("voir [cerema] et") == "body{\"voir [cerema] et\"}");
    CHECK(error_of("voir et[^1]").find("footnote [^1] has no definition") != std::string::npos);
    CHECK(tree("| b |\n|---|\n") == "table(1)[table_header{\"b\"}]");
}

TEST_CASE("markdown: the text filter sees every run, footnotes and cells included") {
    MarkdownOptions options{"md", [](std::string_view s) {
                                std::string out;
                                for (char c : s) out += c == ' ' ? '_' : c;
                                return out;
                            }};
    CHECK(tree("a b **c d**[^1]\n\n| x y |\n|---|\n\n[^1]: e f\n", options) ==
          "body{\"a_b_\" b:\"c_d\" note[footnote{\"e_f\"}]}\n"
          "table(1)[table_header{\"x_y\"}]");
    // A filter that leaves a run as it is: the run was judged already, and comes out the same.
    MarkdownOptions same{"md", [](std::string_view s) { return std::string(s); }};
    CHECK(tree("a **b** c", same) == "body{\"a \" b:\"b\" \" c\"}");
    MarkdownOptions broken{"md", [](std::string_view) { return std::string("\x02"); }};
    CHECK_THROWS_WITH_AS(markdown_to_blocks("a", broken),
                         "md:1:1: after the text filter: character U+0002 at byte 0 is not allowed "
                         "in a document (XML 1.0)",
                         TemplateError);
}

TEST_CASE("markdown: formatting nested beyond the limit is an error with the place, not a crash") {
    std::string deep;
    for (int i = 0; i < 30000; ++i) deep += "*a ";
    deep += "x";
    for (int i = 0; i < 30000; ++i) deep += " a*";
    std::string message = error_of("Intro.\n\n" + deep);
    CHECK(message.starts_with("clause.md:3:"));
    CHECK(message.find("formatting nests more than 32 levels deep") != std::string::npos);
    std::string links;
    for (int i = 0; i < 5000; ++i) links += "[";
    links += "x";
    for (int i = 0; i < 5000; ++i) links += "](https://u.fr)";
    CHECK_NOTHROW(markdown_to_blocks(links, {"md", {}}));  // cmark nests no links: plain text
    // Within the limit, nesting is kept.
    CHECK(error_of("***a** b* c") == "");
}
