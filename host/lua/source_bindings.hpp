// conventio.load_script(name) and conventio.load_data(name): an agreement's own script and
// data, found beside the running script (or in a --lib folder), so that an avenant can
// rebuild the agreement it amends. Only .lua sources (as text) and .json data are read.
#pragma once

#include <lua.hpp>

namespace conventio::lua {

/// Adds `load_script` and `load_data` to the table on top of the stack.
void open_source_bindings(lua_State* L);

}  // namespace conventio::lua
