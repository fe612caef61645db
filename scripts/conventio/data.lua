--- Problems with the data file are reported as such: "samples/x.json: finance.amount must be
--- positive", not as a position inside the library that noticed them. The field is named in
--- the message; the host gives the data file's name as conventio.data_file.
local c = require "conventio"

local M = {}

local function data_error(message)
  -- Whatever raised it (a check in Lua, a refused identifier in C++) put its own position
  -- in front; the data file is the place to look. Several problems found at once come one a
  -- line (Agreement.from_data), each named so.
  local prefix = c.data_file and (c.data_file .. ": ") or ""
  local lines = {}
  for line in (tostring(message) .. "\n"):gmatch("(.-)\n") do
    line = line:gsub("^[^\n]-%.lua:%d+: ", "", 1)
    if line:sub(1, #prefix) ~= prefix then line = prefix .. line end  -- not already reported as such
    lines[#lines + 1] = line
  end
  error(table.concat(lines, "\n"), 0)
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
