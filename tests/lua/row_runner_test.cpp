// A batch worker's state runs row after row: each row must find it as the first one did.
#include "lua/row_runner.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "lua/lua_test_support.hpp"

using conventio::lua::RowInput;
using conventio::lua::RowRunner;
using conventio::test::write_script;

namespace {

RowInput json_row(std::string_view text) {  // text that outlives the row
    RowInput row;
    row.json = text;
    return row;
}

// Each row checks that nothing of the previous rows is left, then changes everything it can
// reach: globals, conventio's module, a library module required from scripts/, package.loaded,
// a clause template's table, the data a row loaded (kept by the state from the second load on),
// the globals' metatable. The standard library and the string metatable are
// read-only: each attempt is made (in a pcall, so the row goes on) and must be refused. Row 2 fails after its
// changes.
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
local litiges = c.template("commun/litiges")
assert(litiges.leak == nil and litiges.front.leak == nil and litiges.params.leak == nil
       and type(litiges.chunk) == "function", "a template's table changed by an earlier row")
assert(table.insert ~= print, "table library changed by an earlier row")
local loaded = c.load_data("leaky_data.json")
assert(loaded.value == "original" and loaded.nested.list[1] == "a" and loaded.leak == nil,
       "data loaded by an earlier row changed")
loaded.value, loaded.nested.list[1], loaded.leak = "changed", "changed", true
assert(data.n == row.n, "data is the row")
assert(c.data_file == "rows.csv:" .. row.n, "conventio.data_file names the row")
leak = row.n
local function refused(f) local ok = pcall(f) assert(not ok, "the standard library could be changed") end
refused(function() string.leak = true end)
refused(function() string.format = nil end)
refused(function() rawset(string, "leak", true) end)
refused(function() getmetatable("").__index = { leak = true } end)
refused(function() table.insert = print end)
-- The library's modules are read-only too (library_modules.hpp).
refused(function() c.leak = true end)
refused(function() c.Document = nil end)
refused(function() strict.leak = true end)
refused(function() strict.suggestion = nil end)
refused(function() rawset(strict, "leak", true) end)
litiges.leak, litiges.front.leak, litiges.params.leak, litiges.chunk = true, true, true, nil
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
    write_script("leaky_data.json", R"({"value": "original", "nested": {"list": ["a", "b"]}})");
    RowRunner runner(script, {});
    for (int n = 1; n <= 4; ++n) {
        CAPTURE(n);
        try {
            std::string text = "{\"n\": " + std::to_string(n) + "}";
            runner.run(json_row(text), "rows.json", "rows.csv:" + std::to_string(n));
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
    CHECK(runner.run(json_row(R"({"title": "A"})"), "rows.json", "r:1").meta.title == "Atitle");
    CHECK(runner.run(json_row(R"({"title": "B"})"), "rows.json", "r:2").meta.title == "Btitle");
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
    for (int n = 1; n <= 5; ++n) CHECK_NOTHROW(runner.run(json_row("{}"), "rows.json", "r"));
}

namespace {

// A row the policy stops fails alone, with the policy's message (a pcall cannot catch the
// stop); the next row finds the whole budget, time and memory again.
const char* greedy_script = R"(
local c = require "conventio"
local row = ...
if row.loop then pcall(function() while true do end end) end
if row.memory then local t = {} for i = 1, 1e8 do t[i] = ("x"):rep(100) .. i end end
return c.Document{ title = "t", body = { c.Para "x" } }
)";

void check_stops_alone(RowRunner& runner, const char* field, const char* message) {
    for (int n = 1; n <= 3; ++n) {
        CAPTURE(n);
        try {
            runner.run(json_row(std::string("{\"") + field + "\": true}"), "rows.json", "r");
            FAIL("the row was not stopped");
        } catch (const conventio::lua::ScriptError& e) {
            CHECK(std::string(e.what()).find(message) != std::string::npos);
            CHECK(std::string(e.what()).find("greedy.lua:") != std::string::npos);
        }
        CHECK_NOTHROW(runner.run(json_row("{}"), "rows.json", "r"));
    }
}

}  // namespace

TEST_CASE("row runner: a row that exceeds the instruction budget fails alone") {
    auto script = write_script("greedy.lua", greedy_script);
    conventio::lua::Options limits;
    limits.instructions = 2'000'000;
    RowRunner runner(script, limits);
    check_stops_alone(runner, "loop", "instruction budget of 2000000 exceeded");
}

TEST_CASE("row runner: a row that exceeds the memory limit fails alone") {
    auto script = write_script("greedy.lua", greedy_script);
    conventio::lua::Options limits;
    limits.memory_bytes = 16u << 20;
    RowRunner runner(script, limits);
    check_stops_alone(runner, "memory", "memory limit of 16 MiB exceeded");
}

TEST_CASE("row runner: the time limit is each row's, and the watchdog does not watch between rows") {
    auto script = write_script("greedy.lua", greedy_script);
    conventio::lua::Options limits;
    limits.instructions = 0;  // only the clock stops the loop
    limits.timeout = std::chrono::milliseconds(300);
    RowRunner runner(script, limits);
    check_stops_alone(runner, "loop", "time limit of 0.3 s exceeded");
    // Longer than the limit and the watchdog's grace together: a worker waiting for its next row
    // (or writing files) is not a stuck run, and the process goes on.
    std::this_thread::sleep_for(std::chrono::milliseconds(1600));
    CHECK_NOTHROW(runner.run(json_row("{}"), "rows.json", "r"));
}

TEST_CASE("row runner: a row's data goes through the strict loader, its place named in the row file") {
    auto script = write_script("doc2.lua", R"(
local c = require "conventio"
return c.Document{ title = (...).title, body = { c.Para "x" } }
)");
    RowRunner runner(script, {});
    RowInput row = json_row("{\"title\": \"A\",\n \"title\": \"B\"}");
    row.first_line = 7;
    CHECK_THROWS_WITH(runner.run(row, "rows.jsonl", "r"),
                      doctest::Contains("rows.jsonl:8:2: key \"title\" appears twice in the same object"));
    std::vector<std::string> columns{"title", "iban"}, cells{"A\xE2\x80\xAE", "x"};  // U+202E
    RowInput csv;
    csv.columns = &columns;
    csv.cells = &cells;
    CHECK_THROWS_WITH(runner.run(csv, "rows.csv", "r"), doctest::Contains("column 'title': "));
    cells[0] = "A";
    CHECK(runner.run(csv, "rows.csv", "r").meta.title == "A");
}

TEST_CASE("row runner: the row is laid over the common data, objects merged key by key") {
    auto script = write_script("common.lua", R"(
local c = require "conventio"
local d = ...
assert(d.partner.name == "Cerema" and d.partner.city == "Lyon", "object fields merged")
assert(#d.list == 1 and d.list[1] == "row", "a list replaces")
assert(d.year == 2025, "a value replaces")
d.partner.name = "changed"
return c.Document{ title = d.title, body = { c.Para "x" } }
)");
    conventio::lua::CommonData common{
        R"({"title": "T", "year": 2024, "list": ["a", "b"], "partner": {"name": "X", "city": "Lyon"}})",
        "common.json"};
    RowRunner runner(script, {}, &common);
    for (int n = 1; n <= 2; ++n)  // the second row sees the common data as it was
        CHECK(runner
                  .run(json_row(R"({"year": 2025, "list": ["row"], "partner": {"name": "Cerema"}})"),
                       "rows.json", "r")
                  .meta.title == "T");
}

TEST_CASE("row runner: common data the strict loader refuses fails when the worker is built") {
    auto script = write_script("doc3.lua", "return nil");
    conventio::lua::CommonData common{"{\"a\": 1, \"a\": 2}", "common.json"};
    CHECK_THROWS_WITH(RowRunner(script, {}, &common),
                      doctest::Contains("common.json:1:10: key \"a\" appears twice"));
}

TEST_CASE("row runner: a script that does not compile fails when the worker is built") {
    auto script = write_script("broken.lua", "return (");
    CHECK_THROWS_AS(RowRunner(script, {}), conventio::lua::ScriptError);
}

TEST_CASE("row runner: a base script and a data file changed between rows are read as they are now") {
    // A worker compiles load_script's script once, and checks load_data's text once, for the
    // same text: a file changed between rows is compiled and checked again.
    write_script("base_of_row.lua", "return 'first'");
    write_script("data_of_row.json", R"({"value": "clean"})");
    auto script = write_script("uses_base.lua", R"(
local c = require "conventio"
local base = c.load_script("base_of_row.lua")
local data = c.load_data("data_of_row.json")
return c.Document{ title = base() .. " " .. data.value, body = { c.Para "x" } }
)");
    RowRunner runner(script, {});
    CHECK(runner.run(json_row("{}"), "rows.json", "r:1").meta.title == "first clean");
    CHECK(runner.run(json_row("{}"), "rows.json", "r:2").meta.title == "first clean");
    write_script("base_of_row.lua", "return 'second'");
    CHECK(runner.run(json_row("{}"), "rows.json", "r:3").meta.title == "second clean");
    write_script("data_of_row.json", "{\"value\": \"turned \xE2\x80\xAE\"}");  // U+202E
    try {
        runner.run(json_row("{}"), "rows.json", "r:4");
        FAIL("a bidirectional control in the data file was accepted");
    } catch (const std::exception& e) {
        CHECK(std::string(e.what()).find("data_of_row.json:1:") != std::string::npos);
        CHECK(std::string(e.what()).find("bidirectional control") != std::string::npos);
    }
    write_script("data_of_row.json", R"({"value": "again"})");
    CHECK(runner.run(json_row("{}"), "rows.json", "r:5").meta.title == "second again");
}
