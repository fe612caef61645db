#include "lua/text_memo.hpp"

namespace conventio::lua::text_memo {

bool push_entry(lua_State* L, const void* key, const std::string& path, std::string_view text) {
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, key) != LUA_TTABLE) {
        lua_pop(L, 1);
        return false;
    }
    if (lua_getfield(L, -1, path.c_str()) == LUA_TTABLE) {
        lua_rawgeti(L, -1, 1);
        std::size_t length = 0;
        const char* kept = lua_tolstring(L, -1, &length);
        bool same = kept && std::string_view(kept, length) == text;
        lua_pop(L, 1);
        if (same) {
            lua_remove(L, -2);
            return true;
        }
    }
    lua_pop(L, 2);
    return false;
}

void keep(lua_State* L, const void* key, const std::string& path, std::string_view text, int value) {
    if (value != 0) value = lua_absindex(L, value);
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, key) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_createtable(L, 0, 1);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, key);
    }
    lua_createtable(L, 2, 0);
    lua_pushlstring(L, text.data(), text.size());
    lua_rawseti(L, -2, 1);
    if (value != 0) {
        lua_pushvalue(L, value);
        lua_rawseti(L, -2, 2);
    }
    lua_setfield(L, -2, path.c_str());
    lua_pop(L, 1);
}

}  // namespace conventio::lua::text_memo
