--- Clause templates at run time: compiled templates come from the host (compiled once per
--- process and cached), are evaluated here with the clause's parameters, and their Markdown
--- becomes document blocks. Values inserted from data are escaped, so they never become
--- markup; only Markup values (cross-references, or what a script marks on purpose) are
--- inserted as Markdown.
local tr = require("conventio").tr
local c = require "conventio"
-- The library's own tools (host/lua/library_modules.hpp): an object's real metatable, the
-- read-only view of a table of ours, and the face a script is given of one of our functions.
local class_of, read_only, script_face = class_of, read_only, script_face

local M = {}

local Markup = { __name = "conventio.Markup" }
Markup.__index = Markup
-- getmetatable gives the class's name, not the class: a script could change a method for every
-- object of the class (library_modules.hpp).
Markup.__metatable = Markup.__name
Markup.__tostring = function(m) return m.markdown end
Markup.__concat = function(a, b)
  local function md(x)
    if class_of(x) == Markup then return x.markdown end
    return c.markdown_escape(tostring(x))
  end
  return setmetatable({ markdown = md(a) .. md(b) }, Markup)
end

--- Markdown inserted as is by a template: use it for text the script trusts, never for data.
---@param markdown string
function M.markup(markdown)
  -- Refused here, at the template's place: a nil or a table would reach the output's concat.
  if type(markdown) ~= "string" then
    error(tr("markup: expected a text, got %s"):format(type(markdown)), 2)
  end
  return setmetatable({ markdown = markdown }, Markup)
end

--- True for markup made by M.markup.
---@param value any
function M.is_markup(value) return class_of(value) == Markup end

--- When the agreement being built writes amounts in words, the format of an amount and its
--- words ("%s (%s)", from structure/libelles); set by Agreement:document for one document.
M.amounts_in_words = nil

--- While a document is built, every amount a template prints (conventio.facts).
M.printed_amounts = nil

-- Whether the template being rendered records the amounts it prints into M.printed_amounts
-- (outside a rendering: whether the library's M.recorded is running). Only the library's own
-- renderings for the document it builds record: a clause of the agreement's (M.recorded_blocks)
-- and what a content function of the library's renders (M.recorded), not within another
-- template's rendering. What a script has a template format is not the model's (any code of
-- the script's: a Lua clause, a metamethod the library meets, a function a template calls):
-- recorded, any amount would pass for one `conventio check` compares the text with.
local recording = false
-- Whether a template is being rendered: one rendered meanwhile is rendered for what the first
-- one called (a parameter's metamethod, a function it was given), which is the script's.
local rendering = false

-- Whether a value is an amount the host made (conventio.is_money, which tells it by the real
-- metatable a script cannot reach or imitate).
local is_money = c.is_money

-- The amounts and tables already walked for the document being built, at the depth they were
-- walked from: the model's tables (strata, départements, parties) and its amounts are read by
-- template after template, and walking them again, or formatting an amount again, records
-- nothing new (facts' amounts are a set). A plain table, made anew with each document's list of
-- amounts (weak tables cost the collector more than the walk saved).
local walked, walked_for = nil, nil

--- Records the amounts in `value` (an amount, or a table of them, two levels deep: tranches,
--- strata) as the model's, while a document is built (conventio.facts).
local function record_amounts(value, depth)
  local kind = type(value)
  if kind ~= "table" and kind ~= "userdata" then return end  -- text, numbers: most values read
  depth = depth or 0
  local printed = M.printed_amounts
  if walked_for ~= printed then walked, walked_for = {}, printed end
  -- A table walked from a shallower depth has had its deeper levels walked too.
  local before = walked[value]
  if before and before <= depth then return end
  if is_money(value) then
    walked[value] = depth
    printed[#printed + 1] = tostring(value)
  elseif kind == "table" and depth < 2 and getmetatable(value) == nil then
    -- A plain table only (strata, tranches, a template's parameters): an object of the model
    -- (a party, a name, a percentage) holds no amount, and a party is walked field by field.
    walked[value] = depth
    for _, inner in pairs(value) do record_amounts(inner, depth + 1) end
  end
end

--- What a placeholder inserts: Markup as is, anything else as literal text; an amount with its
--- words when the agreement asks for them.
local function markdown_of(value)
  if class_of(value) == Markup then return value.markdown end
  if recording and M.printed_amounts then record_amounts(value) end
  if M.amounts_in_words and is_money(value) then
    return c.markdown_escape(M.amounts_in_words:format(tostring(value), value:spell_out()))
  end
  return c.markdown_escape(tostring(value))
end

--- "à" before a noun phrase that starts with its article, contracted as French wants: "le
--- guichet" gives "au guichet", "les actions" "aux actions", "la création" "à la création".
--- Markup stays markup.
---@param phrase string|table a text or markup
function M.with_a(phrase)
  local markup = class_of(phrase) == Markup
  local text = markup and phrase.markdown or tostring(phrase)
  local rest = text:match("^le (.*)$")
  local contracted = rest and ("au " .. rest)
  rest = text:match("^les (.*)$")
  contracted = contracted or rest and ("aux " .. rest) or ("à " .. text)
  return markup and M.markup(contracted) or contracted
end

--- The environment a template's expressions see: its parameters, then a few pure helpers.
--- A name that is neither is an error at the place it is used.
local helpers = {
  with_a = M.with_a,
  money = c.Money,
  date = c.Date,
  guillemets = c.guillemets,
  ordinal = c.ordinal,
  capitalize = c.capitalize,
  markup = M.markup,
  tostring = tostring,
  math = math,
  string = string,
  table = table,
}

-- Where an environment keeps its evaluation's parameters and the template's optional ones:
-- keys no template can name (a template names globals by strings, and has no pairs).
local PARAMS, OPTIONAL, TEMPLATE = {}, {}, {}

-- " (did you mean financer?)": the template's parameter or helper nearest a name it reads that
-- is neither, a misspelt one.
local function nearest_name(env, name)
  local template = rawget(env, TEMPLATE)
  local known = {}
  for _, p in ipairs(template and template.params or {}) do known[p] = true end
  for p in pairs(template and template.optional or {}) do known[p] = true end
  for h in pairs(helpers) do known[h] = true end
  local near = require("conventio.strict").nearest(name, known)
  return near and tr(" (did you mean %s?)"):format(near) or ""
end

-- One metatable for every environment (a render made a metatable and two closures).
local environment_meta = {
  __index = function(env, name)
    local value = rawget(env, PARAMS)[name]
    if value ~= nil then
      -- A parameter read is bound for the whole evaluation: a template reads its parameter
      -- again in every placeholder ({{ party.legal_name }}, {{ party.seat }}...), and the
      -- parameters are often a chain of lookups (the clause's own, the article's, the
      -- agreement's context). Kept in the environment itself, later reads find it without
      -- this function: a template cannot assign, and what it calls does not rebind them.
      -- Its amounts are recorded once, at its first read.
      rawset(env, name, value)
      if recording and M.printed_amounts then record_amounts(value) end
      return value
    end
    -- A parameter the template declares, left out, is nil, even when a helper has its
    -- name: {% if date %} must not see the helper conventio.Date.
    if rawget(env, OPTIONAL)[name] then return nil end
    -- Whether the agreement writes amounts in words, for a template that prints an amount
    -- its own way ({{ amount:decimal() }} euros).
    if name == "amounts_in_words" then return M.amounts_in_words ~= nil end
    value = helpers[name]
    if value ~= nil then return value end
    error(tr("missing parameter '%s'"):format(name) .. nearest_name(env, name), 2)
  end,
  __newindex = function(_, name)
    error(tr("a template cannot set '%s'"):format(name), 2)
  end,
  -- Shared by every environment: out of reach of what a template or a script calls with one.
  __metatable = false,
}

local function environment(template, params)
  return setmetatable({ [PARAMS] = params, [OPTIONAL] = template.optional, [TEMPLATE] = template },
                      environment_meta)
end

-- The library's classes without a text of their own, as getmetatable names them (their
-- metatables are out of reach: library_modules.hpp).
local unprintable_classes = { ["conventio.Agreement"] = true, ["conventio.Clause"] = true,
                              ["conventio.Avenant"] = true, ["conventio.Problems"] = true }

local markdown_escape, byte, find, concat = c.markdown_escape, string.byte, string.find, table.concat

--- A placeholder's value refused, at the place the template marked; the place is unmarked, so
--- the message is passed on as it is.
local function refuse(place, message, ...)
  local line = place.line
  place.line = false
  error(message:format(place.path, line, place.column, ...), 0)
end

--- What a compiled template inserts for a placeholder's value: checked, then as markdown_of
--- gives it (a text, most values, escaped at once).
local function placeholder(place, value)
  if type(value) == "string" then
    -- An empty text would leave a hole in the sentence ("Fait à , le"): refused where it is
    -- used. A text whose first byte is past the space is not blank: most values, told by one
    -- byte.
    if (byte(value, 1) or 0) <= 32 and not find(value, "%S") then
      refuse(place, tr("%s:%d:%d: this value is empty"))
    end
    return markdown_escape(value)
  end
  if value == nil then refuse(place, tr("%s:%d:%d: this value is nil")) end
  -- A list or a record has no text of its own: printed, it would be "table: 0x55…", another
  -- at every run.
  if type(value) == "table" then
    local meta = getmetatable(value)
    if meta == nil or (type(meta) == "table" and meta.__tostring == nil) or unprintable_classes[meta] then
      refuse(place, tr("%s:%d:%d: this value is a table (a list or a record), not a text: print one of its "
          .. "fields, or go through it with {%% for %%}"))
    end
  end
  return markdown_of(value)
end

--- A {% for %}'s list, checked: a text, a number or a record (fields, no items) would give no
--- item, or an error naming the compiled chunk's own variable.
local function list_of(place, value)
  local kind = type(value)
  if kind == "table" then
    if getmetatable(value) ~= nil or value[1] ~= nil or next(value) == nil then return value end
    refuse(place, tr("%s:%d:%d: this value is a record (named fields), not a list: go through a list, "
        .. "or print its fields one by one"))
  end
  if value == nil then refuse(place, tr("%s:%d:%d: this value is nil")) end
  refuse(place, tr("%s:%d:%d: this value is not a list but a %s"), kind)
end

--- An elseif's place, marked from within its condition.
local function mark_place(place, line, column)
  place.line, place.column = line, column
  return true
end

--- Whether `message` starts with the position of the template's own chunk (chunkname "@" .. path,
--- which Lua shortens past 59 bytes to "..." and its end): an error in the template's own code,
--- or raised at its level by what it calls, whose place the template's mark tells better.
local function at_template(message, path)
  local source = message:match("^([^\n]-):%d+: ")
  if source == path then return true end
  if not source or source:sub(1, 3) ~= "..." or #source == 3 then return false end
  return path:sub(-(#source - 3)) == source:sub(4)
end

-- The Markdown text of template `name` with `params`, and the template's table: the library's,
-- which M.markdown keeps from a script (review r13 #1). `recorded`: a clause of the document
-- being built (M.recorded_blocks).
local function render(name, params, recorded)
  local template = c.template(name)
  params = params or {}
  for _, required in ipairs(template.params) do
    if params[required] == nil then
      error(tr("%s:%d:%d: missing parameter '%s' (the template needs: %s)"):format(
        template.path, template.params_line, template.params_column, required,
        table.concat(template.params, ", ")), 0)
    end
  end
  -- Where the template is (template/template_compiler.hpp): its path, and the place of the tag
  -- being evaluated, which the chunk marks before each.
  local place = { path = template.path, line = false, column = 0 }
  local outer_rendering, outer_recording = rendering, recording
  recording = (recorded or recording) and not rendering
  rendering = true
  local ok, pieces = pcall(template.chunk, environment(template, params), place, placeholder, mark_place, list_of)
  rendering, recording = outer_rendering, outer_recording
  if not ok then
    -- A refused value's message already names its place (and unmarks it).
    if not place.line then error(pieces, 0) end
    -- The chunk's own line is replaced by the tag's place; any other position (a bug in our
    -- library reached from the template, markdown_of's) is kept after it, so it reads as ours.
    local message = tostring(pieces)
    if at_template(message, template.path) then message = message:gsub("^[^\n]-:%d+: ", "", 1) end
    error(("%s:%d:%d: %s"):format(template.path, place.line, place.column, message), 0)
  end
  return concat(pieces), template
end

--- The Markdown text of template `name` (e.g. "commun/litiges") with `params`.
---@param name string
---@param params table?
function M.markdown(name, params)
  return (render(name, params))
end

--- The blocks of template `name` with `params`: an array of conventio.Block.
---@param name string
---@param params table?
function M.blocks(name, params)
  local markdown, template = render(name, params)
  return c.Markdown(markdown, { source = template.path, headings = template.headings })
end

--- The blocks of template `name` with `params`, its amounts recorded (M.printed_amounts): a
--- clause of the document Agreement:document builds. The library's: a script is given
--- M.blocks for it.
---@param name string
---@param params table?
function M.recorded_blocks(name, params)
  local markdown, template = render(name, params, true)
  return c.Markdown(markdown, { source = template.path, headings = template.headings })
end

-- The content functions the library made (a finance table's, an annex's parts'), marked by
-- M.content_function: Agreement:document calls them recording what they render (M.recorded).
-- Only those: a function of the library's module a script gives as content (one reading the
-- context it is called with, whose fields reach the script's tables) may run the script's code
-- outside a template, where it would record.
local content_functions = setmetatable({}, { __mode = "k" })

--- `fn` (a function the library makes to render deferred content), marked as the library's own
--- content function (M.recorded). The library's: a script is given a function that marks
--- nothing.
---@param fn function
---@return function
function M.content_function(fn)
  content_functions[fn] = true
  return fn
end

--- Whether `fn` is a content function the library made (M.content_function).
---@param fn any
function M.is_content_function(fn) return content_functions[fn] == true end

--- fn(...) with the templates it renders recording their amounts (M.printed_amounts), restored
--- after, whether fn returns or raises: a content function of the library's, which
--- Agreement:document calls. The library's: a script is given a function that calls fn as it is.
--- `fn` calls no code of the script's but through a template (whose rendering records nothing
--- of what it calls).
---@param fn function
function M.recorded(fn, ...)
  local outer = recording
  recording = true
  local result = table.pack(pcall(fn, ...))
  recording = outer
  if not result[1] then error(result[2], 0) end
  return table.unpack(result, 2, result.n)
end

--- The front matter of template `name` (key, title, params, and any other field).
---@param name string
function M.front_matter(name)
  return c.template(name).front
end

-- ------------------------------------------------------------------ what a script is given

-- A script's call refused at its line, before the library's code meets what it gave: its
-- message would name a line of ours, and the function we called (`template`). The line is the
-- user's innermost (c.user_place), which a face reached by a tail call (`return
-- clauses.markdown(…)`) has too. The host's message for a template that does not exist names
-- the template and where it was looked for.
local function refuse_call(message)
  error(c.user_place() .. message, 0)
end

local function check_call(what, name, params)
  if type(name) ~= "string" then
    refuse_call(tr("%s: expected a template's name (\"commun/litiges\"), got %s"):format(what, type(name)))
  end
  if params ~= nil and type(params) ~= "table" then
    refuse_call(tr("%s: parameters must be a table, got %s"):format(what, type(params)))
  end
  local found, problem = pcall(c.template, name)
  if not found then refuse_call(tostring(problem)) end
end

local function blocks_face(name, params)
  check_call("clauses.blocks", name, params)
  return M.blocks(name, params)
end

script_face(M.markdown, function(name, params)
  check_call("clauses.markdown", name, params)
  return M.markdown(name, params)
end)
script_face(M.blocks, blocks_face)
-- The library's table, kept for the run: a script reads it through a view it cannot write
-- (adding to structure/sigles' acronyms would silence conventio check: review r13 #1).
script_face(M.front_matter, function(name)
  check_call("clauses.front_matter", name)
  return read_only(c.template(name).front, ('clauses.front_matter("%s")'):format(name))
end)
-- What a script calls in their place renders unrecorded, or marks nothing.
script_face(M.content_function, function(fn) return fn end)
script_face(M.recorded_blocks, blocks_face)
script_face(M.recorded, function(fn, ...)
  if type(fn) ~= "function" then
    refuse_call(tr("%s: expected a function, got %s"):format("clauses.recorded", type(fn)))
  end
  return fn(...)
end)

-- The methods apart from the class: `object.__index` is not the class (strict.methods_of).
Markup.__index = require("conventio.strict").methods_of(Markup)

return M
