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
//   name, not the class (scripts/conventio/*.lua set their `__metatable`).
#pragma once

#include <lua.hpp>

namespace conventio::lua {

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

/// Whether the value at `index` is a read-only view of a library table.
bool is_library_view(lua_State* L, int index);

/// Raises the error for an assignment of key `key` (an index) to the view at `view`.
int refuse_library_field(lua_State* L, int view, int key);

}  // namespace conventio::lua
