// conventio's entry point: parse the command line, run it, turn every failure into a message
// on standard error and an exit code (0 ok, 1 script/data/document error, 2 usage error).
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
#include "config/paths.hpp"
#include "package/allocator_tuning.hpp"

int main(int argc, char** argv) {
    using namespace conventio::cli;
    namespace config = conventio::config;
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        config::set_language(requested_language(args));
    } catch (const std::invalid_argument& e) {
        std::cerr << "conventio: --lang " << e.what() << ": expected fr or en\n";
        return 2;
    }
    if (!args.empty() && args[0] == "batch") return batch(args);
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
        // The Lua layer reads $CONVENTIO_HOME (host/lua/script_runner.cpp); the binary's own
        // files are found from its location and handed over that way.
        setenv("CONVENTIO_HOME", config::data_dir().c_str(), 1);
        if (options.command == Options::Command::create) return create(options.create);
    } catch (const std::exception& e) {
        std::cerr << "conventio: " << e.what() << '\n';
        return 1;
    }
    conventio::package::keep_freed_memory_for_reuse();
    if (options.command == Options::Command::check) return check(options.check);
    if (options.command == Options::Command::amend) {
        try {
            return amend(options.amend);
        } catch (const std::exception& e) {
            std::cerr << "conventio: " << e.what() << '\n';
            return 1;
        }
    }
    if (options.render.watch) watch_and_render(options.render);
    return render(options.render);
}
