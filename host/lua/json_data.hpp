// Data files (--data FILE.json) as Lua tables. Amounts in data files are strings
// ("475000.00"), never JSON numbers with decimals, so no float ever touches money.
//
// Data comes from spreadsheets nobody checked, so the loader refuses what JSON parsers let
// through and a document must not get: a key given twice (which value wins?), a NUL in a key
// (Lua would cut "iban\u0000x" to "iban" and override the real key), integers beyond 64 bits,
// numbers beyond double, text a document cannot hold, nesting deeper than any agreement needs.
// Every refusal names FILE:LINE:COL.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "lua/lua_state.hpp"
#include "lua/script_options.hpp"

namespace conventio::lua {

/// Objects and arrays nest at most this deep in a data file.
inline constexpr std::size_t max_data_depth = 100;

/// Reads the JSON data file at `path` and pushes it on the state's stack as Lua values (objects
/// and arrays become tables, integers stay integers), under the state's policy: the file size
/// cap, and the memory cap for everything loading allocates. Throws ScriptError
/// "FILE:LINE:COL: message" and leaves the stack as it was on any failure.
/// `observer`, when given, sees every text value with its field and place as it is read.
void push_data_file(State& state, const std::filesystem::path& path,
                    const DataTextObserver* observer = nullptr);

/// The same from inside a binding, where a protected call already runs: pushes on `L` (the
/// running thread), throws ScriptError; protect<> turns it into the script's error.
void push_data_in_binding(lua_State* L, const std::filesystem::path& path);

/// Pushes a fresh copy of the data table at `index`: tables nested to any depth are copied too
/// (data from the loader is a tree of plain tables, no cycles, no metatables). Raises Lua's
/// memory error: in a protected call.
void push_data_copy(lua_State* L, int index);

/// The same for JSON text already read; `name` is what messages call it, and the text's first
/// line is line `first_line` there (a batch row's object inside its row file).
void push_data_text(State& state, std::string_view text, const std::string& name, std::size_t first_line = 1,
                    const DataTextObserver* observer = nullptr);

}  // namespace conventio::lua
