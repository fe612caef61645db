// conventio.outline(blocks): what rendered blocks say, as plain Lua tables, so the Lua library
// can compare two versions of an article (an avenant is computed from that comparison).
#pragma once

#include <lua.hpp>

namespace conventio::lua {

/// Adds `outline` and `body` to the table on top of the stack (the `conventio` module table).
void open_outline_bindings(lua_State* L);

}  // namespace conventio::lua
