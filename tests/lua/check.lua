--- A small test harness for the Lua library, run by the real host: each tests/lua/*_test.lua
--- is a conventio script (`conventio render tests/lua/x_test.lua -o x.odt`, registered in
--- ctest) that calls these checks and ends with `return check.done()`. A failed check raises
--- an error naming the test's line, so the render fails and ctest reports it.
local c = require "conventio"

local M = { count = 0 }

local function fail(message)
  error(message, 3)
end

--- `actual` equals `expected` (compared with ==, then as strings for host values).
function M.eq(actual, expected, what)
  M.count = M.count + 1
  if actual == expected then return end
  if tostring(actual) == tostring(expected) and type(actual) == type(expected) then return end
  fail(("%s: expected %q, got %q"):format(what or "value", tostring(expected), tostring(actual)))
end

--- `text` contains `fragment` (plain text, not a pattern).
function M.contains(text, fragment, what)
  M.count = M.count + 1
  if type(text) == "string" and text:find(fragment, 1, true) then return end
  fail(("%s: expected to contain %q, got %q"):format(what or "text", fragment, tostring(text)))
end

-- fn(...), then the data's problems it recorded for an agreement being assembled (raised
-- when that agreement is built, conventio.data): a test sees them as the drafter would.
local function call_and_raise(fn, ...)
  local data = require "conventio.data"
  local ok, message = pcall(fn, ...)
  if #data.pending > 0 then
    local raised, problems = pcall(data.raise)
    if ok then return raised, problems end
    return false, tostring(problems) .. "\n" .. tostring(message)
  end
  return ok, message
end

--- `fn(...)` fails with a message containing `fragment`; returns the message.
function M.fails(fragment, fn, ...)
  M.count = M.count + 1
  local ok, message = call_and_raise(fn, ...)
  if ok then fail(("expected an error containing %q, but it succeeded"):format(fragment)) end
  message = tostring(message)
  if not message:find(fragment, 1, true) then
    fail(("expected an error containing %q, got %q"):format(fragment, message))
  end
  -- A user never sees a raw Lua message or a line of the library.
  for _, raw in ipairs { "attempt to index", "attempt to call", "attempt to perform", "attempt to concatenate",
                         "conventio/agreement.lua:", "conventio/party.lua:", "conventio/finance/" } do
    if message:find(raw, 1, true) then fail(("error shows %q: %q"):format(raw, message)) end
  end
  return message
end

--- The end of a test script: a one-paragraph document saying how many checks passed.
function M.done()
  return c.Document { title = "tests", body = { c.Para(("%d checks passed"):format(M.count)) } }
end

return M
