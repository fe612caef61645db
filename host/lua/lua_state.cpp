#include "lua/lua_state.hpp"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "lua/sandbox.hpp"

namespace conventio::lua {
namespace {

constexpr int instructions_per_hook = 1000;

/// The message handler: turns any error value into a string and keeps Lua's own
/// "file:line:" prefix, which is what a drafter needs to find the mistake.
int message_handler(lua_State* L) {
    if (lua_type(L, 1) == LUA_TSTRING) return 1;
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
    lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    return 1;
}

std::string mebibytes(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

State& owner(lua_State* L) { return **static_cast<State**>(lua_getextraspace(L)); }

State::State(Options options) : options_(std::move(options)) {
    memory_.limit = options_.memory_bytes;
    L_ = lua_newstate(&State::allocate, &memory_);
    if (!L_) throw ScriptError("cannot create a Lua state: not enough memory");
    *static_cast<State**>(lua_getextraspace(L_)) = this;
    if (options_.instructions > 0)
        lua_sethook(L_, &State::count_instructions, LUA_MASKCOUNT, instructions_per_hook);
    install_libraries(L_, options_);
}

State::~State() {
    if (L_) lua_close(L_);
}

void* State::allocate(void* ud, void* ptr, std::size_t old_size, std::size_t new_size) {
    auto* memory = static_cast<Memory*>(ud);
    // When ptr is null, old_size encodes the kind of object, not a size.
    std::size_t old_bytes = ptr ? old_size : 0;
    if (new_size == 0) {
        std::free(ptr);
        memory->used -= old_bytes;
        return nullptr;
    }
    if (new_size > old_bytes && memory->used - old_bytes + new_size > memory->limit) {
        memory->exceeded = true;
        return nullptr;  // Lua raises its memory error; run_file names the cap
    }
    void* grown = std::realloc(ptr, new_size);
    if (grown) memory->used = memory->used - old_bytes + new_size;
    return grown;
}

void State::count_instructions(lua_State* L, lua_Debug*) {
    State& self = owner(L);
    self.instructions_used_ += instructions_per_hook;
    if (self.options_.instructions == 0 || self.instructions_used_ <= self.options_.instructions) return;
    // Level 0 is the Lua function the hook interrupted: name its line.
    luaL_where(L, 0);
    lua_pushfstring(
        L, "instruction budget of %I exceeded (a loop that never ends? raise it with --max-instructions)",
        static_cast<lua_Integer>(self.options_.instructions));
    lua_concat(L, 2);
    lua_error(L);
}

std::string State::read_source(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ScriptError("cannot open " + path.string() + ": " + std::strerror(errno));
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) throw ScriptError("cannot read " + path.string());
    return std::move(content).str();
}

void State::call(int nargs, int nresults) {
    int base = lua_gettop(L_) - nargs;  // the function's index
    lua_pushcfunction(L_, message_handler);
    lua_insert(L_, base);
    memory_.exceeded = false;
    int status = lua_pcall(L_, nargs, nresults, base);
    lua_remove(L_, base);
    if (status == LUA_OK) return;
    std::string message = lua_tostring(L_, -1) ? lua_tostring(L_, -1) : "unknown error";
    lua_pop(L_, 1);
    if (status == LUA_ERRMEM || memory_.exceeded)
        message = "memory limit of " + mebibytes(memory_.limit) + " exceeded (raise it with --max-memory)";
    throw ScriptError(message);
}

void State::run_file(const std::filesystem::path& path, int nargs, int nresults) {
    std::string source = read_source(path);
    std::string chunkname = "@" + path.string();
    int status = luaL_loadbufferx(L_, source.data(), source.size(), chunkname.c_str(), "t");
    if (status != LUA_OK) {
        std::string message = lua_tostring(L_, -1);
        lua_pop(L_, 1 + nargs);
        if (message.find("attempt to load a binary chunk") != std::string::npos)
            message = path.string() + ": precompiled Lua bytecode is not accepted; give the source";
        throw ScriptError(message);
    }
    lua_insert(L_, -(nargs + 1));
    call(nargs, nresults);
}

}  // namespace conventio::lua
