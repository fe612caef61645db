#include "template/front_matter.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "template/template_cache.hpp"
#include "template/template_error.hpp"

using conventio::tmpl::parse_front_matter;
using conventio::tmpl::TemplateError;

namespace {

/// The message parse_front_matter throws for `text`, or "" when it accepts it.
std::string error_of(std::string_view text) {
    try {
        parse_front_matter(text, "templates/montant.md");
    } catch (const TemplateError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("front matter: key, title, params, other keys, comments and quotes") {
    std::string_view text =
        "---\n"
        "# the financial commitment\n"
        "key: montant   # used by scripts\n"
        "title: \"Montant du financement : #1\"\n"
        "params: [payeur, 'montant', montant_ht]\n"
        "\n"
        "version: 3\n"
        "tags: [a, b]\n"
        "note: 'l''État'\n"
        "---\n"
        "Le texte.\n";
    auto split = parse_front_matter(text, "templates/montant.md");
    CHECK(split.front.key == "montant");
    CHECK(split.front.title == "Montant du financement : #1");
    CHECK(split.front.params == std::vector<std::string>{"payeur", "montant", "montant_ht"});
    CHECK(split.front.key_at.line == 3);
    CHECK(split.front.key_at.column == 6);
    CHECK(split.front.params_at.line == 5);
    CHECK(split.front.other.at("version").text == "3");
    CHECK_FALSE(split.front.other.at("version").is_list);
    CHECK(split.front.other.at("tags").is_list);
    CHECK(split.front.other.at("tags").items == std::vector<std::string>{"a", "b"});
    CHECK(split.front.other.at("note").text == "l'État");
    CHECK(split.front.optional.empty());
    CHECK_FALSE(split.front.headings);
    CHECK(split.body == "Le texte.\n");
    CHECK(split.body_line == 11);
    CHECK(text.substr(split.body_offset) == split.body);
}

TEST_CASE("front matter: plain values, empty list, CRLF, BOM, empty body") {
    auto split = parse_front_matter(
        "\xEF\xBB\xBF---\r\nkey: a_1\r\ntitle: Durée : 3 ans\r\n"
        "params: []\r\n---",
        "t.md");
    CHECK(split.front.key == "a_1");
    CHECK(split.front.title == "Durée : 3 ans");
    CHECK(split.front.params.empty());
    CHECK(split.body.empty());
    CHECK(split.body_line == 6);
}

TEST_CASE("front matter: missing or malformed delimiters") {
    CHECK(error_of("key: a\n") ==
          "templates/montant.md:1:1: expected '---' on the first line to open the front matter");
    CHECK(error_of("---\nkey: a\n") ==
          "templates/montant.md:1:1: front matter is not closed: expected a line '---' after it");
}

TEST_CASE("front matter: missing key") {
    CHECK(error_of("---\ntitle: Montant\n---\ntext\n") ==
          "templates/montant.md:1:1: missing 'key' in the front matter: expected a line like "
          "'key: montant'");
}

TEST_CASE("front matter: bad key values") {
    CHECK(error_of("---\nkey: Montant\n---\n") ==
          "templates/montant.md:2:6: 'key' must be an identifier ([a-z][a-z0-9_]*), got 'Montant'");
    CHECK(error_of("---\nkey:\n---\n") ==
          "templates/montant.md:2:5: 'key' needs a value: expected an identifier like montant");
    CHECK(error_of("---\nkey: [a]\n---\n") ==
          "templates/montant.md:2:6: 'key' must be one identifier, not a list");
}

TEST_CASE("front matter: bad lists") {
    CHECK(error_of("---\nkey: a\nparams: [payeur, montant\n---\n") ==
          "templates/montant.md:3:25: expected ',' or ']' after the list item");
    CHECK(error_of("---\nkey: a\nparams: [payeur montant]\n---\n") ==
          "templates/montant.md:3:10: 'payeur montant' is not a parameter name: expected letters, "
          "digits and '_' like montant_total");
    CHECK(error_of("---\nkey: a\nparams: [a, , b]\n---\n") ==
          "templates/montant.md:3:13: expected a list item");
    CHECK(error_of("---\nkey: a\nparams: [a, end]\n---\n") ==
          "templates/montant.md:3:13: 'end' is a Lua keyword and cannot be a parameter name");
    CHECK(error_of("---\nkey: a\nparams: [a, a]\n---\n") ==
          "templates/montant.md:3:13: parameter 'a' is listed twice");
    CHECK(error_of("---\nkey: a\nparams: [__t]\n---\n") ==
          "templates/montant.md:3:10: '__t' is reserved: parameter names cannot start with '__' "
          "or be _ENV");
    CHECK(error_of("---\nkey: a\nparams: montant\n---\n") ==
          "templates/montant.md:3:9: 'params' must be a list like [payeur, montant]");
    CHECK(error_of("---\nkey: a\nparams: [a] b\n---\n") ==
          "templates/montant.md:3:13: unexpected text after the value: expected the end of the "
          "line or a # comment");
}

TEST_CASE("front matter: bad lines") {
    CHECK(error_of("---\nkey: a\ntitle Montant\n---\n") ==
          "templates/montant.md:3:6: expected ':' after 'title'");
    CHECK(error_of("---\nkey: a\n- item\n---\n") == "templates/montant.md:3:1: expected 'name: value'");
    CHECK(error_of("---\nkey: a\n  title: x\n---\n") ==
          "templates/montant.md:3:3: unexpected indentation: expected 'name: value' at the start "
          "of the line (nested values are not supported)");
    CHECK(error_of("---\nkey: a\ntitle: \"Montant\n---\n") ==
          "templates/montant.md:3:8: unclosed quote: expected \" before the end of the line");
    CHECK(error_of("---\nkey: a\ntitle: \"a\\qb\"\n---\n") ==
          "templates/montant.md:3:10: unknown escape in quotes: expected \\\" \\\\ \\n or \\t "
          "after '\\'");
    CHECK(error_of("---\nkey: a\nkey: b\n---\n") ==
          "templates/montant.md:3:1: duplicate 'key' (already set on line 2)");
    // A field a typo away from a directive would leave the template without it.
    CHECK(error_of("---\nkey: a\nparms: [x]\n---\n") ==
          "templates/montant.md:3:1: unknown field 'parms' (did you mean params?)");
    CHECK(error_of("---\nkey: a\noptionnal: [x]\n---\n") ==
          "templates/montant.md:3:1: unknown field 'optionnal' (did you mean optional?)");
    CHECK(error_of("---\nkey: a\nyears: [x]\ntitle_article: y\n---\n").empty());  // the template's own data
    // Beside the directive it resembles, a field is the template's data.
    CHECK(error_of("---\nkey: a\ntitle: T\ntitre: x\nparams: [p]\nparts: [y]\n---\n").empty());
    // Columns count characters: "é" is one column in the drafter's editor.
    CHECK(error_of("---\nkey: a\ntitle: 'été' x\n---\n") ==
          "templates/montant.md:3:14: unexpected text after the value: expected the end of the "
          "line or a # comment");
}

TEST_CASE("front matter: optional parameters and headings are typed once, here") {
    auto split = parse_front_matter(
        "---\nkey: k\nparams: [payer]\noptional: [date, 'cap']\nheadings: true\n---\n", "k.md");
    CHECK(split.front.optional == std::vector<std::string>{"date", "cap"});
    CHECK(split.front.headings);
    CHECK(split.front.other.empty());
    CHECK(split.front.params_at.line == 3);

    CHECK(error_of("---\nkey: k\nparams: [a]\noptional: [b, a]\n---\n") ==
          "templates/montant.md:4:1: parameter 'a' is in both 'params' and 'optional'");
    CHECK(error_of("---\nkey: k\noptional: b\n---\n") ==
          "templates/montant.md:3:11: 'optional' must be a list like [payeur, montant]");
    CHECK(error_of("---\nkey: k\noptional: [end]\n---\n") ==
          "templates/montant.md:3:12: 'end' is a Lua keyword and cannot be a parameter name");
    CHECK(error_of("---\nkey: k\nheadings: yes\n---\n") ==
          "templates/montant.md:3:11: 'headings' must be true or false");
}

TEST_CASE("template cache: the key must be the file's name, pointed at where it is written") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("conventio-front-" + std::to_string(getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "duree.md") << "---\ntitle: Durée\nkey:   duree_old\n---\nLe texte.\n";
    std::ofstream(dir / "objet.md") << "---\nkey: objet\n---\nLe texte.\n";
    conventio::tmpl::TemplateCache cache;
    CHECK_THROWS_WITH_AS(cache.get(dir / "duree.md", "commun/duree.md"),
                         "commun/duree.md:3:8: key 'duree_old' is not the file's name: expected 'key: duree'",
                         TemplateError);
    CHECK(cache.get(dir / "objet.md", "commun/objet.md")->compiled.front.key == "objet");
    fs::remove_all(dir);
}
