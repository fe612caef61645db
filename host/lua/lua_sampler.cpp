#include "lua/lua_sampler.hpp"

#include <chrono>
#include <lua.hpp>
#include <set>

namespace conventio::lua {
namespace {

// The steady clock, not the thread's CPU clock: that one is a system call (hundreds of
// nanoseconds, half of it charged to what is measured); this one is read in user space.
double now_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::string where(const lua_Debug& ar) {
    return std::string(ar.short_src) + ":" + std::to_string(ar.currentline);
}

std::string function_key(lua_State* L, int level, const lua_Debug& ar) {
    std::string name = ar.name ? ar.name : "?";
    if (ar.what[0] == 'C') {
        lua_Debug caller;
        if (lua_getstack(L, level + 1, &caller) && lua_getinfo(L, "Sl", &caller) && caller.what[0] != 'C')
            return "[C] " + name + " at " + where(caller);
        return "[C] " + name;
    }
    std::string key = std::string(ar.short_src) + ":" + std::to_string(ar.linedefined);
    return key + (ar.linedefined == 0 ? " (main chunk)" : " (" + name + ")");
}

void add(LuaSampler::Costs& costs, const std::string& key, LuaSampler::Cost cost) {
    auto& c = costs[key];
    c.instructions += cost.instructions;
    c.ms += cost.ms;
}

}  // namespace

void LuaSampler::restart_clock() { last_ms_ = now_ms(); }

void LuaSampler::charge(lua_State* L, int top, Cost cost) {
    total_.instructions += cost.instructions;
    total_.ms += cost.ms;
    std::set<std::string> seen;  // a recursive function is charged once
    lua_Debug ar;
    bool innermost = true;
    for (int level = top; lua_getstack(L, level, &ar); ++level) {
        if (!lua_getinfo(L, "Sln", &ar)) continue;
        std::string function = function_key(L, level, ar);
        if (innermost) {
            add(lines_, ar.what[0] == 'C' ? function : where(ar), cost);
            add(self_, function, cost);
            innermost = false;
        }
        if (seen.insert(function).second) add(inclusive_, function, cost);
    }
}

void LuaSampler::event(lua_State* L, lua_Debug* ar) {
    double now = now_ms();
    Cost cost{ar->event == LUA_HOOKCOUNT ? static_cast<std::uint64_t>(interval) : 0,
              last_ms_ < 0 ? 0 : now - last_ms_};
    // What ran since the last event: at a call, the caller (the callee is already on the
    // stack, at level 0); at a return, the returning function (still on top); at a count, the
    // current Lua line.
    bool call = ar->event == LUA_HOOKCALL || ar->event == LUA_HOOKTAILCALL;
    charge(L, call ? 1 : 0, cost);
    // The sampler's own bookkeeping is not the run's.
    last_ms_ = now_ms();
}

}  // namespace conventio::lua
