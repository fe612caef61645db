// Where the Lua side's time goes, line by line: runs a script as `render` does (a fresh state
// each time: the cold path) or as a batch worker does (one state, row after row: the warm
// path) with a LuaSampler on the instruction hook, and prints the costliest lines, the
// functions' own cost and their inclusive cost, in VM instructions and time. Time
// charged to a line includes the C functions it called (bindings, template evaluation, GC
// steps); the sampler's own bookkeeping is left out. The time is the steady clock's (the
// thread's CPU clock is a system call per event): on a busy machine a preemption is charged to
// whatever ran, so run it quiet and with enough runs; the instruction counts do not vary.
// Prints figures, checks nothing.
//
//   build/conventio_lua_profile render SCRIPT [--data F] [--runs N] [--lib DIR] [--top K]
//   build/conventio_lua_profile batch SCRIPT ROWS [--runs N] [--lib DIR] [--data F] [--top K]
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "batch/row_file.hpp"
#include "bench_clock.hpp"
#include "lua/lua_sampler.hpp"
#include "lua/row_runner.hpp"
#include "lua/script_runner.hpp"

namespace {

using namespace conventio;

double cpu_ms() { return bench::thread_cpu_ms(); }

void print_top(const char* title, const lua::LuaSampler::Costs& costs, const lua::LuaSampler::Cost& total,
               std::size_t runs, std::size_t top) {
    std::vector<std::pair<std::string, lua::LuaSampler::Cost>> sorted(costs.begin(), costs.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.second.ms > b.second.ms; });
    std::printf("\n%s (per run; %% of the sampled time)\n", title);
    std::printf("  %9s %6s %11s  %s\n", "µs", "%", "instr.", "where");
    for (std::size_t i = 0; i < sorted.size() && i < top; ++i) {
        const auto& [where, c] = sorted[i];
        std::printf("  %9.1f %5.1f%% %11.0f  %s\n", 1000 * c.ms / static_cast<double>(runs),
                    total.ms > 0 ? 100 * c.ms / total.ms : 0,
                    static_cast<double>(c.instructions) / static_cast<double>(runs), where.c_str());
    }
}

int usage() {
    std::fprintf(
        stderr,
        "usage: conventio_lua_profile render SCRIPT [--data F] [--runs N] [--lib DIR] [--top K]\n"
        "       conventio_lua_profile batch SCRIPT ROWS [--runs N] [--lib DIR] [--data F] [--top K]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return usage();
    std::string mode = argv[1];
    if (mode != "render" && mode != "batch") return usage();
    std::filesystem::path script = argv[2];
    std::filesystem::path rows_path;
    int next = 3;
    if (mode == "batch") {
        if (argc < 4) return usage();
        rows_path = argv[next++];
    }
    std::size_t runs = mode == "render" ? 20 : 300, top = 25;
    std::optional<std::filesystem::path> data;
    lua::LuaSampler sampler;
    lua::Options options;
    options.sampler = &sampler;
    for (int i = next; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--data")
            data = argv[i + 1];
        else if (a == "--runs")
            runs = std::stoul(argv[i + 1]);
        else if (a == "--lib")
            options.library_dirs.emplace_back(argv[i + 1]);
        else if (a == "--top")
            top = std::stoul(argv[i + 1]);
        else
            return usage();
    }
    try {
        double total_ms = 0;
        if (mode == "render") {
            lua::ScriptRun run{script, data, options};
            for (std::size_t i = 0; i < runs; ++i) {
                double t = cpu_ms();
                doc::Document document = lua::run_script(run);
                total_ms += cpu_ms() - t;
            }
        } else {
            batch::RowFile rows = batch::read_row_file(rows_path, batch::Encoding::automatic);
            if (rows.rows.empty()) throw std::runtime_error("no rows");
            std::optional<lua::CommonData> common;
            if (data) common = lua::read_common_data(*data, options);
            lua::RowRunner runner(script, options, common ? &*common : nullptr);
            runner.run(rows.input(rows.rows[0]), rows.name, "first");  // compiles the templates: apart
            sampler.clear();
            for (std::size_t i = 0; i < runs; ++i) {
                double t = cpu_ms();
                runner.run(rows.input(rows.rows[i % rows.rows.size()]), rows.name, "row");
                total_ms += cpu_ms() - t;
            }
        }
        auto total = sampler.total();
        double n = static_cast<double>(runs);
        std::printf(
            "%s %s, %zu runs: %.3f ms of CPU a run with the sampler, of which %.3f ms charged to "
            "Lua lines and the C functions they call (%.0f VM instructions); the rest is the "
            "sampler's own work and the host's before and after the script (state, data, checks)\n",
            mode.c_str(), script.filename().c_str(), runs, total_ms / n, total.ms / n,
            static_cast<double>(total.instructions) / n);
        print_top("Lines", sampler.lines(), total, runs, top);
        print_top("Functions, own cost", sampler.functions_self(), total, runs, top);
        print_top("Functions, inclusive", sampler.functions_inclusive(), total, runs, top);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "conventio_lua_profile: %s\n", e.what());
        return 1;
    }
    return 0;
}
