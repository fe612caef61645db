#include "lua/lua_state.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <utility>

#include "config/i18n.hpp"
#include "config/leak_checked.hpp"
#include "document/text_check.hpp"
#include "lua/host_memory.hpp"
#include "lua/lua_sampler.hpp"
#include "lua/message_text.hpp"
#include "lua/sandbox.hpp"
#include "lua/tail_calls.hpp"
#include "lua/watchdog.hpp"

namespace conventio::lua {

using config::format;
using config::tr;

/// While a State runs Lua code, the host's allocations on its thread count against its cap, and
/// text is checked with the run's bidi setting.
struct Running {
    explicit Running(State& s)
        : memory(s.options_.policy ? &State::allow_host_allocation : nullptr, &s),
          bidi(s.options_.allow_bidi_controls) {}
    host_memory::Scope memory;
    doc::BidiControlsScope bidi;
};

namespace {

// What a C function's allocation costs in the instruction budget: its work is proportional to
// what it builds (string.rep, gsub, upper, concatenation), and the VM does not count it.
constexpr std::size_t bytes_per_instruction = 4;
// Blocks from this size on are refused once the run is stopping, so a loop of long C calls
// that no hook interrupts stops within one call.
constexpr std::size_t large_block = 64u << 10;
// How long the watchdog waits after the limit for the hook to stop the run.
constexpr std::chrono::milliseconds watchdog_grace{1000};
// CPU time a run under the default instruction budget runs before its instructions are counted
// (State::arm_counting): an agreement takes a few milliseconds; a runaway loop runs this, then
// is counted. At the VM's pace it is a few million instructions, a few per cent of the budget.
constexpr long uncounted_cpu_ns = 20'000'000;

/// The signal the run's CPU timer sends to its own thread when the hook should start counting.
int counting_signal() { return SIGRTMIN + 3; }

/// The State whose run is armed on this thread, for the timer's signal (one run at a time per
/// thread; a pointer, so reading it in the handler is async-signal-safe).
thread_local State* armed_state = nullptr;

void on_counting_signal(int) {
    if (State* state = armed_state) state->start_counting();
}

bool counting_handler_installed() {
    static const bool installed = [] {
        struct sigaction action {};
        action.sa_handler = on_counting_signal;
        action.sa_flags = SA_RESTART;  // a read or write of the script goes on
        sigemptyset(&action.sa_mask);
        return sigaction(counting_signal(), &action, nullptr) == 0;
    }();
    return installed;
}

/// The message handler: the error as a string naming the user's place, cut to a sane length.
int message_handler(lua_State* L) {
    State& state = owner(L);
    if (state.stopping()) {
        state.push_stop_message(L);
        return 1;
    }
    std::string message;
    std::size_t length = 0;
    if (const char* s = lua_type(L, 1) == LUA_TSTRING ? lua_tolstring(L, 1, &length) : nullptr) {
        message = cut_message(std::string_view(s, length));
    } else if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) {
        s = lua_tolstring(L, -1, &length);
        message = cut_message(std::string_view(s, length));
    } else {
        message = state.user_where(L) + format(tr("(error object is a {} value)"), luaL_typename(L, 1));
    }
    message = state.relocate(L, std::move(message));
    lua_pushlstring(L, message.data(), message.size());
    return 1;
}

std::string mebibytes(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

std::string seconds(std::chrono::milliseconds ms) {
    std::string s = std::to_string(ms.count() / 1000);
    if (auto rest = ms.count() % 1000) {
        char buf[8];
        std::snprintf(buf, sizeof buf, ".%03d", static_cast<int>(rest));
        s += buf;
        while (s.back() == '0') s.pop_back();
    }
    return s + " s";
}

/// "file:12: " at the start of `message` when `file` is `prefix`; its length, or 0.
std::size_t location_prefix_length(const std::string& message, const std::string& prefix) {
    if (!message.starts_with(prefix)) return 0;
    std::size_t i = prefix.size();
    std::size_t digits = i;
    while (i < message.size() && message[i] >= '0' && message[i] <= '9') ++i;
    if (i == digits || message.compare(i, 2, ": ") != 0) return 0;
    return i + 2;
}

/// Whether `message` starts with "place:LINE:".
bool has_location(const std::string& message) {
    std::size_t colon = message.find(':');
    return colon != std::string::npos && colon + 1 < message.size() && message[colon + 1] >= '0' &&
           message[colon + 1] <= '9';
}

}  // namespace

State& owner(lua_State* L) { return **static_cast<State**>(lua_getextraspace(L)); }

State::State(Options options) : options_(std::move(options)) {
    if (!options_.own_library_dir.empty()) {
        // Spelt as `require` spells the chunks it loads from there (library_dir / "x.lua").
        own_library_source_ = "@" + (options_.own_library_dir / "").string();
    }
    host_baseline_ = host_memory::bytes_in_use();
    // The instruction budget is the script's: making the state and installing the library are
    // not counted (a budget of a few hundred instructions is the script's to use up, not the
    // library's). Time and memory are watched from the first instruction.
    const std::uint64_t budget = std::exchange(options_.instructions, 0);
    L_ = lua_newstate(&State::allocate, this);
    if (!L_) throw ScriptError(tr("cannot create a Lua state: not enough memory"));
    *static_cast<State**>(lua_getextraspace(L_)) = this;
    // Also without an instruction budget: the hook enforces the time and memory limits too,
    // from the first instruction or from the run's first milliseconds on (arm_counting).
    if (options_.sampler) hook_interval_ = LuaSampler::interval;
    current_thread_.store(L_);
    arm_counting();
    if (options_.policy && options_.timeout.count() > 0) {
        watchdog_ = std::make_unique<Watchdog>(options_.timeout, watchdog_grace, time_half_gone_, time_up_,
                                               [this] { return last_words(); });
    }
    {
        Running running(*this);
        install_libraries(L_, options_);
    }
    options_.instructions = budget;
    instructions_used_ = 0;
    arm_counting();
}

void State::leave_to_process_exit() noexcept {
#if defined(CONVENTIO_LEAK_CHECKED)
    return;  // LeakSanitizer would report the state: closed as usual
#else
    if (!options_.policy || options_.trusted) return;  // a finalizer could be seen
    disarm_counting();  // the timer's signal must not find a state no longer there
    L_ = nullptr;
#endif
}

State::~State() {
    // The timer's signal must not set a hook while lua_close frees the call chain (Lua runs
    // finalizers with hooks off, so they lose nothing by it).
    disarm_counting();
    // lua_close runs finalizers: the watchdog stays armed until it returns.
    if (L_) lua_close(L_);
    watchdog_.reset();
}

void State::begin_run() {
    end_run();
    text_origin_.clear();
    instructions_used_ = 0;
    hooks_ = 0;
    host_baseline_ = host_memory::bytes_in_use();
    host_bytes_seen_ = 0;
    printed_bytes_ = 0;
    {
        std::lock_guard lock(call_site_mutex_);
        call_site_.clear();
    }
    // What earlier runs left for the collector counts against the cap as Lua's heap: a run that
    // left much of it must not shorten the next one's.
    if (options_.policy && lua_bytes_ > options_.memory_bytes / 4) lua_gc(L_, LUA_GCCOLLECT);
    arm_counting();
    if (options_.policy && options_.timeout.count() > 0) {
        watchdog_ = std::make_unique<Watchdog>(options_.timeout, watchdog_grace, time_half_gone_, time_up_,
                                               [this] { return last_words(); });
    }
}

void State::end_run() noexcept {
    // First: once it is gone, the watchdog's thread writes neither flag any more.
    watchdog_.reset();
    time_half_gone_.store(false, std::memory_order_relaxed);
    time_up_.store(false, std::memory_order_relaxed);
    stop_ = Stop::none;
    stop_where_.clear();
    near_where_.clear();
    coroutine_nesting_ = 0;
    disarm_counting();
    // A stop set the hook to every instruction (hook_next_instruction): back to its pace, or
    // off until the next run's timer (arm_counting).
    if (counting_.load(std::memory_order_relaxed)) set_hook(L_);
}

void State::set_hook(lua_State* thread) noexcept {
    // The sampler (bench/lua_profile) also sees calls and returns, to time C functions apart.
    if (options_.sampler)
        lua_sethook(thread, &State::count_instructions, LUA_MASKCOUNT | LUA_MASKCALL | LUA_MASKRET,
                    hook_interval_);
    else if (options_.policy)
        lua_sethook(thread, &State::count_instructions, LUA_MASKCOUNT, hook_interval_);
}

void State::arm_counting() noexcept {
    disarm_counting();
    // With a hook, Lua 5.4 leaves its fast path for every instruction (luaG_traceexec), about
    // 5 % of a render: under the default budget, short runs go without. A budget asked for is
    // counted from the first instruction, as is everything when no timer can be had.
    bool exact = options_.instructions != 0 && options_.instructions != default_instruction_budget;
    if (options_.sampler || !options_.policy || exact || !counting_handler_installed()) {
        counting_.store(options_.policy || options_.sampler, std::memory_order_relaxed);
        set_hook(L_);
        return;
    }
    counting_.store(false, std::memory_order_relaxed);
    lua_sethook(L_, nullptr, 0, 0);
    current_thread_.store(L_);
    sigevent event{};
    event.sigev_notify = SIGEV_THREAD_ID;
    event.sigev_signo = counting_signal();
    event._sigev_un._tid = static_cast<pid_t>(::syscall(SYS_gettid));
    if (timer_create(CLOCK_THREAD_CPUTIME_ID, &event, &cpu_timer_) != 0) {
        start_counting();
        return;
    }
    timer_armed_ = true;
    previous_armed_ = armed_state;
    armed_state = this;
    itimerspec after{};
    after.it_value.tv_nsec = uncounted_cpu_ns;
    if (timer_settime(cpu_timer_, 0, &after, nullptr) != 0) start_counting();
}

void State::disarm_counting() noexcept {
    if (!timer_armed_) return;
    timer_delete(cpu_timer_);
    timer_armed_ = false;
    if (armed_state == this) armed_state = previous_armed_;
}

void State::start_counting() noexcept {
    // Also from the timer's signal handler, on the run's own thread (as lua.c's SIGINT handler
    // sets its hook): lua_sethook may be called asynchronously. Every thread running now gets
    // the hook; a coroutine resumed later gets it from the guard (enter_coroutine).
    counting_.store(true, std::memory_order_relaxed);
    keep_or_set_hook(L_);
    if (lua_State* current = current_thread_.load(); current && current != L_) keep_or_set_hook(current);
}

void State::count_near_memory_limit(std::size_t total) noexcept {
    // The hook notes the user's place once memory passes a quarter of the cap, for a stop that
    // Lua raises as a memory error, where no message handler runs: it must be on by then.
    if (total > options_.memory_bytes / 4 && !counting_.load(std::memory_order_relaxed)) start_counting();
}

lua_State* State::enter_coroutine(lua_State* coroutine) noexcept {
    lua_State* previous = current_thread_.exchange(coroutine);
    // After the exchange: a signal before it hooked the previous thread and set counting_.
    if (counting_.load(std::memory_order_relaxed)) keep_or_set_hook(coroutine);
    return previous;
}

void State::leave_coroutine(lua_State* resumer, lua_State* previous) noexcept {
    current_thread_.store(previous);
    if (counting_.load(std::memory_order_relaxed)) keep_or_set_hook(resumer);
}

void State::keep_or_set_hook(lua_State* thread) noexcept {
    // Setting a hook restarts its countdown: two coroutines yielding to each other every few
    // hundred instructions would never reach it (and escape the budget and the time limit), and
    // a stop's every-instruction hook (hook_next_instruction) would go back to its pace.
    if (lua_gethook(thread) != &State::count_instructions) set_hook(thread);
}

std::size_t State::host_bytes() const {
    std::int64_t bytes = host_memory::bytes_in_use() - host_baseline_;
    return bytes > 0 ? static_cast<std::size_t>(bytes) : 0;
}

bool State::may_grow(std::size_t growth, std::size_t block) noexcept {
    // The host's figure as operator new last saw it (it reports every host allocation while the
    // script runs): reading the thread's counter here, on every Lua allocation, costs more.
    std::size_t total = lua_bytes_ + host_bytes_seen_ + growth;
    if (total > options_.memory_bytes) total = lua_bytes_ + host_bytes() + growth;  // exact, when it matters
    count_near_memory_limit(total);
    if (total > hard_memory_limit()) {
        stop(Stop::memory);
        return false;  // Lua raises its memory error
    }
    bool was_stopping = stopping();
    if (total > options_.memory_bytes) stop(Stop::memory);
    if (time_up_.load(std::memory_order_relaxed)) stop(Stop::time);
    if (options_.instructions && instructions_used_ > options_.instructions) stop(Stop::instructions);
    if (stopping() && !was_stopping) {
        // The stop is raised by the hook, which knows the line: at the very next instruction.
        hook_next_instruction();
        return true;
    }
    // Still in C code after the stop (a loop of long C calls in a coroutine): large blocks are
    // refused, so the run stops within one call.
    return !(stopping() && block >= large_block);
}

void State::hook_next_instruction() noexcept {
    // Safe here: the allocator and operator new run on the state's own thread, at points where
    // Lua's call chain is consistent (lua.c's signal handler does the same, asynchronously).
    // The main thread and the running coroutine are reached; another coroutine's own hook
    // raises within 1000 instructions. While lua_newstate is still making the state (its first
    // blocks can use up a tiny budget) there is none to hook: arm_counting hooks it once made,
    // and the stop already recorded is raised at its first instruction.
    if (!L_) return;
    lua_sethook(L_, &State::count_instructions, LUA_MASKCOUNT, 1);
    // The coroutine running now may have no hook yet (counting had not started).
    if (lua_State* current = current_thread_.load(); current && current != L_)
        lua_sethook(current, &State::count_instructions, LUA_MASKCOUNT, 1);
}

namespace {

// Under the address sanitizer every block comes from malloc, so that it watches each one.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool pool_small_blocks = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool pool_small_blocks = false;
#else
constexpr bool pool_small_blocks = true;
#endif
#else
constexpr bool pool_small_blocks = true;
#endif

bool pooled(std::size_t size) { return pool_small_blocks && SmallBlockPool::serves(size); }

}  // namespace

void* State::allocate(void* ud, void* ptr, std::size_t old_size, std::size_t new_size) {
    auto* self = static_cast<State*>(ud);
    // When ptr is null, old_size encodes the kind of object, not a size. Otherwise it is the
    // size the block was allocated with: small blocks go back to the pool they came from.
    if (!ptr && pooled(new_size)) {
        // Most calls by far (6 200 of a cold render's 8 500): a new small block. Below a quarter
        // of the cap, before the time limit and within the instruction budget, may_grow would
        // only count it, so it is counted and served here, without the general path's calls
        // and saved registers. Anything else goes through may_grow as before.
        std::uint64_t used = self->instructions_used_ + new_size / bytes_per_instruction;
        std::size_t total = self->lua_bytes_ + self->host_bytes_seen_ + new_size;
        const Options& o = self->options_;
        if (!o.policy || (total <= o.memory_bytes / 4 && (o.instructions == 0 || used <= o.instructions) &&
                          !self->time_up_.load(std::memory_order_relaxed))) {
            void* block = self->small_blocks_.allocate(new_size);
            if (block) {
                if (o.policy) self->instructions_used_ = used;
                self->lua_bytes_ += new_size;
            }
            return block;
        }
    }
    if (new_size == 0) {  // a block freed (most often a small one: the collector's many)
        if (!ptr) return nullptr;
        if (pooled(old_size))
            self->small_blocks_.release(ptr, old_size);
        else
            std::free(ptr);
        self->lua_bytes_ -= old_size;
        return nullptr;
    }
    return self->reallocate(ptr, ptr ? old_size : 0, new_size);
}

void* State::reallocate(void* ptr, std::size_t old_bytes, std::size_t new_size) {
    if (new_size > old_bytes && options_.policy) {
        std::size_t growth = new_size - old_bytes;
        instructions_used_ += growth / bytes_per_instruction;
        if (!may_grow(growth, new_size)) return nullptr;  // Lua raises its memory error
    }
    void* grown = nullptr;
    bool old_small = pooled(old_bytes), new_small = pooled(new_size);
    if (!old_small && !new_small) {
        grown = std::realloc(ptr, new_size);  // also the first allocation of a large block
    } else if (old_small && new_small && SmallBlockPool::same_class(old_bytes, new_size)) {
        grown = ptr;
    } else {
        // Moved between the pool and malloc, or between two classes; on failure the old block
        // stays as it was, as Lua requires.
        grown = new_small ? small_blocks_.allocate(new_size) : std::malloc(new_size);
        if (grown && ptr) {
            std::memcpy(grown, ptr, std::min(old_bytes, new_size));
            if (old_small)
                small_blocks_.release(ptr, old_bytes);
            else
                std::free(ptr);
        }
    }
    if (grown) lua_bytes_ = lua_bytes_ - old_bytes + new_size;
    return grown;
}

bool State::allow_host_allocation(void* context, std::int64_t bytes_in_use) noexcept {
    auto* self = static_cast<State*>(context);
    std::int64_t host = bytes_in_use - self->host_baseline_;
    self->host_bytes_seen_ = host > 0 ? static_cast<std::size_t>(host) : 0;
    std::size_t total = self->lua_bytes_ + self->host_bytes_seen_;
    self->count_near_memory_limit(total);
    if (total > self->hard_memory_limit()) {
        self->stop(Stop::memory);
        return false;  // operator new throws std::bad_alloc; the binding turns it into an error
    }
    if (total > self->options_.memory_bytes && !self->stopping()) {
        self->stop(Stop::memory);
        self->hook_next_instruction();
    }
    return true;
}

void State::count_instructions(lua_State* L, lua_Debug* ar) {
    State& self = owner(L);
    if (self.options_.sampler) {
        self.options_.sampler->event(L, ar);
        if (!self.options_.policy || ar->event != LUA_HOOKCOUNT) return;
    }
    self.instructions_used_ += static_cast<unsigned>(self.hook_interval_);
    if (self.stop_ == Stop::none) {
        std::uint64_t budget = self.options_.instructions;
        if (budget && self.instructions_used_ > budget)
            self.stop(Stop::instructions);
        else if (self.time_up_.load(std::memory_order_relaxed))
            self.stop(Stop::time);
        else if (self.memory_in_use() > self.options_.memory_bytes)
            self.stop(Stop::memory);
        else {
            // Near a limit, note the place: a stop raised where no line is known (an allocation
            // refused inside a C function) then still names it.
            if (++self.hooks_ % 8 == 0 && ((budget && self.instructions_used_ > budget / 2) ||
                                           self.memory_in_use() > self.options_.memory_bytes / 4 ||
                                           self.time_half_gone_.load(std::memory_order_relaxed)))
                self.near_where_ = self.user_where(L);
            return;
        }
    }
    self.raise_stop(L);
}

std::string State::stop_description() const {
    switch (stop_) {
        case Stop::instructions:
            return format(tr("instruction budget of {} exceeded (a loop that never ends? raise it with "
                             "--max-instructions)"),
                          std::to_string(options_.instructions));
        case Stop::memory:
            return format(tr("memory limit of {} exceeded (raise it with --max-memory)"),
                          mebibytes(options_.memory_bytes));
        case Stop::time:
            return format(tr("time limit of {} exceeded (raise it with --timeout)"),
                          seconds(options_.timeout));
        case Stop::none:
            break;
    }
    return tr("stopped");
}

std::string State::stop_message() const {
    std::string where = !stop_where_.empty()   ? stop_where_
                        : !near_where_.empty() ? near_where_
                        : main_chunk_.empty()  ? std::string()
                                               : main_chunk_ + ": ";
    return where + stop_description();
}

void State::push_stop_message(lua_State* L) {
    if (stop_where_.empty()) stop_where_ = user_where(L);
    std::string message = stop_message();
    lua_pushlstring(L, message.data(), message.size());
}

void State::raise_stop(lua_State* L) {
    push_stop_message(L);
    lua_error(L);
    std::abort();  // lua_error does not return
}

std::string State::caller_origin(lua_State* L, int level) const {
    lua_Debug ar;
    // The source first: most frames user_where walks are the library's, whose line is not needed.
    if (!lua_getstack(L, level, &ar) || !lua_getinfo(L, "S", &ar) || ar.source[0] != '@' ||
        in_own_library(ar.source) || !lua_getinfo(L, "l", &ar) || ar.currentline <= 0)
        return {};
    return std::string(ar.short_src) + ":" + std::to_string(ar.currentline);
}

bool State::in_own_library(const char* source) const {
    return !own_library_source_.empty() &&
           std::strncmp(source, own_library_source_.c_str(), own_library_source_.size()) == 0;
}

std::string State::user_where(lua_State* L) const {
    // lua_getstack(L, n) walks n frames: look at the innermost frames, then at the outermost
    // ones (the script's main chunk), never at all of a deep stack (a runaway recursion).
    constexpr int innermost = 64, outermost = 16;
    auto where_at = [&](int level) -> std::string {
        std::string where = caller_origin(L, level);
        if (!where.empty()) where += ": ";
        return where;
    };
    lua_Debug ar;
    int level = 0;
    for (; level < innermost && lua_getstack(L, level, &ar); ++level)
        if (std::string where = where_at(level); !where.empty()) return where;
    if (level < innermost) return {};
    int low = level, high = level * 2;  // find the depth by doubling, then bisection
    while (lua_getstack(L, high, &ar)) {
        low = high;
        high *= 2;
    }
    while (low < high - 1) {
        int middle = low + (high - low) / 2;
        if (lua_getstack(L, middle, &ar))
            low = middle;
        else
            high = middle;
    }
    for (int l = std::max(level, low - outermost + 1); l <= low; ++l)
        if (std::string where = where_at(l); !where.empty()) return where;
    return {};
}

std::string State::relocate(lua_State* L, std::string message) const {
    if (own_library_source_.empty()) return message;
    lua_Debug ar;
    // The error's location is where it was raised: among the innermost frames.
    for (int level = 0; level < 64 && lua_getstack(L, level, &ar); ++level) {
        if (!lua_getinfo(L, "S", &ar) ||
            std::strncmp(ar.source, own_library_source_.c_str(), own_library_source_.size()) != 0)
            continue;
        if (std::size_t n = location_prefix_length(message, std::string(ar.short_src) + ":")) {
            std::string where = user_where(L);
            return where.empty() ? message : where + message.substr(n);
        }
    }
    return message;
}

void State::note_call_site(lua_State* L) {
    std::string where = user_where(L);
    std::lock_guard lock(call_site_mutex_);
    call_site_ = std::move(where);
}

std::string State::last_words() {
    std::string where;
    {
        std::lock_guard lock(call_site_mutex_);
        where = !call_site_.empty() ? call_site_ : main_chunk_.empty() ? std::string() : main_chunk_ + ": ";
    }
    return printable_message(where + format(tr("time limit of {} exceeded inside a call that never returned "
                                               "to Lua (a pattern that backtracks without end? a finalizer "
                                               "or message handler that loops?)"),
                                            seconds(options_.timeout)));
}

std::string State::read_source(const std::filesystem::path& path, std::size_t max_bytes) {
    auto fail = [&](const std::string& why) -> ScriptError {
        return ScriptError(path.string() + ": " + why);
    };
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) throw fail(format(tr("cannot open: {}"), std::strerror(errno)));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0) throw fail(format(tr("cannot read: {}"), std::strerror(errno)));
    if (S_ISDIR(info.st_mode)) throw fail(tr("is a directory, not a file"));
    if (!S_ISREG(info.st_mode)) throw fail(tr("is not a regular file (a FIFO, a device or a socket)"));
    auto too_big = [&] {
        return fail(format(tr("is larger than the limit of {} for an input file"), mebibytes(max_bytes)));
    };
    if (static_cast<std::uint64_t>(info.st_size) > max_bytes) throw too_big();
    std::string content(static_cast<std::size_t>(info.st_size), '\0');
    std::size_t size = 0;
    for (;;) {
        if (size == content.size()) {
            if (size >= max_bytes) {  // the file grew while being read
                char probe;
                if (::read(fd, &probe, 1) > 0) throw too_big();
                break;
            }
            content.resize(std::min(max_bytes, std::max<std::size_t>(size * 2, 4096)));
        }
        ssize_t n = ::read(fd, content.data() + size, content.size() - size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw fail(format(tr("cannot read: {}"), std::strerror(errno)));
        if (n == 0) break;
        size += static_cast<std::size_t>(n);
    }
    content.resize(size);
    return content;
}

std::string State::error_message(int status) {
    if (stopping()) return stop_message();
    std::string message;
    std::size_t length = 0;
    if (const char* s = lua_tolstring(L_, -1, &length))
        message = std::string(s, length);
    else if (status == LUA_ERRMEM)
        message = tr("not enough memory");
    else
        message = tr("unknown error");
    return message;
}

void State::call(int nargs, int nresults) {
    int base = lua_gettop(L_) - nargs;  // the function's index
    lua_pushcfunction(L_, message_handler);
    lua_insert(L_, base);
    int status;
    {
        Running running(*this);
        if (options_.sampler) options_.sampler->restart_clock();  // what came before is no Lua line's
        status = lua_pcall(L_, nargs, nresults, base);
    }
    lua_remove(L_, base);
    if (status == LUA_OK) return;
    std::string message = error_message(status);
    lua_pop(L_, 1);
    throw ScriptError(printable_message(message));
}

void State::protected_call(lua_CFunction f, void* argument, int nresults) {
    lua_pushcfunction(L_, f);
    lua_pushlightuserdata(L_, argument);
    call(1, nresults);
}

void State::run_file(const std::filesystem::path& path, int nargs, int nresults) {
    set_current_file(path.string());
    std::string source = read_source(path, options_.max_file_bytes);
    std::string chunkname = "@" + path.string();
    int status;
    {
        Running running(*this);
        status = luaL_loadbufferx(L_, source.data(), source.size(), chunkname.c_str(), "t");
        // Its last call keeps the script's frame, so a library error names the script's line.
        if (status == LUA_OK) keep_script_frame(L_);
    }
    if (status != LUA_OK) {
        std::string message = error_message(status);
        lua_pop(L_, 1 + nargs);
        if (message.find("attempt to load a binary chunk") != std::string::npos)
            message = path.string() + ": " + tr("precompiled Lua bytecode is not accepted; give the source");
        else if (!has_location(message))
            message = path.string() + ": " + message;  // "C stack overflow" from the parser has no place
        throw ScriptError(printable_message(message));
    }
    lua_insert(L_, -(nargs + 1));
    call(nargs, nresults);
}

}  // namespace conventio::lua
