#include "lua/sandbox.hpp"

#include <filesystem>
#include <iostream>
#include <string>

#include "lua/binding_support.hpp"
#include "lua/conventio_module.hpp"

namespace conventio::lua {
namespace {

void remove_field(lua_State* L, const char* table, const char* field) {
    if (lua_getglobal(L, table) == LUA_TTABLE) {
        lua_pushnil(L);
        lua_setfield(L, -2, field);
    }
    lua_pop(L, 1);
}

void remove_global(lua_State* L, const char* name) {
    lua_pushnil(L);
    lua_setglobal(L, name);
}

/// `load` that only accepts source text: bytecode can break the VM's safety guarantees.
int load_text_only(lua_State* L) {
    int env = lua_isnone(L, 4) ? 0 : 4;
    std::size_t length = 0;
    const char* chunk = luaL_checklstring(L, 1, &length);  // no reader functions either
    const char* chunkname = luaL_optstring(L, 2, chunk);
    const char* mode = luaL_optstring(L, 3, "t");
    if (std::string(mode) != "t") return luaL_error(L, "load: only text chunks (mode \"t\") are allowed");
    int status = luaL_loadbufferx(L, chunk, length, chunkname, "t");
    if (status != LUA_OK) {
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    if (env) {
        lua_pushvalue(L, env);
        if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
    }
    return 1;
}

/// `print` goes to standard error: standard output belongs to the command line.
int print_to_stderr(lua_State* L) {
    int n = lua_gettop(L);
    for (int i = 1; i <= n; ++i) {
        std::size_t length = 0;
        const char* s = luaL_tolstring(L, i, &length);
        if (i > 1) std::cerr << '\t';
        std::cerr.write(s, static_cast<std::streamsize>(length));
        lua_pop(L, 1);
    }
    std::cerr << '\n';
    return 0;
}

/// package.searchers entry: "a.b" is a/b.lua (or a/b/init.lua) in a library folder, loaded
/// as text with its path as chunk name, so errors inside modules name the module file.
int search_library_dirs(lua_State* L) {
    std::string name = luaL_checkstring(L, 1);
    std::string relative = name;
    for (char& c : relative)
        if (c == '.') c = '/';
    if (relative.find("..") != std::string::npos || relative.empty() || relative[0] == '/')
        return luaL_error(L, "invalid module name '%s'", name.c_str());
    std::string tried;
    for (const auto& dir : owner(L).options().library_dirs) {
        for (const std::filesystem::path& candidate :
             {dir / (relative + ".lua"), dir / relative / "init.lua"}) {
            std::error_code ec;
            if (!std::filesystem::is_regular_file(candidate, ec)) {
                tried += (tried.empty() ? "no file '" : "\n\tno file '") + candidate.string() + "'";
                continue;
            }
            std::string source = State::read_source(candidate);
            std::string chunkname = "@" + candidate.string();
            if (luaL_loadbufferx(L, source.data(), source.size(), chunkname.c_str(), "t") != LUA_OK)
                return lua_error(L);
            lua_pushstring(L, candidate.string().c_str());
            return 2;
        }
    }
    lua_pushstring(L, tried.c_str());
    return 1;
}

void restrict_os(lua_State* L) {
    lua_newtable(L);
    if (lua_getglobal(L, "os") == LUA_TTABLE) {
        for (const char* keep : {"date", "time", "clock", "difftime"}) {
            lua_getfield(L, -1, keep);
            lua_setfield(L, -3, keep);
        }
    }
    lua_pop(L, 1);
    // require "os" must give the restricted table too, not the full one package.loaded keeps.
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, LUA_OSLIBNAME);
    lua_pop(L, 1);
    lua_setglobal(L, "os");
}

/// Sandboxed `require`: preloaded modules, then Lua sources in the library folders. Nothing
/// else (no C modules, no package.path from the environment).
void restrict_package(lua_State* L) {
    lua_getglobal(L, "package");
    lua_newtable(L);
    lua_getfield(L, -2, "searchers");
    lua_rawgeti(L, -1, 1);  // the preload searcher
    lua_rawseti(L, -3, 1);
    lua_pop(L, 1);
    lua_pushcfunction(L, protect<search_library_dirs>);
    lua_rawseti(L, -2, 2);
    lua_setfield(L, -2, "searchers");
    for (const char* field : {"loadlib", "cpath", "searchpath", "path"}) {
        lua_pushnil(L);
        lua_setfield(L, -2, field);
    }
    lua_pop(L, 1);
}

/// Trusted runs keep Lua's searchers and add the library folders in front of package.path.
void extend_package_path(lua_State* L, const Options& options) {
    std::string path;
    for (const auto& dir : options.library_dirs)
        path += (dir / "?.lua").string() + ";" + (dir / "?" / "init.lua").string() + ";";
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "path");
    path += lua_tostring(L, -1);
    lua_pop(L, 1);
    lua_pushstring(L, path.c_str());
    lua_setfield(L, -2, "path");
    lua_pop(L, 1);
}

void register_conventio(lua_State* L) {
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    lua_pushcfunction(L, open_conventio);
    lua_setfield(L, -2, "conventio");
    lua_pop(L, 1);
    luaL_requiref(L, "conventio", open_conventio, 1);
    lua_pop(L, 1);
}

}  // namespace

void install_libraries(lua_State* L, const Options& options) {
    if (options.trusted) {
        luaL_openlibs(L);
        extend_package_path(L, options);
        register_conventio(L);
        return;
    }
    static const luaL_Reg safe[] = {{LUA_GNAME, luaopen_base},
                                    {LUA_LOADLIBNAME, luaopen_package},
                                    {LUA_COLIBNAME, luaopen_coroutine},
                                    {LUA_TABLIBNAME, luaopen_table},
                                    {LUA_OSLIBNAME, luaopen_os},
                                    {LUA_STRLIBNAME, luaopen_string},
                                    {LUA_MATHLIBNAME, luaopen_math},
                                    {LUA_UTF8LIBNAME, luaopen_utf8},
                                    {nullptr, nullptr}};
    for (const luaL_Reg* lib = safe; lib->func; ++lib) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    for (const char* name : {"dofile", "loadfile", "collectgarbage"}) remove_global(L, name);
    lua_register(L, "load", load_text_only);
    lua_register(L, "print", print_to_stderr);
    remove_field(L, "string", "dump");
    restrict_os(L);
    restrict_package(L);
    register_conventio(L);
}

}  // namespace conventio::lua
