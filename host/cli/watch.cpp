#include "cli/watch.hpp"

#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

#include "cli/render_command.hpp"
#include "config/i18n.hpp"
#include "config/paths.hpp"

namespace conventio::cli {
namespace {

namespace fs = std::filesystem;
using Snapshot = std::map<fs::path, fs::file_time_type>;

void add_file(Snapshot& s, const fs::path& p) {
    std::error_code ec;
    auto time = fs::last_write_time(p, ec);
    if (!ec) s[p] = time;
}

void add_folder(Snapshot& s, const fs::path& dir) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto& ext = it->path().extension();
        if ((ext == ".lua" || ext == ".md") && it->is_regular_file(ec)) add_file(s, it->path());
    }
}

Snapshot inputs(const RenderOptions& options) {
    Snapshot s;
    const auto& run = options.run;
    add_file(s, run.script);
    if (run.data_file) add_file(s, *run.data_file);
    fs::path folder = run.script.parent_path().empty() ? fs::path(".") : run.script.parent_path();
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".lua") add_file(s, it->path());
    for (const auto& dir : run.options.library_dirs) add_folder(s, dir);
    for (const auto& dir : run.options.template_dirs) add_folder(s, dir);
    try {
        fs::path home = config::data_dir();
        add_folder(s, home / "scripts");
        add_folder(s, home / "templates");
    } catch (const config::InstallationError&) {
    }
    return s;
}

}  // namespace

void watch_and_render(const RenderOptions& options) {
    for (;;) {
        Snapshot before = inputs(options);
        if (render(options) == 0)
            for (const auto& out : options.outputs)
                std::cerr << config::format(config::tr("conventio: wrote {}"), out.string()) << '\n';
        std::cerr << config::tr("conventio: watching for changes (Ctrl-C to stop)") << '\n';
        while (inputs(options) == before) std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
}

}  // namespace conventio::cli
