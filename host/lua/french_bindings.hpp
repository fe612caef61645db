// conventio.Name (how a party is referred to: "le Cerema", "de l'ANCT"), conventio.Date, and
// the typography helpers (french_spacing, guillemets, ordinal).
#pragma once

#include <lua.hpp>

namespace conventio::lua {

/// Registers Name and Date and adds them and the typography helpers to the module table on
/// the stack top.
void open_french_bindings(lua_State* L);

}  // namespace conventio::lua
