#include "check/data_places.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace conventio::check;

namespace {

Diagnostic about(std::string file, std::string field) {
    Diagnostic d;
    d.file = std::move(file);
    d.field = std::move(field);
    return d;
}

}  // namespace

TEST_CASE("data places: a field's value, an object's or list's first value, nothing for others") {
    DataPlaces places("x.json");
    places.add("title", 2, 12, "Convention");
    places.add("parties.partner.name", 5, 15, "Cerema");
    places.add("parties.partner.siret", 6, 16, "130 018 310 00016");
    places.add("finance.tranches[1].label", 9, 20, "Tranche 1");
    places.add("title", 30, 3, "Autre");  // a field given twice: its first place, as the file is read

    Diagnostic field = about("x.json", "parties.partner.siret");
    places.locate(field);
    CHECK(field.line == 6);
    CHECK(field.column == 16);

    Diagnostic twice = about("x.json", "title");
    places.locate(twice);
    CHECK(twice.line == 2);
    CHECK(twice.column == 12);

    Diagnostic object = about("x.json", "parties.partner");
    places.locate(object);
    CHECK(object.line == 5);
    CHECK(object.column == 0);

    Diagnostic list = about("x.json", "finance.tranches");
    places.locate(list);
    CHECK(list.line == 9);

    Diagnostic prefix_only = about("x.json", "parties.part");  // not a whole name's prefix
    places.locate(prefix_only);
    CHECK(prefix_only.line == 0);

    Diagnostic other_file = about("y.json", "title");
    places.locate(other_file);
    CHECK(other_file.line == 0);

    // A field of a list's element without text of its own (`throughout = true`): the element's line.
    Diagnostic in_element = about("x.json", "finance.tranches[1].shared");
    places.locate(in_element);
    CHECK(in_element.line == 9);
    Diagnostic missing = about("x.json", "finance.shared");  // not an element's field: no place
    places.locate(missing);
    CHECK(missing.line == 0);

    Diagnostic placed = about("x.json", "title");
    placed.line = 40;
    places.locate(placed);
    CHECK(placed.line == 40);
}

TEST_CASE("data places: places added after a problem was located are found too") {
    DataPlaces places("x.json");
    places.add("a", 1, 5, "x");
    Diagnostic early = about("x.json", "a");
    places.locate(early);
    CHECK(early.line == 1);
    // Enough names that the text holding them moves.
    for (int i = 0; i < 200; ++i)
        places.add("field_with_a_long_name_" + std::to_string(i), i + 2, 7, "value");
    Diagnostic late = about("x.json", "field_with_a_long_name_150");
    places.locate(late);
    CHECK(late.line == 152);
    CHECK(late.column == 7);
    Diagnostic again = about("x.json", "a");
    places.locate(again);
    CHECK(again.line == 1);
    CHECK(again.column == 5);
}

TEST_CASE("data places: a finding of the text review in words the data gave is placed in the data") {
    DataPlaces places("melun.json");
    places.add("visas[1]", 52, 9, "le code ..., article [A COMPLETER]");
    places.add("action", 62, 15,
               "la conception du guichet, pour 50 000 \u20ac, pr\u00e9vue \u00e0 l'article 12");
    // The rendering's no-break spaces and typographic apostrophe are the data's spaces and quote.
    // The paragraphs as rendered: the value with the template's words around it.
    const std::string action_paragraph =
        "La DINUM contribue \u00e0 la conception du guichet, pour 50\u202f000\u00a0\u20ac, pr\u00e9vue "
        "\u00e0 l\u2019article 12.";
    Diagnostic amount{Severity::warning,
                      "templates/objet/partenariat.md",
                      0,
                      0,
                      "Article 1\u00a0: Objet",
                      "m",
                      "50\u202f000\u00a0\u20ac",
                      action_paragraph};
    REQUIRE(places.place_in_data(amount));
    CHECK(amount.file == "melun.json");
    CHECK(amount.line == 62);
    CHECK(amount.column == 15 + 1 + 31);  // the quote, then 31 characters before "50"
    CHECK(amount.field == "action");
    Diagnostic placeholder{Severity::error,
                           "templates/commun/visas.md",
                           0,
                           0,
                           "",
                           "m",
                           "[A COMPLETER]",
                           "Vu le code ..., article [A COMPLETER]\u00a0;"};
    REQUIRE(places.place_in_data(placeholder));
    CHECK(placeholder.field == "visas[1]");
    CHECK(placeholder.column == 9 + 1 + 21);
    Diagnostic reference{Severity::error, "t.md", 0, 0, "", "m", "article\u00a012", action_paragraph};
    CHECK(places.place_in_data(reference));
    // The same words in a paragraph the value did not write (a script's, a template's): they
    // stay there, not moved to a value that only happens to hold them too.
    Diagnostic elsewhere{Severity::error,
                         "x.lua",
                         0,
                         0,
                         "Article 9",
                         "m",
                         "[A COMPLETER]",
                         "Le bilan est remis le [A COMPLETER] au plus tard."};
    CHECK_FALSE(places.place_in_data(elsewhere));
    CHECK(elsewhere.file == "x.lua");
    // A value that is nothing but the words agrees with any paragraph: taken only for a paragraph
    // a template wrote, not for the script's own.
    DataPlaces only_words("d.json");
    only_words.add("address", 3, 14, "[A COMPLETER]");
    Diagnostic script_para{Severity::error,
                           "x.lua",
                           0,
                           0,
                           "",
                           "m",
                           "[A COMPLETER]",
                           "Le bilan est remis le [A COMPLETER] au plus tard."};
    CHECK_FALSE(only_words.place_in_data(script_para, false));
    Diagnostic as_given{Severity::error, "c.json", 0, 0, "", "m", "[A COMPLETER]", "[A COMPLETER]"};
    CHECK(only_words.place_in_data(as_given, false));  // the paragraph is the value itself
    Diagnostic template_para{
        Severity::error, "t.md", 0, 0, "", "m", "[A COMPLETER]", "Adresse\u00a0: [A COMPLETER]"};
    CHECK(only_words.place_in_data(template_para, true));
    // Markdown's marks, a paragraph break and French spacing around the words do not count.
    DataPlaces marked("d.json");
    marked.add("purpose", 5, 14, "de soutenir, avec *l'ANCT* : la tournée.\n\nPuis le reste, qui est long.");
    Diagnostic emphasis{Severity::warning,
                        "t.md",
                        0,
                        0,
                        "",
                        "m",
                        "ANCT",
                        "Afin de soutenir, avec l\u2019ANCT\u00a0: la tournée."};
    CHECK(marked.place_in_data(emphasis));
    // Words of the template alone, or a finding without words, stay where they are.
    Diagnostic template_words{Severity::warning, "templates/x.md", 0, 0, "Article 2", "m", "ANCT"};
    CHECK_FALSE(places.place_in_data(template_words));
    CHECK(template_words.file == "templates/x.md");
    Diagnostic no_words{Severity::warning, "x.lua", 0, 0, "", "m"};
    CHECK_FALSE(places.place_in_data(no_words));
}

TEST_CASE("data places: a finding's column counts the value as the file writes it, escapes included") {
    DataPlaces places("d.json");
    // "dûment \u00e9lue \"habilitée\" du [à compléter]" in the file: the escapes take 6 and 2 columns.
    places.add("act", 21, 16, "dûment élue \"habilitée\" du [à compléter]",
               "dûment \\u00e9lue \\\"habilitée\\\" du [à compléter]");
    Diagnostic d{Severity::error,
                 "t.md",
                 0,
                 0,
                 "",
                 "m",
                 "[à compléter]",
                 "Représentée par X, dûment élue \"habilitée\" du [à compléter]."};
    REQUIRE(places.place_in_data(d));
    // The quote at 16, the text from 17; 27 characters before the words, 34 columns as written.
    CHECK(d.column == 16 + 1 + 34);
}
