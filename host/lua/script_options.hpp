// What a script run needs from its caller, without the Lua API: the command line builds
// these and catches ScriptError without ever including a Lua header.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace conventio::lua {

/// How a state runs: its budget and sandbox, and where it finds modules and templates.
struct Options {
    std::size_t memory_bytes = 256u << 20;             // what the Lua heap may hold
    std::uint64_t instructions = 2'000'000'000;        // VM instructions, counted per 1000
    bool trusted = false;                              // true lifts the sandbox entirely
    std::vector<std::filesystem::path> library_dirs;   // where `require` looks, in order
    std::vector<std::filesystem::path> template_dirs;  // where clause templates are found, in order
};

/// A script, data or budget failure, with the message already in its final form
/// ("samples/x.lua:12: attempt to index a nil value").
struct ScriptError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace conventio::lua
