#include "lua/option_check.hpp"

#include <algorithm>
#include <lua.hpp>
#include <vector>

#include "config/i18n.hpp"

namespace conventio::lua {

using config::tr;

void check_option_keys(lua_State* L, int index, std::initializer_list<std::string_view> known,
                       const char* what, const char* kind, bool positional) {
    if (lua_type(L, index) != LUA_TTABLE) return;
    index = lua_absindex(L, index);
    std::vector<std::string> unknown;
    lua_pushnil(L);
    while (lua_next(L, index) != 0) {
        lua_pop(L, 1);  // the value; the key stays for lua_next
        if (lua_type(L, -1) == LUA_TSTRING) {
            std::string_view key = lua_tostring(L, -1);
            if (std::find(known.begin(), known.end(), key) == known.end()) unknown.emplace_back(key);
        } else if (!(positional && lua_isinteger(L, -1))) {
            unknown.emplace_back(std::string("[") + luaL_typename(L, -1) + "]");
        }
    }
    if (unknown.empty()) return;
    std::sort(unknown.begin(), unknown.end());
    std::string near = nearest_key(unknown.front(), known);
    std::string hint;
    if (!near.empty()) {
        hint = config::format(tr(" (did you mean {}?)"), near);
    } else {
        std::string names;
        for (std::string_view name : known) names += (names.empty() ? "" : ", ") + std::string(name);
        hint = config::format(tr(" (known: {})"), names);
    }
    const std::string_view k = kind;
    // Whole phrases, not the kind's name pasted in: a translation may need another word order.
    const std::string unknown_kind = k == "option"      ? tr("unknown option")
                                     : k == "parameter" ? tr("unknown parameter")
                                     : k == "label"     ? tr("unknown label")
                                                        : tr("unknown field");
    if (k == "field")
        luaL_error(L, "%s %s.%s%s", unknown_kind.c_str(), what, unknown.front().c_str(), hint.c_str());
    luaL_error(L, "%s: %s %s%s", what, unknown_kind.c_str(), unknown.front().c_str(), hint.c_str());
}

}  // namespace conventio::lua
