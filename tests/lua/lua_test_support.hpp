// Runs Lua snippets on the real host, as a script file, so messages carry real file:line.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "conventio/document.hpp"
#include "lua/script_runner.hpp"

namespace conventio::test {

/// A folder of this process's own, removed when it exits: ctest runs each case as a process
/// of its own, in parallel.
inline std::filesystem::path scratch_dir() {
    struct Scratch {
        std::filesystem::path dir =
            std::filesystem::temp_directory_path() / ("conventio-tests-" + std::to_string(getpid()));
        Scratch() { std::filesystem::create_directories(dir); }
        ~Scratch() {
            std::error_code ignored;
            std::filesystem::remove_all(dir, ignored);
        }
    };
    static const Scratch scratch;
    return scratch.dir;
}

inline std::filesystem::path write_script(const std::string& name, const std::string& code) {
    auto path = scratch_dir() / name;
    std::ofstream(path, std::ios::binary) << code;
    return path;
}

/// The document the snippet returns.
inline doc::Document run_lua(const std::string& code, lua::Options limits = {}) {
    return lua::run_script({write_script("snippet.lua", code), std::nullopt, std::move(limits)});
}

/// The error message the snippet ends with, or "no error".
inline std::string lua_error_of(const std::string& code, lua::Options limits = {}) {
    try {
        run_lua(code, std::move(limits));
    } catch (const std::exception& e) {
        std::string message = e.what();
        // Messages start with the scratch path; tests compare what follows it.
        auto at = message.find("snippet.lua");
        return at == std::string::npos ? message : message.substr(at);
    }
    return "no error";
}

}  // namespace conventio::test
