// A profiler of the Lua side for bench/lua_profile. The state's hook calls it on every call and
// return and every `interval` VM instructions; the time between two events (steady clock) is
// charged to what ran in between: the innermost Lua line, or the C function on top (a binding,
// a template's evaluation, the standard library), named with the line that called it. Every
// function on the stack is also charged (inclusive cost). Only for measurement: a run without
// a sampler pays nothing but one test in the hook.
#pragma once

#include <cstdint>
#include <map>
#include <string>

struct lua_State;
struct lua_Debug;

namespace conventio::lua {

class LuaSampler {
public:
    /// VM instructions between two counting events.
    static constexpr int interval = 100;

    struct Cost {
        std::uint64_t instructions = 0;
        double ms = 0;
    };
    /// "…/strict.lua:42 (check_spec)" for a function, "…/strict.lua:57" for a line,
    /// "[C] gsub at …/text_diff.lua:15" for a C function.
    using Costs = std::map<std::string, Cost>;

    /// Called by the hook (State::count_instructions) on the state's own thread.
    void event(lua_State* L, lua_Debug* ar);
    /// Forgets the time since the last event (work outside a Lua call is no line's).
    void restart_clock();
    /// Forgets every sample (a worker's first row, which compiles the templates, is apart).
    void clear() { *this = LuaSampler(); }

    const Costs& lines() const { return lines_; }
    const Costs& functions_self() const { return self_; }
    const Costs& functions_inclusive() const { return inclusive_; }
    Cost total() const { return total_; }

private:
    void charge(lua_State* L, int top, Cost cost);  // to the frames from level `top` out
    Costs lines_, self_, inclusive_;
    Cost total_;
    double last_ms_ = -1;
};

}  // namespace conventio::lua
