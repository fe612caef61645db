// The last line of defence of the wall-clock limit. The instruction hook stops a script at the
// limit; but some code runs where no hook can reach (a pattern that backtracks for minutes
// inside one C call, a finalizer or message handler that Lua runs with hooks off in a trusted
// run). When the run has not stopped some time after its limit, the watchdog ends the process
// the way any failed run ends: a message on standard error, exit status 1, and no output file
// (outputs are only written after the script's state is closed, which disarms the watchdog).
//
// One thread watches every run of the process (started at the first run, never stopped): a
// thread per run would cost more than the rest of the policy on a small agreement.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>

namespace conventio::lua {

class Watchdog {
public:
    /// At half the limit, sets `half_gone` (the hook starts noting the user's place); at `limit`,
    /// sets `time_up` (the hook then stops the script where it is); at `limit + grace`, unless
    /// destroyed first, prints "conventio: " + last_words() and exits with status 1.
    /// `last_words` runs on the watchdog's thread.
    Watchdog(std::chrono::milliseconds limit, std::chrono::milliseconds grace, std::atomic<bool>& half_gone,
             std::atomic<bool>& time_up, std::function<std::string()> last_words);
    /// Once it returns, the watchdog's thread no longer looks at this run.
    ~Watchdog();
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    /// How often the watchdog's thread looks at the clock.
    static constexpr std::chrono::milliseconds resolution{50};

private:
    friend class WatchdogThread;
    using time_point = std::chrono::steady_clock::time_point;
    time_point half_, limit_, end_;
    std::atomic<bool>& half_gone_;
    std::atomic<bool>& time_up_;
    std::function<std::string()> last_words_;
};

/// Sets what the watchdog runs, on its own thread, before it ends the process (a batch writes
/// the report of the rows it ran, so that they are not lost with the row stuck); an empty
/// function clears it. The hook must not wait long: the process is ending.
void set_before_process_end(std::function<void()> hook);

}  // namespace conventio::lua
