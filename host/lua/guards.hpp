// The policy's side inside Lua, for sandboxed and trusted runs alike: stops the script cannot
// catch (pcall, xpcall, coroutine.resume and coroutine.close raise a stop again), message
// handlers skipped once the run is stopping (Lua calls them with hooks off), a bound on
// coroutine.close nesting (Lua 5.4.4 overflows the C stack there), string.rep refused past the
// memory cap before it starts, and the user's place noted before a pattern match that may run
// long, for the watchdog's message.
#pragma once

#include <lua.hpp>

#include "lua/lua_state.hpp"

namespace conventio::lua {

/// How deeply coroutine.close (and calls of coroutine.wrap functions) may nest.
inline constexpr int max_coroutine_nesting = 100;

/// Replaces the functions above in the state's libraries (before they are frozen).
void install_guards(lua_State* L, const Options& options);

}  // namespace conventio::lua
