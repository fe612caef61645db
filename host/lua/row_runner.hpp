// One batch worker's script runner: a Lua state built once, with the library's modules and
// the script compiled once, that runs the script on row after row. Each row starts from the
// state as it was before the first one (pristine_state.hpp): what a row sets or changes is
// gone for the next. No Lua header here: the batch layer sees plain C++.
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "conventio/document.hpp"
#include "lua/script_options.hpp"

namespace conventio::lua {

class RowRunner {
public:
    /// Builds the state (libraries, the script's folder and conventio's library on `require`'s
    /// path, like `render`) and compiles `script`. Throws ScriptError.
    RowRunner(const std::filesystem::path& script, Options options);
    ~RowRunner();
    RowRunner(const RowRunner&) = delete;
    RowRunner& operator=(const RowRunner&) = delete;

    /// Runs the script on `data` (its `...` and the global `data`); `data_name` is what the
    /// library's messages call the data ("rows.csv:12", for conventio.data_file). Returns the
    /// checked document; throws ScriptError or doc::DocumentError. The state is restored
    /// after the run, whatever happened.
    doc::Document run(const nlohmann::json& data, const std::string& data_name);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// A data file every row is laid over (--data), read by the same loader as `render`'s.
nlohmann::json load_common_data(const std::filesystem::path& path);

}  // namespace conventio::lua
