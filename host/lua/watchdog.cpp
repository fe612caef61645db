#include "lua/watchdog.hpp"

#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace conventio::lua {

class WatchdogThread {
public:
    static WatchdogThread& instance() {
        // Never destroyed: the thread may still be looking when the process exits.
        static auto* shared = new WatchdogThread;
        return *shared;
    }

    void add(Watchdog* w) {
        std::lock_guard lock(mutex_);
        runs_.push_back(w);
        if (!thread_started_) {
            std::thread([this] { watch(); }).detach();
            thread_started_ = true;
        }
        if (runs_.size() == 1) wake_.notify_one();
    }

    void remove(Watchdog* w) {
        std::lock_guard lock(mutex_);
        runs_.erase(std::find(runs_.begin(), runs_.end(), w));
    }

    void set_hook(std::function<void()> hook) {
        std::lock_guard lock(mutex_);
        before_end_ = std::move(hook);
    }

private:
    void watch() {
        std::unique_lock lock(mutex_);
        for (;;) {
            if (runs_.empty())
                wake_.wait(lock);
            else
                wake_.wait_for(lock, Watchdog::resolution);
            auto now = std::chrono::steady_clock::now();
            for (Watchdog* w : runs_) {
                if (now >= w->half_) w->half_gone_.store(true, std::memory_order_relaxed);
                if (now >= w->limit_) w->time_up_.store(true, std::memory_order_relaxed);
                if (now >= w->end_) end_process(*w, before_end_);
            }
        }
    }

    /// The run is stuck where nothing can unwind it: say so and end the process. std::_Exit runs
    /// no destructor and no atexit handler, which could wait for the stuck thread.
    [[noreturn]] static void end_process(Watchdog& w, const std::function<void()>& before_end) {
        std::string message = "conventio: " + w.last_words_() + "\n";
        if (before_end) before_end();
        for (std::size_t written = 0; written < message.size();) {
            ssize_t n = ::write(STDERR_FILENO, message.data() + written, message.size() - written);
            if (n <= 0) break;
            written += static_cast<std::size_t>(n);
        }
        std::_Exit(1);
    }

    std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<Watchdog*> runs_;
    std::function<void()> before_end_;
    bool thread_started_ = false;
};

Watchdog::Watchdog(std::chrono::milliseconds limit, std::chrono::milliseconds grace,
                   std::atomic<bool>& half_gone, std::atomic<bool>& time_up,
                   std::function<std::string()> last_words)
    : half_gone_(half_gone), time_up_(time_up), last_words_(std::move(last_words)) {
    auto start = std::chrono::steady_clock::now();
    half_ = start + limit / 2;
    limit_ = start + limit;
    end_ = start + limit + grace;
    WatchdogThread::instance().add(this);
}

Watchdog::~Watchdog() { WatchdogThread::instance().remove(this); }

void set_before_process_end(std::function<void()> hook) {
    WatchdogThread::instance().set_hook(std::move(hook));
}

}  // namespace conventio::lua
