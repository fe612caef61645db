#include "template/lua_syntax.hpp"

#include <lua.hpp>
#include <new>

namespace conventio::tmpl {

LuaSyntax& LuaSyntax::of_this_thread() {
    thread_local LuaSyntax parser;
    return parser;
}

LuaSyntax::LuaSyntax() : L_(luaL_newstate()) {
    if (!L_) throw std::bad_alloc();
}

LuaSyntax::~LuaSyntax() { lua_close(L_); }

bool LuaSyntax::load(std::string_view chunk, const std::string& chunkname) {
    return luaL_loadbufferx(L_, chunk.data(), chunk.size(), chunkname.c_str(), "t") == LUA_OK;
}

std::string LuaSyntax::pop_message() {
    std::string message = lua_tostring(L_, -1);
    lua_pop(L_, 1);
    return message;
}

std::optional<std::string> LuaSyntax::error(std::string_view chunk, const std::string& chunkname) {
    if (!load(chunk, chunkname)) return pop_message();
    lua_pop(L_, 1);
    return std::nullopt;
}

LuaSyntax::Compiled LuaSyntax::compile(std::string_view chunk, const std::string& chunkname) {
    Compiled out;
    if (!load(chunk, chunkname)) {
        out.error = pop_message();
        return out;
    }
    auto append = [](lua_State*, const void* bytes, std::size_t size, void* to) {
        static_cast<std::string*>(to)->append(static_cast<const char*>(bytes), size);
        return 0;
    };
    lua_dump(L_, append, &out.bytecode, 0);  // 0: keep the lines for the runtime's messages
    lua_pop(L_, 1);
    return out;
}

}  // namespace conventio::tmpl
