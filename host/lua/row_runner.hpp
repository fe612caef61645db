// One batch worker's script runner: a Lua state built once, with the library's modules and
// the script compiled once, that runs the script on row after row. Each row starts from the
// state as it was before the first one (pristine_state.hpp): what a row sets or changes is
// gone for the next. No Lua header here: the batch layer sees plain C++.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "conventio/document.hpp"
#include "lua/script_options.hpp"

namespace conventio::lua {

/// The data every row is laid over (--data): its JSON text, read once by the caller, and the
/// name messages give it.
struct CommonData {
    std::string text;
    std::string name;
};

/// One row's data as its file holds it. Either a JSON row (its object's text) or a CSV row (the
/// header and the row's cells, all strings; a short line has fewer cells than columns).
struct RowInput {
    std::string_view json;
    std::size_t first_line = 1;  // the JSON text's first line in its file
    const std::vector<std::string>* columns = nullptr;
    const std::vector<std::string>* cells = nullptr;
};

class RowRunner {
public:
    /// Builds the state (libraries, the script's folder and conventio's library on `require`'s
    /// path, like `render`), compiles `script` and checks `common` with the strict loader.
    /// Throws ScriptError.
    RowRunner(const std::filesystem::path& script, Options options, const CommonData* common = nullptr);
    ~RowRunner();
    RowRunner(const RowRunner&) = delete;
    RowRunner& operator=(const RowRunner&) = delete;

    /// Runs the script on the row laid over the common data (its `...` and the global `data`),
    /// with the whole policy of a run (each row its budget, time and memory). The row's data
    /// goes through the strict loader of --data (duplicate or NUL keys, depth, text a document
    /// cannot hold, numbers out of range): a JSON row's refusals name `file`:LINE:COL, a CSV
    /// row's "column 'NAME'". `data_name` is what the library's messages call the data
    /// ("rows.csv:12", for conventio.data_file). Returns the checked document; throws
    /// ScriptError or doc::DocumentError. The state is restored after the run, whatever happened.
    doc::Document run(const RowInput& row, const std::string& file, const std::string& data_name);

    /// What the script printed during the last run (its lines, each ending with a newline),
    /// taken: with Options::keep_printed, `print` keeps them for the batch to show with the row.
    std::string take_printed();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Reads the data file every row is laid over (--data) under the same file policy as `render`'s
/// (regular files only, the size cap of `options`). Throws ScriptError naming the path.
CommonData read_common_data(const std::filesystem::path& path, const Options& options);

/// What runs before the process ends because a row is stuck past its time limit where nothing
/// can stop it (lua/watchdog.hpp): the batch's report of the rows done. Empty: nothing.
void before_stuck_row_ends_process(std::function<void()> hook);

}  // namespace conventio::lua
