// A problem the Markdown reader finds in what a clause template rendered names the line of the
// template file (template/rendered_place.hpp), not the line of the rendered text.
#include <doctest/doctest.h>

#include <fstream>

#include "lua/lua_test_support.hpp"

using namespace conventio;
using conventio::test::lua_error_of;

namespace {

lua::Options with_template(const char* name, const char* text) {
    auto dir = test::scratch_dir() / "place-templates";
    std::filesystem::create_directories(dir / "p");
    std::ofstream(dir / "p" / name) << text;
    lua::Options options;
    options.template_dirs = {dir};
    return options;
}

std::string error_of(const std::string& clause, lua::Options options) {
    return lua_error_of(
        "local clauses = require 'conventio.clauses'\nreturn conventio.Document{ body = "
        "clauses.blocks('" +
            clause + "', { x = true, who = 'le Cerema' }) }",
        std::move(options));
}

}  // namespace

TEST_CASE("template places: a heading after block tags is at its line of the file") {
    // Front matter on lines 1-5; the block tags on lines 7 and 9 leave no line in the rendered
    // text, where the heading is line 4.
    auto options =
        with_template("titre.md",
                      "---\nkey: titre\noptional: [x, who]\n---\n\nUn.\n{% if x %}\nVrai.\n{% end %}\n\n"
                      "### Sous-titre\n");
    auto message = error_of("p/titre", options);
    CHECK(message.find("p/titre.md:11:1: headings come from the agreement's structure") != std::string::npos);
}

TEST_CASE("template places: raw HTML in a line with a placeholder, at its column in the file") {
    auto options = with_template(
        "html.md", "---\nkey: html\noptional: [x, who]\n---\nUn.\n\n{{ who }} s'engage <b>vraiment</b>.\n");
    auto message = error_of("p/html", options);
    CHECK(message.find("p/html.md:7:20: ") != std::string::npos);
}

TEST_CASE("template places: a misspelt template name gets the nearest one") {
    auto options = with_template("protection_donnees.md", "---\nkey: protection_donnees\n---\nTexte.\n");
    auto message = lua_error_of(
        "return conventio.Document{ body = require('conventio.clauses').blocks("
        "'p/protection_donnee') }",
        options);
    CHECK(message.find("snippet.lua:1: template 'p/protection_donnee' not found (did you mean "
                       "p/protection_donnees?):") == 0);
    // Nothing near: no suggestion.
    CHECK(lua_error_of("return conventio.template('p/zzz')", options).find("template 'p/zzz' not found:") !=
          std::string::npos);
}

TEST_CASE("template places: only a template the host loaded is read again, never a file a script names") {
    // conventio.Markdown's source is the script's to give: /dev/zero would be read until the
    // memory cap, a FIFO would block the run. The message keeps the rendered text's place.
    CHECK(lua_error_of(
              "return conventio.Document{ body = conventio.Markdown('# x', { source = '/dev/zero' }) }") ==
          "snippet.lua:1: /dev/zero:1:1: headings come from the agreement's structure, not from clause text "
          "(write \\# for a literal '#')");
}
