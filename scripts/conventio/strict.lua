--- Strictness shared by every part of the library: an unknown key is refused with the nearest
--- known one suggested ("unknown field parties.partner.sirne (did you mean siren?)"), and a
--- required text cannot be empty or blank. A misspelt field must never make a sentence vanish
--- silently.
local tr = require("conventio").tr

local M = {}

-- "unknown field", in the user's language ("champ inconnu": the adjective agrees with the noun).
local unknown_kinds = { field = tr("unknown field"), option = tr("unknown option"),
                        parameter = tr("unknown parameter"), label = tr("unknown label") }
local function unknown_name(what) return unknown_kinds[what or "field"] or ("unknown " .. what) end

--- Edit distance between two keys (insertions, deletions, substitutions, and transpositions
--- of two neighbours, the commonest typo).
local function distance(a, b)
  local d = {}
  for i = 0, #a do d[i] = { [0] = i } end
  for j = 0, #b do d[0][j] = j end
  for i = 1, #a do
    for j = 1, #b do
      local cost = a:sub(i, i) == b:sub(j, j) and 0 or 1
      local best = math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if i > 1 and j > 1 and a:sub(i, i) == b:sub(j - 1, j - 1) and a:sub(i - 1, i - 1) == b:sub(j, j) then
        best = math.min(best, d[i - 2][j - 2] + 1)
      end
      d[i][j] = best
    end
  end
  return d[#a][#b]
end

--- The known key nearest to `key`, when it is near enough to be a typo, else nil.
---@param key string
---@param known table<any, boolean>
function M.nearest(key, known)
  local best, best_distance = nil, math.huge
  local names = {}
  for name in pairs(known) do names[#names + 1] = name end
  table.sort(names)  -- the same suggestion every run
  for _, name in ipairs(names) do
    local d = distance(key, name)
    if d < best_distance then best, best_distance = name, d end
  end
  if best and best_distance <= math.max(2, #key // 3) then return best end
  return nil
end

--- " (did you mean x?)" or, with no near key, the list of known keys.
---@param key string
---@param known table<any, boolean>
function M.suggestion(key, known)
  local near = type(key) == "string" and M.nearest(key, known)
  if near then return tr(" (did you mean %s?)"):format(near) end
  local names = {}
  for name in pairs(known) do names[#names + 1] = name end
  table.sort(names)
  return tr(" (known: %s)"):format(table.concat(names, ", "))
end

--- A set { name = true } from a list of names or from the keys of a table.
---@param names table
function M.set(names)
  local set = {}
  if names[1] ~= nil then
    for _, name in ipairs(names) do set[name] = true end
  else
    for name in pairs(names) do set[name] = true end
  end
  return set
end

--- Refuses any key of `tbl` that `known` (a set) lacks. `where` names the table in the
--- message ("parties.partner", "Agreement"); `what` is "field" (data) or "option" (Lua).
--- `level` is passed to error() so the message points at the user's line.
---@param tbl table
---@param known table<any, boolean>
---@param where string?
---@param what string?
---@param level integer?
function M.check_keys(tbl, known, where, what, level)
  local key = M.unknown_key(tbl, known)
  if key == nil then return tbl end
  error(M.unknown_message(key, known, where, what), level and level + 1 or 0)
end

--- "unknown field parties.partner.sirne (did you mean siren?)": the message refusing `key`.
---@param key any
---@param known table<any, boolean>
---@param where string?
---@param what string?
function M.unknown_message(key, known, where, what)
  local shown = type(key) == "string" and key or ("[" .. tostring(key) .. "]")
  -- A data file's top-level field is named alone ("plce"), as its place in the file is found.
  local path = (where and where ~= "") and (where .. "." .. shown) or shown
  return ("%s %s%s"):format(unknown_name(what), path, M.suggestion(key, known))
end

--- The message of every blank text among the fields of `tbl` that `known` has ("closing[5].
--- first_site cannot be empty or blank"), sorted: each at its field, before a template prints
--- it (or does not); and the set of those fields.
---@param tbl table
---@param known table<any, boolean>
---@param where string
function M.blank_messages(tbl, known, where)
  local blank, names = {}, {}
  for key, value in pairs(tbl) do
    if type(value) == "string" and known[key] and not M.filled(value) then
      blank[key] = true
      names[#names + 1] = key
    end
  end
  table.sort(names)
  local messages = {}
  for i, key in ipairs(names) do messages[i] = tr("%s cannot be empty or blank"):format(where .. "." .. key) end
  return messages, blank
end

--- The message of every key of `tbl` that `known` lacks (sorted), so that a drafter sees all
--- the misspelt fields of an object at once.
---@param tbl table
---@param known table<any, boolean>
---@param where string?
---@param what string?
---@return string[]
function M.unknown_messages(tbl, known, where, what)
  local messages = {}
  for _, key in ipairs(M.unknown_keys(tbl, known)) do
    messages[#messages + 1] = M.unknown_message(key, known, where, what)
  end
  return messages
end

--- The same for the names given to something ("clause 'commun/duree': unknown parameter
--- end_dat (did you mean end_date?)").
---@param tbl table
---@param known table<any, boolean>
---@param context string
---@param what string?
---@param level integer?
function M.check_names(tbl, known, context, what, level)
  local key = M.unknown_key(tbl, known)
  if key == nil then return tbl end
  error(("%s: %s %s%s"):format(context, unknown_name(what), tostring(key), M.suggestion(key, known)),
        level and level + 1 or 0)
end

--- Every key of `tbl` that `known` lacks, in sorted order.
---@param tbl table
---@param known table<any, boolean>
function M.unknown_keys(tbl, known)
  local unknown = {}
  for key in pairs(tbl) do
    if not known[key] then unknown[#unknown + 1] = key end
  end
  table.sort(unknown, function(a, b) return tostring(a) < tostring(b) end)
  return unknown
end

--- The first (in sorted order) key of `tbl` that `known` lacks, or nil.
---@param tbl table
---@param known table<any, boolean>
function M.unknown_key(tbl, known)
  -- Most tables have no unknown key: said without making and sorting the list.
  for key in pairs(tbl) do
    if not known[key] then return M.unknown_keys(tbl, known)[1] end
  end
  return nil
end

--- Whether a field's documentation (a library's `fields` table) says it is a switch: it reads
--- "true: ...", "true when ...", "false when ..." or "true or false ...".
---@param doc any
function M.is_switch(doc)
  return type(doc) == "string" and (doc:find("^true[ :]") ~= nil or doc:find("^false[ :]") ~= nil)
end

-- Whether each field's documentation (a string) says it is a switch (M.is_switch), as read.
local switch_docs = {}

--- The message of every switch of `tbl` (a field `fields` documents as true or false) that holds
--- something else: JSON's "non" or "false" in quotes is a string, and any string is true to
--- Lua, so the switch would silently be on. `where` names `tbl` ("closing[2]"); without it the
--- fields are top-level ones, named as such.
---@param tbl table
---@param fields table<string, string>
---@param where string?
---@return string[]
function M.switch_messages(tbl, fields, where)
  local messages = {}
  -- The table's own values, not every field documented: a party documents forty fields and
  -- gives a dozen, most of them texts. Whether a field is a switch is read once per field's
  -- documentation.
  local names
  for name, value in next, tbl do
    if type(value) ~= "boolean" then
      local doc = fields[name]
      if doc ~= nil then
        local switch = switch_docs[doc]
        if switch == nil then
          switch = M.is_switch(doc)
          switch_docs[doc] = switch
        end
        if switch then
          names = names or {}
          names[#names + 1] = name
        end
      end
    end
  end
  if not names then return messages end
  table.sort(names, function(a, b) return tostring(a) < tostring(b) end)
  for _, name in ipairs(names) do
    local value = tbl[name]
    local shown = type(value) == "string" and ("\"" .. value .. "\"") or tostring(value)
    if where then
      messages[#messages + 1] = tr("%s.%s must be true or false (without quotes), got %s"):format(where, name, shown)
    else
      messages[#messages + 1] = tr("%s must be true or false (without quotes), got %s (field %s)"):format(name, shown,
                                                                                                       name)
    end
  end
  return messages
end

--- Refuses a switch of `tbl` that is not true or false (M.switch_messages), at `level`.
---@param tbl table
---@param fields table<string, string>
---@param where string?
---@param level integer?
function M.check_switches(tbl, fields, where, level)
  local messages = M.switch_messages(tbl, fields, where)
  if #messages > 0 then error(table.concat(messages, "\n"), level and level + 1 or 0) end
  return tbl
end

--- True when `value` is a string with something other than blanks.
---@param value any
function M.filled(value)
  -- A first byte past the space is not white space (UTF-8 lead bytes included): most texts.
  return type(value) == "string" and ((value:byte(1) or 0) > 32 or value:find("%S") ~= nil)
end

--- Refuses an empty or blank required text: "parties.partner.short_name is required and
--- cannot be empty".
---@param value any
---@param where string?
---@param level integer?
---@param optional boolean?
function M.text(value, where, level, optional)
  if value == nil then
    if optional then return nil end
    error(tr("%s is required"):format(where), level and level + 1 or 0)
  end
  if type(value) ~= "string" then
    error(tr("%s must be a string, got %s"):format(where, type(value)), level and level + 1 or 0)
  end
  if not M.filled(value) then
    error(tr("%s cannot be empty or blank"):format(where), level and level + 1 or 0)
  end
  return value
end

--- Refuses a value outside `choices` (a list), suggesting the nearest.
---@param value any
---@param choices string[]
---@param where string?
---@param level integer?
function M.choice(value, choices, where, level)
  local set = M.set(choices)
  if not set[value] then
    local near = type(value) == "string" and M.nearest(value, set)
    error(tr("%s must be one of %s, got %s%s"):format(where, table.concat(choices, ", "), tostring(value),
                                                     near and tr(" (did you mean %s?)"):format(near) or ""),
          level and level + 1 or 0)
  end
  return value
end

--- The methods of `class` (its fields but the metamethods, named "__…") in a table of their own,
--- which the class's `__index` is set to once they are all defined. With `Class.__index = Class`,
--- `object.__index` is the class itself, and a script could replace a method for every object
--- of the class (host/lua/library_modules.hpp).
---@param class table
---@return table
function M.methods_of(class)
  local methods = {}
  for name, value in pairs(class) do
    if type(name) ~= "string" or name:sub(1, 2) ~= "__" then methods[name] = value end
  end
  return methods
end

return M
