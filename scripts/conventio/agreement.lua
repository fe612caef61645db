--- An agreement as a drafter thinks of it: parties, visas, preamble, articles with their
--- sub-articles, annexes, signatures. Articles and annexes are numbered when the document is
--- built, and clauses refer to them by key ({{ ref("duree") }}), so numbers and references
--- are computed, never typed: the mistakes of the seeds (an "Article 4" followed by
--- sub-articles 5.x, a reference to the wrong article) cannot happen.
local tr = require("conventio").tr
local c = require "conventio"
local clauses = require "conventio.clauses"
local data = require "conventio.data"
local facts = require "conventio.facts"
local strict = require "conventio.strict"
-- The library's own tool (host/lua/library_modules.hpp): an object's real metatable, which
-- tells the library's objects from a table that copies a class's __metatable name.
local class_of = class_of

local M = {}

local Agreement = {}
Agreement.__index = Agreement
-- getmetatable gives the class's name, not the class: a script could change a method for every
-- object of the class (library_modules.hpp).
Agreement.__metatable = "conventio.Agreement"

local function check_key(key, what, level)
  if type(key) ~= "string" or not key:match("^[a-z][a-z0-9_]*$") then
    error(tr("%s: key must be lower-case letters, digits and '_', starting with a letter (got %s)"):format(
      what, tostring(key)), level + 1)
  end
end

local function anchor_name(key) return "ref_" .. key end

--- The wording of the agreement's structure ("Article", "Annexe", "Préambule", "Entre"...),
--- from the template structure/libelles, so drafters change it without touching code.
local function labels()
  return clauses.front_matter("structure/libelles")
end

local kinds = { partenariat = true, delegation = true, avenant = true }

--- The title of an agreement of `kind` ("Convention de partenariat"); for an avenant, its
--- number and the agreement it amends: "Avenant n° 1 à la convention de partenariat du
--- 31 janvier 2023". The words come from structure/libelles.
local function title_of(spec)
  local l = labels()
  if spec.kind ~= "avenant" then return c.capitalize(l["kind_" .. spec.kind]) end
  local base = spec.amends
  if type(base) ~= "table" or not kinds[base.kind or ""] or base.kind == "avenant" or not base.date then
    local form = 'amends = { kind = "partenariat"|"delegation", date = "YYYY-MM-DD" }'
    error(tr("Agreement: an avenant names what it amends: %s"):format(form), 3)
  end
  if math.type(spec.number) ~= "integer" or spec.number < 1 then
    error(tr("Agreement: an avenant has a number (number = 1, 2...)"), 3)
  end
  return ("%s\u{a0}%d %s %s %s %s"):format(l.avenant, spec.number, l.avenant_to, l["kind_" .. base.kind], l.dated,
                                          c.Date(base.date).long)
end

--- "convention de partenariat": how the structure's labels name an agreement of `kind`.
---@param kind string
function M.kind_label(kind) return labels()["kind_" .. kind] end

---@class conventio.Agreement
---@field spec table the options given to Agreement.new
---@field parties table<string, conventio.Party> the parties by role
---@field party_order string[] the roles, in the order the agreement names them
local _ = Agreement

--- The parameters template `name` reads (required and optional), as a set.
---@param name string
function M.template_parameters(name)
  local template = c.template(name)
  local known = {}
  for _, p in ipairs(template.params) do known[p] = true end
  for p in pairs(template.optional) do known[p] = true end
  return known
end

--- The parts of the document, in their default order. A script changes the order (or leaves
--- a part out) with `parts = { ... }`: "agreed" is the "Il a été convenu ce qui suit"
--- formula.
M.default_parts = { "title", "parties", "visas", "preamble", "agreed", "articles", "signatures", "annexes" }
local known_parts = strict.set(M.default_parts)

--- Every option of Agreement.new, with what it is (docs/reference.md lists them; a test
--- keeps the two in step).
M.options = {
  kind = "\"partenariat\", \"delegation\" or \"avenant\": gives the title",
  title = "the title (default: from kind)",
  number = "an avenant's number (1, 2...)",
  amends = "what an avenant amends: { kind =, date = }",
  subject = "the document's subject metadata (default: the title)",
  keywords = "the document's keywords (default: the parties' short names)",
  date = "the signature date, \"YYYY-MM-DD\" (dates the metadata and \"Fait à\")",
  place = "where it is signed (\"Fait à Paris\")",
  parties = "the parties by role: { partner = Party, commune = Party }",
  party_order = "the roles in the order the agreement names them",
  params = "values every clause template can read",
  parts = "the order of the document's parts (default: M.default_parts)",
  party_template = "the template of a party's block (default: structure/partie)",
  amounts_in_words = "true: every amount is followed by its words, \"180 000 € (cent quatre-vingt mille euros)\"",
}
local known_options = strict.set(M.options)

--- M.new{ kind=, title=, ... } (see M.options): an agreement with its parties, ready for
--- visas, preamble, articles, annexes and signatures.
---@param spec table
---@return conventio.Agreement
function M.new(spec)
  if type(spec) ~= "table" then error(tr("Agreement: expected a table"), 2) end
  strict.check_keys(spec, known_options, "Agreement", "option", 2)
  strict.check_switches(spec, M.options, "Agreement", 2)
  if spec.kind ~= nil and not kinds[spec.kind] then
    error(tr("Agreement: kind must be \"partenariat\", \"delegation\" or \"avenant\", got %s"):format(
      tostring(spec.kind)), 2)
  end
  if spec.title == nil and spec.kind then spec.title = title_of(spec) end
  if type(spec.title) ~= "string" then error(tr("Agreement: title is required (or a kind)"), 2) end
  strict.text(spec.title, "Agreement.title", 2)
  strict.text(spec.place, "Agreement.place", 2, true)
  strict.text(spec.subject, "Agreement.subject", 2, true)
  if spec.date ~= nil then
    local ok, message = pcall(c.Date, spec.date)
    if not ok then error("Agreement.date: " .. (tostring(message):gsub("^[^\n]-:%d+: ", "")), 2) end
  end
  -- A copy of the default: the agreement's parts are the script's (a.parts), the list the library's.
  local parts = spec.parts or table.move(M.default_parts, 1, #M.default_parts, 1, {})
  if type(parts) ~= "table" then error(tr("Agreement.parts must be a list of part names"), 2) end
  -- « Il a été convenu ce qui suit » opens the articles: after the preamble, which sets out why
  -- (seeds 001, 003 and 004 put it before, a mistake not to repeat).
  local at = {}
  for i, part in ipairs(parts) do at[part] = at[part] or i end
  if at.agreed and at.preamble and at.agreed < at.preamble then
    error(tr("Agreement.parts: \"agreed\" (« Il a été convenu ce qui suit ») comes after \"preamble\", "
        .. "right before the articles"), 2)
  end
  for i, part in ipairs(parts) do
    if not known_parts[part] then
      error(tr("Agreement.parts[%d]: unknown part %s%s"):format(i, tostring(part), strict.suggestion(part,
          known_parts)), 2)
    end
  end
  local self = setmetatable({
    spec = spec,
    parts = parts,
    parties = spec.parties or {},
    party_order = spec.party_order or {},
    visas = {},
    preamble = {},
    -- The user's line that gave each visa and each piece of the preamble (c.caller_place(): ""
    -- when the library adds them).
    visa_places = {},
    preamble_places = {},
    articles = {},
    annexes = {},
    by_key = {},
    signature = nil,
    -- The data's problems found while it is assembled wait for its build (conventio.data).
    assembling = true,
  }, Agreement)
  if #self.party_order == 0 then
    error(tr("Agreement: party_order must list the parties, in the order the agreement names them"), 2)
  end
  local seen = {}
  for i, role in ipairs(self.party_order) do
    if not self.parties[role] then
      error(tr("Agreement: party_order names '%s', which is not a party%s"):format(
        tostring(role), strict.suggestion(role, self.parties)), 2)
    end
    if seen[role] then
      error(tr("Agreement: party_order lists %s twice, at party_order[%d] and party_order[%d]"):format(
        role, seen[role], i), 2)
    end
    seen[role] = i
  end
  return self
end

--- The top-level fields of an agreement's data that Agreement.from_data reads.
M.data_fields = {
  kind = "\"partenariat\", \"delegation\" or \"avenant\"",
  title = "the title (default: from kind)",
  number = "an avenant's number",
  amends = "what an avenant amends: { kind, date }",
  subject = "the document's subject metadata",
  keywords = "the document's keywords",
  date = "the signature date, \"YYYY-MM-DD\"",
  place = "where it is signed",
  parties = "the parties by role (see the party fields)",
  presentation = "per role, fields that replace the party's own in this agreement (false: left out)",
  party_order = "the roles in the order the agreement names them",
  amounts_in_words = "true: amounts are followed by their words",
  signature = "{ place, date, originals }: the \"Fait à\" line when it differs",
  _note = "a comment, ignored",
}

--- One way to start: the agreement of `agreement_data` (kind, title, dates, place, parties
--- and their order read from the data). `options.fields` lists the data's other top-level
--- fields (the script's own: "purpose", "finance"...), so that a misspelt one is refused;
--- other options are Agreement.new options, and win over the data. The data's problems are
--- recorded, not raised (a party whose data is wrong is a stand-in): they are raised with the
--- finance's and the closing's when the agreement is built (conventio.data).
---@param agreement_data table the script's data (`...`)
---@param options table? { fields = { "purpose", ... }, parts = ..., party_order = ... }
---@return conventio.Agreement
function M.from_data(agreement_data, options)
  options = options or {}
  if type(agreement_data) ~= "table" then error(tr("the agreement needs data (--data FILE.json)"), 2) end
  -- The agreement's data, wherever it was read from (a copy, an avenant's base): a table of it
  -- given to the library is the data's, whose problems name the data file (conventio.data).
  data.adopt(agreement_data)
  local known = strict.set(M.data_fields)
  for _, field in ipairs(options.fields or {}) do known[field] = true end
  -- Every problem of the data is recorded and the agreement assembled with a stand-in where
  -- one is wrong (a party left out), so the finance and closing data are checked too; they
  -- are raised together when the document is built.
  local found = data.problems()
  found:try(strict.check_keys, agreement_data, known, "", "field")
  for _, message in ipairs(strict.switch_messages(agreement_data, M.data_fields)) do found:add(message) end
  local Party = require "conventio.party"
  local parties_data = type(agreement_data.parties) == "table" and agreement_data.parties or {}
  local order = options.party_order or agreement_data.party_order
  if type(order) ~= "table" or #order == 0 then
    found:add(tr("party_order is required: the roles of parties, in the order the agreement names them"))
    order = {}
    for role in pairs(parties_data) do order[#order + 1] = role end
    table.sort(order, function(x, y) return tostring(x) < tostring(y) end)
  end
  local roles = {}
  for role in pairs(parties_data) do roles[#roles + 1] = role end
  table.sort(roles, function(x, y) return tostring(x) < tostring(y) end)
  for _, role in ipairs(roles) do
    local listed = false
    for _, r in ipairs(order) do listed = listed or r == role end
    if not listed then found:add(tr("party_order leaves out parties.%s"):format(role)) end
  end
  local parties, listed, first_at = {}, {}, {}
  for i, role in ipairs(order) do
    if type(role) ~= "string" then
      found:add(tr("party_order lists role names"))
    elseif first_at[role] then
      -- Named twice, a party would have two blocks and two signature columns.
      found:add(tr("party_order lists %s twice, at party_order[%d] and party_order[%d] (field party_order[%d])")
        :format(role, first_at[role], i, i))
    else
      first_at[role] = i
      listed[#listed + 1] = role
      parties[role] = found:try(Party.from_data, agreement_data, role) or Party.stand_in(role)
    end
  end
  order = listed
  if #order == 0 then  -- nothing to assemble an agreement with: say what is wrong now
    data.raise()
    error(tr("party_order lists role names"), 2)
  end
  local presentation = agreement_data.presentation
  if presentation ~= nil and type(presentation) ~= "table" then
    found:add(tr("presentation must be an object: { role = { field = value } }"))
  else
    for role in pairs(presentation or {}) do
      if not parties[role] then
        found:add(tr("presentation.%s names no party%s"):format(role, strict.suggestion(role, parties)))
      end
    end
  end
  local spec = {}
  for _, field in ipairs { "kind", "title", "number", "amends", "subject", "keywords", "date", "place",
                           "amounts_in_words" } do
    spec[field] = agreement_data[field]
  end
  -- A switch already refused above is left out, so it is not refused again as an option.
  if type(spec.amounts_in_words) ~= "boolean" then spec.amounts_in_words = nil end
  for k, v in pairs(options) do
    if k ~= "fields" then spec[k] = v end
  end
  spec.parties, spec.party_order = parties, order
  local ok, result = pcall(M.new, spec)
  if not ok then
    found:add((tostring(result):gsub("^[^\n]-%.lua:%d+: ", "", 1):gsub("^Agreement[.:] ?", "", 1)))
    -- The stand-in: the same agreement without the data's own fields (title, kind, dates).
    local kept = { parties = parties, party_order = order, title = "?" }
    for k, v in pairs(options) do
      if k ~= "fields" then kept[k] = v end
    end
    result = M.new(kept)
  end
  local signature = agreement_data.signature
  if signature ~= nil then
    if type(signature) ~= "table" then
      found:add(tr("signature must be an object { place, date, originals }"))
    elseif found:try(strict.check_keys, signature, strict.set { "place", "date", "originals" }, "signature", "field")
    then
      found:try(result.signatures, result, signature)
      -- No party without an original (conventio.closing): a number copied from another
      -- agreement. Not in a version an avenant amends: its line records how the Convention was
      -- signed, which a party joining later does not change.
      if not require("conventio.avenant.amending").current then
        local problem = require("conventio.closing").originals_problem(signature.originals, #order,
                                                                       "signature.originals")
        if problem then found:add(problem) end
      end
    end
  end
  return result
end

-- ------------------------------------------------------------------ content

--- Content is deferred until the document is built, when every number is known. A piece
--- of content is a template call (agreement:clause), a Block, a string (one paragraph), a
--- function(ctx) returning blocks, or an array of these.
local Clause = {}
Clause.__index = Clause
Clause.__metatable = "conventio.Clause"  -- as Agreement's

-- The forms a template asks of its text parameters, by template name: `P_starts: [de, "d'"]`
-- in its front matter says that parameter P starts with one of these words, since the
-- template's sentence goes on with it ("afin {{ purpose }}"); `P_follows` says after what,
-- `P_example` shows one.
local forms_of = {}
local no_forms = {}

local function forms(name)
  local found = forms_of[name]
  if found then return found end
  -- Most templates' front matter is their key, title and parameters: not made to find nothing.
  if not c.template(name).has_other_fields then
    forms_of[name] = no_forms
    return no_forms
  end
  found = {}
  local front = clauses.front_matter(name)
  for key, starts in pairs(front) do
    local param = type(key) == "string" and key:match("^(.-)_starts$")
    if param and type(starts) == "table" then
      found[param] = { starts = starts, follows = front[param .. "_follows"], example = front[param .. "_example"] }
    end
  end
  forms_of[name] = found
  return found
end

-- Whether `text` starts with one of the words of `starts` (a word ending with an apostrophe
-- is elided: "d'"; any other is followed by a space).
local function starts_right(text, starts)
  for _, word in ipairs(starts) do
    local elided = word:sub(-1) == "'" or word:sub(-3) == "\u{2019}"
    if text:sub(1, #word) == word and (elided or text:sub(#word + 1, #word + 1) == " ") then return true end
  end
  return false
end

-- A text shown in a message, cut after 40 bytes (at a character's start).
local function shortened(text)
  if #text <= 40 then return text end
  return (text:sub(1, 40):gsub("[\128-\191]+$", ""):gsub("[\192-\255]$", "")) .. "…"
end

-- Refuses a text parameter that does not start as its template's sentence needs: the data's
-- field when the text is the data's (recorded with the data's other problems), else the
-- script's, at its line.
local function check_forms(self, name, params)
  for param, form in pairs(forms(name)) do
    local value = params[param]
    local text = clauses.is_markup(value) and value.markdown or value
    local message, field
    if type(text) == "table" and getmetatable(text) == nil then
      -- A list where the sentence goes on with a text: no form to check, and nothing to print.
      field = data.field_of(text)
      message = tr("%s must be a text (the sentence goes on with it), got a list or a record")
          :format(field or ("clause '" .. name .. "': " .. param))
    elseif type(text) == "string" and not starts_right(text, form.starts) then
      local words = {}
      for _, word in ipairs(form.starts) do  -- the typographic apostrophe is the straight one's twin
        if not word:find("\u{2019}") then words[#words + 1] = c.guillemets(word) end
      end
      local last = table.remove(words)
      field = data.field_of(text)
      message = tr("%s must start with %s%s%s, got %s"):format(
        field or ("clause '" .. name .. "': " .. param),
        #words > 0 and tr("%s or %s"):format(table.concat(words, ", "), last) or last,
        form.follows and tr(" (it follows %s)"):format(c.guillemets(form.follows)) or "",
        form.example and tr(", as in %s"):format(c.guillemets(form.example)) or "", c.guillemets(shortened(text)))
    end
    if message then
      -- A top-level field is named so that the data's place is found (a nested one is already).
      if field and not field:find("[.%[]") then message = message .. tr(" (field %s)"):format(field) end
      if not field then error(message, 3) end
      data.report(message)
      if not data.deferred(self) then data.raise() end
    end
  end
end

-- The parameters each template takes (required or optional) as a set, by template name: an
-- agreement makes a clause of the same template again and again (a party's designation, its
-- signature, in each version an avenant builds). Made from the template's view (conventio.
-- template), which is the same table for the whole run.
local parameters_of = {}

-- The content function being called (expand), for the place of a clause it makes by a tail
-- call (Agreement:clause).
local content_function = nil

--- A clause template with its own parameters, rendered when the document is built.
--- A parameter the template neither requires nor declares optional is refused, with the
--- nearest one suggested: a misspelt parameter never makes a sentence vanish.
--- `options.keep_together` keeps each of its paragraphs on one page (bank details...).
---@param name string the template ("commun/litiges")
---@param params table? its parameters
---@param options table? { keep_together = true }
function Agreement:clause(name, params, options) -- luacheck: no unused args
  if params ~= nil and type(params) ~= "table" then
    error(tr("clause '%s': parameters must be a table"):format(tostring(name)), 2)
  end
  local known = type(name) == "string" and parameters_of[name]
  if not known then
    local ok, template = pcall(c.template, name)
    -- The host's message names the template (and its line when it does not compile).
    if not ok then error(tostring(template), 2) end
    known = {}
    for _, p in ipairs(template.params) do known[p] = true end
    for p in pairs(template.optional) do known[p] = true end
    parameters_of[name] = known
  end
  if params then
    strict.check_names(params, known, ("clause '%s'"):format(name), "parameter", 2)
    -- A blank text would be refused where the template prints it, at a line of the template:
    -- said here, at the line of the call (the script's, or the data file's when the library
    -- passes a field on; the closing entries check theirs at their field first).
    for param, value in pairs(params) do
      -- Told by its first byte for most values (past the space: not blank).
      if type(value) == "string" and (value:byte(1) or 0) <= 32 and not value:find("%S") then
        error(tr("clause '%s': parameter %s is empty"):format(name, param), 2)
      end
    end
    check_forms(self, name, params)
  end
  if options ~= nil then
    if type(options) ~= "table" then
      error(tr("clause '%s': options must be a table { keep_together = true }"):format(tostring(name)), 2)
    end
    strict.check_keys(options, strict.set { "keep_together" }, "clause options", "option", 2)
    if options.keep_together ~= nil and type(options.keep_together) ~= "boolean" then
      error(tr("clause '%s': keep_together must be true or false, got %s"):format(tostring(name),
          tostring(options.keep_together)), 2)
    end
  end
  -- The user's line that asked for the clause: a value the template refuses when the document
  -- is built is told there (the template is rendered then, from Agreement:document()). "" for a
  -- clause the library makes on its own: a failure is told at the line of the article it is
  -- made for.
  local place, lost = c.caller_place()
  -- `content = function() return a:clause(…) end`: the tail call left no line of the content
  -- function's; where that function starts is what can be named.
  if lost and content_function then
    local start = c.defined_place(content_function)
    if start ~= "" then
      place = start .. tr("in the content function starting here (its `return` of a call keeps no line): ")
    end
  end
  -- Made by the library for a call of the user's (closing.resiliation in a module): that line.
  if place == "" then place = data.script_place() end
  return setmetatable({ name = name, params = params or {}, keep_together = options and options.keep_together,
                        place = place }, Clause)
end

-- Refuses the fields of a content array (`{ c.Para "a", titel = "x" }`, or a record where
-- blocks go): expand takes its items only, and would drop them unseen. Called when a `next` past
-- the last item finds a key: most arrays have their items only, which then fill the array's own
-- part.
local function refuse_fields(content, items)
  local count = 0
  for _ in next, content do count = count + 1 end
  -- table.pack(...) counts its items in a field n: nothing is dropped when it is their number.
  local n = rawget(content, "n")
  if count == items + (n == items and 1 or 0) then return end
  for key in next, content do
    if math.type(key) == "integer" and key > items + 1 then
      -- `{ a, nil, c }`: the items end at the hole, and those after it would be lost.
      error(tr("content: item %d follows an empty item (nil) at %d"):format(key, items + 1), 0)
    elseif key ~= "n" and (math.type(key) ~= "integer" or key < 1 or key > items) then
      error(tr("content is an array of items and has no field '%s'"):format(tostring(key)), 0)
    end
  end
  -- Told last: table.pack(a, nil, c)'s n counts the nil, which the message above tells.
  if n ~= nil and n ~= items then
    error(tr("content is an array of items and has no field '%s'"):format("n"), 0)
  end
end

-- The clause being rendered, kept when it fails: Agreement:document tells its place. A local of
-- the module, not a field of the agreement: set and unset for every clause.
local rendering = nil

local function expand(self, content, out, extra)
  if content == nil then return out end
  if class_of(content) == Clause then
    local params = setmetatable({}, { __index = function(_, k)
      local v = content.params[k]
      if v ~= nil then return v end
      if extra then v = extra[k] end
      if v ~= nil then return v end
      return self.context[k]
    end })
    -- The clause being rendered stays named when it fails (Agreement:document tells its place).
    local outer = rendering
    rendering = content
    local blocks = clauses.recorded_blocks(content.name, params)
    rendering = outer
    if content.keep_together then blocks = c.keep_together(blocks) end
    for _, b in ipairs(blocks) do out[#out + 1] = b end
  elseif type(content) == "function" then
    local outer = content_function
    content_function = content
    -- The library's own content functions (a finance table, an annex's parts) print the model's
    -- amounts; a Lua clause of the script's runs unrecorded, as any code of the script's does:
    -- an amount it has a template format is not the model's.
    local made
    if clauses.is_content_function(content) then
      made = clauses.recorded(content, self.context)
    else
      made = content(self.context)
    end
    content_function = outer
    expand(self, made, out, extra)
  elseif type(content) == "table" and getmetatable(content) == nil then
    local items = 0
    for _, item in ipairs(content) do
      items = items + 1
      expand(self, item, out, extra)
    end
    if next(content, items > 0 and items or nil) ~= nil then refuse_fields(content, items) end
  else
    out[#out + 1] = content
  end
  return out
end

-- ------------------------------------------------------------------ structure

--- Adds a visa ("Vu ..."), shown before the preamble; returns the agreement.
---@param content any
function Agreement:visa(content)
  self.visas[#self.visas + 1] = content
  self.visa_places[#self.visas] = c.caller_place()
  return self
end

--- Adds content to the preamble; returns the agreement.
---@param content any
function Agreement:add_preamble(content)
  self.preamble[#self.preamble + 1] = content
  self.preamble_places[#self.preamble] = c.caller_place()
  return self
end

local function register(self, key, entry, what)
  check_key(key, what, 3)
  if self.by_key[key] then error(tr("%s: the key '%s' is used twice"):format(what, key), 3) end
  self.by_key[key] = entry
end

local article_options = strict.set { "key", "title", "content", "sections" }
local section_options = strict.set { "key", "title", "content", "numbered" }
local annex_options = strict.set { "key", "title", "content" }

--- agreement:article{ key=, title=, content=, sections = { {key=, title=, content=, numbered=} } }
--- Sections are sub-articles: numbered ("5.1 Montant") unless numbered = false. Returns the
--- article (its number is known once the document is built).
---@param spec table { key, title, content, sections }
---@return table article
function Agreement:article(spec)
  if type(spec) ~= "table" then error(tr("article: expected a table { key, title, content, sections }"), 2) end
  strict.check_keys(spec, article_options, "article", "option", 2)
  strict.text(spec.title, "article.title", 2)
  if spec.sections ~= nil and type(spec.sections) ~= "table" then
    error(tr("article '%s': sections must be a list of { key, title, content }"):format(spec.title), 2)
  end
  -- The user's line that gave the article: its content is rendered when the document is built,
  -- and a failure is told there. For an article the library adds, the line of the user's call
  -- it adds it for (data.script_place), or "": told where the document is built.
  local place = c.caller_place()
  if place == "" then place = data.script_place() end
  local article = { kind = "article", key = spec.key, title = spec.title, content = spec.content, sections = {},
                    place = place }
  if spec.key then register(self, spec.key, article, "article '" .. spec.title .. "'") end
  for i, s in ipairs(spec.sections or {}) do
    local where = ("article '%s'.sections[%d]"):format(spec.title, i)
    if type(s) ~= "table" then error(tr("%s must be a table { key, title, content, numbered }"):format(where), 2) end
    strict.check_keys(s, section_options, where, "option", 2)
    strict.text(s.title, where .. ".title", 2)
    local section = { kind = "article", key = s.key, title = s.title, content = s.content,
                      numbered = s.numbered ~= false, parent = article, place = place }
    if s.key then register(self, s.key, section, "section '" .. s.title .. "'") end
    article.sections[#article.sections + 1] = section
  end
  self.articles[#self.articles + 1] = article
  return article
end

--- agreement:annex{ key=, title=, content= }: annexes follow the signatures, each on a new
--- page. Returns the annex.
---@param spec table { key, title, content }
---@return table annex
function Agreement:annex(spec)
  if type(spec) ~= "table" then error(tr("annex: expected a table { key, title, content }"), 2) end
  strict.check_keys(spec, annex_options, "annex", "option", 2)
  strict.text(spec.title, "annex.title", 2)
  local annex = { kind = "annex", key = spec.key, title = spec.title, content = spec.content,
                  place = c.caller_place() }
  if spec.key then register(self, spec.key, annex, "annex '" .. spec.title .. "'") end
  self.annexes[#self.annexes + 1] = annex
  return annex
end

local signature_options = strict.set { "place", "date", "originals", "content", "after" }

--- agreement:signatures{ place=, date=, originals = "en deux originaux",
---                       content = ... (replaces the default columns),
---                       after = ... (what follows the signatures, e.g. the controller's visa) }
---@param spec table?
---@return conventio.Agreement
function Agreement:signatures(spec)
  spec = spec or {}
  strict.check_keys(spec, signature_options, "signatures", "option", 2)
  for _, field in ipairs { "place", "originals" } do
    strict.text(spec[field], "signatures." .. field, 2, true)
  end
  local merged = {}
  for k, v in pairs(self.signature or {}) do merged[k] = v end
  for k, v in pairs(spec) do merged[k] = v end
  self.signature = merged
  if spec.content ~= nil or spec.after ~= nil then self.signature_place = c.caller_place() end
  return self
end

-- ------------------------------------------------------------------ numbering and references

-- An amended agreement keeps the numbers of the agreement it amends (an inserted article is
-- "4-1", a deleted one leaves its number vacant): conventio.avenant sets `fixed_number`.
local function number_entries(self)
  for i, article in ipairs(self.articles) do
    article.number = article.fixed_number or tostring(i)
    local k = 0
    for _, s in ipairs(article.sections) do
      if s.numbered then
        k = k + 1
        s.number = s.fixed_number or (article.number .. "." .. k)
      end
    end
  end
  for i, annex in ipairs(self.annexes) do annex.number = annex.fixed_number or tostring(i) end
end

-- French usage writes the first article of an avenant "Article 1er".
local function shown_number(entry, l)
  if entry.first_label and entry.number == "1" then return l.first end
  return entry.number
end

local function target(self, key)
  local entry = self.by_key[key]
  if not entry then
    -- Level 3: the line of the clause that asked for the reference (a Lua clause's line; a
    -- template's place is put in front by the template runtime).
    error(tr("reference to '%s', which no article or annex has as key%s"):format(
      tostring(key), strict.suggestion(key, self.by_key)), 3)
  end
  if not entry.number then
    error(tr("reference to '%s', an unnumbered section: give it numbered = true or refer to its article")
          :format(key), 3)
  end
  return entry
end

--- The number of the article or annex `key`, as a live cross-reference: "6", "5.1".
---@param key string
function Agreement:refn(key)
  local entry = target(self, key)
  return clauses.markup(("[%s](#ref:%s)"):format(shown_number(entry, labels()), anchor_name(key)))
end

--- "l'article 6", "l'article 5.1", "l'annexe 1": the word from structure/libelles, the
--- number a live cross-reference.
---@param key string
function Agreement:ref(key)
  local entry = target(self, key)
  local l = labels()
  local word = entry.kind == "annex" and l.ref_annex or l.ref_article
  return clauses.markup(c.markdown_escape(word .. " ")) .. self:refn(key)
end

--- The same as inline content, for scripts that build paragraphs in Lua.
---@param key string
function Agreement:ref_inlines(key)
  local entry = target(self, key)
  local l = labels()
  local word = entry.kind == "annex" and l.ref_annex or l.ref_article
  return { word .. " ", c.Ref(anchor_name(key), shown_number(entry, l)) }
end

-- ------------------------------------------------------------------ the document

local function heading_text(entry, l)
  local title = c.french_spacing(entry.title)
  if entry.kind == "annex" then
    return { l.annex .. " ", c.Anchor(anchor_name(entry.key or ("annexe_" .. entry.number)), entry.number),
             c.french_spacing(" : " .. title) }
  end
  if entry.parent then  -- a section
    if not entry.number then return { title } end
    local shown = entry.key and c.Anchor(anchor_name(entry.key), entry.number) or entry.number
    return { shown, " ", title }
  end
  local number = shown_number(entry, l)
  local shown = entry.key and c.Anchor(anchor_name(entry.key), number) or number
  return { l.article .. " ", shown, c.french_spacing(" : " .. title) }
end

--- The parties in the order the agreement names them.
function Agreement:party_list()
  local list = {}
  for _, role in ipairs(self.party_order) do list[#list + 1] = self.parties[role] end
  return list
end

local function spec_kind(self) return self.spec.kind end

-- An avenant rebuilds the agreement it amends by running its script, which returns the
-- document: the agreement is found from it.
local built = setmetatable({}, { __mode = "k" })

-- True while conventio.avenant builds the versions of a Convention it compares: their
-- documents are dropped once the agreement is found from them, so the facts `conventio check`
-- reviews a document's text against (conventio.facts: the amounts printed, the parties' names)
-- are not gathered for them. Every document an avenant hands out (the avenant, the versions,
-- the consolidated one) is built again, outside this, with its facts. Private: a script setting
-- it would silence the checks of its own document.
local private = { building_versions = false }
-- Taken when the library loads, before any script runs: a script replacing the module's field
-- does not change who may set the flag.
local called_by_library = c.called_by_library

--- fn(...) with the versions of an agreement built to be compared only (their documents
--- dropped, no facts gathered), restored after, whether fn returns or raises. The library's own
--- (conventio.avenant): a script calling it is refused.
---@param fn function
function M.as_versions(fn, ...)
  if not called_by_library() then
    error(tr("Agreement.as_versions is the library's own (conventio.avenant builds the versions it compares)"), 2)
  end
  local amending = require "conventio.avenant.amending"
  return amending.with_set(private, "building_versions", true, fn, ...)
end

--- The agreement whose :document() built `doc`, or nil.
---@param doc userdata a conventio.Document
function M.of_document(doc) return built[doc] end

--- The options of the agreement's conventio.Document (title, subject, keywords, date,
--- footer), without its body: a consolidated version is the same document with another body.
function Agreement:document_options()
  local spec, l = self.spec, labels()
  local keywords = spec.keywords
  if not keywords then
    keywords = {}
    for _, p in ipairs(self:party_list()) do keywords[#keywords + 1] = p.short_name end
  end
  return {
    title = spec.title,
    subject = spec.subject or spec.title,
    keywords = keywords,
    date = spec.date,
    footer = { l.page .. " ", c.PageNumber(), " / ", c.PageCount() },
  }
end

-- The name of the parameter of `clause` whose text a document cannot hold (a NUL byte...), and
-- why; nil when none. Asked only once the clause failed: the template's message names the text
-- it made of the value, not the value the script gave.
local function refused_parameter(clause)
  local names = {}
  for name in pairs(clause.params) do names[#names + 1] = name end
  table.sort(names, function(x, y) return tostring(x) < tostring(y) end)
  for _, name in ipairs(names) do
    local value = clause.params[name]
    local problem = type(value) == "string" and c.text_problem(value)
    if problem then return tostring(name), problem end
  end
  return nil
end

-- The message of a failure while the document was built, told at the user's line that gave what
-- failed: the clause being rendered (where the script asked for it), else the article, section,
-- annex, visa, preamble or signatures being built (`place`). A position in conventio's own
-- library is dropped for it (doc:add refusing what the content held); a clause's template place
-- is kept after it, naming the tag, unless the value the template refused is found among the
-- clause's parameters. A message at a place of the user's own (a content function's line, a
-- module's) or naming the data file stays as it is.
local function at_user_place(message, clause, place)
  message = tostring(message)
  if clause and clause.place ~= "" then place = clause.place end
  -- What the library adds (a closing article, a financial one) has no line of the user's of its
  -- own: the user's line running now is named (that of a:document(), or of the call that made
  -- the library add it), found only now that something failed.
  if not place or place == "" then place = c.user_place() end
  if place == "" then return message end
  local rest = c.without_library_place(message)
  if rest == message then
    local template = clause and c.template(clause.name).path
    local in_template = template and message:sub(1, #template + 1) == template .. ":"
    local data_file = c.data_file and message:sub(1, #c.data_file + 2) == c.data_file .. ": "
    if not in_template and (data_file or message:find("^[^\n]-:%d+: ")) then return message end
  end
  rest = rest:gsub("^add: ", "content: ", 1)
  if not clause then return place .. rest end
  local name, problem = refused_parameter(clause)
  if name then rest = tr("parameter %s: %s"):format(name, problem) end
  return place .. tr("clause '%s': %s"):format(clause.name, rest)
end

--- Builds the conventio.Document: every clause is rendered now, with numbers known. The
--- blocks of each party, visa, paragraph of the preamble, article, section and annex are kept
--- (`entry.blocks`, `visa_blocks`, `preamble_blocks`), so that two versions of an agreement can
--- be compared (conventio.avenant).
function Agreement:document()
  -- Every problem the data had, found while the agreement was assembled, together.
  self.assembling = false
  data.raise()
  number_entries(self)
  if spec_kind(self) == "avenant" and self.articles[1] then self.articles[1].first_label = true end
  local l = labels()
  local spec = self.spec
  self.context = setmetatable({
    ref = function(key) return self:ref(key) end,
    refn = function(key) return self:refn(key) end,
    agreement = self,
  }, { __index = function(_, k)
    local v = self.parties[k]
    if v ~= nil then return v end
    return (spec.params or {})[k]
  end })

  local doc = c.Document(self:document_options())
  local parties = self:party_list()
  -- The user's line that gave what is being built (an article, a visa...), for a failure.
  local given_at
  -- Adds the blocks of what the user gave: a paragraph made there of a string the script typed
  -- names `given_at` for the text review (conventio check's "two spaces in a row" at its line).
  -- Only doc:add's text takes it: set for each, cleared before each part (the library's own
  -- paragraphs, « Il a été convenu ce qui suit », « Entre », take none) and once the document is
  -- built.
  local function add_given(blocks)
    c.text_origin(given_at)
    doc:add(blocks)
  end
  self.party_blocks, self.party_roles = {}, {}
  local builders = {}
  builders.title = function() doc:add(c.Title(spec.title)) end
  builders.parties = function()
    for i, party in ipairs(parties) do
      doc:add(c.Para({ i == 1 and l.between or l["and"] }, { align = "center", keep_with_next = true }))
      local blocks = expand(self, self:clause(spec.party_template or "structure/partie", { party = party }), {})
      self.party_blocks[i], self.party_roles[i] = blocks, self.party_order[i]
      doc:add(blocks)
    end
  end
  self.visa_blocks, self.preamble_blocks = {}, {}
  builders.visas = function()
    for i, visa in ipairs(self.visas) do
      given_at = self.visa_places[i]
      self.visa_blocks[i] = expand(self, visa, {})
      add_given(self.visa_blocks[i])
    end
    given_at = nil
  end
  builders.agreed = function()
    local agreed = spec.kind == "avenant" and l.agreed_avenant or l.agreed
    doc:add(c.Para(c.french_spacing(agreed), { keep_with_next = true }))
  end
  builders.preamble = function()
    if #self.preamble == 0 then return end
    doc:add(c.Article(l.preamble))
    for i, p in ipairs(self.preamble) do
      given_at = self.preamble_places[i]
      self.preamble_blocks[i] = expand(self, p, {})
      add_given(self.preamble_blocks[i])
    end
    given_at = nil
  end
  builders.articles = function()
    for _, article in ipairs(self.articles) do
      -- A heading over nothing: its content's name misspelt, or a clause forgotten. Told when
      -- the document is built, since a script may give the content after the article.
      if article.content == nil and #article.sections == 0 then
        local place = article.place ~= "" and article.place or c.user_place()
        error(place .. tr("article '%s' has neither content nor sections"):format(article.title), 0)
      end
      doc:add(c.Article(heading_text(article, l)))
      given_at = article.place
      article.blocks = expand(self, article.content, {}, { article = article })
      add_given(article.blocks)
      for _, section in ipairs(article.sections) do
        doc:add(c.SubArticle(heading_text(section, l)))
        section.blocks = expand(self, section.content, {}, { article = section })
        add_given(section.blocks)
      end
      given_at = nil
    end
  end
  builders.signatures = function()
    local signature = self.signature or {}
    local place = signature.place or spec.place
    if not place then error(tr("the agreement has no place of signature: give place (\"Fait à ...\")"), 0) end
    doc:add(expand(self, self:clause("structure/fait_a", {
      place = place, date = signature.date and c.Date(signature.date) or (spec.date and c.Date(spec.date)),
      originals = signature.originals,
    }), {}))
    if signature.content then
      given_at = self.signature_place
      add_given(expand(self, signature.content, {}))
      given_at = nil
    else
      local columns = {}
      for _, party in ipairs(parties) do
        columns[#columns + 1] = expand(self, self:clause("structure/signataire", { party = party }), {})
      end
      doc:add(c.Signatures(columns))
    end
    if signature.after then
      given_at = self.signature_place
      add_given(expand(self, signature.after, {}))
      given_at = nil
    end
  end
  builders.annexes = function()
    for _, annex in ipairs(self.annexes) do
      doc:add(c.AnnexHeading(heading_text(annex, l)))
      given_at = annex.place
      annex.blocks = expand(self, annex.content, {}, { annex = annex })
      add_given(annex.blocks)
      given_at = nil
    end
  end

  -- Amounts in words are one choice for the whole document, applied wherever an amount is
  -- printed by a template.
  clauses.amounts_in_words = spec.amounts_in_words and l.amount_in_words or nil
  -- Gathering the facts is most of a version's cost past its clauses (walking every table of
  -- amounts a template reads): not for a version built only to be compared.
  local stating = not private.building_versions
  if stating then facts.begin() end
  local ok, message = pcall(function()
    for _, part in ipairs(self.parts) do
      c.text_origin(nil)  -- what the library adds itself (« Il a été convenu… ») names no line
      builders[part]()
    end
  end)
  clauses.amounts_in_words = nil
  c.text_origin(nil)
  content_function = nil  -- left set by a content function that failed
  local clause = rendering
  rendering = nil
  if not ok then
    if stating then facts.abandon() end
    error(at_user_place(message, clause, given_at), 0)
  end
  -- The parties as the class lists them: a script's agreement may shadow the method.
  if stating then facts.finish(self, doc, Agreement.party_list(self)) end
  built[doc] = self
  return doc
end

-- Problems found in the data name the data file, not this module.
M.from_data = data.guarded(M.from_data)

-- The methods apart from the class: `object.__index` is not the class (strict.methods_of).
Agreement.__index = strict.methods_of(Agreement)
Clause.__index = strict.methods_of(Clause)

return M
