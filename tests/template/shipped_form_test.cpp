#include "template/shipped_form.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <lua.hpp>
#include <memory>
#include <string>

#include "template/lua_syntax.hpp"
#include "template/template_cache.hpp"

namespace tmpl = conventio::tmpl;

namespace {

const std::string placeholder_path(tmpl::shipped_chunk_placeholder);

constexpr std::string_view clause =
    "---\nkey: montant\ntitle: \"Montant\"\nparams: [payeur, montant]\noptional: [plafond]\n"
    "headings: true\nlabel: Article\nsigles: [ANCT, \"DINUM\"]\n---\n"
    "Le {{ payeur }} verse **{{ montant }}**.\n{% if plafond %}Au plus {{ plafond }}.{% end %}\n";

/// What `bytecode` says when its function `f` errors: Lua names the chunk and line.
std::string error_of(const std::string& bytecode) {
    std::unique_ptr<lua_State, decltype(&lua_close)> state(luaL_newstate(), &lua_close);
    lua_State* L = state.get();
    REQUIRE(luaL_loadbufferx(L, bytecode.data(), bytecode.size(), "ignored", "b") == LUA_OK);
    REQUIRE(lua_pcall(L, 0, 1, 0) == LUA_OK);  // the chunk returns f
    REQUIRE(lua_pcall(L, 0, 0, 0) != LUA_OK);
    return lua_tostring(L, -1);
}

}  // namespace

TEST_CASE("shipped form: a template's form read back is what compiling it where it is found gives") {
    auto shipped = tmpl::compile_template(clause, placeholder_path);
    auto form = tmpl::deserialize_template(tmpl::serialize_template(shipped), "templates/finance/montant.md");
    REQUIRE(form);
    auto direct = tmpl::compile_template(clause, "templates/finance/montant.md");
    CHECK(form->path == direct.path);
    CHECK(form->lua_source == direct.lua_source);
    CHECK(form->lua_bytecode == direct.lua_bytecode);  // byte for byte, chunk name included
    CHECK(form->front.key == "montant");
    CHECK(form->front.key_at.line == direct.front.key_at.line);
    CHECK(form->front.key_at.column == direct.front.key_at.column);
    CHECK(form->front.title == "Montant");
    CHECK(form->front.params == direct.front.params);
    CHECK(form->front.params_at.line == direct.front.params_at.line);
    CHECK(form->front.params_at.column == direct.front.params_at.column);
    CHECK(form->front.optional == direct.front.optional);
    CHECK(form->front.headings);
    REQUIRE(form->front.other.size() == 2);
    CHECK(form->front.other.at("label").text == "Article");
    CHECK_FALSE(form->front.other.at("label").is_list);
    CHECK(form->front.other.at("sigles").is_list);
    CHECK(form->front.other.at("sigles").items == std::vector<std::string>{"ANCT", "DINUM"});
}

TEST_CASE("shipped form: a truncated or foreign form is refused, so the text is compiled") {
    std::string bytes = tmpl::serialize_template(tmpl::compile_template(clause, placeholder_path));
    CHECK_FALSE(tmpl::deserialize_template(bytes.substr(0, bytes.size() - 1), "m.md"));
    CHECK_FALSE(tmpl::deserialize_template(bytes + "x", "m.md"));
    // Bytecode compiled under another name than the placeholder is not renamed.
    auto other = tmpl::LuaSyntax::of_this_thread().compile("return 1", "@elsewhere.lua");
    REQUIRE_FALSE(other.error);
    CHECK_FALSE(tmpl::renamed_bytecode(other.bytecode, "@x.lua"));
    CHECK_FALSE(tmpl::renamed_bytecode("return 1", "@x.lua"));
}

TEST_CASE("shipped form: renamed bytecode names the real file and line in Lua's messages") {
    const char* module = "local M = {}\n\nreturn function()\n  return missing.field\nend\n";
    auto compiled = tmpl::LuaSyntax::of_this_thread().compile(module, "@" + placeholder_path);
    REQUIRE_FALSE(compiled.error);
    auto renamed = tmpl::renamed_bytecode(compiled.bytecode, "@/usr/share/conventio/scripts/conventio/x.lua");
    REQUIRE(renamed);
    CHECK(error_of(*renamed) ==
          "/usr/share/conventio/scripts/conventio/x.lua:4: attempt to index a nil value (global 'missing')");
    // A name longer than 127 bytes takes two bytes of length.
    std::string long_name = "@/" + std::string(300, 'd') + "/x.lua";
    auto renamed_long = tmpl::renamed_bytecode(compiled.bytecode, long_name);
    REQUIRE(renamed_long);
    CHECK(error_of(*renamed_long).ends_with("/x.lua:4: attempt to index a nil value (global 'missing')"));
    CHECK(*renamed_long == tmpl::LuaSyntax::of_this_thread().compile(module, long_name).bytecode);
}

TEST_CASE("shipped form: only the exact bytes find a form") {
    const tmpl::ShippedForm forms[] = {{"abc", "1"}, {"abd", "2"}};
    CHECK(tmpl::find_shipped_form(forms, "abd")->compiled == "2");
    CHECK(tmpl::find_shipped_form(forms, "abc")->compiled == "1");
    CHECK_FALSE(tmpl::find_shipped_form(forms, "ab"));
    CHECK_FALSE(tmpl::find_shipped_form(forms, "abc "));
}

TEST_CASE("template cache: a shipped form is used for its exact bytes, an edited file is compiled") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("conventio-shipped-" + std::to_string(getpid()));
    fs::create_directories(dir);
    // The form of this cache claims another title than the text says: which one the cache
    // returns shows whether it used the form or compiled the file.
    std::string text = "---\nkey: objet\ntitle: Texte\n---\nLe texte.\n";
    std::string form_text = "---\nkey: objet\ntitle: Forme\n---\nLe texte.\n";
    std::string form = tmpl::serialize_template(tmpl::compile_template(form_text, placeholder_path));
    const tmpl::ShippedForm forms[] = {{text, form}};
    std::ofstream(dir / "objet.md") << text;
    fs::create_directories(dir / "edited");
    std::ofstream(dir / "edited" / "objet.md") << text << "Ajout.\n";
    tmpl::TemplateCache cache(forms);
    auto shipped = cache.get(dir / "objet.md", "commun/objet.md");
    CHECK(shipped->compiled.front.title == "Forme");
    CHECK(shipped->compiled.path == "commun/objet.md");
    auto edited = cache.get(dir / "edited" / "objet.md", "edited/objet.md");
    CHECK(edited->compiled.front.title == "Texte");
    CHECK(edited->compiled.lua_source.find("Ajout.") != std::string::npos);
    fs::remove_all(dir);
}
