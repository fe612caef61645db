// The `conventio` module a script gets: document constructors, and the model types.
#pragma once

#include <lua.hpp>

namespace conventio::lua {

/// lua_CFunction that pushes the module table (for package.preload and the global).
int open_conventio(lua_State* L);

}  // namespace conventio::lua
