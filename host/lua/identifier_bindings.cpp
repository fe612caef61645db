#include "lua/identifier_bindings.hpp"

#include <string>

#include "config/i18n.hpp"
#include "conventio/identifiers.hpp"
#include "lua/binding_support.hpp"
#include "lua/option_check.hpp"

namespace conventio::lua {

using config::tr;
namespace {

template <std::string (*validate)(std::string_view, std::string_view)>
int validated(lua_State* L) {
    return push_string(L, validate(luaL_checkstring(L, 1), luaL_optstring(L, 2, "")));
}

int rib_fn(lua_State* L) {
    Rib r = lua_isnoneornil(L, 2)
                ? parse_rib(luaL_checkstring(L, 1), "")
                : validate_rib(luaL_checkstring(L, 1), luaL_checkstring(L, 2), luaL_checkstring(L, 3),
                               luaL_checkstring(L, 4), luaL_optstring(L, 5, ""));
    lua_createtable(L, 0, 4);
    push_string(L, r.bank_code);
    lua_setfield(L, -2, "bank");
    push_string(L, r.branch_code);
    lua_setfield(L, -2, "branch");
    push_string(L, r.account_number);
    lua_setfield(L, -2, "account");
    push_string(L, r.key);
    lua_setfield(L, -2, "key");
    return 1;
}

int format_iban_fn(lua_State* L) { return push_string(L, format_iban(luaL_checkstring(L, 1))); }
int format_siren_fn(lua_State* L) { return push_string(L, format_siren(luaL_checkstring(L, 1))); }
int format_siret_fn(lua_State* L) { return push_string(L, format_siret(luaL_checkstring(L, 1))); }

/// An optional string field of the table at index 1, "" when absent.
std::string field(lua_State* L, const char* name) {
    int type = lua_getfield(L, 1, name);
    std::string value;
    if (type == LUA_TSTRING)
        value = lua_tostring(L, -1);
    else if (type != LUA_TNIL)
        luaL_error(L, tr("BankAccount: %s must be a string, got %s").c_str(), name, luaL_typename(L, -1));
    lua_pop(L, 1);
    return value;
}

void set(lua_State* L, const char* name, const std::string& value) {
    if (value.empty()) return;
    push_string(L, value);
    lua_setfield(L, -2, name);
}

/// conventio.BankAccount{ holder=, domiciliation=, bank=, branch=, account=, key=, iban=, bic= }
/// [, "field prefix"]: checks every identifier (the RIB key, the IBAN, their agreement, the
/// BIC) and returns the account with normalised and display forms (rib, iban_display).
int bank_account(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    std::string prefix = luaL_optstring(L, 2, "bank_account");
    // From data (a field prefix given), an unknown key is a data field; from a script, an option.
    if (lua_isstring(L, 2))
        check_option_keys(L, 1,
                          {"holder", "domiciliation", "bank", "branch", "account", "key", "iban", "bic"},
                          prefix.c_str(), "field");
    else
        check_option_keys(L, 1,
                          {"holder", "domiciliation", "bank", "branch", "account", "key", "iban", "bic"},
                          "BankAccount");
    std::string holder = field(L, "holder");
    std::string domiciliation = field(L, "domiciliation");
    std::string bank = field(L, "bank"), branch = field(L, "branch"), account = field(L, "account"),
                key = field(L, "key"), iban = field(L, "iban"), bic = field(L, "bic");
    if (holder.empty())
        return luaL_error(L, tr("BankAccount: holder (titulaire) is required (field %s.holder)").c_str(),
                          prefix.c_str());
    bool has_rib = !bank.empty() || !branch.empty() || !account.empty() || !key.empty();
    if (!has_rib && iban.empty())
        return luaL_error(
            L, tr("BankAccount: give the RIB (bank, branch, account, key) or the IBAN (field %s)").c_str(),
            prefix.c_str());

    Rib rib;
    if (has_rib) {
        rib = validate_rib(bank, branch, account, key, prefix);
        if (!iban.empty()) iban = iban_from_rib(rib, iban, prefix + ".iban");
    } else {
        iban = validate_iban(iban, prefix + ".iban");
        if (iban.rfind("FR", 0) == 0) rib = rib_from_iban(iban, prefix + ".iban");
    }
    if (!bic.empty()) bic = validate_bic(bic, prefix + ".bic");

    lua_createtable(L, 0, 10);
    set(L, "holder", holder);
    set(L, "domiciliation", domiciliation);
    set(L, "bank", rib.bank_code);
    set(L, "branch", rib.branch_code);
    set(L, "account", rib.account_number);
    set(L, "key", rib.key);
    if (!rib.bank_code.empty())
        set(L, "rib", rib.bank_code + " " + rib.branch_code + " " + rib.account_number + " " + rib.key);
    set(L, "iban", iban);
    if (!iban.empty()) set(L, "iban_display", format_iban(iban));
    set(L, "bic", bic);
    lua_pushboolean(L, has_rib);
    lua_setfield(L, -2, "rib_given");
    return 1;
}

}  // namespace

void open_identifier_bindings(lua_State* L) {
    static const luaL_Reg id[] = {{"siren", protect<validated<validate_siren>>},
                                  {"siret", protect<validated<validate_siret>>},
                                  {"iban", protect<validated<validate_iban>>},
                                  {"bic", protect<validated<validate_bic>>},
                                  {"rib", protect<rib_fn>},
                                  {"format_iban", protect<format_iban_fn>},
                                  {"format_siren", protect<format_siren_fn>},
                                  {"format_siret", protect<format_siret_fn>},
                                  {nullptr, nullptr}};
    luaL_newlib(L, id);
    lua_setfield(L, -2, "id");
    lua_pushcfunction(L, protect<bank_account>);
    lua_setfield(L, -2, "BankAccount");
}

}  // namespace conventio::lua
