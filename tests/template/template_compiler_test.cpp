#include "template/template_compiler.hpp"

#include <doctest/doctest.h>

#include <lua.hpp>
#include <memory>
#include <string>

#include "template/template_error.hpp"

using conventio::tmpl::compile_template;
using conventio::tmpl::CompiledTemplate;
using conventio::tmpl::TemplateError;

namespace {

constexpr std::string_view header = "---\nkey: t\nparams: [x]\n---\n";  // body starts on line 5

/// Runs a compiled template the way the runtime does, with a v() that inserts tostring(value)
/// ("[line:col]" before it, the place the chunk marked, when `positions` is set). `env` is a
/// Lua table constructor. Returns the Markdown, or "error: <Lua message>" (unprotected: the
/// message is Lua's own, "path:line: ...").
std::string run(const CompiledTemplate& compiled, const std::string& env, bool positions = false) {
    std::unique_ptr<lua_State, decltype(&lua_close)> state(luaL_newstate(), &lua_close);
    lua_State* L = state.get();
    luaL_openlibs(L);
    const char* driver = R"(
        local chunk, env, positions = ...
        local out = chunk(env, { line = false, column = 0 },
              function(place, value)
                  local shown = tostring(value)
                  if positions then shown = "[" .. place.line .. ":" .. place.column .. "]" .. shown end
                  return shown
              end,
              function(place, line, column)
                  place.line, place.column = line, column
                  return true
              end,
              function(place, list) return list end)
        return table.concat(out))";
    REQUIRE(luaL_loadstring(L, driver) == LUA_OK);
    std::string chunkname = "@" + compiled.path;
    int loaded =
        luaL_loadbufferx(L, compiled.lua_source.data(), compiled.lua_source.size(), chunkname.c_str(), "t");
    INFO(compiled.lua_source);
    REQUIRE(loaded == LUA_OK);
    REQUIRE(luaL_dostring(L, ("return " + env).c_str()) == LUA_OK);
    lua_pushboolean(L, positions);
    if (lua_pcall(L, 3, 1, 0) != LUA_OK) return std::string("error: ") + lua_tostring(L, -1);
    return lua_tostring(L, -1);
}

std::string render(std::string_view body, const std::string& env = "{}", bool positions = false) {
    std::string text(header);
    text += body;
    return run(compile_template(text, "templates/t.md"), env, positions);
}

/// The message compile_template throws for `body` (after the usual header), or "".
std::string error_of(std::string_view body) {
    std::string text(header);
    text += body;
    try {
        compile_template(text, "t.md");
    } catch (const TemplateError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("compiler: text and values") {
    auto compiled = compile_template(
        "---\nkey: montant\ntitle: Montant\nparams: [payeur, montant]\n---\n"
        "L'engagement financier {{ payeur.de }} est fixé à **{{ montant }}**.\n",
        "templates/montant.md");
    CHECK(compiled.front.key == "montant");
    CHECK(compiled.path == "templates/montant.md");
    CHECK(run(compiled, R"({payeur = {de = "du Cerema"}, montant = "475 000 €"})") ==
          "L'engagement financier du Cerema est fixé à **475 000 €**.\n");
}

TEST_CASE("compiler: if, elseif, else; tag-only lines disappear") {
    std::string_view body =
        "Taille :\n"
        "{% if x > 2 %}\n"
        "grand\n"
        "{% elseif x > 1 %}\n"
        "moyen\n"
        "{% else %}\n"
        "petit\n"
        "{% end %}\n"
        "fin\n";
    CHECK(render(body, "{x = 3}") == "Taille :\ngrand\nfin\n");
    CHECK(render(body, "{x = 2}") == "Taille :\nmoyen\nfin\n");
    CHECK(render(body, "{x = 0}") == "Taille :\npetit\nfin\n");
    // Lua truth: only nil and false are false.
    CHECK(render("{% if x %}oui{% else %}non{% end %}\n", "{x = 0}") == "oui\n");
    CHECK(render("{% if x %}oui{% else %}non{% end %}\n", "{}") == "non\n");
    CHECK(render("{% if(x)%}oui{%end%}\n", "{x = true}") == "oui\n");
}

TEST_CASE("compiler: for with and without index keeps a Markdown list intact") {
    std::string_view env = R"({tranches = {{montant = "10 €"}, {montant = "20 €"}}})";
    CHECK(render("Les tranches :\n"
                 "\n"
                 "{% for i, t in tranches %}\n"
                 "- tranche {{ i }} : {{ t.montant }}\n"
                 "{% end %}\n"
                 "\n"
                 "Fin.\n",
                 std::string(env)) == "Les tranches :\n\n- tranche 1 : 10 €\n- tranche 2 : 20 €\n\nFin.\n");
    CHECK(render("{% for t in tranches %}\n"
                 "- {{ t.montant }}\n"
                 "{% end %}\n",
                 std::string(env)) == "- 10 €\n- 20 €\n");
    CHECK(render("{% for t in tranches %}\n- {{ t }}\n{% end %}\n", "{tranches = {}}") == "");
    // Nested loops, indented tags, several tags on one line, a loop variable used in a closure.
    CHECK(render("{% for i, row in rows %}\n"
                 "  {% for cell in row %}\n"
                 "{{ i }}{{ cell }}\n"
                 "  {% end %}{% end %}\n"
                 "done",
                 "{rows = {{'a', 'b'}, {'c'}}}") == "1a\n1b\n2c\ndone");
}

TEST_CASE("compiler: comments, tags inside a line, literal {{") {
    CHECK(render("{# a note for drafters,\n   over two lines #}\nTexte.\n") == "Texte.\n");
    CHECK(render("a {# c #} b\n") == "a  b\n");
    CHECK(render("a {% if x %}b{% end %} c\n", "{x = 1}") == "a b c\n");
    CHECK(render("{{ \"{{\" }} et {{ \"}}\" }} et {{ #{1, {2}} }}\n") == "{{ et }} et 2\n");
    CHECK(render("{ x } %} #}\n") == "{ x } %} #}\n");
    // A value line is not a tag-only line: its newline stays.
    CHECK(render("{{ x }}\n{{ x }}\n", "{x = 'v'}") == "v\nv\n");
}

TEST_CASE("compiler: literal text round-trips exactly") {
    std::string_view nasty =
        "]] ]=] ]==] [[ [=[ \"double\" 'single' \\ \\\\ \\n \\\" \\z\n"
        "tab\there, CRLF\r\n"
        "éàç€ \xF0\x9F\x98\x80 %s %d ... ; -- not a comment\n"
        "\n"
        "end";
    CHECK(render(nasty) == nasty);
}

TEST_CASE("compiler: values carry their template line and column") {
    CHECK(render("Montant : {{ x }}\nÉchéance : {{\n  x }}\n", "{x = 1}", true) ==
          "Montant : [5:14]1\nÉchéance : [7:3]1\n");
}

TEST_CASE("compiler: the generated Lua keeps template line numbers") {
    // Line 5 onwards is the body; the failing expression is on template line 7, after a
    // removed tag line and with multi-line literal text before it.
    std::string_view body =
        "Premier paragraphe\n"    // 5
        "{% if x %}\n"            // 6
        "Valeur : {{ x.y.z }}\n"  // 7
        "{% end %}\n";            // 8
    std::string result = render(body, "{x = {}}");
    CHECK(result.starts_with("error: templates/t.md:7: "));
    CHECK(result.find("attempt to index a nil value") != std::string::npos);

    // In a condition, in a for list, after CRLF lines and a multi-line comment.
    CHECK(
        render("a\r\nb\r\n{% if x.y.z %}\n{% end %}\n", "{x = {}}").starts_with("error: templates/t.md:7: "));
    CHECK(render("{# one\ntwo #}\n\n{% for t in x.list %}\n{% end %}\n", "{x = {}}")
              .starts_with("error: templates/t.md:8: "));
    // An expression spanning lines reports the line of the failing part.
    CHECK(render("{{ x\n .y\n .z }}\n", "{x = {}}").starts_with("error: templates/t.md:7: "));
}

TEST_CASE("compiler: the pieces outside loops, room made for them, then those of loops") {
    // More pieces than a table constructor sets at once (50), around a loop and in branches.
    std::string body, expected;
    for (int i = 0; i < 70; ++i) {
        body += "{{ x }}-";
        expected += "1-";
    }
    body += "{% for _, v in list %}<{{ v }}>{% end %}{% if x == 2 %}non{% else %}oui{% end %}.";
    expected += "<a><b><c>oui.";
    CHECK(render(body, "{x = 1, list = {'a', 'b', 'c'}}") == expected);
    CHECK(render("", "{}") == "");
    CHECK(render("{% for _, v in list %}{{ v }}{% end %}", "{list = {}}") == "");
}

TEST_CASE("compiler: the chunk reads no global") {
    // The environment holds only the parameters; loops must not need ipairs.
    CHECK(render("{% for i, v in x %}{{ i }}={{ v }};{% end %}", "{x = {'a', 'b'}}") == "1=a;2=b;");
}

TEST_CASE("compiler: unclosed tags") {
    CHECK(error_of("Montant {{ x }\n") == "t.md:5:9: unclosed '{{': expected '}}'");
    CHECK(error_of("{% if x }\n{% end %}\n") == "t.md:5:1: unclosed '{%': expected '%}'");
    CHECK(error_of("ab {# note\n") == "t.md:5:4: unclosed '{#': expected '#}'");
    CHECK(error_of("{{ x \n{{ y }}\n") == "t.md:5:1: unclosed '{{': expected '}}'");
    CHECK(error_of("{{ [[x }}\n") == "t.md:5:1: unclosed '{{': expected '}}'");
}

TEST_CASE("compiler: block structure errors") {
    CHECK(error_of("{% endif %}\n") ==
          "t.md:5:4: unknown tag '{% endif %}': expected if, elseif, else, end or for (every block "
          "closes with '{% end %}')");
    CHECK(error_of("{% include x %}\n") ==
          "t.md:5:4: unknown tag '{% include %}': expected if, elseif, else, end or for");
    CHECK(error_of("{% %}\n") == "t.md:5:1: empty '{% %}': expected if, elseif, else, end or for");
    CHECK(error_of("a\n{% end %}\n") == "t.md:6:1: '{% end %}' without an opening '{% if %}' or '{% for %}'");
    CHECK(error_of("{% if x %}\n  {% if y %}\n  {% end %}\n") ==
          "t.md:5:1: '{% if %}' is not closed: expected '{% end %}'");
    CHECK(error_of("text\n {% for v in x %}\n") ==
          "t.md:6:2: '{% for %}' is not closed: expected '{% end %}'");
    CHECK(error_of("{% elseif x %}\n") == "t.md:5:1: '{% elseif %}' outside '{% if %}'");
    CHECK(error_of("{% else %}\n") == "t.md:5:1: '{% else %}' outside '{% if %}'");
    CHECK(error_of("{% for v in x %}{% else %}{% end %}\n") == "t.md:5:17: '{% else %}' outside '{% if %}'");
    CHECK(error_of("{% if x %}{% else %}{% elseif y %}{% end %}\n") ==
          "t.md:5:21: '{% elseif %}' after '{% else %}'");
    CHECK(error_of("{% if x %}{% else %}{% else %}{% end %}\n") ==
          "t.md:5:21: second '{% else %}' in the same '{% if %}'");
    CHECK(error_of("{% if x %}{% else if y %}{% end %}\n") ==
          "t.md:5:19: '{% else %}' takes no condition: use '{% elseif expr %}'");
    CHECK(error_of("{% if x %}{% end if %}\n") == "t.md:5:18: '{% end %}' takes nothing after 'end'");
    CHECK(error_of("{% if %}{% end %}\n") == "t.md:5:1: '{% if %}' needs a condition: '{% if expr %}'");
    CHECK(error_of("{% if x %}{% elseif %}{% end %}\n") ==
          "t.md:5:11: '{% elseif %}' needs a condition: '{% elseif expr %}'");
}

TEST_CASE("compiler: malformed for") {
    const std::string malformed =
        "t.md:5:1: malformed '{% for %}': expected '{% for x in list %}' or '{% for i, x in list %}'";
    CHECK(error_of("{% for x %}{% end %}") == malformed);
    CHECK(error_of("{% for in x %}{% end %}") == malformed);
    CHECK(error_of("{% for i, in x %}{% end %}") == malformed);
    CHECK(error_of("{% for x in %}{% end %}") == malformed);
    CHECK(error_of("{% for x of y %}{% end %}") == malformed);
    CHECK(error_of("{% for end in x %}{% end %}") ==
          "t.md:5:8: 'end' is a Lua keyword and cannot name a loop variable");
    CHECK(error_of("{% for i, __k in x %}{% end %}") ==
          "t.md:5:11: loop variable '__k' is reserved: names cannot start with '__' or be _ENV");
    CHECK(error_of("{% for v, v in x %}{% end %}") ==
          "t.md:5:11: the index and the item need different names");
}

TEST_CASE("compiler: an expression cannot read the chunk's own locals") {
    // __o, __n, __p... are the compiled chunk's: read or set from a template, they would move its
    // error places or break its output.
    CHECK(error_of("A {{ __o }} B\n") ==
          "t.md:5:6: '__o' is reserved: names in a template cannot start with '__'");
    CHECK(error_of("{% if __p %}x{% end %}\n") ==
          "t.md:5:7: '__p' is reserved: names in a template cannot start with '__'");
    CHECK(error_of("{% for x in __list %}{{ x }}{% end %}\n") ==
          "t.md:5:13: '__list' is reserved: names in a template cannot start with '__'");
    CHECK(error_of("{{ a .. __n }}\n") ==
          "t.md:5:9: '__n' is reserved: names in a template cannot start with '__'");
    CHECK(error_of("{{ (function() __o[1] = false end)() }}\n") ==
          "t.md:5:16: '__o' is reserved: names in a template cannot start with '__'");
    // A field, a method, a string or a comment of that name is no local of the chunk.
    CHECK(error_of("{{ x.__index }} {{ x:__call() }} {{ '__o' }} {{ [[__o]] }} {{ x --[[__o]] }}\n").empty());
    CHECK(error_of("{{ x . __len }}\n").empty());
}

TEST_CASE("compiler: invalid expressions name the template column") {
    CHECK(error_of("Montant : {{ montant + }}\n") ==
          "t.md:5:14: invalid expression: unexpected symbol near <eof>");
    CHECK(error_of("\n{% if a == %}{% end %}\n") ==
          "t.md:6:7: invalid expression: unexpected symbol near <eof>");
    CHECK(error_of("{% for v in x y %}{% end %}\n") ==
          "t.md:5:13: invalid expression: <eof> expected near 'y'");
    CHECK(error_of("Échéance {{ a b }}\n") == "t.md:5:13: invalid expression: <eof> expected near 'b'");
    CHECK(error_of("{{ a +\n  * b }}\n") == "t.md:6:3: invalid expression: unexpected symbol near '*'");
    CHECK(error_of("{{ }}\n") == "t.md:5:1: empty '{{ }}': expected an expression");
    // Valid Lua inside "return (...)" but not one expression: it would break out of the code
    // generated around it.
    CHECK(error_of("{{ a) or (b }}\n") ==
          "t.md:5:4: invalid expression: expected a single expression, got 'a) or (b'");
    CHECK(error_of("{{ a, b }}\n") ==
          "t.md:5:4: invalid expression: expected a single expression, got 'a, b'");
    CHECK(error_of("{% if x) then __t('!') end if (y %}{% end %}\n") ==
          "t.md:5:7: invalid expression: expected a single expression, got 'x) then __t('!') end if (y'");
    // Parameters not declared are the runtime's business.
    CHECK(error_of("{{ undeclared }}\n").empty());
}

TEST_CASE("compiler: the whole chunk is loaded before it is accepted") {
    // Each loop declares locals; Lua allows 200 per function.
    std::string body;
    for (int i = 0; i < 60; ++i) body += "{% for v" + std::to_string(i) + " in x %}";
    for (int i = 0; i < 60; ++i) body += "{% end %}";
    std::string message = error_of(body);
    CHECK(message.starts_with("t.md:5: "));
    CHECK(message.find("too many local variables") != std::string::npos);
}

TEST_CASE("compiler: reads template files") {
    CHECK_THROWS_WITH_AS(conventio::tmpl::compile_template_file("/nonexistent/x.md"),
                         "/nonexistent/x.md: cannot open the template file", TemplateError);
}

TEST_CASE("compiler: blocks nested beyond the limit are an error naming the tag") {
    std::string deep;
    for (int i = 0; i < 10000; ++i) deep += "{% if x %}";
    std::string message = error_of(deep);
    CAPTURE(message);
    CHECK(message.starts_with("t.md:5:"));  // the body starts on line 5
    CHECK(message.find("nest more than 100 levels deep") != std::string::npos);
    std::string hundred;
    for (int i = 0; i < 100; ++i) hundred += "{% if true %}";
    hundred += "x";
    for (int i = 0; i < 100; ++i) hundred += "{% end %}";
    CHECK(error_of(hundred) == "");
}
