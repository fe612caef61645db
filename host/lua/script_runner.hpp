// Running a generation script: data in, document tree out.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

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
    /// The process ends once the document is written (a single render): the Lua state may be
    /// left to the process's exit rather than closed (State::leave_to_process_exit).
    bool process_ends_after = false;
};

/// One problem of the data, as the library recorded it (scripts/conventio/data.lua): the data
/// file it is about (empty when the data came from no file) and one line of message, which
/// starts with the field it is about.
struct DataProblem {
    std::string file;
    std::string message;
};

/// A run that found problems in its data: every one of them, and the script's own failure when
/// it failed for another reason after recording them (a stand-in the script could not use, a
/// mistake of its own). what() is all of it, one a line.
struct DataProblems : ScriptError {
    DataProblems(std::vector<DataProblem> found, std::string failure);
    std::vector<DataProblem> problems;
    std::string script_error;  // empty when the run failed on the problems themselves
};

/// Runs the script (which receives the data as its argument `...` and as the global `data`)
/// and returns the Document it returned, checked. Throws DataProblems when the library recorded
/// problems in the data, else ScriptError or doc::DocumentError.
doc::Document run_script(const ScriptRun& run);

}  // namespace conventio::lua
