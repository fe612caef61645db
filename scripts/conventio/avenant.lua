--- Avenants computed from a change set. The Convention is rebuilt by its own script and data;
--- the change set's data changes and edits give the amended Convention, built the same way
--- and re-checked by the same library (totals, tranches, AE/CP, strata, bank keys); the two
--- are compared and the avenant worded from the differences (shared/docs/avenants.md). The
--- amended Convention keeps the numbers of the one it amends. Avenants chain: a change set
--- that `follows` another amends the Convention as amended by it, and cites it.
---
---   local Avenant = require "conventio.avenant"
---   local av = Avenant.from_change_set(data)      -- data: the change set (--data x.json)
---   return av:document()                          -- or av:amended_document()
local c = require "conventio"
local Agreement = require "conventio.agreement"
local change_set = require "conventio.avenant.change_set"
local compare = require "conventio.avenant.compare"
local wording = require "conventio.avenant.wording"
local strict = require "conventio.strict"

local M = {}

local Avenant = {}
Avenant.__index = Avenant

local fail = change_set.fail

-- ------------------------------------------------------------------ building a version

local function id_of(entry, parent)
  if entry.key then return entry.key end
  return (parent and (id_of(parent) .. "/") or "") .. "title:" .. entry.title
end

local function find_entry(agreement, key)
  for i, article in ipairs(agreement.articles) do
    if article.key == key then return agreement.articles, i, article end
    for j, s in ipairs(article.sections) do
      if s.key == key then return article.sections, j, s end
    end
  end
  return nil
end

local amount_pattern = "%d[%d\u{a0}\u{202f} ]*,?%d*%s*€"

--- Applies the article-level edits of change set `set` to built agreement `a`.
local function apply_edits(a, set, base_units)
  local deleted = {}
  for _, edit in ipairs(set.edits) do
    local list, index, entry = find_entry(a, edit.target)
    if not entry then
      local why = deleted[edit.target] and " (an earlier edit deletes it)" or strict.suggestion(edit.target, a.by_key)
      fail(set.file, edit.where, ("no article has the key %s%s"):format(edit.target, why))
    end
    local paragraphs = {}
    for _, t in ipairs(edit.text or {}) do
      -- An amount is computed from data by the financial articles: an edit cannot type one.
      if t:find(amount_pattern) and base_units then
        fail(set.file, edit.where,
            "an amount in an article is computed from the data: change the amount in `data`, not in the text")
      end
      paragraphs[#paragraphs + 1] = c.Markdown(t)
    end
    if edit.op == "replace" then
      entry.content = paragraphs
      if edit.title then entry.title = edit.title end
    elseif edit.op == "complete" then
      entry.content = { entry.content, paragraphs }
    elseif edit.op == "delete" then
      table.remove(list, index)
      a.by_key[edit.target] = nil
      deleted[edit.target] = true
    else
      if a.by_key[edit.key] then fail(set.file, edit.where, ("the key %s is already used"):format(edit.key)) end
      local new = { kind = "article", key = edit.key, title = edit.title, content = paragraphs, sections = {},
                    numbered = true, parent = entry.parent }
      a.by_key[edit.key] = new
      table.insert(list, index + 1, new)
    end
  end
end

-- Numbers of the amended agreement: an article that was there keeps its number; an inserted
-- one is "4-1" inside its level, the next number at the end of it (avenants.md rule 6).
local function keep_numbers(a, base)
  local known = {}
  for _, article in ipairs(base.articles) do
    known[id_of(article)] = article.number
    for _, s in ipairs(article.sections) do if s.number then known[id_of(s, article)] = s.number end end
  end
  for _, annex in ipairs(base.annexes) do known["annex:" .. id_of(annex)] = annex.number end
  local function level(entries, id, prefix)
    local highest = 0
    for _, e in ipairs(entries) do
      local n = known[id(e)]
      local last = n and tonumber(n:match("(%d+)$"))
      if last and not n:find("-", 1, true) and last > highest then highest = last end
    end
    local previous, suffix = nil, 0
    for i, e in ipairs(entries) do
      local n = known[id(e)]
      if n then
        e.fixed_number, previous, suffix = n, n, 0
      else
        local later_known = false
        for k = i + 1, #entries do later_known = later_known or known[id(entries[k])] ~= nil end
        if later_known and previous then
          suffix = suffix + 1
          e.fixed_number = previous .. "-" .. suffix
        else
          highest = highest + 1
          e.fixed_number = prefix .. highest
        end
      end
    end
  end
  level(a.articles, function(e) return id_of(e) end, "")
  for _, article in ipairs(a.articles) do
    local numbered = {}
    for _, s in ipairs(article.sections) do if s.numbered then numbered[#numbered + 1] = s end end
    level(numbered, function(e) return id_of(e, article) end, article.fixed_number .. ".")
  end
  level(a.annexes, function(e) return "annex:" .. id_of(e) end, "")
end

-- Runs the Convention's script on `data`; the agreement it built.
local function run(script, data, data_file)
  local saved = c.data_file
  c.data_file = data_file
  local ok, doc = pcall(script, change_set.copy(data))
  c.data_file = saved
  if not ok then error(doc, 0) end
  local agreement = Agreement.of_document(doc)
  if not agreement then error(data_file .. ": the agreement's script must return agreement:document()", 0) end
  return agreement
end

-- The data change a message from the library is about, if the message names its field.
local function change_named(set, message)
  local best
  for _, change in ipairs(set.data) do
    local path = change.path:gsub("%[%+%]$", "")
    local head = path:match("^[^%.]+")
    if message:find(path, 1, true) then return change end
    if head and message:find(head, 1, true) then best = best or change end
  end
  return best
end

-- One version of the Convention: the base, or the base as amended by `sets[1..k]`.
local function build(base, sets, k)
  local data, data_file = base.data, base.data_file
  local agreement = run(base.script, data, data_file)
  local previous = agreement
  for i = 1, k do
    local set = sets[i]
    if set.new_data then
      local ok, loaded, path = pcall(c.load_data, set.new_data)
      if not ok then fail(set.file, "new_data", change_set.message(loaded)) end
      data, data_file = loaded, path
    else
      data = change_set.apply_data(data, set)
    end
    local ok, built = pcall(run, base.script, data, data_file)
    if not ok then
      -- The amended agreement is inconsistent: the change that made it so is the place.
      local message = change_set.message(built):gsub("^" .. data_file:gsub("%p", "%%%0") .. ": ", "")
      local change = change_named(set, message)
      fail(set.file, change and change.where, "the amended agreement is refused: " .. message)
    end
    -- The edits of every avenant so far: the script rebuilds the agreement from data alone.
    for j = 1, i do apply_edits(built, sets[j], true) end
    keep_numbers(built, previous)
    local rendered, err = pcall(built.document, built)
    if not rendered then fail(set.file, nil, "the amended agreement is refused: " .. change_set.message(err)) end
    previous = built
    agreement = built
  end
  return agreement
end

-- ------------------------------------------------------------------ checks

-- A prorogation is signed before the Convention ends (C. civ. 1213; avenants.md rule 11).
local function check_dates(set, earlier, base_date)
  for _, change in ipairs(set.data) do
    if change.op == "set" and change.path:match("end_date$") and type(change.old) == "string"
        and change.old:match("^%d%d%d%d%-%d%d%-%d%d$") then
      local old_end = c.Date(change.old)
      if not (set.signed < old_end or set.signed == old_end) then
        fail(set.file, change.where,
            ("a prorogation must be signed before the Convention ends (%s); the avenant is dated %s: "
             .. "a new convention is needed"):format(
          old_end.long, set.signed.long))
      end
    end
  end
  local last = earlier[#earlier]
  if last and set.signed < last.signed then
    fail(set.file, "date", ("the avenant is dated before avenant n° %d (%s)"):format(last.number, last.signed.long))
  end
  if base_date and set.signed < c.Date(base_date) then
    fail(set.file, "date", "the avenant is dated before the Convention")
  end
end

-- ------------------------------------------------------------------ the avenant

--- The avenant of change set `set` (a table, from --data or conventio.load_data); `file`
--- names it in messages (default: the data file).
---@param set table
---@param file string?
function M.from_change_set(set, file)
  file = file or c.data_file or "change set"
  local sets = {}
  local current, current_file = set, file
  local seen = {}
  while true do
    if seen[current_file] then fail(current_file, "follows", "the chain of avenants loops") end
    seen[current_file] = true
    table.insert(sets, 1, change_set.check(current, current_file))
    if current.follows == nil then break end
    local ok, loaded, path = pcall(c.load_data, current.follows)
    if not ok then fail(current_file, "follows", change_set.message(loaded)) end
    current, current_file = loaded, path
  end
  local first = sets[1]
  if not first.base then fail(first.file, "base",
      "the first avenant names the agreement it amends: base = { script, data }") end
  for i, s in ipairs(sets) do
    if i > 1 and s.base then fail(s.file, "base",
        "only the first avenant names the agreement; this one follows " .. sets[i - 1].file) end
    if s.number ~= i then
      fail(s.file, "number", ("this avenant is n° %d in its chain, not %d"):format(i, s.number))
    end
  end
  local ok, script = pcall(c.load_script, first.base.script)
  if not ok then fail(first.file, "base.script", change_set.message(script)) end
  local ok2, data, data_path = pcall(c.load_data, first.base.data)
  if not ok2 then fail(first.file, "base.data", change_set.message(data)) end
  local base = { script = script, data = data, data_file = data_path }
  local n = #sets
  local this = sets[n]
  local earlier = {}
  for i = 1, n - 1 do earlier[i] = sets[i] end
  local self = setmetatable({ set = this, earlier = earlier, first = first }, Avenant)
  self.base = build(base, sets, n - 1)
  self.amended = build(base, sets, n)
  -- Dates are checked once the changes' old values are known.
  check_dates(this, earlier, first.base.date or data.date)
  self.changes = compare.changes(self.base, self.amended)
  if #self.changes == 0 then fail(this.file, nil, "the change set changes nothing in the agreement") end
  return self
end

--- The amended Convention, rendered on its own (the clean consolidated version).
function Avenant:amended_document() return self.amended:document() end

--- The consolidated version of the Convention: its body with every change of this avenant
--- marked (see conventio.avenant.consolidated).
function Avenant:consolidated()
  local consolidated = require "conventio.avenant.consolidated"
  return consolidated.body(self.base:document(), self.amended:document())
end

--- The Convention as it stood before this avenant.
function Avenant:base_document() return self.base:document() end

--- The avenant itself: title, parties, visas, exposé, "Ceci exposé", Article 1er, one article
--- per amended article, the unchanged stipulations, entry into force, signatures.
function Avenant:document()
  local base, set = self.base, self.set
  local first = self.first
  local spec = base.spec
  local kind = first.base.kind or (spec.kind ~= "avenant" and spec.kind) or "partenariat"
  local base_date = first.base.date or spec.date
  if not base_date then
    fail(first.file, "base.date", "the Convention's date is needed (its data gives none)")
  end
  local a = Agreement.new {
    kind = "avenant", number = set.number, amends = { kind = kind, date = base_date },
    date = set.date, place = set.place or spec.place,
    parties = self.amended.parties, party_order = self.amended.party_order,
    parts = { "title", "parties", "visas", "preamble", "agreed", "articles", "signatures", "annexes" },
  }
  local order = self.amended.party_order
  local modification = base.by_key.modification and base.by_key.modification.number
  local earlier = {}
  for _, e in ipairs(self.earlier) do earlier[#earlier + 1] = { number = e.number, date = e.signed.long } end
  a:visa(a:clause("avenant/visa_convention", {
    base_kind = Agreement.kind_label(kind), base_date = c.Date(base_date).long,
    partner = self.amended.parties[order[1]], counterpart = self.amended.parties[order[2] or order[1]],
    earlier = earlier, modification_article = modification }))
  a:add_preamble(a:clause("avenant/expose", { modification_article = modification }))
  for _, r in ipairs(set.reasons or {}) do a:add_preamble(c.Markdown(r)) end
  local articles = wording.articles(self.changes)
  local w = require("conventio.clauses").front_matter("avenant/formules")
  a:article { key = "objet", title = w.title_purpose,
              content = a:clause("avenant/objet", { purpose = set.purpose or wording.purpose(articles) }) }
  for _, article in ipairs(articles) do
    a:article { title = article.title, content = article.content }
    if article.annex then a:annex { title = article.annex.title, content = article.annex.entry.blocks } end
  end
  a:article { key = "autres_stipulations", title = w.title_unchanged,
      content = a:clause("avenant/stipulations_inchangees") }
  a:article { key = "entree_en_vigueur", title = w.title_effect,
              content = a:clause("avenant/prise_effet", { date = set.effect and set.effect.long }) }
  if set.originals then a:signatures { originals = set.originals } end
  return a:document()
end

--- The change set file's fields (docs/reference.md).
M.fields = change_set.fields
M.edit_fields = change_set.edit_fields

return M
