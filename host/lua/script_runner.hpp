// Running a generation script: data in, document tree out.
#pragma once

#include <filesystem>
#include <optional>

#include "conventio/document.hpp"
#include "lua/script_options.hpp"

namespace conventio::lua {

/// Where conventio's Lua library (scripts/) and clause templates (templates/) live:
/// config::data_dir() ($CONVENTIO_HOME, else found from the binary's own location).
std::filesystem::path installation_dir();

struct ScriptRun {
    std::filesystem::path script;
    std::optional<std::filesystem::path> data_file;
    Options options;
    DataTextObserver on_data_text = {};  // sees the data file's text values as they are loaded
};

/// Runs the script (which receives the data as its argument `...` and as the global `data`)
/// and returns the Document it returned, checked. Throws ScriptError or doc::DocumentError.
doc::Document run_script(const ScriptRun& run);

}  // namespace conventio::lua
