// The clocks the benchmarks read. CPU time of the calling thread is what one core spends on
// the work, and does not change when other processes share the machine; wall time is for what
// is not all on our thread (the kernel's file-system work).
#pragma once

#include <chrono>
#include <ctime>

namespace conventio::bench {

/// CPU time of the calling thread, in milliseconds.
inline double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

/// A steady wall clock, in milliseconds.
inline double wall_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace conventio::bench
