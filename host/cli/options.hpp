// The command line: what the user asked for, or a usage error (exit code 2).
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "lua/script_runner.hpp"

namespace conventio::cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class Format { odt, docx };

struct RenderOptions {
    lua::ScriptRun run;
    std::vector<std::filesystem::path> outputs;  // one per format, same stem
    std::vector<Format> formats;                 // parallel to outputs
};

struct Options {
    enum class Command { help, version, render } command = Command::help;
    RenderOptions render;
};

/// Parses argv. Throws UsageError with a one-line reason.
Options parse(const std::vector<std::string>& args);

/// The --help text.
std::string help_text();

}  // namespace conventio::cli
