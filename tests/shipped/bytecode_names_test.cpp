#include "shipped/bytecode_names.hpp"

#include <doctest/doctest.h>

#include <lua.hpp>
#include <memory>
#include <stdexcept>
#include <string>

#include "shipped/shipped_forms.hpp"
#include "template/lua_syntax.hpp"

namespace shipped = conventio::shipped;
namespace tmpl = conventio::tmpl;

namespace {

using StatePtr = std::unique_ptr<lua_State, decltype(&lua_close)>;

constexpr std::string_view module = R"(local M = {}
local limit = 3
function M.f(party)
  local name = party.name
  return name
end
function M.g()
  return missing.field
end
function M.h()
  return limit.x
end
return M
)";

std::string compiled(std::string_view source, const std::string& chunkname) {
    auto out = tmpl::LuaSyntax::of_this_thread().compile(source, chunkname);
    REQUIRE_FALSE(out.error);
    return out.bytecode;
}

StatePtr loaded(const std::string& bytecode) {
    StatePtr state(luaL_newstate(), &lua_close);
    REQUIRE(luaL_loadbufferx(state.get(), bytecode.data(), bytecode.size(), "ignored", "b") == LUA_OK);
    return state;
}

/// What module's function `name` says when called without an argument.
std::string error_of(const std::string& bytecode, const char* name) {
    StatePtr state = loaded(bytecode);
    lua_State* L = state.get();
    REQUIRE(lua_pcall(L, 0, 1, 0) == LUA_OK);
    lua_getfield(L, -1, name);
    REQUIRE(lua_pcall(L, 0, 0, 0) != LUA_OK);
    return lua_tostring(L, -1);
}

/// The function's dump without any debug information: its code, constants and functions.
std::string code_of(const std::string& bytecode) {
    StatePtr state = loaded(bytecode);
    std::string out;
    auto append = [](lua_State*, const void* bytes, std::size_t size, void* to) {
        static_cast<std::string*>(to)->append(static_cast<const char*>(bytes), size);
        return 0;
    };
    lua_dump(state.get(), append, &out, 1);
    return out;
}

}  // namespace

TEST_CASE("bytecode names: a local's name is dropped, the file, the lines and other names stay") {
    const std::string full = compiled(module, "@/usr/share/conventio/scripts/conventio/x.lua");
    const std::string stripped = shipped::without_local_names(full);
    CHECK(stripped.size() < full.size());
    CHECK(code_of(stripped) == code_of(full));

    const std::string file = "/usr/share/conventio/scripts/conventio/x.lua";
    CHECK(error_of(full, "f") == file + ":4: attempt to index a nil value (local 'party')");
    CHECK(error_of(stripped, "f") == file + ":4: attempt to index a nil value");
    // Globals are told by _ENV's name, an upvalue's name is kept.
    CHECK(error_of(stripped, "g") == file + ":8: attempt to index a nil value (global 'missing')");
    CHECK(error_of(stripped, "h") == file + ":11: attempt to index a number value (upvalue 'limit')");
}

TEST_CASE("bytecode names: the library's shipped forms are its sources' code and lines, and load") {
    const std::string placeholder = "@" + std::string(tmpl::shipped_chunk_placeholder);
    REQUIRE(!shipped::library_modules().empty());
    for (const tmpl::ShippedForm& form : shipped::library_modules()) {
        const std::string full = compiled(form.source, placeholder);
        CHECK(std::string(form.compiled) == shipped::without_local_names(full));
        CHECK(code_of(std::string(form.compiled)) == code_of(full));
    }
}

TEST_CASE("bytecode names: what is not a whole Lua 5.4 dump is refused") {
    const std::string full = compiled(module, "@x.lua");
    CHECK_THROWS_AS(shipped::without_local_names("return 1"), std::runtime_error);
    CHECK_THROWS_AS(shipped::without_local_names(full.substr(0, full.size() - 1)), std::runtime_error);
    CHECK_THROWS_AS(shipped::without_local_names(full + "x"), std::runtime_error);
    std::string other_version = full;
    other_version[4] = '\x53';
    CHECK_THROWS_AS(shipped::without_local_names(other_version), std::runtime_error);
}
