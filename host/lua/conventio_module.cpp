#include "lua/conventio_module.hpp"

#include "config/build_config.hpp"
#include "config/i18n.hpp"
#include "lua/document_bindings.hpp"
#include "lua/french_bindings.hpp"
#include "lua/identifier_bindings.hpp"
#include "lua/money_bindings.hpp"
#include "lua/outline_bindings.hpp"
#include "lua/source_bindings.hpp"
#include "lua/template_bindings.hpp"

namespace conventio::lua {
namespace {

/// conventio.tr(message): the library's messages in the user's language (po/, like the host's).
int translate(lua_State* L) {
    std::string message = config::tr(luaL_checkstring(L, 1));
    lua_pushlstring(L, message.data(), message.size());
    return 1;
}

}  // namespace

int open_conventio(lua_State* L) {
    lua_newtable(L);
    open_document_bindings(L);
    open_money_bindings(L);
    open_french_bindings(L);
    open_identifier_bindings(L);
    open_template_bindings(L);
    open_outline_bindings(L);
    open_source_bindings(L);
    lua_pushlstring(L, config::version.data(), config::version.size());
    lua_setfield(L, -2, "version");
    lua_pushcfunction(L, translate);
    lua_setfield(L, -2, "tr");
    return 1;
}

}  // namespace conventio::lua
