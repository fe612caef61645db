#include "lua/tail_calls.hpp"

#include <cstdint>
#include <cstring>
#include <string>

namespace conventio::lua {
namespace {

// Lua 5.4's dump format (ldump.c) and instruction encoding (lopcodes.h).
constexpr unsigned char dump_version = 0x54;
constexpr std::size_t header_size = 4 + 1 + 1 + 6 + 1 + 1 + 1 + 8 + 8;  // signature .. LUAC_NUM
constexpr std::uint32_t opcode_mask = 0x7F;
constexpr std::uint32_t op_call = 68;
constexpr std::uint32_t op_tailcall = 69;
constexpr std::uint32_t op_return = 70;
constexpr std::uint32_t k_bit = 1u << 15;
constexpr std::uint32_t c_mask = 0xFFu << 24;

int append(lua_State*, const void* p, std::size_t size, void* out) {
    static_cast<std::string*>(out)->append(static_cast<const char*>(p), size);
    return 0;
}

/// Reads a dumped size (7 bits a byte, most significant first, the last byte marked by 0x80).
bool read_size(const std::string& dump, std::size_t& at, std::size_t& value) {
    value = 0;
    for (int n = 0; n < 10 && at < dump.size(); ++n) {
        const auto byte = static_cast<unsigned char>(dump[at++]);
        value = (value << 7) | (byte & 0x7F);
        if (byte & 0x80) return true;
    }
    return false;
}

/// The offset and length of the main function's code in `dump`, or false.
bool main_code(const std::string& dump, std::size_t& code, std::size_t& count) {
    if (dump.size() < header_size + 1 || dump.compare(0, 4, LUA_SIGNATURE) != 0 ||
        static_cast<unsigned char>(dump[4]) != dump_version || dump[5] != 0 ||
        static_cast<unsigned char>(dump[12]) != sizeof(std::uint32_t))
        return false;
    std::size_t at = header_size + 1;  // the number of upvalues follows the header
    std::size_t source = 0, ignored = 0;
    if (!read_size(dump, at, source)) return false;
    if (source > 0) at += source - 1;  // the source's name, without its terminating zero
    if (!read_size(dump, at, ignored) || !read_size(dump, at, ignored)) return false;  // line defined, last
    at += 3;  // params, vararg, stack
    if (!read_size(dump, at, count) || at + count * 4 > dump.size()) return false;
    code = at;
    return true;
}

}  // namespace

void keep_script_frame(lua_State* L) {
    std::string dump;
    if (lua_dump(L, append, &dump, 0) != 0) return;
    std::size_t code = 0, count = 0;
    if (!main_code(dump, code, count)) return;
    bool changed = false;
    for (std::size_t i = 0; i + 1 < count; ++i) {
        std::uint32_t instruction = 0, next = 0;
        std::memcpy(&instruction, dump.data() + code + 4 * i, 4);
        std::memcpy(&next, dump.data() + code + 4 * (i + 1), 4);
        // The compiler follows every tail call by a return of everything on the stack from
        // the call's register: an ordinary call keeping all its results (C = 0) makes the pair
        // return the same values. The return closes upvalues and undoes the vararg frame as
        // the tail call did (its own k and C say so).
        if ((instruction & opcode_mask) != op_tailcall || (next & opcode_mask) != op_return) continue;
        instruction = (instruction & ~(opcode_mask | k_bit | c_mask)) | op_call;
        std::memcpy(dump.data() + code + 4 * i, &instruction, 4);
        changed = true;
    }
    if (!changed) return;
    lua_Debug ar;
    lua_pushvalue(L, -1);
    lua_getinfo(L, ">S", &ar);
    struct Piece {
        const std::string& text;
        bool given = false;
    } piece{dump};
    auto reader = [](lua_State*, void* data, std::size_t* size) -> const char* {
        auto* p = static_cast<Piece*>(data);
        if (p->given) return nullptr;  // one piece, then the end
        p->given = true;
        *size = p->text.size();
        return p->text.data();
    };
    if (lua_load(L, reader, &piece, ar.source, "b") != LUA_OK) {
        lua_pop(L, 1);  // its message: the chunk stays as loaded from source
        return;
    }
    lua_replace(L, -2);
}

}  // namespace conventio::lua
