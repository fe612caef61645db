// What the user sees while a batch runs: on a terminal one bar redrawn in place (done/total,
// documents a second, time left); otherwise plain lines (a line each tenth of the way). Each
// failure gets its own line either way, after the lines its script printed, and a summary ends
// the run.
#pragma once

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

namespace conventio::batch {

class Progress {
public:
    Progress(std::size_t total, bool terminal, std::FILE* out = stderr);

    /// One row finished, told in row order: what its script printed (lines, each with its
    /// newline), each line after `place` so that rows run side by side are told apart, then its
    /// failure's line when it failed. The lines are written as they are, not copied with their
    /// place: a row may print a million short lines.
    void row_done(bool ok, const std::string& failure_message, const std::string& printed = {},
                  const std::string& place = {});

    /// Clears the bar and prints "N documents written, F failed, S skipped in T s (R/s)".
    void finish(std::size_t done, std::size_t failed, std::size_t skipped, std::size_t not_done);

    static bool stderr_is_terminal();

private:
    void draw_locked(bool force);

    std::mutex mutex_;
    std::size_t total_;
    std::size_t finished_ = 0;
    std::size_t next_plain_tenth_ = 1;
    bool terminal_;
    std::FILE* out_;
    std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace conventio::batch
