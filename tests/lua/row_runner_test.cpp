// A batch worker's state runs row after row: each row must find it as the first one did.
#include "lua/row_runner.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "lua/lua_test_support.hpp"

using conventio::lua::RowRunner;
using conventio::test::write_script;

namespace {

// Each row checks that nothing of the previous rows is left, then changes everything it can
// reach: globals, the standard library, conventio's module, a library module required from
// scripts/, the string metatable, the globals' metatable; row 2 fails after its changes.
const char* leaky_script = R"(
local c = require "conventio"
local strict = require "conventio.strict"
local row = ...
assert(leak == nil, "a global of an earlier row is seen")
assert(string.leak == nil and string.format ~= nil, "string library changed by an earlier row")
assert(("x").leak == nil, "string metatable changed by an earlier row")
assert(c.leak == nil and c.Document ~= nil, "conventio module changed by an earlier row")
assert(strict.leak == nil and strict.suggestion ~= nil, "a library module changed by an earlier row")
assert(getmetatable(_G) == nil, "the globals' metatable set by an earlier row")
assert(table.insert ~= print, "table library changed by an earlier row")
assert(data.n == row.n, "data is the row")
assert(c.data_file == "rows.csv:" .. row.n, "conventio.data_file names the row")
leak = row.n
string.leak = true
string.format = nil
getmetatable("").__index = { leak = true }
c.leak = true
c.Document = nil
strict.leak = true
strict.suggestion = nil
table.insert = print
package.loaded["conventio.strict"] = { leak = true }
setmetatable(_G, { __index = function() return "leak" end })
if row.n == 2 then error("row two fails") end
return require("conventio").Document and nil or nil
)";

}  // namespace

TEST_CASE("row runner: no global, library table or module changed by a row is seen by the next") {
    // The script returns nil on purpose once it has changed things: `run` then refuses it,
    // and the next row must still find everything pristine.
    auto script = write_script("leaky.lua", leaky_script);
    RowRunner runner(script, {});
    for (int n = 1; n <= 4; ++n) {
        CAPTURE(n);
        try {
            runner.run(nlohmann::json{{"n", n}}, "rows.csv:" + std::to_string(n));
            FAIL("the script returns no document");
        } catch (const std::exception& e) {
            std::string message = e.what();
            if (n == 2)
                CHECK(message.find("row two fails") != std::string::npos);
            else
                CHECK(message.find("the script must return a conventio.Document, it returned nothing") !=
                      std::string::npos);
        }
    }
}

TEST_CASE("row runner: each row returns its own document, the module compiled once still works") {
    auto script = write_script("doc.lua", R"(
local c = require "conventio"
local strict = require "conventio.strict"
local row = ...
return c.Document{ title = row.title .. (strict.nearest("titel", { title = true }) or "?"), body = { c.Para "x" } }
)");
    RowRunner runner(script, {});
    CHECK(runner.run(nlohmann::json{{"title", "A"}}, "r:1").meta.title == "Atitle");
    CHECK(runner.run(nlohmann::json{{"title", "B"}}, "r:2").meta.title == "Btitle");
}

TEST_CASE("row runner: the instruction budget is each row's, not the worker's") {
    auto script = write_script("busy.lua", R"(
local c = require "conventio"
local n = 0
for i = 1, 60000 do n = n + i end
return c.Document{ title = "t", body = { c.Para(tostring(n)) } }
)");
    conventio::lua::Options limits;
    limits.instructions = 400000;  // one row fits, three together would not
    RowRunner runner(script, limits);
    for (int n = 1; n <= 5; ++n) CHECK_NOTHROW(runner.run(nlohmann::json::object(), "r"));
}

TEST_CASE("row runner: a script that does not compile fails when the worker is built") {
    auto script = write_script("broken.lua", "return (");
    CHECK_THROWS_AS(RowRunner(script, {}), conventio::lua::ScriptError);
}
