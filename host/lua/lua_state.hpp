// One Lua state per document run (batch workers each own one): the allocator that enforces
// the memory cap, the hook that enforces the instruction budget, the sandboxed libraries,
// and `require` restricted to the library folders.
#pragma once

#include <cstdint>
#include <filesystem>
#include <lua.hpp>
#include <string>

#include "lua/script_options.hpp"

namespace conventio::lua {

class State {
public:
    explicit State(Options options);
    ~State();
    State(const State&) = delete;
    State& operator=(const State&) = delete;

    lua_State* get() const { return L_; }

    /// Loads `path` (text only, never bytecode) and calls it with `nargs` arguments taken from
    /// the stack, leaving `nresults` results. Throws ScriptError with file:line on failure.
    void run_file(const std::filesystem::path& path, int nargs, int nresults);

    /// Calls the function below `nargs` arguments under the message handler, with the budget.
    void call(int nargs, int nresults);

    const Options& options() const { return options_; }

    /// Gives the next run (a batch worker's next row) the whole instruction budget again.
    void reset_budget() { instructions_used_ = 0; }

    /// Reads a whole source file; throws ScriptError naming the path when it cannot.
    static std::string read_source(const std::filesystem::path& path);

private:
    struct Memory {
        std::size_t used = 0;
        std::size_t limit = 0;
        bool exceeded = false;
    };
    static void* allocate(void* ud, void* ptr, std::size_t old_size, std::size_t new_size);
    static void count_instructions(lua_State* L, lua_Debug* ar);

    Options options_;
    Memory memory_;
    std::uint64_t instructions_used_ = 0;
    lua_State* L_ = nullptr;
};

/// The State that owns `L` (stored in the state's extra space).
State& owner(lua_State* L);

}  // namespace conventio::lua
