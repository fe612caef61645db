--- Problems with the data file are reported as such: "samples/x.json: finance.amount must be
--- positive", not as a position inside the library that noticed them. The field is named in
--- the message; the host gives the data file's name as conventio.data_file.
---
--- A drafter sees every problem of the data at once, not the first one: the library records a
--- problem and keeps going with a stand-in value where it can (a party left out, a finance
--- article without its content), and the problems recorded while an agreement is being
--- assembled are raised together when it is built (Agreement:document()), one a line. A
--- function called outside an agreement's assembly (tranches.compute) raises its own problems
--- together when it returns. The host reads M.raised and M.pending at the end of a run, so
--- `check` prints one diagnostic per problem, and the problems before a script error that
--- followed them.
local c = require "conventio"

local M = {}

--- The problems recorded and not yet raised: { file = data file or nil, message = one line }.
M.pending = {}
--- The problems of the last raise (structured, for the host), and the text it raised.
M.raised = {}
M.raised_text = nil

-- A message as the data's: without the position of whatever raised it (a check in Lua, a
-- refused identifier in C++), nor the data file's name already in front.
local function strip(line, prefix)
  line = line:gsub("^[^\n]-%.lua:%d+: ", "", 1)
  if prefix ~= "" and line:sub(1, #prefix) == prefix then line = line:sub(#prefix + 1) end
  return line
end

local function prefix() return c.data_file and (c.data_file .. ": ") or "" end

local function data_error(message)
  -- Several problems found at once come one a line (Agreement.from_data), each named so.
  local p = prefix()
  local lines = {}
  for line in (tostring(message) .. "\n"):gmatch("(.-)\n") do
    local stripped = line:gsub("^[^\n]-%.lua:%d+: ", "", 1)
    if stripped:sub(1, #p) ~= p then stripped = p .. stripped end  -- not already reported as such
    lines[#lines + 1] = stripped
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

--- Records a problem of the data (one a line when `message` holds several) and keeps going;
--- returns the problems recorded.
---@param message any
function M.report(message)
  local p = prefix()
  local recorded = {}
  for line in (tostring(message) .. "\n"):gmatch("(.-)\n") do
    if line:find("%S") then
      -- A line another data file's name already starts (an avenant's base) keeps it.
      local file, rest = line:match("^([^:\n]+%.json): (.*)$")
      local problem
      if file and file .. ": " ~= p then
        problem = { file = file, message = rest }
      else
        problem = { file = c.data_file, message = strip(line, p) }
      end
      M.pending[#M.pending + 1] = problem
      recorded[#recorded + 1] = problem
    end
  end
  return recorded
end

--- Raises every problem recorded (or only `only`, a list of them), together, one a line, each
--- named as its data file's; does nothing when there is none.
---@param only table[]?
function M.raise(only)
  local problems = only or M.pending
  if #problems == 0 then return end
  if only then
    local raised = {}
    for _, problem in ipairs(only) do raised[problem] = true end
    local kept = {}
    for _, problem in ipairs(M.pending) do
      if not raised[problem] then kept[#kept + 1] = problem end
    end
    M.pending = kept
  else
    M.pending = {}
  end
  local lines = {}
  for _, problem in ipairs(problems) do
    lines[#lines + 1] = (problem.file and (problem.file .. ": ") or "") .. problem.message
  end
  M.raised, M.raised_text = problems, table.concat(lines, "\n")
  error(M.raised_text, 0)
end

--- Whether problems found while working for `agreement` wait for its build: an agreement is
--- being assembled until its document is built.
---@param agreement table?
function M.deferred(agreement)
  return type(agreement) == "table" and agreement.assembling == true
end

-- ------------------------------------------------------------------ a step's problems

--- The problems one step of the library finds (a finance object, a closing entry): each is
--- recorded as it is found, and the step asks whether it found any to choose a stand-in.
---@class conventio.Problems
---@field count integer
local Problems = {}
Problems.__index = Problems

--- A new counter of one step's problems.
---@return conventio.Problems
function M.problems() return setmetatable({ count = 0, list = {} }, Problems) end

--- Records `message` as a problem of the data; returns nil (the stand-in of a value).
---@param message string
function Problems:add(message)
  self.count = self.count + 1
  for _, problem in ipairs(M.report(message)) do self.list[#self.list + 1] = problem end
  return nil
end

--- Records `message` unless `condition` holds; returns `condition`.
---@param condition any
---@param message string|fun(): string
function Problems:check(condition, message)
  if not condition then self:add(type(message) == "function" and message() or message) end
  return condition
end

-- The results of a protected call, as Problems:try returns them: the values passed through
-- as they are (no table made for them), or the message recorded.
local function settled(problems, ok, ...)
  if ok then return ... end
  problems:add((...))
  return nil
end

--- What fn(...) returns, or nil when it raised (its message recorded as a problem).
---@param fn function
function Problems:try(fn, ...)
  return settled(self, pcall(fn, ...))
end

--- True when the step found no problem.
function Problems:none() return self.count == 0 end

--- The end of a step: working for an agreement being assembled, its problems wait for the
--- build; otherwise they are raised now, together (the step's own).
---@param agreement table?
function Problems:settle(agreement)
  if self.count > 0 and not M.deferred(agreement) then M.raise(self.list) end
  return self.count == 0
end

return M
