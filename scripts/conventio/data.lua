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
local tr = c.tr

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

-- ------------------------------------------------------------------ the data's tables or the script's

--- A library function is given tables read from the data file (`data.finance`) or tables the
--- script wrote (`{ duration = { month = 3 } }`). A problem of the first is the data's: its file,
--- its field, recorded with the rest. A problem of the second is the script's own mistake:
--- raised at once, at the script's line. The data's tables are those reachable from the
--- `data` global or from a table registered as data (Agreement.from_data's, M.adopt).
local roots = setmetatable({}, { __mode = "k" })  -- root -> the set of its tables, once made
local adopted = setmetatable({}, { __mode = "k" })  -- roots registered as data

-- Every table of `root`, into `set`.
local function gather(root, set)
  if set[root] then return end
  set[root] = true
  for _, value in pairs(root) do
    if type(value) == "table" and getmetatable(value) == nil then gather(value, set) end
  end
end

local function tables_of(root)
  local set = roots[root]
  if not set then
    set = setmetatable({}, { __mode = "k" })
    gather(root, set)
    roots[root] = set
  end
  return set
end

--- Registers `tbl` as data read from a file (a copy of the data, the data merged with an
--- agreement's presentation, data loaded another way): its tables and theirs are the data's.
--- Agreement.from_data registers the agreement's data. Returns `tbl`.
---@param tbl table
function M.adopt(tbl)
  if type(tbl) == "table" and not adopted[tbl] then
    adopted[tbl] = true
    roots[tbl] = nil  -- gathered again when asked: it may have grown since
  end
  return tbl
end

--- Whether `value` is a table of the data (the `data` global's, or an adopted one's); a table
--- the script made, or anything else, is not.
---@param value any
function M.is_data(value)
  if type(value) ~= "table" then return false end
  local global = data  -- the global the host gives every script
  if type(global) == "table" and tables_of(global)[value] then return true end
  for root in pairs(adopted) do
    if tables_of(root)[value] then return true end
  end
  return false
end

--- Whether the data (the `data` global or an adopted table) has a top-level field `field`: a
--- script passing nil where the data has that field misspelt its name (data.financ).
---@param field string
local function has_field(field)
  local global = data  -- the global the host gives every script
  if type(global) == "table" and global[field] ~= nil then return true end
  for root in pairs(adopted) do
    if root[field] ~= nil then return true end
  end
  return false
end

-- The field holding `text` under `tbl` ("purpose", "closing[2].court"), or nil.
local function find_text(tbl, text, path, seen)
  if seen[tbl] then return nil end
  seen[tbl] = true
  local keys = {}
  for key in pairs(tbl) do keys[#keys + 1] = key end
  table.sort(keys, function(x, y)
    if type(x) == type(y) then return x < y end
    return type(x) == "number"
  end)
  for _, key in ipairs(keys) do
    local value = tbl[key]
    local field = type(key) == "number" and ("%s[%d]"):format(path, key)
        or (path == "" and tostring(key) or path .. "." .. tostring(key))
    if value == text then return field end
    if type(value) == "table" and getmetatable(value) == nil then
      local found = find_text(value, text, field, seen)
      if found then return found end
    end
  end
  return nil
end

--- The data field whose value is the text `text` ("purpose"), when a template parameter is
--- the data's: a problem of its wording is then the data's, at that field. Nil for a text the
--- data does not hold (the script's own).
---@param text string|table a text, or a list or record the data holds
function M.field_of(text)
  if type(text) ~= "string" and type(text) ~= "table" then return nil end
  local global = data  -- the global the host gives every script
  if type(global) == "table" then
    local field = find_text(global, text, "", {})
    if field then return field end
  end
  for root in pairs(adopted) do
    local field = find_text(root, text, "", {})
    if field then return field end
  end
  return nil
end

-- How many calls for the script's own tables are running: their problems are raised, not
-- recorded for the data file.
local script_calls = 0


local function prefix()
  if script_calls > 0 then return "" end
  return c.data_file and (c.data_file .. ": ") or ""
end

-- The user's line that led to the running call (the script's, or a module of the user's), as
-- error() writes it ("s1.lua:88: "); "" when there is none. The host tells conventio's library
-- by its real folder, not by a name a user's folder may have too.
-- The line of the user's (script or module) whose call the library is working for, through
-- M.for_script: "s1.lua:88: ", or "" (M.script_place).
local script_place = ""

local function caller_place()
  return c.user_place()
end

-- A problem's lines as the script's, each at `place`: without a position inside the library
-- or a data file's name.
local function as_script_error(message, place)
  local p = c.data_file and (c.data_file .. ": ") or nil
  local lines = {}
  for line in (tostring(message) .. "\n"):gmatch("(.-)\n") do
    if line:find("%S") then
      line = line:gsub("^[^\n]-%.lua:%d+: ", "", 1)
      if p and line:sub(1, #p) == p then line = line:sub(#p + 1) end
      lines[#lines + 1] = place .. line
    end
  end
  return table.concat(lines, "\n")
end

local function data_error(message)
  -- Several problems found at once come one a line (Agreement.from_data), each named so.
  local p = prefix()
  -- No data file: what the step was given came from the script, whose line is the place
  -- (q.percent("150 %") in a script rendered without --data).
  if p == "" and script_calls == 0 then error(as_script_error(message, caller_place()), 0) end
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

--- `fn` (a library function whose argument number `arg` is a spec: a party's, a finance
--- object's, a closing entry's) as the script calls it: given the data's table (or nil where
--- the data has no `field`), its problems are the data's (M.guarded: recorded, named as the
--- data file's); given a table the script made, they are the script's, all the step finds
--- raised at once at the script's line ("s1.lua:88: unknown field closing.duree.duration.month").
---@param fn function
---@param arg integer
---@param field string? the spec's top-level field in the data, when it has one ("finance")
function M.for_script(fn, arg, field)
  local guarded = M.guarded(fn)
  return function(...)
    local spec = select(arg, ...)
    if script_calls == 0 and (M.is_data(spec) or (spec == nil and field and not has_field(field))) then
      return guarded(...)
    end
    if script_calls > 0 then return fn(...) end  -- within a call already for the script
    if spec == nil and field then  -- the data has the field: the script's name for it is wrong
      local message = tr("%s: the script gives nil, but the data file has %s: is its name misspelt in the script?")
      error(caller_place() .. message:format(field, field), 0)
    end
    script_calls = script_calls + 1
    -- The user's line making the call (one frame looked at: "" when the library calls): what
    -- the library adds meanwhile (a closing article, its clauses) is placed there.
    local outer = script_place
    script_place = c.caller_place()
    local results = table.pack(pcall(fn, ...))
    script_place = outer
    script_calls = script_calls - 1
    -- The caller's place is looked up only for a message: the call is still at the same depth.
    if not results[1] then error(as_script_error(results[2], caller_place()), 0) end
    return table.unpack(results, 2, results.n)
  end
end

--- The line of the script or of a user's module whose call to the library (a closing builder, a
--- finance variant's add) is running: "s1.lua:88: ", or "" outside such a call. What the library
--- adds for that call (an article, a clause) is placed there: a failure when the document is
--- built is told at that line, not at the one building the document.
---@return string
function M.script_place() return script_place end

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
-- getmetatable gives the class's name, not the class: a script could change a method for every
-- object of the class (library_modules.hpp).
Problems.__metatable = "conventio.Problems"

--- A new counter of one step's problems.
---@return conventio.Problems
function M.problems() return setmetatable({ count = 0, list = {} }, Problems) end

--- Records `message` as a problem of the data; returns nil (the stand-in of a value).
---@param message string
function Problems:add(message)
  self.count = self.count + 1
  if script_calls > 0 then  -- the script's own table: raised with the step's others (settle)
    for line in (tostring(message) .. "\n"):gmatch("(.-)\n") do
      if line:find("%S") then self.list[#self.list + 1] = { message = strip(line, "") } end
    end
    return nil
  end
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
  if self.count > 0 and script_calls > 0 then
    local lines = {}
    for _, problem in ipairs(self.list) do lines[#lines + 1] = problem.message end
    error(table.concat(lines, "\n"), 0)
  end
  if self.count > 0 and not M.deferred(agreement) then M.raise(self.list) end
  return self.count == 0
end

-- The methods apart from the class: `object.__index` is not the class (strict.methods_of).
Problems.__index = require("conventio.strict").methods_of(Problems)

return M
