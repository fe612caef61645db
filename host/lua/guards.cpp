#include "lua/guards.hpp"

#include <cstdint>

#include "config/i18n.hpp"

namespace conventio::lua {

using config::tr;
namespace {

// ---- pcall and xpcall: a stop is raised again, never returned as (false, message)

/// The continuation of pcall and xpcall (as in lbaselib.c), also reached after a yield.
int finish_pcall(lua_State* L, int status, lua_KContext extra) {
    if (status != LUA_OK && status != LUA_YIELD) {
        if (owner(L).stopping()) owner(L).raise_stop(L);
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - static_cast<int>(extra);
}

int guarded_pcall(lua_State* L) {
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, finish_pcall);
    return finish_pcall(L, status, 0);
}

/// The script's message handler, skipped when the run is stopping: Lua runs a handler with
/// hooks off when the error comes from a hook, so a handler that loops would never stop.
int guarded_handler(lua_State* L) {
    if (owner(L).stopping()) return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

int guarded_xpcall(lua_State* L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, finish_pcall);
    return finish_pcall(L, status, 2);
}

// ---- coroutines

/// Counts nested coroutine.close and coroutine.wrap calls for the lifetime of one call.
class Nesting {
public:
    explicit Nesting(lua_State* L) : depth_(owner(L).coroutine_nesting()) {
        if (depth_ >= max_coroutine_nesting)
            luaL_error(
                L, tr("coroutines nested more than %d levels deep (coroutine.close, coroutine.wrap)").c_str(),
                max_coroutine_nesting);
        ++depth_;
    }
    ~Nesting() { --depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;

private:
    int& depth_;
};

/// Calls the original function (upvalue 1) with this call's arguments; returns the result count.
/// The guards check the arguments first, so the original's own errors are about the call, not
/// the arguments; they are raised again with the script's place in front (raised from inside
/// the original, they would name no place: its caller is this C function).
int call_original(lua_State* L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0) == LUA_OK) return lua_gettop(L);
    if (owner(L).stopping()) owner(L).raise_stop(L);
    if (lua_type(L, -1) == LUA_TSTRING) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

/// coroutine.resume and coroutine.close return (false, message) when the coroutine failed: a
/// stop inside it is raised again in the caller.
int reraise_stop(lua_State* L, int results) {
    if (results > 0 && lua_isboolean(L, 1) && !lua_toboolean(L, 1) && owner(L).stopping())
        owner(L).raise_stop(L);
    return results;
}

/// While a coroutine runs Lua code (resumed, or closing its pending to-be-closed variables):
/// the state knows it is the running thread, so it is hooked when counting starts.
class InCoroutine {
public:
    InCoroutine(lua_State* L, lua_State* coroutine) : L_(L), previous_(owner(L).enter_coroutine(coroutine)) {}
    ~InCoroutine() { owner(L_).leave_coroutine(L_, previous_); }
    InCoroutine(const InCoroutine&) = delete;
    InCoroutine& operator=(const InCoroutine&) = delete;

private:
    lua_State* L_;
    lua_State* previous_;
};

int guarded_resume(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTHREAD);
    InCoroutine running(L, lua_tothread(L, 1));
    return reraise_stop(L, call_original(L));
}

int guarded_close(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTHREAD);
    Nesting nesting(L);
    InCoroutine running(L, lua_tothread(L, 1));
    return reraise_stop(L, call_original(L));
}

int guarded_wrapped_call(lua_State* L) {
    Nesting nesting(L);
    // The wrapped function's coroutine is its only upvalue (lcorolib.c's auxwrap).
    lua_State* coroutine = nullptr;
    if (lua_getupvalue(L, lua_upvalueindex(1), 1)) {
        coroutine = lua_tothread(L, -1);
        lua_pop(L, 1);
    }
    InCoroutine running(L, coroutine ? coroutine : L);
    return call_original(L);
}

int guarded_wrap(lua_State* L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    lua_pushcclosure(L, guarded_wrapped_call, 1);
    return 1;
}

// ---- strings

/// string.rep whose result cannot fit in the memory cap stops the run before it starts.
int guarded_rep(lua_State* L) {
    std::size_t length = 0, separator = 0;
    luaL_checklstring(L, 1, &length);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &separator);
    if (n > 1) {
        double bytes =
            (static_cast<double>(length) + static_cast<double>(separator)) * static_cast<double>(n);
        if (bytes > static_cast<double>(owner(L).options().memory_bytes)) {
            owner(L).stop(Stop::memory);
            owner(L).raise_stop(L);
        }
    }
    return call_original(L);
}

/// A pattern match costs up to about n^(q+1) steps for a subject of n bytes and q repetition
/// items. Past some ten million, the user's place is noted first: if the match never returns,
/// the watchdog's message names it.
void note_costly_match(lua_State* L) {
    std::size_t subject = 0, pattern_length = 0;
    luaL_checklstring(L, 1, &subject);
    const char* pattern = luaL_checklstring(L, 2, &pattern_length);
    if (!lua_isnoneornil(L, 3) && lua_type(L, 3) != LUA_TSTRING && lua_type(L, 3) != LUA_TTABLE &&
        lua_type(L, 3) != LUA_TFUNCTION)
        luaL_checkinteger(L, 3);  // find, match, gmatch: init; gsub: a replacement (checked by gsub)
    int repetitions = 0;
    for (std::size_t i = 0; i < pattern_length; ++i) {
        char c = pattern[i];
        if (c == '*' || c == '+' || c == '-' || c == '?') ++repetitions;
    }
    if (repetitions == 0) return;
    // subject^(repetitions + 1) > 1e7, multiplied out (most subjects are short: a few steps).
    double cost = static_cast<double>(subject);
    for (int i = 0; i < repetitions && cost <= 1e7; ++i) cost *= static_cast<double>(subject);
    if (cost > 1e7) owner(L).note_call_site(L);
}

/// Calls the original C function (upvalue 1) in this call's own frame, without call_original's
/// protected call (a tenth of a template's evaluation, where every placeholder runs a few
/// matches). Only for a call whose arguments the original accepts, so that it can fail only by
/// luaL_error (a malformed pattern or replacement, a pattern too complex) and calls no Lua
/// function: luaL_error names level 1, which is here the script's place, the very message
/// call_original makes.
int call_original_in_place(lua_State* L) { return lua_tocfunction(L, lua_upvalueindex(1))(L); }

/// string.find, match and gmatch: the init is absent or a number (checked as an integer above).
int noting_match(lua_State* L) {
    note_costly_match(L);
    int init = lua_type(L, 3);
    if (init == LUA_TNONE || init == LUA_TNIL || init == LUA_TNUMBER) return call_original_in_place(L);
    return call_original(L);
}

/// string.gsub: a replacement string (or number) and no count, or else the original's own
/// argument checks and a replacement function or table, which may fail in any way.
int noting_gsub(lua_State* L) {
    note_costly_match(L);
    int replacement = lua_type(L, 3);
    if ((replacement == LUA_TSTRING || replacement == LUA_TNUMBER) && lua_isnoneornil(L, 4))
        return call_original_in_place(L);
    return call_original(L);
}

void wrap_field(lua_State* L, const char* table, const char* field, lua_CFunction guard) {
    if (lua_getglobal(L, table) != LUA_TTABLE) {
        lua_pop(L, 1);
        return;
    }
    lua_getfield(L, -1, field);
    lua_pushcclosure(L, guard, 1);
    lua_setfield(L, -2, field);
    lua_pop(L, 1);
}

}  // namespace

void install_guards(lua_State* L, const Options&) {
    lua_register(L, "pcall", guarded_pcall);
    lua_register(L, "xpcall", guarded_xpcall);
    wrap_field(L, LUA_COLIBNAME, "resume", guarded_resume);
    wrap_field(L, LUA_COLIBNAME, "close", guarded_close);
    wrap_field(L, LUA_COLIBNAME, "wrap", guarded_wrap);
    wrap_field(L, LUA_STRLIBNAME, "rep", guarded_rep);
    for (const char* f : {"find", "match", "gmatch"}) wrap_field(L, LUA_STRLIBNAME, f, noting_match);
    wrap_field(L, LUA_STRLIBNAME, "gsub", noting_gsub);
}

}  // namespace conventio::lua
