#include "lua/pristine_state.hpp"

namespace conventio::lua {
namespace {

// Stack on entry: contents, metatables. Records the table at `index` and what it reaches.
void record(lua_State* L, int index, int contents, int metatables) {
    index = lua_absindex(L, index);
    lua_pushvalue(L, index);
    if (lua_rawget(L, contents) != LUA_TNIL) {  // already recorded
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);
    luaL_checkstack(L, 6, "library tables nested too deeply");
    lua_newtable(L);  // the copy
    int copy = lua_gettop(L);
    lua_pushvalue(L, index);
    lua_pushvalue(L, copy);
    lua_rawset(L, contents);
    lua_pushvalue(L, index);
    if (!lua_getmetatable(L, index)) lua_pushboolean(L, 0);
    lua_rawset(L, metatables);
    lua_pushnil(L);
    while (lua_next(L, index)) {
        lua_pushvalue(L, -2);
        lua_pushvalue(L, -2);
        lua_rawset(L, copy);
        if (lua_type(L, -1) == LUA_TTABLE) record(L, -1, contents, metatables);
        if (lua_type(L, -2) == LUA_TTABLE) record(L, -2, contents, metatables);
        lua_pop(L, 1);
    }
    if (lua_getmetatable(L, index)) {
        record(L, -1, contents, metatables);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);  // the copy
}

}  // namespace

PristineSnapshot::PristineSnapshot(lua_State* L) {
    lua_newtable(L);
    lua_newtable(L);
    int contents = lua_gettop(L) - 1, metatables = lua_gettop(L);
    lua_pushglobaltable(L);
    record(L, -1, contents, metatables);
    lua_pop(L, 1);
    // The registry's named entries: package.loaded and preload, the types' metatables. Its
    // numbered entries are references held by the host, not the script's to change.
    lua_pushnil(L);
    while (lua_next(L, LUA_REGISTRYINDEX)) {
        if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TTABLE)
            record(L, -1, contents, metatables);
        lua_pop(L, 1);
    }
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        record(L, -1, contents, metatables);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    metatables_ref_ = luaL_ref(L, LUA_REGISTRYINDEX);
    contents_ref_ = luaL_ref(L, LUA_REGISTRYINDEX);
}

void PristineSnapshot::restore(lua_State* L) const {
    lua_rawgeti(L, LUA_REGISTRYINDEX, contents_ref_);
    lua_rawgeti(L, LUA_REGISTRYINDEX, metatables_ref_);
    int contents = lua_gettop(L) - 1, metatables = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, contents)) {  // key: a recorded table, value: its copy
        int table = lua_gettop(L) - 1, copy = lua_gettop(L);
        // Keys the row added go (assigning nil to an existing field during next is allowed).
        lua_pushnil(L);
        while (lua_next(L, table)) {
            lua_pop(L, 1);
            lua_pushvalue(L, -1);
            if (lua_rawget(L, copy) == LUA_TNIL) {
                lua_pushvalue(L, -2);
                lua_pushnil(L);
                lua_rawset(L, table);
            }
            lua_pop(L, 1);
        }
        lua_pushnil(L);
        while (lua_next(L, copy)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, table);
        }
        lua_pushvalue(L, table);
        lua_rawget(L, metatables);
        if (lua_toboolean(L, -1))
            lua_setmetatable(L, table);
        else {
            lua_pop(L, 1);
            lua_pushnil(L);
            lua_setmetatable(L, table);
        }
        lua_pop(L, 1);  // the copy
    }
    lua_pop(L, 2);
}

}  // namespace conventio::lua
