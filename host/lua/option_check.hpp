// Strict option tables for the constructors the host exposes: a key the constructor does not
// read is refused, with the nearest known key suggested, so that a misspelt option
// (c.Para("x", { algin = "center" })) never silently does nothing.
#pragma once

#include <initializer_list>
#include <lua.hpp>
#include <span>
#include <string>
#include <string_view>

#include "config/nearest_name.hpp"

namespace conventio::lua {

/// The known key nearest to `key` when it is near enough to be a typo, else "" (config::
/// nearest_name, for a list written in place).
[[nodiscard]] inline std::string nearest_key(std::string_view key,
                                             std::initializer_list<std::string_view> known) {
    return config::nearest_name(key, std::span<const std::string_view>(known.begin(), known.size()));
}

/// Raises a Lua error for the first (in sorted order) string key of the table at `index` that
/// is not in `known`: "Para: unknown option algin (did you mean align?)". `what` names the
/// constructor, or the data field the table comes from ("unknown field x.bank_account.holdr");
/// `kind` is "option" or "field". With `positional`, integer keys (a list part) are allowed.
/// Does nothing when the value at `index` is not a table.
void check_option_keys(lua_State* L, int index, std::initializer_list<std::string_view> known,
                       const char* what, const char* kind = "option", bool positional = false);

}  // namespace conventio::lua
