// What every binding file needs: C++ objects living in Lua userdata, and the one place where
// C++ exceptions become Lua errors. Binding files only convert between Lua and C++.
#pragma once

#include <exception>
#include <lua.hpp>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace conventio::lua {

/// Each bound type names its metatable; `type_name` is what error messages call it.
template <class T>
struct Bound;  // specialise with: static constexpr const char* metatable, *type_name

/// Moves `value` into a new userdata with T's metatable, whose __gc runs the destructor (when T
/// has one).
template <class T>
T& push_object(lua_State* L, T value) {
    void* memory = lua_newuserdatauv(L, sizeof(T), 0);
    T* object = new (memory) T(std::move(value));
    luaL_setmetatable(L, Bound<T>::metatable);
    return *object;
}

template <class T>
T* test_object(lua_State* L, int index) {
    return static_cast<T*>(luaL_testudata(L, index, Bound<T>::metatable));
}

template <class T>
T& check_object(lua_State* L, int index) {
    return *static_cast<T*>(luaL_checkudata(L, index, Bound<T>::metatable));
}

template <class T>
int destroy_object(lua_State* L) {
    static_cast<T*>(luaL_checkudata(L, 1, Bound<T>::metatable))->~T();
    return 0;
}

/// Creates T's metatable, protected, with `methods` reachable through __index, and a __gc destructor when
/// T has one to run: a userdata whose metatable has __gc is queued and finalized one by one by
/// the collector, and Money and Date values have nothing to free.
template <class T>
void register_type(lua_State* L, const luaL_Reg* methods, const luaL_Reg* metamethods = nullptr) {
    luaL_newmetatable(L, Bound<T>::metatable);
    if constexpr (!std::is_trivially_destructible_v<T>) {
        lua_pushcfunction(L, destroy_object<T>);
        lua_setfield(L, -2, "__gc");
    }
    lua_pushstring(L, Bound<T>::type_name);
    lua_setfield(L, -2, "__name");
    // Out of a script's reach (getmetatable gives the type's name, which tells a value's type as
    // the metatable did): a __gc set there would run with no budget or time limit, and a __eq or
    // __lt would change how the library compares amounts.
    lua_pushstring(L, Bound<T>::type_name);
    lua_setfield(L, -2, "__metatable");
    if (metamethods) luaL_setfuncs(L, metamethods, 0);
    if (methods) {
        lua_newtable(L);
        luaL_setfuncs(L, methods, 0);
        lua_setfield(L, -2, "__index");
    }
    lua_pop(L, 1);
}

/// Wraps a binding so that a std::exception it throws becomes a Lua error with the script's
/// file:line in front. Lua's own errors (not std::exception) pass through untouched.
template <lua_CFunction f>
int protect(lua_State* L) {
    std::string message;
    try {
        return f(L);
    } catch (const std::bad_alloc&) {
        message = "not enough memory";
    } catch (const std::exception& e) {
        message = e.what();
    }
    // Raised outside the catch block so the C++ exception is fully destroyed first.
    return luaL_error(L, "%s", message.c_str());
}

/// Pushes a C++ string (any bytes, NULs included) and returns 1, the count a binding returns.
inline int push_string(lua_State* L, std::string_view s) {
    lua_pushlstring(L, s.data(), s.size());
    return 1;
}

/// A Lua value's type for messages: the __name of its metatable if it has one (so a
/// Block says "conventio.Block"), else Lua's type name.
inline std::string type_name_of(lua_State* L, int index) {
    int type = luaL_getmetafield(L, index, "__name");
    if (type == LUA_TNIL) return luaL_typename(L, index);
    std::string name = type == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, index);
    lua_pop(L, 1);
    return name;
}

}  // namespace conventio::lua
