// conventio's entry point: parse the command line, run it, turn every failure into a message
// on standard error and an exit code (0 ok, 1 script/data/document error, 2 usage error).
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/batch_command.hpp"
#include "cli/check_command.hpp"
#include "cli/new_command.hpp"
#include "cli/options.hpp"
#include "cli/render_command.hpp"
#include "cli/watch.hpp"
#include "config/build_config.hpp"
#include "config/i18n.hpp"
#include "config/leak_checked.hpp"
#include "config/paths.hpp"
#include "package/allocator_tuning.hpp"
#include "prebuilt/generated_table.hpp"

namespace {

/// Ends the process once a command that is its last work has returned: its files are written
/// and renamed into place, its Lua state already closed or left (State::leave_to_process_exit),
/// and what is left to destroy is memory the system takes back at once — the template cache,
/// each thread's Markdown cache and spare XML writers, the fragments built once. Running their
/// destructors was 145 000 instructions of a cold Cerema render (0.6 %) and touched every page
/// they live on again. Builds with LeakSanitizer return as usual, so it still sees them.
int ending_the_process(int status) {
#if defined(CONVENTIO_LEAK_CHECKED)
    return status;
#else
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(status);
#endif
}

}  // namespace

int main(int argc, char** argv) {
    using namespace conventio::cli;
    namespace config = conventio::config;
    std::vector<std::string> args(argv + 1, argv + argc);
    // The parts the build made ahead (styles, settings...): a render takes them instead of
    // building and deflating them.
    conventio::prebuilt::use(conventio::prebuilt::generated_table());
    try {
        config::set_language(requested_language(args));
    } catch (const std::invalid_argument& e) {
        std::cerr << "conventio: --lang " << e.what() << ": " << config::tr("expected fr or en") << '\n';
        return 2;
    }
    try {
        args = split_equals(std::move(args));
    } catch (const UsageError& e) {
        std::cerr << "conventio: " << e.what() << '\n';
        return 2;
    }
    // As for the other commands, --lang may come before batch: conventio --lang fr batch ...
    std::size_t command = 0;
    while (command + 1 < args.size() && args[command] == "--lang") command += 2;
    if (command < args.size() && args[command] == "batch")
        return batch(
            std::vector<std::string>(args.begin() + static_cast<std::ptrdiff_t>(command), args.end()));
    Options options;
    try {
        options = parse(args);
    } catch (const UsageError& e) {
        std::cerr << "conventio: " << e.what() << '\n';
        return 2;
    } catch (const config::InstallationError& e) {  // amend names a driver of the library
        std::cerr << "conventio: " << e.what() << '\n';
        return 1;
    }
    switch (options.command) {
        case Options::Command::help:
            std::cout << help_text() << '\n' << batch_help_text();
            return 0;
        case Options::Command::version:
            std::cout << "conventio " << config::version << '\n';
            return 0;
        default:
            break;
    }
    try {
        // A binary that cannot find its own files says so before anything else runs.
        (void)config::data_dir();
        if (options.command == Options::Command::create) return create(options.create);
    } catch (const std::exception& e) {
        std::cerr << "conventio: " << e.what() << '\n';
        return 1;
    }
    conventio::package::keep_freed_memory_for_reuse();
    if (options.command == Options::Command::check) return ending_the_process(check(options.check));
    if (options.command == Options::Command::amend) {
        try {
            return ending_the_process(amend(options.amend));
        } catch (const std::exception& e) {
            std::cerr << "conventio: " << e.what() << '\n';
            return 1;
        }
    }
    if (options.render.watch) watch_and_render(options.render);
    return ending_the_process(render(options.render));
}
