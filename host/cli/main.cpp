// conventio's entry point: parse the command line, run it, turn every failure into a message
// on standard error and an exit code (0 ok, 1 script/data/document error, 2 usage error).
#include <iostream>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "cli/render_command.hpp"
#include "config/build_config.hpp"
#include "package/allocator_tuning.hpp"

int main(int argc, char** argv) {
    using namespace conventio::cli;
    std::vector<std::string> args(argv + 1, argv + argc);
    Options options;
    try {
        options = parse(args);
    } catch (const UsageError& e) {
        std::cerr << "conventio: " << e.what() << '\n';
        return 2;
    }
    switch (options.command) {
        case Options::Command::help:
            std::cout << help_text();
            return 0;
        case Options::Command::version:
            std::cout << "conventio " << conventio::config::version << '\n';
            return 0;
        case Options::Command::render:
        case Options::Command::amend:
            break;
    }
    conventio::package::keep_freed_memory_for_reuse();
    try {
        if (options.command == Options::Command::amend)
            amend(options.amend);
        else
            render(options.render);
    } catch (const std::exception& e) {
        std::cerr << "conventio: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
