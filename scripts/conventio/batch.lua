--- Reading a batch row (conventio batch): each column's value, with a message that names the
--- column, so the report points at the spreadsheet's cell ("rows.csv:14: record 13, column E
--- 'iban': ..."). CSV cells are strings as the spreadsheet exported them.
---
---   local batch = require "conventio.batch"
---   local row = ...
---   local population = batch.column(row, "population", batch.integer)
---   local iban = batch.column(row, "iban", c.id.iban)
---   local note = batch.optional(row, "note")
local tr = require("conventio").tr
local strict = require "conventio.strict"

local M = {}

local function fail(name, message)
  -- The library's own location means nothing to a drafter: the column is the place.
  message = tostring(message):gsub("^[^:\n]+%.lua:%d+: ", "")
  error(tr("column '%s': %s"):format(name, message), 0)
end

local function blank(value)
  return value == nil or (type(value) == "string" and value:match("^%s*$") ~= nil)
end

local function convert_with(name, value, convert)
  if not convert then return value end
  local ok, result = pcall(convert, value)
  if not ok then fail(name, result) end
  return result
end

--- The value of column `name`, converted by `convert` when given; a missing column or an
--- empty cell is an error naming the column (with the nearest column's name when misspelt).
---@param row table
---@param name string
---@param convert function|nil
function M.column(row, name, convert)
  local value = row[name]
  if value == nil then
    fail(name, tr("no such column") .. strict.suggestion(name, row))
  end
  if blank(value) then fail(name, tr("empty")) end
  return convert_with(name, value, convert)
end

--- Like column, but an empty cell or a missing column gives nil.
---@param row table
---@param name string
---@param convert function|nil
function M.optional(row, name, convert)
  local value = row[name]
  if blank(value) then return nil end
  return convert_with(name, value, convert)
end

--- A whole number from a cell ("1 412 516", with spaces or no-break spaces grouping digits).
---@param value string|integer
function M.integer(value)
  if math.type(value) == "integer" then return value end
  local digits = tostring(value):gsub("[%s\u{a0}\u{202f}]", "")
  if not digits:match("^%-?%d+$") then error(tr("'%s' is not a whole number"):format(value), 0) end
  local n = math.tointeger(tonumber(digits))
  if not n then error(tr("'%s' is too large"):format(value), 0) end
  return n
end

local yes = { oui = true, o = true, yes = true, y = true, vrai = true, ["true"] = true, x = true, ["1"] = true }
local no = { non = true, n = true, no = true, faux = true, ["false"] = true, ["0"] = true }

--- true or false from a cell: oui/non, yes/no, vrai/faux, 1/0, x (a ticked box).
---@param value string|boolean
function M.yes_no(value)
  if type(value) == "boolean" then return value end
  local word = tostring(value):lower():gsub("^%s+", ""):gsub("%s+$", "")
  if yes[word] then return true end
  if no[word] then return false end
  error(tr("'%s' is not oui or non"):format(value), 0)
end

return M
