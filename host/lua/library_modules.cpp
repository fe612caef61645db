#include "lua/library_modules.hpp"

#include <optional>
#include <string>
#include <string_view>

#include "config/i18n.hpp"
#include "lua/binding_support.hpp"
#include "lua/lua_state.hpp"

namespace conventio::lua {

using config::format;
using config::tr;

namespace {

// The modules loaded: a registry entry with a string key, which a batch worker's pristine
// snapshot records and restores with the rest, so that a row's modules go with the row.
constexpr const char* modules_key = "conventio.library.modules";  // name -> the module itself
// Entries no script can change, keyed by these addresses (the snapshot does not record them,
// nothing to put back after a row): weak tables, the library's globals, its searcher.
const char views_key = 0;        // a library table -> its view
const char names_key = 0;        // a view -> what it is named
const char environment_key = 0;  // the library's globals
const char searcher_key = 0;     // finds a module in the library's folder
const char faces_key = 0;        // a library function -> the one a script is given for it

/// The registry's entry at `key` (a string, or the address of one of the keys above).
int get_entry(lua_State* L, const char* key) { return lua_getfield(L, LUA_REGISTRYINDEX, key); }
int get_entry(lua_State* L, const char& key) { return lua_rawgetp(L, LUA_REGISTRYINDEX, &key); }
void set_entry(lua_State* L, const char* key) { lua_setfield(L, LUA_REGISTRYINDEX, key); }
void set_entry(lua_State* L, const char& key) { lua_rawsetp(L, LUA_REGISTRYINDEX, &key); }

/// A table of the registry's, made on first use (weak keys when `weak`).
template <class Key>
void push_registry_table(lua_State* L, const Key& key, bool weak) {
    if (get_entry(L, key) == LUA_TTABLE) return;
    lua_pop(L, 1);
    lua_newtable(L);
    if (weak) {
        lua_createtable(L, 0, 1);
        lua_pushliteral(L, "k");
        lua_setfield(L, -2, "__mode");
        lua_setmetatable(L, -2);
    }
    lua_pushvalue(L, -1);
    set_entry(L, key);
}

/// "conventio.party.kinds", "conventio.party.kind_names[2]": what a nested table is named. A key
/// that is neither a text, a number nor a boolean is named by its type: its text would be its
/// address ("table: 0x55…"), another at every run.
std::string nested_name(lua_State* L, int name, int key) {
    std::string text = lua_tostring(L, name);
    const int type = lua_type(L, key);
    if (type == LUA_TSTRING) return text + "." + lua_tostring(L, key);
    if (type != LUA_TNUMBER && type != LUA_TBOOLEAN)
        return text + "[" + format(tr("a {} value"), luaL_typename(L, key)) + "]";
    text += "[";
    text += luaL_tolstring(L, key, nullptr);
    lua_pop(L, 1);
    return text + "]";
}

void push_view(lua_State* L, int index, const std::string& name);

/// The value on top, when it is a library function with a face for scripts (one that hands out
/// views of what the library keeps: conventio.template, clauses.front_matter), replaced by it.
void face_if_function(lua_State* L) {
    if (lua_type(L, -1) != LUA_TFUNCTION) return;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &faces_key) != LUA_TTABLE) {
        lua_pop(L, 1);
        return;
    }
    lua_pushvalue(L, -2);
    if (lua_rawget(L, -2) == LUA_TNIL) {
        lua_pop(L, 2);
        return;
    }
    lua_replace(L, -3);
    lua_pop(L, 1);
}

/// The value on top, when it is a plain table of the library's (no metatable: not an object),
/// replaced by its view, named after `name` and `key`.
void view_if_plain_table(lua_State* L, int name, int key) {
    if (lua_type(L, -1) != LUA_TTABLE) return;
    if (lua_getmetatable(L, -1)) {  // an object: its class keeps its metatable out of reach
        lua_pop(L, 1);
        return;
    }
    push_view(L, lua_gettop(L), nested_name(L, name, key));
    lua_remove(L, -2);
}

/// A view's __index (upvalues: the library's table, its name). The library's table is read as
/// the library reads it (its own metatable, if any, answers too).
int view_index(lua_State* L) {
    lua_settop(L, 2);
    lua_pushvalue(L, 2);
    lua_gettable(L, lua_upvalueindex(1));
    view_if_plain_table(L, lua_upvalueindex(2), 2);
    face_if_function(L);
    return 1;
}

int view_newindex(lua_State* L) { return refuse_library_field(L, 1, 2); }

/// A view's `next` over the library's table (upvalues: the table, its name).
int view_next(lua_State* L) {
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 2);
    if (!lua_next(L, 3)) return 0;
    view_if_plain_table(L, lua_upvalueindex(2), 4);
    face_if_function(L);
    return 2;
}

int view_pairs(lua_State* L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_pushcclosure(L, view_next, 2);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

int view_len(lua_State* L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_len(L, -1);
    return 1;
}

/// Pushes the read-only view of the library's table at `index`: one per table, made when a
/// script first reaches it. An empty table whose protected metatable reads the library's.
void push_view(lua_State* L, int index, const std::string& name) {
    index = lua_absindex(L, index);
    push_registry_table(L, views_key, true);
    int views = lua_gettop(L);
    lua_pushvalue(L, index);
    if (lua_rawget(L, views) != LUA_TNIL) {
        lua_remove(L, views);
        return;
    }
    lua_pop(L, 1);
    lua_newtable(L);
    int view = lua_gettop(L);
    lua_createtable(L, 0, 5);
    lua_pushvalue(L, index);
    lua_pushlstring(L, name.data(), name.size());
    lua_pushcclosure(L, view_index, 2);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, view_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushvalue(L, index);
    lua_pushlstring(L, name.data(), name.size());
    lua_pushcclosure(L, view_pairs, 2);
    lua_setfield(L, -2, "__pairs");
    lua_pushvalue(L, index);
    lua_pushcclosure(L, view_len, 1);
    lua_setfield(L, -2, "__len");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, view);
    lua_pushvalue(L, index);
    lua_pushvalue(L, view);
    lua_rawset(L, views);
    push_registry_table(L, names_key, true);
    lua_pushvalue(L, view);
    lua_pushlstring(L, name.data(), name.size());
    lua_rawset(L, -3);
    lua_pop(L, 1);
    lua_remove(L, views);
}

/// Loads library module `name` (index 1) with the library's own searcher and globals, and
/// records it (modules table at `modules`). Leaves the module on top.
void load_library_module(lua_State* L, int modules) {
    const std::string name = lua_tostring(L, 1);
    if (get_entry(L, searcher_key) == LUA_TFUNCTION) {
        lua_pushvalue(L, 1);
        lua_call(L, 1, 2);  // loader, its file | what was tried
    } else {
        lua_pushnil(L);
        lua_pushnil(L);
    }
    if (lua_type(L, -2) != LUA_TFUNCTION) {
        std::string message =
            owner(L).user_where(L) +
            format(tr("module '{}' not found: conventio's library has no such module"), name);
        lua_pushlstring(L, message.data(), message.size());
        lua_error(L);
    }
    get_entry(L, environment_key);
    if (!lua_setupvalue(L, -3, 1)) lua_pop(L, 1);  // a main chunk's first upvalue is its _ENV
    lua_pushvalue(L, 1);
    lua_insert(L, -2);
    lua_call(L, 2, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, 1);
    lua_pushvalue(L, -2);
    lua_rawset(L, modules);
}

/// `require` (upvalues: Lua's own, whether this one is the library's): a `conventio.*` module
/// from the library's record, loaded there first if need be. The library's modules, whose
/// globals hold the library's `require`, get the module itself; the script's `require` gives a
/// view of it, also put in package.loaded (which the library never reads). Other names go to
/// Lua's `require` and package.searchers, as before.
int library_require(lua_State* L) {
    std::size_t length = 0;
    const char* text = luaL_checklstring(L, 1, &length);
    const std::optional<std::string> library_name = library_module_name(std::string_view(text, length));
    if (!library_name) {
        lua_pushvalue(L, lua_upvalueindex(1));
        lua_insert(L, 1);
        if (lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0) != LUA_OK) {
            // Lua's "module 'x' not found" names the place of require's caller, here this
            // function: the caller's is put back.
            if (lua_type(L, -1) == LUA_TSTRING &&
                std::string_view(lua_tostring(L, -1)).starts_with("module '")) {
                luaL_where(L, 1);
                lua_insert(L, -2);
                lua_concat(L, 2);
            }
            return lua_error(L);
        }
        return lua_gettop(L);
    }
    // "conventio/facts", "conventio..facts": the library's conventio.facts, by its own name.
    lua_settop(L, 0);
    lua_pushlstring(L, library_name->data(), library_name->size());
    push_registry_table(L, modules_key, false);
    lua_pushvalue(L, 1);
    if (lua_rawget(L, 2) == LUA_TNIL) {
        lua_pop(L, 1);
        load_library_module(L, 2);
    }
    if (lua_toboolean(L, lua_upvalueindex(2)) || lua_type(L, -1) != LUA_TTABLE) return 1;
    push_view(L, -1, lua_tostring(L, 1));
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, lua_tostring(L, 1));
    lua_pop(L, 1);
    return 1;
}

/// Lua's own rawset (lbaselib.c's), for the library's globals: the sandbox's guards it against
/// the frozen tables and the views, which the library has no reason to write and a script cannot
/// reach through the library's globals. The library calls it for every party it makes.
int plain_rawset(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

/// class_of(value): the value's real metatable, whatever its `__metatable` says (Lua's
/// getmetatable gives that instead, a name any table may copy). The library tells its own
/// objects by their class table, which no script reaches.
int class_of(lua_State* L) {
    luaL_checkany(L, 1);
    if (!lua_getmetatable(L, 1)) lua_pushnil(L);
    return 1;
}

/// script_face(fn, face): `face` is what a script reading `fn` in a library module is given.
int script_face(lua_State* L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    set_script_face(L, 1, 2);
    lua_settop(L, 1);
    return 1;
}

/// read_only(table, name): the read-only view of a table of the library's, for what a library
/// function hands a script (a template's front matter), named `name` in the refusal.
int read_only(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    push_view(L, 1, luaL_checkstring(L, 2));
    return 1;
}

}  // namespace

std::optional<std::string> library_module_name(std::string_view name) {
    // Lua's searchers read '.' as the folder separator, and the file system reads "a//b" and
    // "a/./b" as "a/b": every spelling of a library module's path reaches the library's file.
    std::string normal;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find_first_of("./", start);
        if (end == std::string_view::npos) end = name.size();
        if (end > start) {
            if (!normal.empty()) normal += '.';
            normal += name.substr(start, end - start);
        }
        start = end + 1;
    }
    if (normal == "conventio" || normal.starts_with("conventio.")) return normal;
    return std::nullopt;
}

void open_library_tools(lua_State* L, int table) {
    table = lua_absindex(L, table);
    lua_pushcfunction(L, class_of);
    lua_setfield(L, table, "class_of");
    lua_pushcfunction(L, read_only);
    lua_setfield(L, table, "read_only");
    lua_pushcfunction(L, script_face);
    lua_setfield(L, table, "script_face");
}

void set_script_face(lua_State* L, int function, int face) {
    function = lua_absindex(L, function);
    face = lua_absindex(L, face);
    push_registry_table(L, faces_key, true);
    lua_pushvalue(L, function);
    lua_pushvalue(L, face);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

void push_view_of(lua_State* L, int index, const std::string& name) {
    if (get_entry(L, environment_key) == LUA_TNIL) {  // no guard (--trusted): the table itself
        lua_pop(L, 1);
        lua_pushvalue(L, index);
        return;
    }
    lua_pop(L, 1);
    push_view(L, index, name);
}

bool library_function(lua_State* L, int index) {
    index = lua_absindex(L, index);
    lua_Debug ar;
    lua_pushvalue(L, index);
    if (!lua_getinfo(L, ">S", &ar) || !owner(L).in_own_library(ar.source)) return false;
    if (get_entry(L, environment_key) != LUA_TTABLE) {  // no guard (--trusted): shared globals
        lua_pop(L, 1);
        return true;
    }
    bool library = false;
    for (int n = 1;; ++n) {
        const char* name = lua_getupvalue(L, index, n);
        if (!name) break;
        const bool env = std::string_view(name) == "_ENV";
        if (env) library = lua_rawequal(L, -1, -2);
        lua_pop(L, 1);
        if (env) break;
    }
    lua_pop(L, 1);
    return library;
}

bool library_frame(lua_State* L, int level) {
    lua_Debug ar;
    if (!lua_getstack(L, level - 1, &ar) || !lua_getinfo(L, "t", &ar) || ar.istailcall) return false;
    if (!lua_getstack(L, level, &ar) || !lua_getinfo(L, "f", &ar)) return false;
    const bool library = library_function(L, -1);
    lua_pop(L, 1);
    return library;
}

bool called_by_own_library(lua_State* L) {
    if (owner(L).options().own_library_dir.empty()) return true;
    // Level 0 is the C function asking, 1 its caller.
    return library_frame(L, 1);
}

namespace {

/// Pushes the name of the view at `view` ("conventio.party.kinds").
void push_view_name(lua_State* L, int view) {
    view = lua_absindex(L, view);
    push_registry_table(L, names_key, true);
    lua_pushvalue(L, view);
    if (lua_rawget(L, -2) != LUA_TSTRING) {
        lua_pop(L, 1);
        lua_pushliteral(L, "conventio");
    }
    lua_remove(L, -2);
}

}  // namespace

int refuse_library_field(lua_State* L, int view, int key) {
    key = lua_absindex(L, key);
    push_view_name(L, view);
    const std::string name = lua_tostring(L, -1);
    const std::string field = nested_name(L, lua_gettop(L), key);
    std::string message =
        owner(L).user_where(L) +
        format(tr("cannot set {}: {} is the library's, its fields cannot be set"), field, name);
    lua_pushlstring(L, message.data(), message.size());
    return lua_error(L);
}

int refuse_library_metatable(lua_State* L, int view) {
    push_view_name(L, view);
    const std::string name = lua_tostring(L, -1);
    std::string message = owner(L).user_where(L) +
                          format(tr("cannot change the metatable of {}: {} is the library's"), name, name);
    lua_pushlstring(L, message.data(), message.size());
    return lua_error(L);
}

bool is_library_view(lua_State* L, int index) {
    if (lua_type(L, index) != LUA_TTABLE) return false;
    index = lua_absindex(L, index);
    if (get_entry(L, names_key) != LUA_TTABLE) {
        lua_pop(L, 1);
        return false;
    }
    lua_pushvalue(L, index);
    const bool view = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 2);
    return view;
}

void guard_library_modules(lua_State* L, int searcher) {
    searcher = lua_absindex(L, searcher);
    lua_pushvalue(L, searcher);
    set_entry(L, searcher_key);
    push_registry_table(L, modules_key, false);
    int modules = lua_gettop(L);
    // The `conventio` module is already loaded (sandbox.cpp): recorded as the library's, a view
    // of it for the script's global and package.loaded.
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    int loaded = lua_gettop(L);
    lua_getfield(L, loaded, "conventio");
    int conventio = lua_gettop(L);
    lua_pushvalue(L, conventio);
    lua_setfield(L, modules, "conventio");
    // The library's globals: the sandbox's as they are now, before any script runs.
    lua_newtable(L);
    int globals = lua_gettop(L);
    lua_pushglobaltable(L);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, globals);
    }
    lua_pop(L, 1);
    lua_getglobal(L, "require");
    lua_pushvalue(L, -1);
    lua_pushboolean(L, 1);
    lua_pushcclosure(L, library_require, 2);
    lua_setfield(L, globals, "require");
    lua_pushboolean(L, 0);
    lua_pushcclosure(L, library_require, 2);
    lua_setglobal(L, "require");
    lua_pushcfunction(L, plain_rawset);
    lua_setfield(L, globals, "rawset");
    open_library_tools(L, globals);
    lua_pushvalue(L, globals);
    lua_setfield(L, globals, "_G");
    lua_pushvalue(L, conventio);
    lua_setfield(L, globals, "conventio");
    lua_pushvalue(L, globals);
    set_entry(L, environment_key);
    push_view(L, conventio, "conventio");
    lua_pushvalue(L, -1);
    lua_setfield(L, loaded, "conventio");
    lua_setglobal(L, "conventio");
    lua_settop(L, searcher);
}

void push_library_searcher(lua_State* L) { get_entry(L, searcher_key); }

void set_library_searcher(lua_State* L, int index) {
    lua_pushvalue(L, index);
    set_entry(L, searcher_key);
}

void push_library_module(lua_State* L, const char* name) {
    if (lua_getfield(L, LUA_REGISTRYINDEX, modules_key) != LUA_TTABLE) {
        lua_pop(L, 1);
        luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    }
    lua_getfield(L, -1, name);
    lua_remove(L, -2);
}

}  // namespace conventio::lua
