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
    static time_point now() {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
    }
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

/// Script time with and without the policy on every sample (interleaved, best of `rounds`
/// rounds of `n` runs each, so other processes on the machine disturb both alike).
void bench_policy(int n) {
    std::vector<std::filesystem::path> scripts;
    for (const auto& entry : std::filesystem::directory_iterator(CONVENTIO_SOURCE_DIR "/samples"))
        if (entry.path().extension() == ".lua") scripts.push_back(entry.path());
    std::sort(scripts.begin(), scripts.end());
    constexpr int rounds = 5;
    double all_with = 0, all_without = 0;
    std::printf("policy cost (script only, best of %d rounds of %d runs):\n", rounds, n);
    for (const auto& script : scripts) {
        auto data = std::filesystem::path(script).replace_extension(".json");
        lua::ScriptRun with{script, std::filesystem::exists(data) ? std::optional(data) : std::nullopt, {}};
        lua::ScriptRun without = with;
        without.options.policy = false;
        double best_with = 1e300, best_without = 1e300;
        for (int r = 0; r < rounds; ++r) {
            auto t0 = clock_type::now();
            for (int i = 0; i < n; ++i) lua::run_script(without);
            best_without = std::min(best_without, ms_since(t0) / n);
            auto t1 = clock_type::now();
            for (int i = 0; i < n; ++i) lua::run_script(with);
            best_with = std::min(best_with, ms_since(t1) / n);
        }
        all_with += best_with;
        all_without += best_without;
        std::printf("  %-40s %7.3f ms without, %7.3f ms with: %+5.1f%%\n", script.filename().c_str(),
                    best_without, best_with, 100 * (best_with - best_without) / best_without);
    }
    std::printf("  %-40s %7.3f ms without, %7.3f ms with: %+5.1f%%\n", "all samples", all_without, all_with,
                100 * (all_with - all_without) / all_without);
}

}  // namespace

int main(int argc, char** argv) {
    package::keep_freed_memory_for_reuse();  // as the command line does
    int n = argc > 1 ? std::stoi(argv[1]) : 200;
    std::string script = argc > 2 ? argv[2] : CONVENTIO_SOURCE_DIR "/samples/kitchen-sink.lua";
    std::string data = argc > 3 ? argv[3] : CONVENTIO_SOURCE_DIR "/samples/kitchen-sink.json";
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
