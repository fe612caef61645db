#include "lua/option_check.hpp"

#include <algorithm>
#include <lua.hpp>
#include <vector>

#include "config/i18n.hpp"

namespace conventio::lua {

using config::tr;
namespace {

/// Edit distance with transpositions of neighbours (the commonest typo), on bytes: keys are
/// ASCII identifiers.
std::size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

}  // namespace

std::string nearest_key(std::string_view key, std::span<const std::string_view> known) {
    std::string_view best;
    std::size_t best_distance = static_cast<std::size_t>(-1);
    for (std::string_view name : known) {
        std::size_t d = distance(key, name);
        if (d < best_distance || (d == best_distance && name < best)) {
            best = name;
            best_distance = d;
        }
    }
    // The same threshold as the Lua library's (conventio.strict): a typo, not another word.
    if (!best.empty() && best_distance <= std::max<std::size_t>(2, key.size() / 3)) return std::string(best);
    return {};
}

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
