--- Problems with the data file are reported as such: "samples/x.json: finance.amount must be
--- positive", not as a position inside the library that noticed them. The field is named in
--- the message; the host gives the data file's name as conventio.data_file.
local c = require "conventio"

local M = {}

local function data_error(message)
  -- Whatever raised it (a check in Lua, a refused identifier in C++) put its own position
  -- in front; the data file is the place to look.
  message = tostring(message):gsub("^[^\n]-%.lua:%d+: ", "", 1)
  local prefix = c.data_file and (c.data_file .. ": ") or ""
  if message:sub(1, #prefix) == prefix then error(message, 0) end  -- already reported as such
  error(prefix .. message, 0)
end

--- `fn` with its errors reported as data errors; returns what `fn` returns.
---@param fn function
function M.guarded(fn)
  return function(...)
    local results = table.pack(pcall(fn, ...))
    if not results[1] then data_error(results[2]) end
    return table.unpack(results, 2, results.n)
  end
end

return M
