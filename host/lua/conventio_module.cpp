#include "lua/conventio_module.hpp"

#include "lua/document_bindings.hpp"

namespace conventio::lua {

int open_conventio(lua_State* L) {
    lua_newtable(L);
    open_document_bindings(L);
    lua_pushstring(L, CONVENTIO_VERSION);
    lua_setfield(L, -2, "version");
    return 1;
}

}  // namespace conventio::lua
