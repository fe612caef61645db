// conventio.id (SIREN, SIRET, IBAN, BIC, RIB checks) and conventio.BankAccount: identifiers
// are validated in C++ and refused with the field named, so no mistyped key reaches a
// signed agreement.
#pragma once

#include <lua.hpp>

namespace conventio::lua {

/// Adds `id` and `BankAccount` to the module table on the stack top.
void open_identifier_bindings(lua_State* L);

}  // namespace conventio::lua
