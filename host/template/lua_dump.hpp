// What the two readers and writers of Lua 5.4 bytecode dumps share (template/shipped_form.cpp puts
// a chunk name in a shipped form, shipped/bytecode_names.cpp drops local names from the library's):
// the header's size and the encoding of sizes (ldump.c dumpSize, lundump.c loadSize).
#pragma once

#include <cstddef>
#include <string>

namespace conventio::tmpl {

/// Lua 5.4's header: signature, version 0x54, format, LUAC_DATA, three sizes, an 8-byte integer
/// and an 8-byte float for checking; then the main function's upvalue count (lundump.c
/// checkHeader, luaU_undump). The main function's source name follows.
inline constexpr std::size_t lua_dump_header_size = 4 + 1 + 1 + 6 + 3 + 8 + 8 + 1;

/// `n` as Lua's dump writes a size: 7 bits a byte, most significant first, the last byte marked
/// with 0x80.
inline std::string lua_dump_size(std::size_t n) {
    std::string bytes;
    do {
        bytes.insert(bytes.begin(), static_cast<char>(n & 0x7f));
        n >>= 7;
    } while (n != 0);
    bytes.back() = static_cast<char>(bytes.back() | 0x80);
    return bytes;
}

}  // namespace conventio::tmpl
