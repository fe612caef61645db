#include "lua/source_bindings.hpp"

#include <filesystem>
#include <string>

#include "lua/binding_support.hpp"
#include "lua/json_data.hpp"
#include "lua/lua_state.hpp"

namespace conventio::lua {

namespace {

/// The file `name` (relative, no "..", ending in `extension`) in the first library folder
/// that has it: the running script's folder comes first.
std::filesystem::path find_in_library(lua_State* L, const char* what, const std::string& extension) {
    std::string name = luaL_checkstring(L, 1);
    std::filesystem::path relative(name);
    bool escapes = relative.is_absolute() || name.empty();
    for (const auto& part : relative) escapes = escapes || part == "..";
    if (escapes) luaL_error(L, "%s: '%s' must be a path relative to the script's folder", what, name.c_str());
    if (relative.extension() != extension)
        luaL_error(L, "%s: '%s' must end in %s", what, name.c_str(), extension.c_str());
    std::string tried;
    for (const auto& dir : owner(L).options().library_dirs) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(dir / relative, ec)) return dir / relative;
        tried += "\n\tno file '" + (dir / relative).string() + "'";
    }
    luaL_error(L, "%s: cannot find '%s':%s", what, name.c_str(), tried.c_str());
    return {};
}

/// conventio.load_script(name): the script as a function (called with its data, it builds
/// the agreement), and its path.
int load_script(lua_State* L) {
    std::filesystem::path path = find_in_library(L, "load_script", ".lua");
    std::string source = State::read_source(path, owner(L).options().max_file_bytes);
    std::string chunkname = "@" + path.string();
    if (luaL_loadbufferx(L, source.data(), source.size(), chunkname.c_str(), "t") != LUA_OK)
        return lua_error(L);
    lua_pushstring(L, path.string().c_str());
    return 2;
}

/// conventio.load_data(name): the JSON data file as a table, and its path.
int load_data(lua_State* L) {
    std::filesystem::path path = find_in_library(L, "load_data", ".json");
    push_data_in_binding(L, path);
    lua_pushstring(L, path.string().c_str());
    return 2;
}

}  // namespace

void open_source_bindings(lua_State* L) {
    lua_pushcfunction(L, protect<load_script>);
    lua_setfield(L, -2, "load_script");
    lua_pushcfunction(L, protect<load_data>);
    lua_setfield(L, -2, "load_data");
}

}  // namespace conventio::lua
