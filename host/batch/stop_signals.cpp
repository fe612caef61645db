#include "batch/stop_signals.hpp"

#include <atomic>
#include <csignal>

namespace conventio::batch {
namespace {

std::atomic<int> received_signal{0};
struct sigaction previous_int, previous_term;

extern "C" void on_stop_signal(int signal) {
    received_signal.store(signal, std::memory_order_relaxed);
    // The next one is not ours to soften.
    struct sigaction plain {};
    plain.sa_handler = SIG_DFL;
    sigemptyset(&plain.sa_mask);
    sigaction(signal, &plain, nullptr);
}

}  // namespace

StopSignals::StopSignals() {
    received_signal.store(0);
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous_int);
    sigaction(SIGTERM, &action, &previous_term);
}

StopSignals::~StopSignals() {
    sigaction(SIGINT, &previous_int, nullptr);
    sigaction(SIGTERM, &previous_term, nullptr);
}

int StopSignals::received() { return received_signal.load(std::memory_order_relaxed); }

}  // namespace conventio::batch
