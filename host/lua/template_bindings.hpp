// The host side of clause templates for Lua: conventio.template (find and compile, cached),
// conventio.markdown_escape, and conventio.Markdown (Markdown text to blocks). The runtime
// that evaluates templates is Lua (scripts/conventio/clauses.lua).
#pragma once

#include <lua.hpp>

namespace conventio::lua {

/// Adds template, markdown_escape and Markdown to the module table on the stack top.
void open_template_bindings(lua_State* L);

}  // namespace conventio::lua
