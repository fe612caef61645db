// Running a generation script: data in, document tree out.
#pragma once

#include <filesystem>
#include <optional>

#include "conventio/document.hpp"
#include "lua/lua_state.hpp"

namespace conventio::lua {

struct ScriptRun {
    std::filesystem::path script;
    std::optional<std::filesystem::path> data_file;
    Limits limits;
};

/// Runs the script (which receives the data as its argument `...` and as the global `data`)
/// and returns the Document it returned, checked. Throws ScriptError or doc::DocumentError.
doc::Document run_script(const ScriptRun& run);

}  // namespace conventio::lua
