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

enum class Format { odt, docx, pdf };

struct RenderOptions {
    lua::ScriptRun run;
    std::vector<std::filesystem::path> outputs;  // one per format, same stem
    std::vector<Format> formats;                 // parallel to outputs
    std::filesystem::path output;                // the file -o names (the others are beside it)
    bool watch = false;                          // render again whenever an input changes
};

struct CheckOptions {
    lua::ScriptRun run;
    bool json = false;  // --format json: diagnostics for editors and CI
};

struct NewOptions {
    std::string name;     // NAME of NAME.lua and NAME.json
    std::string kind;     // partenariat, delegation, avenant
    std::string finance;  // the financial variant, for a partenariat
    std::filesystem::path dir = ".";
    bool force = false;  // overwrite existing files
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
    enum class Command { help, version, render, check, create, amend } command = Command::help;
    std::string language;  // --lang fr|en; empty: the locale's
    RenderOptions render;
    CheckOptions check;
    NewOptions create;
    AmendOptions amend;
};

/// Parses argv. Throws UsageError with a one-line reason.
Options parse(const std::vector<std::string>& args);

/// The value of --lang wherever it is in argv ("" when absent), read before anything else so
/// that usage errors are in the chosen language too.
std::string requested_language(const std::vector<std::string>& args);

/// `args` with each "--option=value" made "--option" "value", as most programs take it: a user
/// who typed `--rows=a.csv` was told the option was unknown. Throws UsageError for a switch given
/// a value (`--trusted=false`).
std::vector<std::string> split_equals(std::vector<std::string> args);

/// The --help text.
std::string help_text();

}  // namespace conventio::cli
