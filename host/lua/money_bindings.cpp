#include "lua/money_bindings.hpp"

#include "config/i18n.hpp"
#include "conventio/money.hpp"
#include "lua/binding_support.hpp"

namespace conventio::lua {

using config::tr;

template <>
struct Bound<Money> {
    static constexpr const char* metatable = "conventio.Money";
    static constexpr const char* type_name = "conventio.Money";
};

namespace {

/// Money from a Lua value, for arithmetic: only Money itself. A Lua number never silently
/// becomes money: 0.1 + 0.2 has no place in a financial clause.
enum class Operation { add, subtract, compare };

Money operand(lua_State* L, int index, Operation operation) {
    auto* m = test_object<Money>(L, index);
    if (!m)
        luaL_error(
            L,
            (operation == Operation::add
                 ? tr("cannot add Money and a %s: make it Money first with conventio.Money(\"...\")")
             : operation == Operation::subtract
                 ? tr("cannot subtract Money and a %s: make it Money first with conventio.Money(\"...\")")
                 : tr("cannot compare Money and a %s: make it Money first with conventio.Money(\"...\")"))
                .c_str(),
            type_name_of(L, index).c_str());
    return *m;
}

/// conventio.Money("112403.60" | "112 403,60 €" | 475000 [, field]): strings are parsed exactly,
/// integers are whole euros, floats are refused.
int money_new(lua_State* L) {
    const char* field = luaL_optstring(L, 2, "");
    if (auto* m = test_object<Money>(L, 1)) {
        push_object(L, *m);
    } else if (lua_isinteger(L, 1)) {
        push_object(L, Money::euros(lua_tointeger(L, 1)));
    } else if (lua_type(L, 1) == LUA_TSTRING) {
        push_object(L, Money::parse(lua_tostring(L, 1), field));
    } else if (lua_type(L, 1) == LUA_TNUMBER) {
        return luaL_error(
            L,
            "Money: %s is not a whole number of euros; write amounts with cents as strings (\"112403.60\")",
            lua_tostring(L, 1));
    } else {
        return luaL_error(L, tr("Money: expected a string or a whole number of euros, got %s").c_str(),
                          type_name_of(L, 1).c_str());
    }
    return 1;
}

int money_from_cents(lua_State* L) {
    push_object(L, Money::cents(luaL_checkinteger(L, 1)));
    return 1;
}

int money_tostring(lua_State* L) { return push_string(L, check_object<Money>(L, 1).format()); }

int money_decimal(lua_State* L) { return push_string(L, check_object<Money>(L, 1).format_decimal()); }

int money_spell_out(lua_State* L) { return push_string(L, check_object<Money>(L, 1).spell_out()); }

int money_cents(lua_State* L) {
    lua_pushinteger(L, check_object<Money>(L, 1).total_cents());
    return 1;
}

int money_is_zero(lua_State* L) {
    lua_pushboolean(L, check_object<Money>(L, 1).is_zero());
    return 1;
}

int money_add(lua_State* L) {
    push_object(L, operand(L, 1, Operation::add) + operand(L, 2, Operation::add));
    return 1;
}

int money_sub(lua_State* L) {
    push_object(L, operand(L, 1, Operation::subtract) - operand(L, 2, Operation::subtract));
    return 1;
}

/// Money times a whole number (either side); Money times Money means nothing.
int money_mul(lua_State* L) {
    int money = test_object<Money>(L, 1) ? 1 : 2;
    int factor = money == 1 ? 2 : 1;
    if (!lua_isinteger(L, factor))
        return luaL_error(L, tr("cannot multiply Money by a %s: only by a whole number").c_str(),
                          type_name_of(L, factor).c_str());
    push_object(L, check_object<Money>(L, money) * lua_tointeger(L, factor));
    return 1;
}

int money_unm(lua_State* L) {
    push_object(L, -check_object<Money>(L, 1));
    return 1;
}

int money_eq(lua_State* L) {
    auto* a = test_object<Money>(L, 1);
    auto* b = test_object<Money>(L, 2);
    lua_pushboolean(L, a && b && *a == *b);
    return 1;
}

int money_lt(lua_State* L) {
    lua_pushboolean(L, operand(L, 1, Operation::compare) < operand(L, 2, Operation::compare));
    return 1;
}

int money_le(lua_State* L) {
    lua_pushboolean(L, operand(L, 1, Operation::compare) <= operand(L, 2, Operation::compare));
    return 1;
}

/// "Total : " .. amount reads naturally in scripts; the amount is formatted.
int money_concat(lua_State* L) {
    for (int i : {1, 2}) {
        if (test_object<Money>(L, i)) {
            std::string s = check_object<Money>(L, i).format();
            lua_pushlstring(L, s.data(), s.size());
        } else {
            lua_pushvalue(L, i);
        }
    }
    lua_concat(L, 2);
    return 1;
}

/// conventio.is_money(v): whether `v` is an amount the host made. Told by its real metatable,
/// which a script cannot reach: a table given the same __metatable name is not one.
int is_money(lua_State* L) {
    lua_pushboolean(L, test_object<Money>(L, 1) != nullptr);
    return 1;
}

}  // namespace

void open_money_bindings(lua_State* L) {
    static const luaL_Reg methods[] = {{"format", protect<money_tostring>},
                                       {"decimal", protect<money_decimal>},
                                       {"spell_out", protect<money_spell_out>},
                                       {"cents", money_cents},
                                       {"is_zero", money_is_zero},
                                       {nullptr, nullptr}};
    static const luaL_Reg metamethods[] = {{"__tostring", protect<money_tostring>},
                                           {"__add", protect<money_add>},
                                           {"__sub", protect<money_sub>},
                                           {"__mul", protect<money_mul>},
                                           {"__unm", money_unm},
                                           {"__eq", money_eq},
                                           {"__lt", money_lt},
                                           {"__le", money_le},
                                           {"__concat", protect<money_concat>},
                                           {nullptr, nullptr}};
    register_type<Money>(L, methods, metamethods);

    lua_pushcfunction(L, protect<money_new>);
    lua_setfield(L, -2, "Money");
    lua_pushcfunction(L, protect<money_from_cents>);
    lua_setfield(L, -2, "cents");
    lua_pushcfunction(L, is_money);
    lua_setfield(L, -2, "is_money");
}

}  // namespace conventio::lua
