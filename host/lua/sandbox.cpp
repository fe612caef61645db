#include "lua/sandbox.hpp"

#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "config/i18n.hpp"
#include "config/utf8_prefix.hpp"
#include "lua/binding_support.hpp"
#include "lua/conventio_module.hpp"
#include "lua/guards.hpp"
#include "lua/library_modules.hpp"
#include "lua/library_paths.hpp"
#include "lua/message_text.hpp"
#include "shipped/shipped_forms.hpp"
#include "template/shipped_form.hpp"

namespace conventio::lua {

using config::format;

using config::tr;
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
    // A name starting with '@' is a file's: a script naming its chunk after one of the library's
    // files would pass for the library (its errors placed there, what only it may do allowed).
    // Given so, the name is the text's own ('='), shown as given.
    std::string chunkname = luaL_optstring(L, 2, chunk);
    if (!chunkname.empty() && chunkname[0] == '@') chunkname[0] = '=';
    const char* mode = luaL_optstring(L, 3, "t");
    if (std::string(mode) != "t")
        return luaL_error(L, tr("load: only text chunks (mode \"t\") are allowed").c_str());
    int status = luaL_loadbufferx(L, chunk, length, chunkname.c_str(), "t");
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

/// What `print` may write in one run; the rest is dropped with a note.
constexpr std::size_t print_limit = 1u << 20;

/// `print` goes to standard error (standard output belongs to the command line), bounded, with
/// control characters escaped: debugging output, not a way to flood or drive a terminal.
int print_to_stderr(lua_State* L) {
    State& state = owner(L);
    std::size_t& printed = state.printed_bytes();
    if (printed >= print_limit) return 0;
    int n = lua_gettop(L);
    std::string line;
    for (int i = 1; i <= n; ++i) {
        std::size_t length = 0;
        const char* s = luaL_tolstring(L, i, &length);
        if (i > 1) line += '\t';
        line.append(s, std::min(length, print_limit));
        lua_pop(L, 1);
        if (line.size() > print_limit) break;
    }
    std::string shown = printable_message(line, print_limit - printed);
    // Escapes may have made it longer: cut at a character.
    shown.resize(config::utf8_prefix_size(shown, print_limit - printed));
    printed += shown.size() + 1;
    auto write = [&state](std::string_view text) {
        if (state.options().keep_printed)
            state.keep_printed(text);
        else
            std::cerr << text << '\n';
    };
    write(shown);
    if (printed >= print_limit)
        write(format(tr("(print: the limit of {} MiB per run is reached; what follows is not shown)"),
                     std::to_string(print_limit >> 20)));
    return 0;
}

// ---- frozen standard library

constexpr const char* frozen_key = "conventio.frozen";  // registry: proxy -> library name

int refuse_change(lua_State* L) {
    lua_getfield(L, LUA_REGISTRYINDEX, frozen_key);
    lua_pushvalue(L, 1);
    lua_rawget(L, -2);
    return luaL_error(L, tr("the standard library is read-only: cannot set '%s.%s'").c_str(),
                      lua_isstring(L, -1) ? lua_tostring(L, -1) : "?",
                      lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : luaL_typename(L, 2));
}

int pairs_of_library(lua_State* L) {
    lua_getglobal(L, "next");
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__index");
    lua_remove(L, -2);
    lua_pushnil(L);
    return 3;
}

/// Replaces library `name` (its global and its package.loaded entry) with a read-only view:
/// a script cannot change what a library function does for the rest of the run, so a state
/// stays pristine from one batch row to the next.
void freeze_library(lua_State* L, const char* name) {
    if (lua_getglobal(L, name) != LUA_TTABLE) {
        lua_pop(L, 1);
        return;
    }
    int library = lua_gettop(L);
    lua_newtable(L);  // the proxy
    lua_createtable(L, 0, 4);
    lua_pushvalue(L, library);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, refuse_change);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, pairs_of_library);
    lua_setfield(L, -2, "__pairs");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, frozen_key);
    lua_pushvalue(L, -2);
    lua_pushstring(L, name);
    lua_rawset(L, -3);
    lua_pop(L, 1);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
    lua_setglobal(L, name);
    lua_pop(L, 1);
}

/// The string metatable is out of reach (getmetatable("") is false): its __index, the real
/// string table, is what every ("x"):method() call finds.
void freeze_string_metatable(lua_State* L) {
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/// rawset cannot write into a frozen library either.
int guarded_rawset(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    if (is_library_view(L, 1)) return refuse_library_field(L, 1, 2);
    lua_getfield(L, LUA_REGISTRYINDEX, frozen_key);
    lua_pushvalue(L, 1);
    if (lua_rawget(L, -2) != LUA_TNIL) {
        lua_settop(L, 2);
        return refuse_change(L);
    }
    lua_pop(L, 2);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

/// setmetatable without finalizers: Lua runs __gc with hooks off (and again when the state
/// closes), where no budget or time limit can stop a loop.
/// (lbaselib.c's setmetatable, plus the __gc check.)
int setmetatable_without_gc(lua_State* L) {
    int type = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, type == LUA_TNIL || type == LUA_TTABLE, 2, "nil or table");
    if (type == LUA_TTABLE && lua_getfield(L, 2, "__gc") != LUA_TNIL)
        return luaL_error(L, tr("setmetatable: finalizers (__gc) are not allowed in scripts").c_str());
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL) {
        // A read-only table is named: a view of the library's, a library of the standard's.
        if (is_library_view(L, 1)) return refuse_library_metatable(L, 1);
        lua_getfield(L, LUA_REGISTRYINDEX, frozen_key);
        lua_pushvalue(L, 1);
        if (lua_rawget(L, -2) == LUA_TSTRING)
            return luaL_error(
                L, tr("the standard library is read-only: cannot change the metatable of '%s'").c_str(),
                lua_tostring(L, -1));
        return luaL_error(L, tr("cannot change a protected metatable").c_str());
    }
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

void freeze_standard_library(lua_State* L) {
    lua_register(L, "setmetatable", setmetatable_without_gc);
    lua_register(L, "rawset", guarded_rawset);
    freeze_string_metatable(L);
    for (const char* name : {LUA_STRLIBNAME, LUA_TABLIBNAME, LUA_MATHLIBNAME, LUA_UTF8LIBNAME, LUA_COLIBNAME,
                             LUA_OSLIBNAME, LUA_LOADLIBNAME})
        freeze_library(L, name);
}

/// Pushes the build's bytecode for a module of conventio's own library whose bytes are the
/// shipped ones (shipped/shipped_forms.hpp), under its real chunk name: loading it skips the
/// parse, a cold run's largest cost. False when the file was edited: it is parsed as text.
bool load_shipped_module(lua_State* L, std::string_view source, const std::string& chunkname) {
    const tmpl::ShippedForm* form = tmpl::find_shipped_form(shipped::library_modules(), source);
    if (!form) return false;
    std::optional<std::string> bytecode = tmpl::renamed_bytecode(form->compiled, chunkname);
    if (!bytecode) return false;
    if (luaL_loadbufferx(L, bytecode->data(), bytecode->size(), chunkname.c_str(), "b") == LUA_OK)
        return true;
    lua_pop(L, 1);  // out of memory: the text's load below reports it
    return false;
}

/// A searcher's work for "a.b" over `dirs`: a/b.lua (or a/b/init.lua) in the first folder that
/// has it, loaded as text with its path as chunk name, so errors inside modules name the module
/// file. `own`: the library's searcher, over its own folder; a script's finds no file there.
int search_in(lua_State* L, const std::vector<std::filesystem::path>& dirs, bool own) {
    std::string name = luaL_checkstring(L, 1);
    std::string relative = name;
    for (char& c : relative)
        if (c == '.') c = '/';
    if (relative.find("..") != std::string::npos || relative.empty() || relative[0] == '/') {
        std::string message = owner(L).user_where(L) + format(tr("invalid module name '{}'"), name);
        lua_pushlstring(L, message.data(), message.size());
        return lua_error(L);
    }
    std::string tried;
    for (const auto& dir : dirs) {
        for (const std::filesystem::path& candidate :
             {dir / (relative + ".lua"), dir / relative / "init.lua"}) {
            std::error_code ec;
            if (!std::filesystem::is_regular_file(candidate, ec)) {
                tried += (tried.empty() ? "no file '" : "\n\tno file '") + candidate.string() + "'";
                continue;
            }
            // The library's own modules are ours; a user's must be inside the user's folder, and
            // not be a file of the library's (its scripts/ is among the folders searched).
            if (!own) {
                auto problem = leads_out_of(candidate, dir, "require", name);
                if (!problem)
                    problem =
                        in_own_library_folder(candidate, owner(L).options().own_library_dir, "require", name);
                if (problem) {
                    std::string message = owner(L).user_where(L) + *problem;
                    lua_pushlstring(L, message.data(), message.size());
                    return lua_error(L);
                }
            }
            std::string source = State::read_source(candidate, owner(L).options().max_file_bytes);
            std::string chunkname = "@" + candidate.string();
            if (own && load_shipped_module(L, source, chunkname)) {
                lua_pushstring(L, candidate.string().c_str());
                return 2;
            }
            if (luaL_loadbufferx(L, source.data(), source.size(), chunkname.c_str(), "t") != LUA_OK) {
                // The parser's "C stack overflow" names no place: name the module file.
                if (lua_tostring(L, -1) &&
                    !std::string_view(lua_tostring(L, -1)).starts_with(candidate.string())) {
                    lua_pushfstring(L, "%s: %s", candidate.string().c_str(), lua_tostring(L, -1));
                    lua_remove(L, -2);
                }
                return lua_error(L);
            }
            lua_pushstring(L, candidate.string().c_str());
            return 2;
        }
    }
    lua_pushstring(L, tried.c_str());
    return 1;
}

/// package.searchers entry: a module in the library folders, the user's first.
/// A library module's name ("conventio.facts", "conventio/facts") is not searched: the guard's
/// `require` loads it from the library's own folder (library_modules.hpp), and a copy loaded
/// here would run with the script's globals under the name of the library's file.
int search_library_dirs(lua_State* L) {
    if (!owner(L).options().own_library_dir.empty())
        if (auto library = library_module_name(luaL_checkstring(L, 1))) {
            push_string(L, "\n\t" + format(tr("'{}' is conventio's own module: require \"{}\" loads it"),
                                           lua_tostring(L, 1), *library));
            return 1;
        }
    return search_in(L, owner(L).options().library_dirs, false);
}

/// The library's own modules (`conventio.*`) come from its own folder only: a file of the same
/// name in the user's folders is not the library (library_modules.hpp).
int search_own_library(lua_State* L) { return search_in(L, {owner(L).options().own_library_dir}, true); }

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
        if (options.policy) install_guards(L, options);
        // No guard: the library shares the script's globals, and finds its tools there.
        lua_pushglobaltable(L);
        open_library_tools(L, -1);
        lua_pop(L, 1);
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
    if (options.policy) {
        install_guards(L, options);  // into the real tables, before they are frozen
        freeze_standard_library(L);
    }
    // Last: the library's globals are a copy of the sandbox's as it now is.
    if (!options.own_library_dir.empty()) {
        lua_pushcfunction(L, protect<search_own_library>);
        guard_library_modules(L, -1);
        lua_pop(L, 1);
    } else {  // no library folder to guard (a test's state): the tools in the shared globals
        lua_pushglobaltable(L);
        open_library_tools(L, -1);
        lua_pop(L, 1);
    }
}

}  // namespace conventio::lua
