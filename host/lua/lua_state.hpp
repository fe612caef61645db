// One Lua state per document run (batch workers each own one) and the resource policy it
// enforces: the memory cap (Lua's heap and what the host allocates for the script), the
// instruction budget, the wall-clock limit, the size of the files it reads. A stop cannot be
// caught by the script: once the state is stopping, every hook and every pcall raises it again
// until the run has unwound (guards.cpp), and the watchdog ends runs stuck where no hook runs.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <lua.hpp>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "lua/script_options.hpp"
#include "lua/small_block_pool.hpp"

namespace conventio::lua {

class Watchdog;

/// Why a run was stopped by the policy.
enum class Stop { none, instructions, memory, time };

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

    /// Calls the function below `nargs` arguments under the message handler and the policy.
    void call(int nargs, int nresults);

    /// Calls the C function `f` in protected mode under the policy (loading data, for
    /// example): a Lua error or a stop becomes a ScriptError, whatever was allocated is counted.
    void protected_call(lua_CFunction f, void* argument, int nresults);

    /// Names the file being run or loaded, for stops that happen where no line is known.
    void set_current_file(std::string name) {
        std::lock_guard lock(call_site_mutex_);  // the watchdog's thread reads it
        main_chunk_ = std::move(name);
    }

    std::size_t memory_in_use() const { return lua_bytes_ + host_bytes(); }
    std::uint64_t instructions_used() const { return instructions_used_; }
    const Options& options() const { return options_; }

    /// Starts another run on this state (a batch worker's next row) with the whole policy again:
    /// no stop, the whole instruction budget, the time limit counted from now (the watchdog
    /// armed again), the host's memory counted from now. The state's own heap (the library)
    /// counts, as it does for a first run.
    void begin_run();
    /// Ends a run begun by begin_run, whatever happened in it: the watchdog no longer looks at
    /// this state (the worker may wait or write files for as long as it takes), a stop is
    /// forgotten, so the state can be restored and serve the next run.
    void end_run() noexcept;

    /// For a process that ends once its outputs are written (a render): leaves the Lua state to
    /// the process's exit instead of closing it, when closing it could do nothing anyone sees.
    /// lua_close frees every object one by one and runs finalizers (about 1.5 M instructions
    /// for an agreement); the operating system takes the memory back at once. Observable would
    /// be a script's finalizer: the sandbox refuses __gc (setmetatable_without_gc), so only a
    /// sandboxed state under the policy is left; a trusted script may have one that writes a
    /// file, and is closed as usual. Builds with LeakSanitizer close too (it would report the
    /// state). The State must not run Lua after this; its destructor then only stops the
    /// watchdog.
    void leave_to_process_exit() noexcept;

    /// Reads a whole regular file of at most `max_bytes`; throws ScriptError naming the path when
    /// it cannot (a directory, a FIFO or a device is refused without being opened for reading).
    static std::string read_source(const std::filesystem::path& path, std::size_t max_bytes);

    // ---- the policy, for the guards (guards.cpp) and the message handler

    bool stopping() const { return stop_ != Stop::none; }
    /// Starts stopping the run (the first reason stays).
    void stop(Stop reason) noexcept {
        if (stop_ == Stop::none) stop_ = reason;
    }
    /// Raises the stop again (its message names where it happened). Only while stopping().
    [[noreturn]] void raise_stop(lua_State* L);
    /// Pushes the stop's message, noting where it happened if not known yet.
    void push_stop_message(lua_State* L);
    /// "script.lua:12: ": the innermost frame of the user's code (not conventio's library, not
    /// a C function), or "" when there is none.
    std::string user_where(lua_State* L) const;
    /// "script.lua:12": where the Lua function calling the running C function was written, when
    /// it is the user's own code (not conventio's library), else "". What the text review names
    /// for a paragraph the user typed (doc::Paragraph::origin). `level` counts the frames out
    /// from the running C function: 2 is the caller of the library function that called it
    /// (conventio.caller_place); user_where tries each level.
    std::string caller_origin(lua_State* L, int level = 1) const;
    /// The origin of the text the library adds for the user (the line of the article it comes
    /// from), while it adds it; "" otherwise. conventio.text_origin sets it.
    const std::string& text_origin() const { return text_origin_; }
    void set_text_origin(std::string origin) { text_origin_ = std::move(origin); }
    /// Whether `source` (a chunk's source, "@/path/x.lua") is a module of conventio's own library.
    bool in_own_library(const char* source) const;
    /// `message` with a location in conventio's own library replaced by the user's place.
    std::string relocate(lua_State* L, std::string message) const;
    /// Remembers the user's place before a C call that may run long, for the watchdog's message.
    void note_call_site(lua_State* L);
    /// What `print` wrote since the last take, a line each, when Options::keep_printed (else
    /// `print` writes to standard error).
    void keep_printed(std::string_view line) {
        printed_.append(line);
        printed_ += '\n';
    }
    std::string take_printed() noexcept { return std::exchange(printed_, std::string()); }
    /// Bytes `print` wrote in this run (its limit is per run: a batch worker's rows each have it).
    std::size_t& printed_bytes() { return printed_bytes_; }
    /// Nesting of coroutine.close and of coroutine.wrap calls (Lua 5.4.4 overflows the C stack
    /// when closing coroutines nests deeply: guards.cpp keeps it bounded).
    int& coroutine_nesting() { return coroutine_nesting_; }

    // ---- when instructions are counted (arm_counting)

    /// Hooks every thread running now: the run's instructions are counted from here on. Called
    /// by the run's CPU timer, as a signal handler on the run's own thread.
    void start_counting() noexcept;
    /// Around coroutine.resume, close and a wrapped function's call (guards.cpp): the thread
    /// running now, which the timer's signal must hook too; the coroutine gets the hook when
    /// counting has started. Returns the thread that was running.
    lua_State* enter_coroutine(lua_State* coroutine) noexcept;
    void leave_coroutine(lua_State* resumer, lua_State* previous) noexcept;

private:
    friend struct Running;
    static void* allocate(void* ud, void* ptr, std::size_t old_size, std::size_t new_size);
    /// allocate's general path: a block made, grown or shrunk (new_size > 0), under the limits.
    void* reallocate(void* ptr, std::size_t old_bytes, std::size_t new_size);
    static bool allow_host_allocation(void* context, std::int64_t bytes_in_use) noexcept;
    static void count_instructions(lua_State* L, lua_Debug* ar);
    bool may_grow(std::size_t growth, std::size_t block) noexcept;
    void hook_next_instruction() noexcept;
    void set_hook(lua_State* thread) noexcept;          // the hook at its pace
    void keep_or_set_hook(lua_State* thread) noexcept;  // set_hook unless it counts already
    /// At the start of a run: under the default instruction budget, no hook until the run has
    /// used a few milliseconds of CPU (a timer on the thread's CPU clock then signals the thread:
    /// start_counting); a budget asked for, or no timer, hooks at once.
    void arm_counting() noexcept;
    void disarm_counting() noexcept;
    void count_near_memory_limit(std::size_t total) noexcept;
    std::size_t host_bytes() const;
    std::size_t hard_memory_limit() const { return options_.memory_bytes + options_.memory_bytes / 8; }
    std::string stop_description() const;
    std::string stop_message() const;
    std::string error_message(int status);
    std::string last_words();

    Options options_;
    std::string own_library_source_;  // "@/path/to/scripts/"
    std::size_t lua_bytes_ = 0;
    std::int64_t host_baseline_ = 0;
    std::size_t host_bytes_seen_ = 0;  // host bytes at the last host allocation (allow_host_allocation)
    std::uint64_t instructions_used_ = 0;
    unsigned hooks_ = 0;
    int hook_interval_ = 1000;                         // VM instructions between two calls of the hook
    std::atomic<bool> counting_{false};                // the hook is on (every thread resumed gets it)
    std::atomic<lua_State*> current_thread_{nullptr};  // the thread running Lua now (coroutines)
    timer_t cpu_timer_{};
    bool timer_armed_ = false;
    State* previous_armed_ = nullptr;  // the run armed on this thread before this one
    Stop stop_ = Stop::none;
    std::string stop_where_;  // "script.lua:12: " once known
    std::string near_where_;  // the user's place last seen by the hook once a limit is near
    std::atomic<bool> time_half_gone_{false};
    std::string main_chunk_;         // the script being run, for messages that have no line
    std::string printed_;            // print's lines, kept (Options::keep_printed)
    std::size_t printed_bytes_ = 0;  // what print wrote in this run, for its limit
    std::string text_origin_;        // set_text_origin
    int coroutine_nesting_ = 0;
    std::atomic<bool> time_up_{false};
    std::mutex call_site_mutex_;  // the watchdog reads call_site_ and main_chunk_ from its thread
    std::string call_site_;
    std::unique_ptr<Watchdog> watchdog_;
    SmallBlockPool small_blocks_;  // Lua's small blocks; outlives L_ (closed in the destructor)
    lua_State* L_ = nullptr;
};

/// The State that owns `L` (stored in the state's extra space).
State& owner(lua_State* L);

}  // namespace conventio::lua
