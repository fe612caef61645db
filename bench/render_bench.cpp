// Renders the kitchen-sink sample N times in one process and prints, for ODT and DOCX:
// documents per second, the time split between XML writing and zip compression, the whole
// pipeline with a fresh Lua state per document (what a batch worker does), what the resource
// policy (hook, watchdog, guards, frozen library, host memory accounting) costs on every
// sample script, and peak memory. Times are CPU time of the rendering thread (one core, warm).
//
//   build/conventio_bench [N] [samples/kitchen-sink.lua] [samples/kitchen-sink.json]
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_clock.hpp"
#include "config/build_config.hpp"
#include "document/document_check.hpp"
#include "docx/docx_writer.hpp"
#include "lua/script_runner.hpp"
#include "odt/odt_writer.hpp"
#include "package/allocator_tuning.hpp"
#include "package/zip_package.hpp"

namespace {

using namespace conventio;

// CPU time of this thread, not wall-clock time: the figure is what one core spends per
// document, and it does not change when other processes share the machine.
struct clock_type {
    using time_point = double;  // milliseconds
    static time_point now() { return bench::thread_cpu_ms(); }
};

double ms_since(clock_type::time_point start) { return clock_type::now() - start; }

long peak_rss_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

std::size_t xml_bytes(const std::vector<package::Entry>& parts) {
    std::size_t n = 0;
    for (const auto& p : parts) n += p.data.size();
    return n;
}

template <class Writer>
void bench_format(const char* name, const doc::Document& document, int n, Writer parts_of) {
    double xml_ms = 0, zip_ms = 0;
    std::size_t xml_size = 0, zip_size = 0;
    for (int i = 0; i < n; ++i) {
        auto t0 = clock_type::now();
        auto parts = parts_of(document);
        xml_ms += ms_since(t0);
        auto t1 = clock_type::now();
        std::string zip = package::build_zip(parts);
        zip_ms += ms_since(t1);
        xml_size = xml_bytes(parts);
        zip_size = zip.size();
    }
    double per_doc = (xml_ms + zip_ms) / n;
    std::printf(
        "%-5s %8.3f ms/doc  %8.0f docs/s   xml %5.1f%% (%.3f ms)  zip %5.1f%% (%.3f ms)   %zu B of XML -> "
        "%zu B\n",
        name, per_doc, 1000.0 / per_doc, 100 * xml_ms / (xml_ms + zip_ms), xml_ms / n,
        100 * zip_ms / (xml_ms + zip_ms), zip_ms / n, xml_size, zip_size);
}

/// Time with and without the policy on every sample, for the script alone and for the whole
/// render (script, ODT and DOCX packages), interleaved, best of `rounds` rounds of `n` runs,
/// so other processes on the machine disturb both alike.
void bench_policy(int n) {
    std::vector<std::filesystem::path> scripts;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(config::source_dir) + "/samples"))
        if (entry.path().extension() == ".lua") scripts.push_back(entry.path());
    std::sort(scripts.begin(), scripts.end());
    constexpr int rounds = 5;
    auto render = [](const lua::ScriptRun& run) {
        doc::Document d = lua::run_script(run);
        package::build_zip(odt::parts(d));
        package::build_zip(docx::parts(d));
    };
    auto time_of = [&](auto&& f) {
        auto t0 = clock_type::now();
        for (int i = 0; i < n; ++i) f();
        return ms_since(t0) / n;
    };
    double totals[4] = {0, 0, 0, 0};  // script without, with; render without, with
    std::printf("policy cost (best of %d rounds of %d runs): script only | script + ODT + DOCX\n", rounds, n);
    auto line = [](const char* name, const double* t) {
        std::printf("  %-40s %7.3f -> %7.3f ms %+5.1f%% | %7.3f -> %7.3f ms %+5.1f%%\n", name, t[0], t[1],
                    100 * (t[1] - t[0]) / t[0], t[2], t[3], 100 * (t[3] - t[2]) / t[2]);
    };
    for (const auto& script : scripts) {
        auto data = std::filesystem::path(script).replace_extension(".json");
        lua::ScriptRun with{script, std::filesystem::exists(data) ? std::optional(data) : std::nullopt, {}};
        lua::ScriptRun without = with;
        without.options.policy = false;
        double t[4] = {1e300, 1e300, 1e300, 1e300};
        for (int r = 0; r < rounds; ++r) {  // interleaved: a busy moment disturbs both sides
            t[0] = std::min(t[0], time_of([&] { lua::run_script(without); }));
            t[1] = std::min(t[1], time_of([&] { lua::run_script(with); }));
            t[2] = std::min(t[2], time_of([&] { render(without); }));
            t[3] = std::min(t[3], time_of([&] { render(with); }));
        }
        for (int k = 0; k < 4; ++k) totals[k] += t[k];
        line(script.filename().c_str(), t);
    }
    line("all samples", totals);
}

}  // namespace

int main(int argc, char** argv) {
    package::keep_freed_memory_for_reuse();  // as the command line does
    int n = argc > 1 ? std::stoi(argv[1]) : 200;
    const std::string samples = std::string(config::source_dir) + "/samples/";
    std::string script = argc > 2 ? argv[2] : samples + "kitchen-sink.lua";
    std::string data = argc > 3 ? argv[3] : samples + "kitchen-sink.json";
    lua::ScriptRun run{script, data, {}};
    try {
        doc::Document document = lua::run_script(run);
        std::printf("conventio_bench: %d renders of %s\n", n, script.c_str());
        bench_format("odt", document, n, [](const doc::Document& d) { return odt::parts(d); });
        bench_format("docx", document, n, [](const doc::Document& d) { return docx::parts(d); });

        // The whole pipeline as a batch worker runs it: fresh Lua state, script, both formats.
        auto t0 = clock_type::now();
        for (int i = 0; i < n; ++i) {
            doc::Document d = lua::run_script(run);
            package::build_zip(odt::parts(d));
            package::build_zip(docx::parts(d));
        }
        double per_doc = ms_since(t0) / n;
        std::printf("batch %8.3f ms/agreement (script + ODT + DOCX)  %8.0f agreements/s\n", per_doc,
                    1000.0 / per_doc);
        bench_policy(std::max(1, n / 10));
        std::printf("peak memory %ld KiB\n", peak_rss_kib());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "conventio_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
