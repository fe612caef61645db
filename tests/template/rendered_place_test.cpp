#include "template/rendered_place.hpp"

#include <doctest/doctest.h>

using conventio::tmpl::rendered_place;

namespace {
// The body of a template whose front matter took lines 1 to 5: its body starts at line 6.
constexpr const char* body =
    "Ligne un.\n"       // 6
    "{% if x %}\n"      // 7: a block tag on its own line leaves no line
    "Vrai.\n"           // 8
    "{% end %}\n"       // 9
    "\n"                // 10
    "### Sous-titre\n"  // 11
    "Le partenaire {{ partner.le }} s'engage <b>vraiment</b>.\n"  // 12
    "### Sous-titre\n";                                           // 13
}  // namespace

TEST_CASE("rendered place: a line written as it is, after block tags that took their lines") {
    // Rendered: "Ligne un.\nVrai.\n\n### Sous-titre\n...": the heading is the rendered line 4,
    // estimated at line 9 of the file (4 + 5); the template line is 11, the nearer of the two.
    auto place = rendered_place(body, 6, "### Sous-titre", 1, 9);
    REQUIRE(place);
    CHECK(place->line == 11);
    CHECK(place->column == 1);
    // Near the second one, the second one.
    CHECK(rendered_place(body, 6, "### Sous-titre", 1, 14)->line == 13);
}

TEST_CASE("rendered place: a line with placeholders, its column moved to the template's text") {
    // "<b>" is at column 57 of the rendered line ("é" is one column), at column 41 of the template line.
    auto place = rendered_place(
        body, 6, "Le partenaire le Cerema, établissement public, s'engage <b>vraiment</b>.", 57, 7);
    REQUIRE(place);
    CHECK(place->line == 12);
    CHECK(place->column == 41);
}

TEST_CASE("rendered place: none when no template line could have written the rendered one") {
    CHECK_FALSE(rendered_place(body, 6, "Texte venu d'ailleurs", 1, 8));
    CHECK_FALSE(rendered_place("{{ x }}\n", 6, "valeur", 1, 6));  // only a placeholder: no literal text
}

TEST_CASE("rendered place: the line whose own text holds the problem, not one a value repeats") {
    // A parameter's value repeats line 5's words in line 7's output: the "<b>" is line 7's.
    constexpr const char* text = "Le partenaire remet le rapport\n\n{{ who }} <b>vraiment</b>.\n";
    auto place = rendered_place(text, 5, "Le partenaire remet le rapport <b>vraiment</b>.", 32, 5);
    REQUIRE(place);
    CHECK(place->line == 7);
    CHECK(place->column == 11);
}
