#include "lua/french_bindings.hpp"

#include <string>

#include "config/i18n.hpp"
#include "conventio/french.hpp"
#include "lua/binding_support.hpp"
#include "lua/option_check.hpp"

namespace conventio::lua {

using config::tr;

template <>
struct Bound<NounPhrase> {
    static constexpr const char* metatable = "conventio.Name";
    static constexpr const char* type_name = "conventio.Name";
};
template <>
struct Bound<Date> {
    static constexpr const char* metatable = "conventio.Date";
    static constexpr const char* type_name = "conventio.Date";
};

namespace {

// ---------------------------------------------------------------- Name

Gender check_gender(lua_State* L, int table) {
    lua_getfield(L, table, "gender");
    std::string g = luaL_optstring(L, -1, "m");
    lua_pop(L, 1);
    if (g == "m" || g == "masculine" || g == "masculin") return Gender::masculine;
    if (g == "f" || g == "feminine" || g == "féminin") return Gender::feminine;
    luaL_error(L, tr("Name: gender must be \"m\" or \"f\", got \"%s\"").c_str(), g.c_str());
    return Gender::masculine;
}

Elision check_elision(lua_State* L, int table) {
    int type = lua_getfield(L, table, "elision");
    Elision e = Elision::automatic;
    if (type == LUA_TBOOLEAN)
        e = lua_toboolean(L, -1) ? Elision::always : Elision::never;
    else if (type != LUA_TNIL)
        luaL_error(L,
                   tr("Name: elision must be true or false (omit it to decide from the spelling)").c_str());
    lua_pop(L, 1);
    return e;
}

bool bool_field(lua_State* L, int table, const char* field, bool fallback) {
    int type = lua_getfield(L, table, field);
    bool value = type == LUA_TNIL ? fallback : lua_toboolean(L, -1);
    if (type != LUA_TNIL && type != LUA_TBOOLEAN)
        luaL_error(L, tr("Name: %s must be true or false").c_str(), field);
    lua_pop(L, 1);
    return value;
}

/// conventio.Name{ "Cerema", gender = "m", plural = false, article = true, elision = nil }
/// or conventio.Name("Cerema").
int name_new(lua_State* L) {
    if (lua_type(L, 1) == LUA_TSTRING) {
        push_object(L, NounPhrase(lua_tostring(L, 1)));
        return 1;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    check_option_keys(L, 1, {"gender", "plural", "article", "elision"}, "Name", "option", true);
    lua_geti(L, 1, 1);
    if (lua_type(L, -1) != LUA_TSTRING)
        return luaL_error(
            L, tr("Name: give the name first: conventio.Name{ \"Cerema\", gender = \"m\" }").c_str());
    std::string name = lua_tostring(L, -1);
    lua_pop(L, 1);
    NounPhrase phrase(
        name, check_gender(L, 1),
        bool_field(L, 1, "plural", false) ? GrammaticalNumber::plural : GrammaticalNumber::singular,
        bool_field(L, 1, "article", true), check_elision(L, 1));
    push_object(L, std::move(phrase));
    return 1;
}

/// name.le, name.de, name.du, name.au... read as fields so templates write {{ partner.du }}.
int name_index(lua_State* L) {
    const NounPhrase& n = check_object<NounPhrase>(L, 1);
    std::string key = luaL_checkstring(L, 2);
    if (key == "le" || key == "la" || key == "les") return push_string(L, n.le());
    if (key == "Le" || key == "La" || key == "Les") return push_string(L, n.Le());
    if (key == "de" || key == "du" || key == "des") return push_string(L, n.de());
    if (key == "De" || key == "Du" || key == "Des") return push_string(L, n.De());
    if (key == "a" || key == "au" || key == "aux") return push_string(L, n.a());
    if (key == "A" || key == "Au" || key == "Aux") return push_string(L, n.A());
    if (key == "name") return push_string(L, n.name());
    if (key == "feminine") {
        lua_pushboolean(L, n.gender() == Gender::feminine);
        return 1;
    }
    if (key == "plural") {
        lua_pushboolean(L, n.number() == GrammaticalNumber::plural);
        return 1;
    }
    if (key == "agree") {
        lua_pushcfunction(L, [](lua_State* L) -> int {
            const NounPhrase& n = check_object<NounPhrase>(L, 1);
            if (lua_isnoneornil(L, 4))
                return push_string(L, n.agree(luaL_checkstring(L, 2), luaL_checkstring(L, 3)));
            return push_string(L, n.agree(luaL_checkstring(L, 2), luaL_checkstring(L, 3),
                                          luaL_checkstring(L, 4), luaL_checkstring(L, 5)));
        });
        return 1;
    }
    return luaL_error(L, tr("Name has no form '%s' (le, Le, de, du, De, a, au, A, name, agree)").c_str(),
                      key.c_str());
}

int name_tostring(lua_State* L) { return push_string(L, check_object<NounPhrase>(L, 1).le()); }

// ---------------------------------------------------------------- Date

int date_new(lua_State* L) {
    if (auto* d = test_object<Date>(L, 1)) {
        push_object(L, *d);
    } else if (lua_isinteger(L, 1)) {
        push_object(L,
                    Date(static_cast<int>(luaL_checkinteger(L, 1)), static_cast<int>(luaL_checkinteger(L, 2)),
                         static_cast<int>(luaL_checkinteger(L, 3))));
    } else {
        push_object(L, Date::parse(luaL_checkstring(L, 1), luaL_optstring(L, 2, "")));
    }
    return 1;
}

int date_index(lua_State* L) {
    const Date& d = check_object<Date>(L, 1);
    std::string key = luaL_checkstring(L, 2);
    if (key == "long") return push_string(L, d.long_form());
    if (key == "le") return push_string(L, d.le());
    if (key == "iso") return push_string(L, d.iso());
    if (key == "year") {
        lua_pushinteger(L, d.year());
        return 1;
    }
    if (key == "month") {
        lua_pushinteger(L, d.month());
        return 1;
    }
    if (key == "day") {
        lua_pushinteger(L, d.day());
        return 1;
    }
    return luaL_error(L, tr("Date has no field '%s' (long, le, iso, year, month, day)").c_str(), key.c_str());
}

int date_tostring(lua_State* L) { return push_string(L, check_object<Date>(L, 1).long_form()); }

int date_eq(lua_State* L) {
    auto* a = test_object<Date>(L, 1);
    auto* b = test_object<Date>(L, 2);
    lua_pushboolean(L, a && b && *a == *b);
    return 1;
}

int date_lt(lua_State* L) {
    lua_pushboolean(L, check_object<Date>(L, 1) < check_object<Date>(L, 2));
    return 1;
}

int date_le(lua_State* L) {
    lua_pushboolean(L, check_object<Date>(L, 1) <= check_object<Date>(L, 2));
    return 1;
}

// ---------------------------------------------------------------- typography

int french_spacing_fn(lua_State* L) { return push_string(L, french_spacing(luaL_checkstring(L, 1))); }
int guillemets_fn(lua_State* L) { return push_string(L, guillemets(luaL_checkstring(L, 1))); }
int capitalize_fn(lua_State* L) { return push_string(L, capitalize(luaL_checkstring(L, 1))); }

int ordinal_fn(lua_State* L) {
    std::string g = luaL_optstring(L, 2, "m");
    return push_string(L, ordinal(static_cast<int>(luaL_checkinteger(L, 1)),
                                  g == "f" ? Gender::feminine : Gender::masculine));
}

int spell_number_fn(lua_State* L) {
    lua_Integer n = luaL_checkinteger(L, 1);
    if (n < 0) return luaL_error(L, tr("spell_number: expected a whole number >= 0, got %I").c_str(), n);
    return push_string(L, spell_cardinal(n));
}

}  // namespace

void open_french_bindings(lua_State* L) {
    static const luaL_Reg name_meta[] = {
        {"__index", protect<name_index>}, {"__tostring", protect<name_tostring>}, {nullptr, nullptr}};
    register_type<NounPhrase>(L, nullptr, name_meta);
    static const luaL_Reg date_meta[] = {{"__index", protect<date_index>},
                                         {"__tostring", protect<date_tostring>},
                                         {"__eq", date_eq},
                                         {"__lt", date_lt},
                                         {"__le", date_le},
                                         {nullptr, nullptr}};
    register_type<Date>(L, nullptr, date_meta);

    static const luaL_Reg functions[] = {{"Name", protect<name_new>},
                                         {"Date", protect<date_new>},
                                         {"french_spacing", protect<french_spacing_fn>},
                                         {"guillemets", protect<guillemets_fn>},
                                         {"capitalize", protect<capitalize_fn>},
                                         {"ordinal", protect<ordinal_fn>},
                                         {"spell_number", protect<spell_number_fn>},
                                         {nullptr, nullptr}};
    luaL_setfuncs(L, functions, 0);
}

}  // namespace conventio::lua
