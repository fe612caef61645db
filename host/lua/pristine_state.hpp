// A worker's Lua state serves many rows, and each row must find it as the first one did: no
// global it set, no library table it changed, no module it loaded. The snapshot records every
// table reachable from the globals, the registry's named entries (package.loaded, the
// metatables of conventio's types) and the string metatable, with their contents and
// metatables; restoring puts each of those tables back as it was, in place, so every
// reference to them (closures, metatables) sees the original again. Tables a row created are
// left to the garbage collector.
#pragma once

#include <lua.hpp>

namespace conventio::lua {

class PristineSnapshot {
public:
    /// Records the state as it is now (after the libraries are installed).
    explicit PristineSnapshot(lua_State* L);
    PristineSnapshot(const PristineSnapshot&) = delete;
    PristineSnapshot& operator=(const PristineSnapshot&) = delete;

    /// Puts every recorded table back to its recorded contents and metatable.
    void restore(lua_State* L) const;

private:
    int contents_ref_ = LUA_NOREF;    // registry ref: { [table] = copy of its contents }
    int metatables_ref_ = LUA_NOREF;  // registry ref: { [table] = its metatable or false }
};

}  // namespace conventio::lua
