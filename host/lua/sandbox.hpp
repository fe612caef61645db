// The libraries a script sees. Sandboxed (the default): no io, no os beyond dates and
// clocks, no debug, no bytecode, no native modules; `require` reads Lua sources only from
// the library folders. Trusted: the full standard library, plus the library folders.
#pragma once

#include <lua.hpp>

#include "lua/lua_state.hpp"

namespace conventio::lua {

/// Opens the standard libraries allowed by `options.trusted`, installs `require` over
/// `options.library_dirs`, registers the `conventio` module (global and requirable), installs
/// the policy's guards (guards.hpp) and, sandboxed, freezes the standard library: its tables
/// and the string metatable are read-only, and scripts cannot set finalizers (__gc).
void install_libraries(lua_State* L, const Options& options);

}  // namespace conventio::lua
