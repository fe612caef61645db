#include "check/diagnostic.hpp"

#include <doctest/doctest.h>

using namespace conventio::check;

TEST_CASE("diagnostic: a run's message is taken apart into its place") {
    Diagnostic t = from_message("templates/x.md:7:14: missing parameter 'amount'");
    CHECK(t.file == "templates/x.md");
    CHECK(t.line == 7);
    CHECK(t.column == 14);
    CHECK(t.message == "missing parameter 'amount'");
    Diagnostic s = from_message("hello.lua:12: attempt to index a nil value");
    CHECK(s.file == "hello.lua");
    CHECK(s.line == 12);
    CHECK(s.column == 0);
    Diagnostic d =
        from_message("x.json: invalid SIRET 13002603200017 (field parties.partner.siret): Luhn check failed");
    CHECK(d.file == "x.json");
    CHECK(d.field == "parties.partner.siret");
    CHECK(from_message("x.json: unknown field parties.p.sirne (did you mean siren?)").field ==
          "parties.p.sirne");
    CHECK(from_message("out of memory").file.empty());
    Diagnostic nested = from_message("x.lua:2: templates/y.md:3:10: 'end' is a Lua keyword");
    CHECK(nested.file == "templates/y.md");
    CHECK(nested.line == 3);
    CHECK(nested.column == 10);
    CHECK(nested.message == "'end' is a Lua keyword");
    CHECK(from_message("x.json: closing[2].duration.end_date (2022-06-30) is before the agreement's date")
              .field == "closing[2].duration.end_date");
    CHECK(from_message("x.json: parties.dinum.short_name cannot be empty or blank").field ==
          "parties.dinum.short_name");
    CHECK(from_message("x.lua:3: foo.bar is nil").field.empty());  // a script's words, not a data field
    // A single field before a colon, as the date and amount checks write it.
    CHECK(from_message("x.json: date: invalid date \"31/12/2025\": expected YYYY-MM-DD").field == "date");
    CHECK(from_message("x.json: finance.cofinancing.cost: write amounts with cents as strings").field ==
          "finance.cofinancing.cost");
}

TEST_CASE("diagnostic: a change set's entry is the place, whatever field its message names") {
    Diagnostic d = from_message(
        "c.json: data[1] (set finance.amount): the amended agreement is refused: invalid amount (field "
        "finance.amount)");
    CHECK(d.file == "c.json");
    CHECK(d.field == "data[1].set");
    CHECK(from_message("c.json: edits[2] (throughout true): the words are not there").field ==
          "edits[2].throughout");
    CHECK(from_message("c.json: data[2] (set a.b) : les données n'ont pas de a.b").field ==
          "data[2].set");  // French
    CHECK(from_message("x.lua: data[1] (set a): words of a script").field.empty());
    // The entry names itself: its field is not repeated after the message.
    d.line = 4;
    CHECK(as_text({d}) ==
          "c.json:4: data[1] (set finance.amount): the amended agreement is refused: invalid amount (field "
          "finance.amount)\n");
}

TEST_CASE("diagnostic: the field is repeated after a message that does not start with it") {
    std::vector<Diagnostic> list = {
        {Severity::warning, "d.json", 4, 7, "purpose",
         "the text names ANCT; if it is cited on purpose, add it"},
        {Severity::error, "d.json", 5, 1, "purpose", "purpose must start with \"de\""},
        {Severity::error, "d.json", 6, 1, "parties.p.siret", "invalid SIRET (field parties.p.siret)"}};
    CHECK(as_text(list) ==
          "d.json:4:7: warning: the text names ANCT; if it is cited on purpose, add it (in purpose)\n"
          "d.json:5:1: purpose must start with \"de\"\nd.json:6:1: invalid SIRET (field parties.p.siret)\n");
}

TEST_CASE("diagnostic: text for people, JSON for editors") {
    std::vector<Diagnostic> list = {{Severity::error, "x.lua", 3, 0, "", "boom"},
                                    {Severity::warning, "x.lua", 0, 0, "Article 2", "careful"}};
    CHECK(as_text(list, "conventio: ") ==
          "conventio: x.lua:3: boom\nconventio: x.lua: warning: careful (in Article 2)\n");
    CHECK(as_json(list).find("\"line\": 3") != std::string::npos);
    CHECK(as_json(list).find("\"column\": null") != std::string::npos);
    CHECK(as_json(list).find("\"severity\": \"warning\"") != std::string::npos);
    CHECK(has_errors(list));
    CHECK_FALSE(has_errors({list[1]}));
}

TEST_CASE("diagnostic: the first max_listed are listed, each message cut, the rest counted") {
    std::vector<Diagnostic> many(max_listed + 5, Diagnostic{Severity::error, "x.lua", 1, 0, "", "boom"});
    many[0].message = std::string(max_message_bytes + 10, 'x');
    std::string text = as_text(many, "conventio: ");
    std::size_t lines = 0;
    for (char ch : text) lines += ch == '\n';
    CHECK(lines == max_listed + 1);
    CHECK(text.find("conventio: ... and 5 more problems, not listed") != std::string::npos);
    CHECK(text.find(" [... cut: 4106 bytes in all]") != std::string::npos);
    CHECK(text.size() < max_listed * 40 + max_message_bytes + 200);
    CHECK(as_json(many).find(std::string(max_message_bytes + 1, 'x')) == std::string::npos);
}

TEST_CASE("diagnostic: no error hides behind the warnings past the cap") {
    std::vector<Diagnostic> list(max_listed + 50, Diagnostic{Severity::warning, "x.lua", 1, 0, "", "spaces"});
    list.push_back(Diagnostic{Severity::error, "x.lua", 9, 0, "", "placeholder XXXX"});
    std::string text = as_text(list);
    CHECK(text.find("x.lua:9: placeholder XXXX") != std::string::npos);
    CHECK(text.find("... and 51 more problems, not listed") != std::string::npos);
}
