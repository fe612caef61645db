// One Lua state per document run (batch workers each own one): the allocator that enforces
// the memory cap, the hook that enforces the instruction budget, the sandboxed libraries,
// and `require` restricted to the library folders.
#pragma once

#include <cstdint>
#include <filesystem>
#include <lua.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace conventio::lua {

/// How a state runs: its budget and sandbox, and where it finds modules and templates.
struct Options {
    std::size_t memory_bytes = 256u << 20;             // what the Lua heap may hold
    std::uint64_t instructions = 2'000'000'000;        // VM instructions, counted per 1000
    bool trusted = false;                              // true lifts the sandbox entirely
    std::vector<std::filesystem::path> library_dirs;   // where `require` looks, in order
    std::vector<std::filesystem::path> template_dirs;  // where clause templates are found, in order
};

/// A script, data or budget failure, with the message already in its final form
/// ("samples/x.lua:12: attempt to index a nil value").
struct ScriptError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

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

    std::size_t memory_in_use() const { return memory_.used; }
    const Options& options() const { return options_; }

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
