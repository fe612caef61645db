// conventio.Money: exact amounts in Lua, immutable, with arithmetic, comparison and French
// formatting; and conventio.cents(n).
#pragma once

#include <lua.hpp>

namespace conventio::lua {

/// Registers the Money type and adds Money and cents to the module table on the stack top.
void open_money_bindings(lua_State* L);

}  // namespace conventio::lua
