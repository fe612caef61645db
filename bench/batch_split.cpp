// Where a batch document's time goes, in one warm worker: the Lua run (the script, the
// library and the clause templates evaluated), the XML of the parts, the compression, the
// file system (atomic write, flushed once at the end as `conventio batch` does). The first
// row is timed apart: it builds the worker's state and compiles the templates, which later
// rows reuse. CPU time of the thread, except the file system (wall time: the kernel's work
// is not all on our thread).
//
//   build/conventio_batch_split SCRIPT ROWS [N] [odt|docx] [--lib DIR]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "batch/row_file.hpp"
#include "bench_clock.hpp"
#include "docx/docx_writer.hpp"
#include "lua/row_runner.hpp"
#include "odt/odt_writer.hpp"
#include "package/allocator_tuning.hpp"
#include "package/atomic_file.hpp"
#include "package/zip_package.hpp"

namespace {

using namespace conventio;

using bench::wall_ms;
double cpu_ms() { return bench::thread_cpu_ms(); }

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: conventio_batch_split SCRIPT ROWS [N] [odt|docx] [--lib DIR]\n");
        return 2;
    }
    package::keep_freed_memory_for_reuse();
    std::filesystem::path script = argv[1], rows_path = argv[2];
    std::size_t n = argc > 3 ? std::stoul(argv[3]) : 200;
    bool odt = !(argc > 4 && std::string(argv[4]) == "docx");
    lua::Options options;
    for (int i = 5; i + 1 < argc; i += 2)
        if (std::string(argv[i]) == "--lib") options.library_dirs.emplace_back(argv[i + 1]);
    auto out = std::filesystem::temp_directory_path() / ("conventio-batch-split-" + std::to_string(getpid()));
    std::filesystem::create_directories(out);
    try {
        batch::RowFile rows = batch::read_row_file(rows_path, batch::Encoding::automatic);
        if (rows.rows.empty()) throw std::runtime_error("no rows");
        double t0 = cpu_ms();
        lua::RowRunner runner(script, options);
        double build_ms = cpu_ms() - t0;
        t0 = cpu_ms();
        runner.run(rows.input(rows.rows[0]), rows.name, "first");
        double first_ms = cpu_ms() - t0;

        double lua_ms = 0, xml_ms = 0, zip_ms = 0, fs_ms = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const auto& row = rows.rows[i % rows.rows.size()];
            double a = cpu_ms();
            doc::Document document = runner.run(rows.input(row), rows.name, "row");
            double b = cpu_ms();
            auto parts = odt ? odt::parts(document) : docx::parts(document);
            double c = cpu_ms();
            std::string zip = package::build_zip(parts);
            double d = cpu_ms();
            double w = wall_ms();
            package::write_file_atomically(out / ("doc-" + std::to_string(i) + (odt ? ".odt" : ".docx")), zip,
                                           package::Flush::later);
            fs_ms += wall_ms() - w;
            lua_ms += b - a;
            xml_ms += c - b;
            zip_ms += d - c;
        }
        double total = lua_ms + xml_ms + zip_ms + fs_ms;
        auto share = [&](const char* what, double ms) {
            std::printf("  %-12s %7.3f ms  %5.1f %%\n", what, ms / static_cast<double>(n), 100 * ms / total);
        };
        std::printf("%s, %zu rows of %s, %s, one warm worker:\n", script.filename().c_str(), n,
                    rows_path.filename().c_str(), odt ? "odt" : "docx");
        std::printf(
            "  worker built (state, library, script) %.1f ms; first row (templates compiled) %.1f ms\n",
            build_ms, first_ms);
        share("Lua+templates", lua_ms);
        share("XML", xml_ms);
        share("compression", zip_ms);
        share("file system", fs_ms);
        std::printf("  %-12s %7.3f ms  -> %.0f documents/s on one core\n", "per document",
                    total / static_cast<double>(n), 1000.0 * static_cast<double>(n) / total);
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf("  peak RSS %ld KiB\n", usage.ru_maxrss);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "conventio_batch_split: %s\n", e.what());
        std::filesystem::remove_all(out);
        return 1;
    }
    std::filesystem::remove_all(out);
    return 0;
}
