#include <doctest/doctest.h>

#include "lua/lua_test_support.hpp"

using conventio::test::lua_error_of;
using conventio::test::run_lua;

namespace {
const std::string empty_doc = "\nreturn conventio.Document{}";
}

TEST_CASE("sandbox: forbidden libraries and functions are absent") {
    for (const char* expr :
         {"io", "debug", "os.execute", "os.getenv", "os.remove", "os.exit", "package.loadlib", "string.dump",
          "dofile", "loadfile", "package.cpath", "require('os').execute", "collectgarbage"}) {
        CAPTURE(expr);
        CHECK(lua_error_of(std::string("assert(") + expr + " == nil, 'present')" + empty_doc) == "no error");
    }
}

TEST_CASE("sandbox: date and time functions stay") {
    CHECK(lua_error_of("assert(os.date('%Y', 0) == '1970'); assert(os.time{year=2022,month=7,day=13,hour=12})"
                       "; assert(os.clock() >= 0)" +
                       empty_doc) == "no error");
}

TEST_CASE("sandbox: precompiled bytecode is refused") {
    CHECK(lua_error_of("local f, err = load('\\27Lua')\nassert(f == nil)\nerror(err)") ==
          "snippet.lua:3: attempt to load a binary chunk (mode is 't')");
    CHECK(lua_error_of("load('return 1', 'x', 'b')") ==
          "snippet.lua:1: load: only text chunks (mode \"t\") are allowed");
}

TEST_CASE("sandbox: a runaway loop stops at the instruction budget with the line") {
    conventio::lua::Options limits;
    limits.instructions = 100000;
    CHECK(lua_error_of("local n = 0\nwhile true do n = n + 1 end", limits) ==
          "snippet.lua:2: instruction budget of 100000 exceeded (a loop that never ends? raise it with "
          "--max-instructions)");
}

TEST_CASE("sandbox: a memory bomb stops at the memory cap") {
    conventio::lua::Options limits;
    limits.memory_bytes = 8u << 20;
    std::string message =
        lua_error_of("local t = {}\nfor i = 1, 1e9 do t[i] = ('x'):rep(100) .. i end", limits);
    CHECK(message == "snippet.lua:2: memory limit of 8 MiB exceeded (raise it with --max-memory)");
    // The same state can go on after the error: a second run in a fresh state works.
    CHECK(lua_error_of("return conventio.Document{}", limits) == "no error");
}

TEST_CASE("sandbox: --trusted gives the full standard library") {
    conventio::lua::Options limits;
    limits.trusted = true;
    CHECK(lua_error_of("assert(io.open and os.getenv and debug.traceback)" + empty_doc, limits) ==
          "no error");
}

TEST_CASE("require finds modules in library folders and reports where it looked") {
    auto dir = conventio::test::scratch_dir() / "lib";
    std::filesystem::create_directories(dir / "clauses");
    std::ofstream(dir / "clauses" / "greeting.lua") << "return { text = 'Bonjour' }\n";
    conventio::lua::Options limits;
    limits.library_dirs = {dir};
    CHECK(lua_error_of("assert(require('clauses.greeting').text == 'Bonjour')" + empty_doc, limits) ==
          "no error");
    std::string missing = lua_error_of("require('absent')", limits);
    CHECK(missing.find("snippet.lua:1: module 'absent' not found:") == 0);
    CHECK(missing.find("absent.lua'") != std::string::npos);
}

TEST_CASE("a Lua error reports file:line: message") {
    CHECK(lua_error_of("local x\nlocal y = x.field") ==
          "snippet.lua:2: attempt to index a nil value (local 'x')");
    CHECK(lua_error_of("error('boom')") == "snippet.lua:1: boom");
    CHECK(lua_error_of("error(setmetatable({}, {__tostring = function() return 'custom' end}))") == "custom");
    CHECK(lua_error_of("error({})") == "snippet.lua:1: (error object is a table value)");
    CHECK(lua_error_of("return 42").find("the script must return a conventio.Document, it returned number") !=
          std::string::npos);
    CHECK(lua_error_of("local x = ").find("snippet.lua:1:") == 0);
}

TEST_CASE("the data file reaches the script as ... and as the global data") {
    auto data = conventio::test::scratch_dir() / "data.json";
    std::ofstream(data) << R"({"partner": {"name": "Cerema"}, "amount": "475000.00", "n": 3})";
    auto script = conventio::test::write_script(
        "data.lua",
        "local d = ...\nassert(d.partner.name == 'Cerema' and data == d and math.type(d.n) == 'integer')\n"
        "return conventio.Document{ body = { d.partner.name } }");
    auto document = conventio::lua::run_script({script, data, {}});
    REQUIRE(document.body.size() == 1);
}

TEST_CASE("a malformed data file is reported with line and column") {
    auto data = conventio::test::scratch_dir() / "bad.json";
    std::ofstream(data) << "{\n  \"a\": 1,\n  \"b\": ]\n}";
    auto script = conventio::test::write_script("data.lua", "return conventio.Document{}");
    try {
        conventio::lua::run_script({script, data, {}});
        FAIL("no error");
    } catch (const conventio::lua::ScriptError& e) {
        std::string m = e.what();
        CHECK(m.find("bad.json:3:8: invalid JSON:") != std::string::npos);
    }
}
