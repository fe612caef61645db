#include "template/markdown_escape.hpp"

#include <doctest/doctest.h>

#include "template/markdown_to_tree.hpp"
#include "template/tree_dump.hpp"

using conventio::test::dump;
using conventio::tmpl::markdown_escape;
using conventio::tmpl::markdown_to_blocks;

namespace {

/// What a value reads as once escaped: the same text, newlines turned into spaces.
std::string as_text(std::string_view value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\r' && i + 1 < value.size() && value[i + 1] == '\n') continue;
        out += value[i] == '\n' || value[i] == '\r' ? ' ' : value[i];
    }
    return out;
}

std::string tree(const std::string& markdown) { return dump(markdown_to_blocks(markdown, {"value", {}})); }

// Values a partner list or a CSV file could hold, each one Markdown if left as is.
const char* const nasty[] = {
    "*Test* <b>",
    "{{x}}",
    "1. x",
    "2024) x",
    "# x",
    "&amp;",
    "&#1; &eacute;",
    "- x",
    "+ x",
    "> q",
    "[lien](http://x.fr)",
    "[6](#ref:art_6)",
    "[^1]",
    "![img](x.png)",
    "<!-- c -->",
    "<https://x.fr>",
    "`code`",
    "a | b",
    "\\",
    "a\\*b\\",
    "_a_ __b__",
    "~~s~~",
    "===",
    "---",
    "***",
    "    indented",
    "trailing  ",
    "\ttab\t",
    "line\nbreak\r\nand\rmore",
    "\n",
    "   ",
    "Cerema\u00a0: 475\u202f000\u00a0€ (S.A.S.) ; l'État « ok » ? 100 % @ $ / :",
    "a]] ]=] [[b",
    "\"quoted\" 'single'",
};

}  // namespace

TEST_CASE("markdown_escape: values stay literal text inside a line") {
    for (const char* value : nasty) {
        CAPTURE(value);
        CHECK(tree("Le partenaire " + markdown_escape(value) + " signe.") ==
              "body{\"Le partenaire " + as_text(value) + " signe.\"}");
    }
}

TEST_CASE("markdown_escape: values stay literal text at the start of a line") {
    for (const char* value : nasty) {
        CAPTURE(value);
        CHECK(tree(markdown_escape(value)) == "body{\"" + as_text(value) + "\"}");
        CHECK(tree("Texte\n" + markdown_escape(value)) == "body{\"Texte " + as_text(value) + "\"}");
        CHECK(tree("- " + markdown_escape(value)) == "ul[{list{\"" + as_text(value) + "\"}}]");
    }
}

TEST_CASE("markdown_escape: values stay literal text in a table cell") {
    for (const char* value : nasty) {
        CAPTURE(value);
        CHECK(tree("| Partenaire |\n|---|\n| " + markdown_escape(value) + " |\n") ==
              "table(1)[table_header{\"Partenaire\"} / table{\"" + as_text(value) + "\"}]");
    }
}

TEST_CASE("markdown_escape: output") {
    CHECK(markdown_escape("*Test* <b>") == "\\*Test\\* \\<b\\>");
    CHECK(markdown_escape("1. x") == "1\\. x");
    CHECK(markdown_escape(" a\nb ") == "&#32;a b&#32;");
    CHECK(markdown_escape("Cerema, Bron : 69") == "Cerema, Bron : 69");
    CHECK(markdown_escape("") == "");
}
