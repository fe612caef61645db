#include "batch/progress.hpp"

#include <unistd.h>

#include <algorithm>

#include "config/i18n.hpp"

namespace conventio::batch {

using config::format;
using config::tr;
using config::tr_count;

namespace {

/// `value` with `decimals` digits after the point (the C locale's point: numbers stay as printed).
std::string fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string clock_text(double seconds) {
    auto s = static_cast<long>(seconds + 0.5);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", s / 60, s % 60);
    return buffer;
}

}  // namespace

Progress::Progress(std::size_t total, bool terminal, std::FILE* out)
    : total_(total),
      terminal_(terminal),
      out_(out),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

bool Progress::stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

void Progress::row_done(bool ok, const std::string& failure_message, const std::string& printed,
                        const std::string& place) {
    std::lock_guard lock(mutex_);
    ++finished_;
    if (!ok || !printed.empty()) {
        if (terminal_) std::fputs("\r\033[K", out_);
        for (std::size_t start = 0; start < printed.size();) {
            const std::size_t end = std::min(printed.find('\n', start), printed.size());
            std::fwrite(place.data(), 1, place.size(), out_);
            std::fwrite(printed.data() + start, 1, end - start, out_);
            std::fputc('\n', out_);
            start = end + 1;
        }
        if (!ok) std::fprintf(out_, "%s\n", failure_message.c_str());
        draw_locked(true);
        return;
    }
    draw_locked(false);
}

void Progress::draw_locked(bool force) {
    auto now = std::chrono::steady_clock::now();
    double elapsed = std::chrono::duration<double>(now - start_).count();
    double rate = elapsed > 0 ? static_cast<double>(finished_) / elapsed : 0;
    std::string left = rate > 0 ? clock_text(static_cast<double>(total_ - finished_) / rate) : "?";
    if (terminal_) {
        // Redrawing is costly on a slow terminal: ten times a second is enough for the eye.
        if (!force && finished_ != total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
        last_draw_ = now;
        constexpr int width = 30;
        int filled = total_ ? static_cast<int>(width * finished_ / total_) : width;
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.append(static_cast<std::size_t>(width - filled), '.');
        std::fprintf(out_, "\r\033[K[%s] %zu/%zu  %.0f/s  %s", bar.c_str(), finished_, total_, rate,
                     format(tr("{} left"), left).c_str());
        std::fflush(out_);
        return;
    }
    if (total_ == 0 || finished_ * 10 < next_plain_tenth_ * total_) return;
    while (next_plain_tenth_ <= 10 && finished_ * 10 >= next_plain_tenth_ * total_) ++next_plain_tenth_;
    std::fprintf(out_, "%s\n",
                 format(tr("{}/{} rows, {}/s, {} left"), std::to_string(finished_), std::to_string(total_),
                        fixed(rate, 0), left)
                     .c_str());
}

void Progress::finish(std::size_t done, std::size_t failed, std::size_t skipped, std::size_t not_done) {
    std::lock_guard lock(mutex_);
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (terminal_) std::fputs("\r\033[K", out_);
    // Each count agrees with its noun (« 1 document écrit »), the seconds with the language's
    // decimal mark (« 0,13 s »).
    std::string summary =
        format(tr_count("{} document written", "{} documents written", done), std::to_string(done));
    summary += format(tr(", {} failed"), std::to_string(failed));
    summary += format(tr_count(", {} skipped", ", {} skipped", skipped), std::to_string(skipped));
    if (not_done)
        summary += format(tr_count(", {} not done (interrupted)", ", {} not done (interrupted)", not_done),
                          std::to_string(not_done));
    summary += format(tr(" in {} s ({} rows/s)"), config::decimal(elapsed, 2),
                      fixed(elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0, 0));
    std::fprintf(out_, "%s\n", summary.c_str());
    std::fflush(out_);
}

}  // namespace conventio::batch
