--- A change set: what an avenant changes, in terms a drafter knows (new data values,
--- article-level edits by key) and the avenant's own facts (number, date, reasons). Every
--- problem names the change file and the entry: "x.json: data[2] (set finance.amount): ...".
local tr = require("conventio").tr
local c = require "conventio"
local strict = require "conventio.strict"

local M = {}

--- The top-level fields of a change set (docs/reference.md lists them).
M.fields = {
  base = "the agreement amended: { script = \"NAME.lua\", data = \"NAME.json\" or a table, kind =, date = } (first)",
  follows = "the previous avenant's change set (\"x-avenant-1.json\"): this one amends the agreement as it left it",
  number = "the avenant's number (1, 2...): the previous one's plus one",
  date = "the avenant's signature date, \"YYYY-MM-DD\"",
  place = "where it is signed (default: the agreement's place)",
  originals = "the \"Fait à\" line's number of originals (\"en deux exemplaires originaux\")",
  reasons = "the exposé: why the parties amend the agreement (Markdown paragraphs)",
  purpose = "what Article 1er says the avenant is for (\"de prolonger la durée de la Convention\")",
  data = "the data changes, in order: { set = PATH, to = V }, { add = PATH, value = V }, { remove = PATH }",
  new_data = "the amended agreement's whole data file instead (\"the same script with new data\")",
  edits = "article-level edits by key: replace, insert_after, delete, complete",
  entry_into_force = "the date the avenant takes effect, \"YYYY-MM-DD\" (default: its signature)",
  _note = "a comment, ignored",
}

M.base_fields = { script = true, data = true, kind = true, date = true }

--- The kinds of edit, and the fields each needs.
M.edit_kinds = { "replace", "insert_after", "delete", "complete", "words", "throughout", "row", "delete_row" }
M.edit_needs = {
  replace = { "text" }, insert_after = { "text", "key", "title" }, complete = { "text" }, delete = {},
  words = { "old", "new" }, throughout = { "old", "new" }, row = { "label", "cells" }, delete_row = { "label" },
}
M.edit_fields = {
  replace = "key: the article (its sub-articles included) becomes `text`, under `title` if given",
  insert_after = "key: a new article (or sub-article) `key`, `title`, `text` is inserted after it",
  delete = "key: the article (or sub-article) is deleted; its number stays vacant",
  complete = "key: `text` (alinéas) is added at the end of the article (not of one divided into sub-articles)",
  words = "key: in the article's paragraphs, the words `old` become `new`",
  throughout = "true: in the whole agreement, the words `old` become `new`",
  row = "key: in the article's table, the row labelled `label` becomes `cells` (or is added after `after`)",
  delete_row = "key: in the article's table, the row labelled `label` is deleted",
  old = "the words replaced (words, throughout)",
  new = "the words that replace them (words, throughout)",
  label = "the row's label: its first cell (row, delete_row)",
  cells = "the row's cells, its label first (row)",
  after = "the label of the row a new row follows (row; default: the last)",
  key = "the inserted article's key",
  title = "the inserted or replaced article's title",
  text = "alinéas, Markdown: a string or a list of strings",
}

--- Raises "FILE: WHERE: message" (level 0: the change file is the place, not a library line).
---@param file string
---@param where string?
---@param message string
function M.fail(file, where, message)
  -- "FILE:" is a place, as a compiler writes it; the entry and its message are a sentence of
  -- the user's language (French puts a space before the colon).
  error(("%s: %s"):format(file, where and tr("%s: %s"):format(where, message) or message), 0)
end

--- The text of an error, without the position of the library line that raised it.
---@param err any
function M.message(err)
  return (tostring(err):gsub("^[^\n]-%.lua:%d+: ", "", 1))
end

local function date_of(value, file, where)
  local ok, d = pcall(c.Date, value)
  if type(value) ~= "string" or not ok then M.fail(file, where,
      tr("expected a date \"YYYY-MM-DD\", got %s"):format(tostring(value))) end
  return d
end
M.date_of = date_of

local function texts(value, file, where)
  if type(value) == "string" then value = { value } end
  if type(value) ~= "table" or #value == 0 then M.fail(file, where,
      tr("expected Markdown text or a list of alinéas")) end
  for i, t in ipairs(value) do
    if type(t) ~= "string" or not t:find("%S") then M.fail(file, ("%s[%d]"):format(where, i),
        tr("an alinéa cannot be blank")) end
  end
  return value
end

-- A text field of the change set (strict.text's rules), its problem the change file's.
local function text_field(value, where, file, optional)
  local ok, problem = pcall(strict.text, value, where, nil, optional)
  -- "(field purpose)" lets the host find the field's line and column in the file.
  if not ok then M.fail(file, nil, M.message(problem) .. tr(" (field %s)"):format(where)) end
end

--- Checks change set `set` read from `file`; returns it with `file` and dates typed.
---@param set table
---@param file string
function M.check(set, file)
  if type(set) ~= "table" then M.fail(file, nil, tr("a change set is a JSON object")) end
  local unknown = strict.unknown_key(set, M.fields)
  if unknown then M.fail(file, nil, tr("unknown field %s%s"):format(unknown, strict.suggestion(unknown, M.fields))) end
  if math.type(set.number) ~= "integer" or set.number < 1 then M.fail(file, "number",
      tr("the avenant's number (1, 2...) is required")) end
  if set.date == nil then M.fail(file, "date", tr("the avenant's signature date is required")) end
  set.signed = date_of(set.date, file, "date")
  if set.entry_into_force ~= nil then set.effect = date_of(set.entry_into_force, file, "entry_into_force") end
  if set.base ~= nil then
    if type(set.base) ~= "table" then M.fail(file, "base", tr("expected { script, data, kind, date }")) end
    local u = strict.unknown_key(set.base, M.base_fields)
    if u then M.fail(file, "base", tr("unknown field %s%s"):format(u, strict.suggestion(u, M.base_fields))) end
    if type(set.base.script) ~= "string" then M.fail(file, "base.script",
        tr("the amended agreement's script file is required")) end
    -- A batch row script builds the agreement's data itself and gives it as a table.
    if type(set.base.data) ~= "string" and type(set.base.data) ~= "table" then M.fail(file, "base.data",
        tr("the amended agreement's data file is required")) end
    if set.base.date ~= nil then date_of(set.base.date, file, "base.date") end
  end
  if set.reasons ~= nil then set.reasons = texts(set.reasons, file, "reasons") end
  text_field(set.purpose, "purpose", file, true)
  set.data = set.data or {}
  if set.new_data ~= nil and #set.data > 0 then
    M.fail(file, "new_data", tr("give either new_data (the whole amended data) or data (the changes), not both"))
  end
  for i, change in ipairs(set.data) do
    local where = ("data[%d]"):format(i)
    if type(change) ~= "table" then M.fail(file, where,
        tr("expected { set = PATH, to = VALUE }, { add = PATH, value = VALUE } or { remove = PATH }")) end
    local op = change.set and "set" or change.add and "add" or change.remove and "remove"
    local allowed = op == "set" and { set = 1, to = 1 } or op == "add" and { add = 1, value = 1 } or { remove = 1 }
    local u = strict.unknown_key(change, allowed)
    if u then
      -- Placed at the misspelt field (its value's line and column), the message in one language.
      M.fail(file, ("%s.%s"):format(where, u), tr("unknown field %s%s; a change is { set = PATH, to = VALUE }, "
          .. "{ add = PATH, value = VALUE } or { remove = PATH }"):format(u, strict.suggestion(u, { set = 1, to = 1,
          add = 1, value = 1, remove = 1 })))
    elseif not op then
      M.fail(file, where,
          tr("expected { set = PATH, to = VALUE }, { add = PATH, value = VALUE } or { remove = PATH }"))
    end
    change.op, change.path = op, change[op]
    if type(change.path) ~= "string" or change.path == "" then M.fail(file, where,
        tr("the path is a text: \"finance.amount\"")) end
    if op == "set" and change.to == nil then M.fail(file, where, tr("set needs `to`, the new value")) end
    if op == "add" and change.value == nil then M.fail(file, where, tr("add needs `value`")) end
    -- A blank new value would reach a clause of the library as an empty parameter, and be
    -- reported there: it is the change set's mistake, said at its place.
    local new_value, field = change.to, "to"
    if op == "add" then new_value, field = change.value, "value" end
    if type(new_value) == "string" and not new_value:find("%S") then
      M.fail(file, ("%s.%s"):format(where, field),
          tr("the new value of %s is empty: give its text, or { remove = PATH } to take the field out")
          :format(change.path))
    end
    change.where = ("%s (%s %s)"):format(where, op, change.path)
  end
  set.edits = set.edits or {}
  for i, edit in ipairs(set.edits) do
    local where = ("edits[%d]"):format(i)
    if type(edit) ~= "table" then M.fail(file, where,
        tr("expected { replace|insert_after|delete|complete = KEY, ... }")) end
    local u = strict.unknown_key(edit, M.edit_fields)
    if u then M.fail(file, where, tr("unknown field %s%s"):format(u, strict.suggestion(u, M.edit_fields))) end
    local ops = {}
    for _, op in ipairs(M.edit_kinds) do
      if edit[op] ~= nil then ops[#ops + 1] = op end
    end
    if #ops ~= 1 then
      M.fail(file, where, tr("an edit is one of %s (= the article's key)"):format(table.concat(M.edit_kinds, ", ")))
    end
    edit.op, edit.target = ops[1], edit[ops[1]]
    edit.where = ("%s (%s %s)"):format(where, edit.op, tostring(edit.target))
    if edit.op == "throughout" then
      if edit.target ~= true then M.fail(file, edit.where, tr("throughout = true: the whole agreement")) end
    elseif type(edit.target) ~= "string" then
      M.fail(file, edit.where, tr("the article is named by its key"))
    end
    local allowed = strict.set(M.edit_needs[edit.op])
    allowed[edit.op] = true
    if edit.op == "replace" then allowed.title = true end
    if edit.op == "row" then allowed.after = true end
    for field in pairs(edit) do
      if not allowed[field] and M.edit_fields[field] then
        M.fail(file, edit.where, tr("%s does not take %s"):format(edit.op, field))
      end
    end
    for _, field in ipairs(M.edit_needs[edit.op]) do
      if edit[field] == nil then M.fail(file, edit.where, tr("%s needs %s"):format(edit.op, field)) end
    end
    if edit.text ~= nil then edit.text = texts(edit.text, file, where .. ".text") end
    for _, field in ipairs { "old", "new", "label", "after" } do
      local v = edit[field]
      if v ~= nil and (type(v) ~= "string" or (field ~= "new" and not v:find("%S"))) then
        M.fail(file, edit.where, tr("%s must be a text"):format(field))
      end
    end
    if edit.cells ~= nil then
      if type(edit.cells) ~= "table" or #edit.cells == 0 then M.fail(file, edit.where,
          tr("cells is a list of texts")) end
      for _, cell in ipairs(edit.cells) do
        if type(cell) ~= "string" then M.fail(file, edit.where, tr("cells is a list of texts")) end
      end
      if edit.cells[1] ~= edit.label then M.fail(file, edit.where, tr("the row's first cell is its label")) end
    end
    if edit.op == "insert_after" then
      if type(edit.key) ~= "string" or not edit.key:match("^[a-z][a-z0-9_]*$") then
        M.fail(file, edit.where, tr("the inserted article needs a key (lower-case letters, digits, '_')"))
      end
      text_field(edit.title, where .. ".title", file)
    end
  end
  set.file = file
  return set
end

-- ------------------------------------------------------------------ data paths

local selectors = { "article", "key", "year", "label", "role", "name", "code" }

local function select(list, segment)
  local index = segment:match("^%[(%d+)%]$")
  if index then return tonumber(index) end
  for i, item in ipairs(list) do
    if type(item) == "table" then
      for _, field in ipairs(selectors) do
        if item[field] ~= nil and tostring(item[field]) == segment then return i end
      end
    end
  end
  return nil
end

-- " (did you mean duree?)" when `segment` is close to the name of an element of `list` (its
-- article, key, year... as select reads them).
local function element_suggestion(list, segment)
  local names = {}
  for _, item in ipairs(list) do
    if type(item) == "table" then
      for _, field in ipairs(selectors) do
        if item[field] ~= nil then names[tostring(item[field])] = true end
      end
    end
  end
  local near = strict.nearest(segment, names)
  return near and tr(" (did you mean %s?)"):format(near) or ""
end

local function split(path)
  local out = {}
  for segment in path:gmatch("[^%.]+") do out[#out + 1] = segment end
  return out
end

local function is_list(t) return type(t) == "table" and (#t > 0 or next(t) == nil) end

--- The container and the key of `path` in `data`; fails naming `change` when a step is missing.
local function locate(data, path, change, file, creating)
  local segments = split(path)
  local node = data
  for i = 1, #segments - 1 do
    local s = segments[i]
    local next_node
    if is_list(node) and #node > 0 then
      local k = select(node, s)
      next_node = k and node[k]
    elseif type(node) == "table" then
      next_node = node[s]
      if next_node == nil then
        M.fail(file, change.where, tr("the data has no %s%s"):format(table.concat(segments, ".", 1, i),
          strict.suggestion(s, node)))
      end
    end
    if type(next_node) ~= "table" then
      M.fail(file, change.where, tr("the data has no %s%s"):format(table.concat(segments, ".", 1, i),
        is_list(node) and #node > 0 and element_suggestion(node, s) or ""))
    end
    node = next_node
  end
  local last = segments[#segments]
  if is_list(node) and #node > 0 then
    local k = select(node, last)
    -- A rank beyond the list names no element either.
    if (not k or node[k] == nil) and not creating then M.fail(file, change.where, tr("no element %s in %s"):format(last,
        table.concat(segments, ".", 1, #segments - 1)) .. element_suggestion(node, last)) end
    return node, k
  end
  if node[last] == nil and not creating then
    M.fail(file, change.where, tr("the data has no %s%s"):format(path, strict.suggestion(last, node)))
  end
  return node, last
end

local function copy(v)
  if type(v) ~= "table" then return v end
  local out = {}
  for k, x in pairs(v) do out[k] = copy(x) end
  return out
end
M.copy = copy

-- The kind of a data value, as JSON tells them; nil for what is none of them (JSON's null).
local function kind_of(value)
  local t = type(value)
  if t == "string" then return tr("a string")
  elseif t == "number" then return tr("a number")
  elseif t == "boolean" then return tr("true or false")
  elseif t == "table" then return is_list(value) and next(value) ~= nil and tr("a list") or tr("an object") end
  return nil
end

local function shown(value)
  if type(value) == "string" then return "\"" .. value .. "\"" end
  if type(value) == "table" then return "{…}" end
  return tostring(value)
end

-- A number, or a string of digits (an amount in euros: conventio.Money takes both).
local function figures(v) return type(v) == "number" or (type(v) == "string" and v:find("^%s*%d[%d%s,.]*$")) end

-- A new value of another kind than the old one (« 36 » for a number of months, true for an amount)
-- was refused by the Convention's script, at a line of its own or with no place at all: `new` is
-- checked against `old`, at `path`, into the objects and lists they hold (a list's elements
-- against its first, so that « rows.[3].amount » given true fails at its change).
-- false stands for « none » (an optional paragraph, « between »: false): a text or a table may
-- replace it, and it may replace them, but not a number or an amount, nor may the string
-- "true" or "false" replace a flag (Lua takes any string for true). An empty table is either
-- kind; a number may stand for a string of digits.
local function check_kind_at(old, new, path, change, file, depth)
  if type(old) == "boolean" and (new == "true" or new == "false") then
    M.fail(file, change.where, tr("%s is true or false: write %s without quotes"):format(path, new))
  end
  if (old == false and type(new) ~= "number") or (new == false and not figures(old)) then return end
  if type(new) == "number" and type(old) == "string" and figures(old) then return end
  if type(old) == "table" and type(new) == "table" then
    if next(old) == nil or next(new) == nil or depth > 8 then return end
    if is_list(old) and is_list(new) then
      for i, element in ipairs(new) do
        check_kind_at(old[1], element, ("%s.[%d]"):format(path, i), change, file, depth + 1)
      end
      return
    end
    if not is_list(old) and not is_list(new) then
      for key, value in pairs(new) do
        if old[key] ~= nil then
          check_kind_at(old[key], value, path .. "." .. tostring(key), change, file, depth + 1)
        end
      end
      return
    end
  end
  local was, is = kind_of(old), kind_of(new)
  if was and is and was ~= is then
    M.fail(file, change.where, tr("%s is %s in the Convention's data (%s); the new value is %s (%s): give %s")
      :format(path, was, shown(old), is, shown(new), was))
  end
end

local function check_kind(change, file) check_kind_at(change.old, change.to, change.path, change, file, 0) end

--- `data` with the changes of `set` applied (a new table); records each change's old value.
---@param data table
---@param set table
function M.apply_data(data, set)
  local out = copy(data)
  for _, change in ipairs(set.data) do
    if change.op == "set" then
      local node, key = locate(out, change.path, change, set.file, false)
      change.old = node[key]
      check_kind(change, set.file)
      node[key] = copy(change.to)
    elseif change.op == "add" then
      -- To a list: a new element at its end; to an object: a field it did not have.
      local node, key = locate(out, change.path, change, set.file, true)
      local list = node[key]
      if list == nil then
        node[key] = copy(change.value)
      elseif type(list) == "table" and is_list(list) then
        -- Of the kind of the list's elements, as a `set` is of the value it replaces.
        if list[1] ~= nil then
          check_kind_at(list[1], change.value, ("%s.[%d]"):format(change.path, #list + 1), change, set.file, 0)
        end
        list[#list + 1] = copy(change.value)
      else
        M.fail(set.file, change.where, tr("%s is already there: use set to change it"):format(change.path))
      end
    else
      local node, key = locate(out, change.path, change, set.file, false)
      change.old = node[key]
      if math.type(key) == "integer" then table.remove(node, key) else node[key] = nil end
    end
  end
  return out
end

return M
