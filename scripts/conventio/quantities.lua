--- Typed quantities of an agreement: percentages (a tranche released "when 50 % is
--- consumed" is written 50 % and computed on an amount) and durations (a number of months or
--- years, or an end date, worded by the library: "de vingt-quatre mois", "d'un an"). Both
--- read from data with the field named in errors.
local tr = require("conventio").tr
local c = require "conventio"
local data = require "conventio.data"
local strict = require "conventio.strict"

local M = {}

local nbsp = "\u{a0}"

---@class conventio.Percent
---@field hundredths integer the percentage in hundredths of a point: 50 % is 5000
local Percent = { __name = "conventio.Percent" }
Percent.__index = Percent
-- getmetatable gives the class's name, not the class: a script could change a method for every
-- object of the class (library_modules.hpp).
Percent.__metatable = Percent.__name

--- "50 %", "12,5 %" (with a no-break space, as French typography wants).
Percent.__tostring = function(p)
  local whole, fraction = p.hundredths // 100, p.hundredths % 100
  local text = tostring(whole)
  if fraction ~= 0 then text = text .. "," .. (("%02d"):format(fraction):gsub("0$", "")) end
  return text .. nbsp .. "%"
end
Percent.__eq = function(a, b) return a.hundredths == b.hundredths end
Percent.__lt = function(a, b) return a.hundredths < b.hundredths end
Percent.__le = function(a, b) return a.hundredths <= b.hundredths end

--- This percentage of `amount` (a conventio.Money), to the nearest cent (half a cent up).
---@param amount conventio.Money
---@return conventio.Money
function Percent:of(amount)
  local cents = amount:cents() * self.hundredths
  return c.cents((cents + 5000) // 10000)
end

--- A percentage from data: "50 %", "50%", "12,5 %", or a number (50, 12.5) with at most two
--- decimals, between 0 (excluded) and 100. `where` names the field in errors.
---@param value string|number
---@param where string
---@return conventio.Percent
function M.percent(value, where)
  where = where or tr("percentage")
  if getmetatable(value) == Percent.__name then return value end
  local number
  if type(value) == "number" then
    number = value
  elseif type(value) == "string" then
    local digits = value:gsub("[%s\u{a0}\u{202f}]", ""):match("^([%d,.]+)%%$")
    number = digits and tonumber((digits:gsub(",", ".")))
  end
  if not number then
    error(tr("%s: expected a percentage such as \"50 %%\" or 50, got %s"):format(where, tostring(value)), 2)
  end
  local hundredths = math.floor(number * 100 + 0.5)
  if math.abs(hundredths - number * 100) > 1e-6 then
    error(tr("%s: a percentage has at most two decimals, got %s"):format(where, tostring(value)), 2)
  end
  if hundredths <= 0 or hundredths > 10000 then
    error(tr("%s: a percentage is above 0 and at most 100, got %s"):format(where, tostring(value)), 2)
  end
  return setmetatable({ hundredths = hundredths }, Percent)
end

--- What is left to 100 %: the complement of 60 % is 40 %.
---@param p conventio.Percent
---@return conventio.Percent
function M.complement(p)
  return setmetatable({ hundredths = 10000 - p.hundredths }, Percent)
end

--- The percentage of `hundredths` hundredths of a point (a sum of shares: 9950 is 99,5 %).
---@param hundredths integer
---@return conventio.Percent
function M.percent_of_hundredths(hundredths)
  return setmetatable({ hundredths = hundredths }, Percent)
end

--- True for a conventio.Percent.
---@param value any
function M.is_percent(value) return getmetatable(value) == Percent.__name end

---@class conventio.Duration
---@field months integer? the duration in months
---@field years integer? the duration in years
---@field end_date conventio.Date? the last day, for a duration given as an end date
---@field words string "vingt-quatre mois", "un an"; "" for an end date
---@field de string "de vingt-quatre mois", "d'un an" (after "une durée")
local Duration = { __name = "conventio.Duration" }
Duration.__index = Duration
Duration.__metatable = Duration.__name  -- as Percent's
Duration.__tostring = function(d) return d.words end

--- The fields of a duration in data (docs/reference.md lists them): exactly one is given.
M.duration_fields = {
  months = "a whole number of months: { \"months\": 24 }",
  years = "a whole number of years: { \"years\": 1 }",
  end_date = "the last day: { \"end_date\": \"2026-12-31\" }",
}
local duration_fields = strict.set(M.duration_fields)

--- A duration from data: { months = 24 }, { years = 1 } or { end_date = "2026-12-31" }.
---@param value table
---@param where string
---@return conventio.Duration
function M.duration(value, where)
  where = where or tr("duration")
  if getmetatable(value) == Duration.__name then return value end
  if type(value) ~= "table" then
    error(tr("%s: expected { months = N }, { years = N } or { end_date = \"YYYY-MM-DD\" }, got %s"):format(
      where, type(value)), 2)
  end
  strict.check_keys(value, duration_fields, where, "field", 2)
  local given = 0
  for _ in pairs(value) do given = given + 1 end
  if given ~= 1 then
    error(tr("%s: give exactly one of months, years or end_date"):format(where), 2)
  end
  local l = require("conventio.clauses").front_matter("structure/libelles")
  if value.end_date ~= nil then
    local ok, date = pcall(c.Date, value.end_date)
    if not ok then error(("%s.end_date: %s"):format(where, tostring(date):gsub("^[^\n]-:%d+: ", "")), 2) end
    return setmetatable({ end_date = date, words = "", de = "" }, Duration)
  end
  local unit = value.months and "month" or "year"
  local n = value.months or value.years
  if math.type(n) ~= "integer" or n < 1 then
    error(tr("%s.%s must be a whole number of at least 1, got %s"):format(where, unit .. "s", tostring(n)), 2)
  end
  local words = c.spell_number(n) .. " " .. (n > 1 and l[unit .. "s"] or l[unit])
  local de = c.Name { words, article = false }.de
  local d = setmetatable({ words = words, de = de }, Duration)
  d[unit .. "s"] = n
  return d
end

--- True for a conventio.Duration.
---@param value any
function M.is_duration(value) return getmetatable(value) == Duration.__name end

-- A percentage or a duration comes from data: a problem names the data file and the field.
M.percent = data.guarded(M.percent)
M.duration = data.guarded(M.duration)

-- The methods apart from the class: `object.__index` is not the class (strict.methods_of).
Percent.__index = strict.methods_of(Percent)
Duration.__index = strict.methods_of(Duration)

return M
