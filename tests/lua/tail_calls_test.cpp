#include "lua/tail_calls.hpp"

#include <doctest/doctest.h>

#include <string>

#include "lua/lua_test_support.hpp"

using conventio::test::lua_error_of;

namespace {

/// Loads `code`, keeps its frame, calls it with `args` (integers); returns its results joined
/// by spaces, or the error.
std::string call_kept(const std::string& code, std::initializer_list<lua_Integer> args) {
    lua_State* L = luaL_newstate();
    luaL_openlibs(L);
    std::string out;
    if (luaL_loadbufferx(L, code.data(), code.size(), "@chunk.lua", "t") != LUA_OK) {
        out = lua_tostring(L, -1);
    } else {
        conventio::lua::keep_script_frame(L);
        for (lua_Integer a : args) lua_pushinteger(L, a);
        if (lua_pcall(L, static_cast<int>(args.size()), LUA_MULTRET, 0) != LUA_OK) {
            out = lua_tostring(L, -1);
        } else {
            for (int i = 1; i <= lua_gettop(L); ++i)
                out += (i > 1 ? " " : "") + std::string(luaL_tolstring(L, i, nullptr)), lua_pop(L, 1);
        }
    }
    lua_close(L);
    return out;
}

}  // namespace

TEST_CASE("tail calls: a returned call gives the same results") {
    CHECK(call_kept("local a, b = ...\nreturn math.max(a, b)", {3, 7}) == "7");
    CHECK(call_kept("return select('#', ...)", {1, 2, 3}) == "3");
    CHECK(call_kept("local function three(...) return ... end\nreturn three(...)", {4, 5, 6}) == "4 5 6");
    // An upvalue the chunk's closure captured, closed by the return as by the tail call.
    CHECK(call_kept(
              "local x = ...\nlocal f = function() return x end\nreturn (function() return f() * 2 end)()",
              {21}) == "42");
    CHECK(call_kept("return ...", {8, 9}) == "8 9");
}

TEST_CASE("tail calls: the script's line is on the stack while a returned call runs") {
    CHECK(call_kept("local where = function() return debug.getinfo(2, 'l').currentline end\n\nreturn where()",
                    {}) == "3");
}

TEST_CASE("tail calls: a library error in a returned call names the script's line") {
    CHECK(
        lua_error_of(
            "local Agreement = require 'conventio.agreement'\nreturn Agreement.new {\n  kind = 'bail',\n}") ==
        "snippet.lua:2: Agreement: kind must be \"partenariat\", \"delegation\" or \"avenant\", got bail");
    CHECK(lua_error_of("return require('conventio.agreement').new { kind = 'partenariat', title = '' }") ==
          "snippet.lua:1: Agreement.title cannot be empty or blank");
}
