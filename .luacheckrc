-- Lua in this repository runs in conventio's sandbox (host/lua/sandbox.cpp), so luacheck knows
-- exactly what the sandbox gives: Lua 5.4's base library without dofile, loadfile and
-- collectgarbage; no io and no debug; os reduced to its clock and date functions; string
-- without dump; package without the paths and the C loader; plus the `conventio` and `data`
-- globals. A script that calls io.open or os.remove fails here, not at a drafter's desk.
stds.conventio_sandbox = {
    globals = { "_G" },
    read_globals = {
        "_VERSION", "assert", "error", "getmetatable", "ipairs", "load", "next", "pairs", "pcall",
        "print", "rawequal", "rawget", "rawlen", "rawset", "require", "select", "setmetatable",
        "tonumber", "tostring", "type", "warn", "xpcall",
        coroutine = { fields = { "close", "create", "isyieldable", "resume", "running", "status", "wrap",
                                 "yield" } },
        math = { fields = { "abs", "acos", "asin", "atan", "ceil", "cos", "deg", "exp", "floor", "fmod",
                            "huge", "log", "max", "maxinteger", "min", "mininteger", "modf", "pi", "rad",
                            "random", "randomseed", "sin", "sqrt", "tan", "tointeger", "type", "ult" } },
        os = { fields = { "clock", "date", "difftime", "time" } },
        package = { fields = { "config", "loaded", "preload", "searchers" } },
        string = { fields = { "byte", "char", "find", "format", "gmatch", "gsub", "len", "lower", "match",
                              "pack", "packsize", "rep", "reverse", "sub", "unpack", "upper" } },
        table = { fields = { "concat", "insert", "move", "pack", "remove", "sort", "unpack" } },
        utf8 = { fields = { "char", "charpattern", "codepoint", "codes", "len", "offset" } },
        "conventio", "data",
    },
}
std = "conventio_sandbox"
max_line_length = 120
files["tests/lua"] = { std = "+busted" }
-- The library's own tools, in its globals only (host/lua/library_modules.hpp).
files["scripts/conventio"] = { read_globals = { "class_of", "read_only", "script_face" } }
