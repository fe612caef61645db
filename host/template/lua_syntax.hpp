// Lua's own parser, as the template compiler needs it: does this text load, and if not, what
// does Lua say. The only file of the template layer that includes a Lua header; the compiler
// sees this narrow interface and never a lua_State.
#pragma once

#include <optional>
#include <string>
#include <string_view>

struct lua_State;

namespace conventio::tmpl {

class LuaSyntax {
public:
    /// The parser of the calling thread. One Lua state lives as long as the thread: a fresh
    /// state per template cost as much as parsing it.
    static LuaSyntax& of_this_thread();

    /// Lua's message when `chunk` does not load ("name:2: unexpected symbol near 'x'"), or
    /// nothing when it does.
    std::optional<std::string> error(std::string_view chunk, const std::string& chunkname);

    /// The chunk's bytecode, debug information (chunkname, lines) kept, so whoever runs the
    /// template loads it without parsing it a second time. Lua's message when it does not load.
    struct Compiled {
        std::string bytecode;
        std::optional<std::string> error;
    };
    Compiled compile(std::string_view chunk, const std::string& chunkname);

    LuaSyntax(const LuaSyntax&) = delete;
    LuaSyntax& operator=(const LuaSyntax&) = delete;
    ~LuaSyntax();

private:
    LuaSyntax();
    bool load(std::string_view chunk, const std::string& chunkname);
    std::string pop_message();
    lua_State* L_;
};

}  // namespace conventio::tmpl
