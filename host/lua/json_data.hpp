// Data files (--data FILE.json) as Lua tables. Amounts in data files are strings
// ("475000.00"), never JSON numbers with decimals, so no float ever touches money.
#pragma once

#include <filesystem>
#include <lua.hpp>
#include <nlohmann/json_fwd.hpp>

namespace conventio::lua {

/// Parses a JSON data file. Throws ScriptError "FILE:LINE:COL: message" on bad JSON.
nlohmann::json load_data_file(const std::filesystem::path& path);

/// Pushes `value` as Lua: objects and arrays become tables, integers stay integers.
void push_json(lua_State* L, const nlohmann::json& value);

}  // namespace conventio::lua
