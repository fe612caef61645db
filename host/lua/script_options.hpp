// What a script run needs from its caller, without the Lua API: the command line builds
// these and catches ScriptError without ever including a Lua header.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace conventio::lua {

class LuaSampler;

/// The instruction budget of a run that asks for none (--max-instructions).
inline constexpr std::uint64_t default_instruction_budget = 100'000'000;

/// How a state runs: its limits and sandbox, and where it finds modules and templates.
struct Options {
    /// Lua's heap plus what the host allocates for the script. A sample agreement needs about
    /// 1 MiB; the default keeps a hostile run under 200 MB of RSS.
    std::size_t memory_bytes = 128u << 20;
    /// VM instructions (counted per 1000), plus one per 4 bytes C functions allocate (their
    /// work: string.rep, gsub, concatenation). A sample agreement takes about 150 000; the
    /// default is about a third of a second of a plain loop, a second of a loop of calls.
    /// The default is counted once a run has used 20 ms of CPU (State::arm_counting); any
    /// other budget from the first instruction.
    std::uint64_t instructions = default_instruction_budget;
    std::chrono::milliseconds timeout{5000};  // wall-clock limit of the run; 0: none
    std::size_t max_file_bytes = 16u << 20;   // a script, a module or a data file
    bool trusted = false;                     // true lifts the sandbox (not the limits)
    bool allow_bidi_controls = false;         // right-to-left text may hold U+202A..U+202E, U+2066..U+2069
    std::vector<std::filesystem::path> library_dirs;   // where `require` looks, in order
    std::vector<std::filesystem::path> template_dirs;  // where clause templates are found, in order
    /// conventio's own Lua library: its frames are never "the user's place" in a message.
    std::filesystem::path own_library_dir;
    /// false runs without the policy (no hook, watchdog, guards, frozen library or host
    /// accounting): only for bench/, to measure what the policy costs.
    bool policy = true;
    /// `print` keeps its lines (State::take_printed) instead of writing them to standard error:
    /// a batch shows each row's lines whole, with the row, when the row is reported in order.
    bool keep_printed = false;
    /// bench/lua_profile only: sampled by the instruction hook every LuaSampler::interval
    /// instructions, beside the policy's checks (lua_sampler.hpp).
    LuaSampler* sampler = nullptr;
};

/// A text or number value of the data file, as the loader reads it (in the file's order): its field
/// ("parties.partner.siret", "finance.tranches[2].label") and where it starts (1-based).
/// `conventio check` reviews them (placeholders, empty values) from the one parse the run makes.
struct DataText {
    std::string_view field;
    std::string_view text;
    std::size_t line = 0;
    std::size_t column = 0;
    // A number, as written ("300000.5"): it has a place, and no text to review.
    bool number = false;
    // The value as the file writes it, between its quotes (escapes not decoded: "\u00e9", "\""),
    // so that a place inside it can be counted in the file's columns.
    std::string_view written = {};
};
using DataTextObserver = std::function<void(const DataText&)>;

/// A script, data or budget failure, with the message already in its final form
/// ("samples/x.lua:12: attempt to index a nil value").
struct ScriptError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace conventio::lua
