// Seeded random inputs built from the pieces of the template and Markdown syntax: whatever a
// drafter writes, the compiler and the Markdown reader either succeed or throw TemplateError,
// a compiled chunk always loads and its errors name a template line, and an escaped value
// always reads back as itself.
#include <doctest/doctest.h>

#include <algorithm>
#include <lua.hpp>
#include <memory>
#include <random>
#include <string>

#include "template/markdown_escape.hpp"
#include "template/markdown_to_tree.hpp"
#include "template/template_compiler.hpp"
#include "template/template_error.hpp"

using namespace conventio;

namespace {

std::string random_text(std::mt19937& rng) {
    static const std::string chars = "{}%#\"'[]=\n\r\t ax()-.,\\|*_<>/1^:";  // ASCII: one byte at a time
    static const char* const pieces[] = {
        "{{",    "}}", "{%", "%}",    "{#",   "#}",    " if ",   " end ", " for ",  " in ", "elseif", "else",
        "[[",    "]]", "--", "\n",    "x",    "<sup>", "</sup>", "[^1]",  "[^1]: ", "- ",   "  - ",   "| a |",
        "|---|", "**", "*",  "#ref:", "[a](", ")",     "`",      "&amp;", "1. ",    "# ",   "    ",   "é"};
    std::string out;
    const int n = static_cast<int>(rng() % 30);
    for (int k = 0; k < n; ++k) {
        if (rng() % 2)
            out += chars[rng() % chars.size()];
        else
            out += pieces[rng() % std::size(pieces)];
    }
    return out;
}

/// Runs `source` with an environment where every name is a two-item list; returns the
/// Markdown or the Lua error.
std::string run(const std::string& source) {
    std::unique_ptr<lua_State, decltype(&lua_close)> state(luaL_newstate(), &lua_close);
    lua_State* L = state.get();
    luaL_openlibs(L);
    REQUIRE(luaL_dostring(L, R"(
        return function(chunk)
            local out = {}
            local env = setmetatable({}, {__index = function() return {"p", "q"} end})
            local ok, e = pcall(chunk, env, function(s) out[#out + 1] = s end,
                                function(l, c, f) out[#out + 1] = tostring(f()) end)
            return ok and table.concat(out) or tostring(e)
        end)") == LUA_OK);
    REQUIRE(luaL_loadbufferx(L, source.data(), source.size(), "@r.md", "t") == LUA_OK);
    lua_call(L, 1, 1);
    return lua_tostring(L, -1);
}

}  // namespace

TEST_CASE("random templates compile or fail cleanly, and keep their line numbers") {
    std::mt19937 rng(20240601);
    int compiled = 0;
    for (int iteration = 0; iteration < 3000; ++iteration) {
        std::string body = random_text(rng);
        CAPTURE(body);
        try {
            auto t = tmpl::compile_template("---\nkey: r\n---\n" + body, "r.md");
            ++compiled;
            std::string result = run(t.lua_source);
            if (result.starts_with("r.md:")) {
                int line = std::atoi(result.c_str() + 5);
                int last = 4 + static_cast<int>(std::count(body.begin(), body.end(), '\n'));
                CHECK(line >= 4);
                CHECK(line <= last);
            }
        } catch (const tmpl::TemplateError& e) {
            CHECK(std::string(e.what()).starts_with("r.md:"));
        }
    }
    CHECK(compiled > 300);  // the generator does produce valid templates too
}

TEST_CASE("random Markdown converts or fails cleanly; escaped values read back") {
    std::mt19937 rng(77);
    for (int iteration = 0; iteration < 3000; ++iteration) {
        std::string text = random_text(rng);
        CAPTURE(text);
        try {
            tmpl::markdown_to_blocks(text, {"m", {}});
        } catch (const tmpl::TemplateError& e) {
            CHECK(std::string(e.what()).starts_with("m:"));
        }

        std::string expected = "x ";
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
            expected += text[i] == '\n' || text[i] == '\r' ? ' ' : text[i];
        }
        expected += " y";
        auto blocks = tmpl::markdown_to_blocks("x " + tmpl::markdown_escape(text) + " y", {"m", {}});
        REQUIRE(blocks.size() == 1);
        const auto& paragraph = std::get<doc::Paragraph>(blocks[0].value);
        REQUIRE(paragraph.content.size() == 1);
        CHECK(std::get<doc::Run>(paragraph.content[0]).text == expected);
    }
}
