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

/// `conventio amend CHANGES.json -o AVENANT.odt [--consolidated FILE] [--clean FILE]`: the
/// avenant is rendered like a script (a driver of the library, scripts/amend/, run on the
/// change set as data); the consolidated and clean versions are one file each.
struct AmendOptions {
    RenderOptions avenant;
    std::filesystem::path consolidated;  // empty: not asked for
    Format consolidated_format = Format::odt;
    std::filesystem::path clean;  // empty: not asked for
    Format clean_format = Format::odt;
};

struct Options {
    enum class Command { help, version, render, amend } command = Command::help;
    RenderOptions render;
    AmendOptions amend;
};

/// Parses argv. Throws UsageError with a one-line reason.
Options parse(const std::vector<std::string>& args);

/// The --help text.
std::string help_text();

}  // namespace conventio::cli
