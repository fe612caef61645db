// conventio's own Lua library (the `conventio` module and every `conventio.*` module) out of a
// sandboxed script's reach. The library's modules keep what they are in their tables (their
// functions, their constant lists) and some of their state (what an avenant's build is told,
// the data problems recorded); a script that could assign a field there could silence a check
// of its own document (`conventio.facts.finish`, `conventio.avenant.amending.current`).
//
// The boundary:
// - `require "conventio.x"` from a script (or a module of the user's) gives a read-only view of
//   the module: reads go through to the module's table, and so do the plain tables nested in it
//   (each read as a view of its own); assigning a field, rawset, setmetatable are refused at
//   the script's line. The library's own modules, asking for one another with the `require` of
//   their own globals (below), get the tables themselves: nothing is added to the library's own
//   accesses (the batch's hot path).
// - A `conventio.*` module is only ever loaded from conventio's own library folder, by the
//   library's own searcher: not package.preload, package.searchers or package.loaded, which a
//   script can reach and fill first, nor a file of the same name in the user's folders.
// - The library's modules run with globals of their own, a copy of the sandbox's made before
//   any script runs: a script replacing `ipairs`, `error` or `require` changes its own globals.
// - The classes whose objects a script holds (an Agreement, a Clause...) give `getmetatable` a
//   name, not the class (scripts/conventio/*.lua set their `__metatable`); the library tells
//   its objects by the class itself (`class_of`, in its own globals), not by that name.
// - A library function handing out a table the library keeps (conventio.template,
//   clauses.front_matter) has a face for scripts, which a view gives instead: it hands out a
//   view of the table (set_script_face).
// - Every spelling of a library module's name ("conventio/facts") is the module's.
#pragma once

#include <lua.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace conventio::lua {

/// The library module a `require` name spells ("conventio.facts" for "conventio/facts",
/// "conventio..facts", "./conventio/facts"), or nullopt when the name is not under `conventio`.
std::optional<std::string> library_module_name(std::string_view name);

/// Installs the guard, once the sandbox's libraries are in place (sandbox.cpp). `searcher` is
/// the index of a function that finds a `conventio.*` module in the library's own folder (a
/// package.searchers entry, which the state keeps out of package.searchers).
void guard_library_modules(lua_State* L, int searcher);

/// Pushes what a batch worker's cache wraps: the searcher guard_library_modules was given
/// (nil when the guard is not installed).
void push_library_searcher(lua_State* L);

/// Replaces the library's searcher (a batch worker's cached one).
void set_library_searcher(lua_State* L, int index);

/// Pushes the library module `name` itself (for the host: conventio.data's record, the
/// `conventio` module's data_file), or nil when it is not loaded. Without the guard (--trusted),
/// package.loaded's entry.
void push_library_module(lua_State* L, const char* name);

/// Sets the library's own tools in the table at `index`: `class_of(value)` (the real metatable,
/// whatever `__metatable` says: how the library tells its own objects from tables that copy a
/// class's name), `read_only(table, name)` (a view of a table of the library's) and
/// `script_face(fn, face)` (set_script_face: clauses.front_matter's). In the library's globals only when the
/// guard is installed; without it (--trusted), in the globals the library shares with the script.
void open_library_tools(lua_State* L, int index);

/// Whether the function at `index` is conventio's own library's: a Lua function of a file of its
/// folder (its chunk name) that, when the guard is installed, reads the library's globals (its
/// `_ENV` upvalue is their table, which no script reaches). The chunk name alone could be given
/// by a script (`load`'s, which makes "@x" its own "=x"; a copy of a library file, which no
/// loader of a script's reads): the globals tell the function that runs as the library's. So a
/// library function doing what only the library may do reads a global, any (every one does).
bool library_function(lua_State* L, int index);

/// Whether the Lua function at `level` of the stack is the library's (library_function), and the
/// frame below it not reached by a tail call, which loses its caller's frame: level `level` is
/// then its caller's caller.
bool library_frame(lua_State* L, int level);

/// Whether the C function running was called by conventio's own library (library_frame(L, 1));
/// true when the state has no library folder (a test's), where nothing tells the library from a
/// script.
bool called_by_own_library(lua_State* L);

/// Makes `face` (an index) what a script reading the library function at `function` in a
/// module is given: a function handing out views of what the library keeps (conventio.template).
/// The library's own calls go to the function itself, and pay nothing for the guard.
void set_script_face(lua_State* L, int function, int face);

/// Pushes the read-only view of the table at `index`, named `name` (the table itself when the
/// guard is not installed: --trusted).
void push_view_of(lua_State* L, int index, const std::string& name);

/// Whether the value at `index` is a read-only view of a library table.
bool is_library_view(lua_State* L, int index);

/// Raises the error for an assignment of key `key` (an index) to the view at `view`.
int refuse_library_field(lua_State* L, int view, int key);

/// Raises the error for a script's setmetatable of the view at `view`, which names it.
int refuse_library_metatable(lua_State* L, int view);

}  // namespace conventio::lua
