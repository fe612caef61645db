// A script's error names the script's line, even when it is raised inside a call the script
// returns: `return Agreement.new{ ... }` is a tail call, which replaces the script's frame by
// the callee's, so nothing on the stack says which line of the script made the call and a
// library error ("Agreement: kind must be ...") could name no place at all.
//
// The script's main chunk is loaded as it is written, then its tail calls are made ordinary
// calls followed by the return the compiler already put after each of them: the same results,
// one frame more while the call runs, and the script's line in every message. The source text
// is never touched; only the compiled chunk, through the documented dump format, and only
// when it is exactly the format this was written for (Lua 5.4). Functions the script defines
// keep their tail calls: the main chunk's frame, which calls them, names the script's line.
#pragma once

#include <lua.hpp>

namespace conventio::lua {

/// Replaces the Lua function on top of `L`'s stack (a chunk just loaded from source) by the
/// same chunk whose main function makes no tail call. Leaves it as it is when its compiled
/// form is not the one expected. Raises a Lua error (out of memory) like lua_load.
void keep_script_frame(lua_State* L);

}  // namespace conventio::lua
