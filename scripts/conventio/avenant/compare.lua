--- Compares two built agreements (the Convention as it stands and as amended), unit by unit
--- — the parties' designation, each article and numbered sub-article, each annex — and says
--- what changed in each, in the Convention's order, as operations an avenant can word
--- (shared/docs/avenants.md §3). No wording here: conventio.avenant.wording does that.
local c = require "conventio"
local text_diff = require "conventio.avenant.text_diff"

local M = {}

-- The alinéas of rendered blocks (every paragraph and list item is one, Circ. 2000); a
-- table is one unit, compared row by row. A list item keeps its list (`list`: the same table
-- for every item of one list block), its level (1, 2 for an item of a list inside an item) and
-- whether its list is ordered, so that an avenant quoting it quotes the list as it is. An
-- alinéa with notes or links has their `marks` (conventio.outline), and its block to be quoted.
local function add_outline(o, block, out)
  local list = {}
  local function add_items(items, level, ordered)
    for _, item in ipairs(items) do
      for _, b in ipairs(item) do
        if b.kind == "para" then
          out[#out + 1] = { kind = "para", text = b.text, marks = b.marks, block = b.block, item = true, list = list,
                            level = level, ordered = ordered }
        elseif b.kind == "list" then add_items(b.items, level + 1, b.ordered) end
      end
    end
  end
  if o.kind == "para" then
    out[#out + 1] = { kind = "para", text = o.text, marks = o.marks, block = block }
  elseif o.kind == "list" then
    add_items(o.items, 1, o.ordered)
  elseif o.kind == "table" then
    local lines = {}
    for _, row in ipairs(o.rows) do lines[#lines + 1] = table.concat(row, "\t") end
    out[#out + 1] = { kind = "table", rows = o.rows, widths = o.widths, header = o.header, marks = o.marks,
                      text = table.concat(lines, "\n"), block = block }
  end
  return out
end

local function alineas_of_outline(o) return add_outline(o, nil, {}) end

local function alineas(blocks, out)
  out = out or {}
  if not blocks or #blocks == 0 then return out end
  for i, o in ipairs(c.outline(blocks)) do add_outline(o, blocks[i], out) end
  return out
end
M.alineas = alineas

--- All the text of a list or table outline (conventio.outline), one line per paragraph or cell.
---@param o table
function M.alinea_text(o)
  local out = {}
  for _, a in ipairs(alineas_of_outline(o)) do out[#out + 1] = a.text end
  return table.concat(out, "\n")
end

local function identity(entry, parent)
  if entry.key then return entry.key end
  return (parent and (identity(parent) .. "/") or "") .. "title:" .. entry.title
end

-- A unit holds its content as `parts`, in order: arrays of blocks, and the headings of its
-- unnumbered sections ({ heading = title }). Its alinéas are made from them when first read: most units
-- of an avenant are unchanged, told so by their signature without making their alinéas.
local Unit = {}
-- An avenant's units are reachable from its fields: getmetatable names them, not the class
-- (host/lua/library_modules.hpp).
Unit.__metatable = "conventio.avenant.Unit"
Unit.__index = function(unit, key)
  if key ~= "alineas" then return nil end
  local out = {}
  for _, part in ipairs(rawget(unit, "parts")) do
    if part.heading then
      -- An unnumbered section's heading and text are alinéas of its article.
      out[#out + 1] = { kind = "para", text = part.title, heading = true }
    else
      alineas(part, out)
    end
  end
  rawset(unit, "alineas", out)
  return out
end

-- A string equal for two units whose alinéas are equal (conventio.outline_signature of each
-- array of blocks, the headings as they are).
local function signature(unit)
  local kept = rawget(unit, "signature")
  if kept then return kept end
  local out = {}
  for i, part in ipairs(unit.parts) do
    if part.heading then
      local title = part.title
      out[i] = type(title) == "string" and ("h" .. #title .. ":" .. title) or ("h?" .. tostring(title))
    elseif #part == 0 then
      out[i] = "e"  -- no blocks: no alinéa
    else
      out[i] = "b" .. c.outline_signature(part)
    end
  end
  kept = table.concat(out, "\n")
  rawset(unit, "signature", kept)
  return kept
end

-- True when two units hold the very same blocks (conventio.same_blocks) and headings: a clause
-- rendered to the same text in both versions gives the Markdown cache's blocks in both, so most
-- units are told unchanged without their signatures.
local function same_parts(old, new)
  local a, b = old.parts, new.parts
  if #a ~= #b then return false end
  for i = 1, #a do
    local x, y = a[i], b[i]
    if x.heading or y.heading then
      if not (x.heading and y.heading and x.title == y.title) then return false end
    elseif not c.same_blocks(x, y) then
      return false
    end
  end
  return true
end

local function new_unit(fields, parts)
  fields.parts = parts
  return setmetatable(fields, Unit)
end

--- The units of a built agreement, in its order: { id, kind = "designation"|"party"|"visas"|
--- "preamble"|"article"|"annex", number, title, alineas, entry, parent_id }. The designation holds the parties whose
--- role is in `known` (all when nil); each other party is a unit of its own (kind "party",
--- `party`), a party joining the Convention.
---@param agreement conventio.Agreement
---@param known table? set of roles
function M.units(agreement, known)
  local out = {}
  local designation, joined = {}, {}
  for i, blocks in ipairs(agreement.party_blocks or {}) do
    local role = (agreement.party_roles or {})[i]
    if known == nil or known[role] then
      designation[#designation + 1] = blocks
    else
      joined[#joined + 1] = new_unit({ id = "party:" .. role, kind = "party", role = role,
                                   party = agreement.parties[role] }, { blocks })
    end
  end
  out[#out + 1] = new_unit({ id = "designation", kind = "designation" }, designation)
  for _, u in ipairs(joined) do out[#out + 1] = u end
  -- The visas (each one alinéa) and the preamble: stipulations of the Convention too.
  out[#out + 1] = new_unit({ id = "visas", kind = "visas" }, agreement.visa_blocks or {})
  out[#out + 1] = new_unit({ id = "preamble", kind = "preamble" }, agreement.preamble_blocks or {})
  for _, article in ipairs(agreement.articles) do
    local parts = { article.blocks or {} }
    local article_unit = new_unit({ id = identity(article), kind = "article", number = article.number,
                                title = article.title, entry = article }, parts)
    out[#out + 1] = article_unit
    for _, s in ipairs(article.sections) do
      if s.number then
        out[#out + 1] = new_unit({ id = identity(s, article), kind = "article", number = s.number, title = s.title,
                               entry = s, parent_id = article_unit.id }, { s.blocks or {} })
      else
        parts[#parts + 1] = { heading = true, title = s.title }
        parts[#parts + 1] = s.blocks or {}
      end
    end
  end
  for _, annex in ipairs(agreement.annexes) do
    out[#out + 1] = new_unit({ id = "annex:" .. identity(annex), kind = "annex", number = annex.number,
                           title = annex.title, entry = annex }, { annex.blocks or {} })
  end
  return out
end

-- When an alinéa of several sentences changes in one of them only, that sentence is
-- rewritten (avenants.md §3, 6): { index, text } or nil.
local function one_sentence_changed(old, new)
  local a, b = text_diff.sentences(old), text_diff.sentences(new)
  if #a ~= #b or #a < 2 then return nil end
  local found
  for i = 1, #a do
    if a[i] ~= b[i] then
      if found then return nil end
      found = { index = i, text = b[i] }
    end
  end
  return found
end

-- Two alinéas differing in the kind of their spaces only are the same: no change to word.
local function same_alinea(a, b)
  return a.kind == b.kind and a.marks == b.marks
         and (a.text == b.text or text_diff.plain_spaces(a.text) == text_diff.plain_spaces(b.text))
end

-- Bank details (templates/finances/coordonnees_bancaires) open with the label of their first
-- line; they are replaced as a whole (avenants.md §3, 21).
local function bank_label()
  local clauses = require "conventio.clauses"
  return clauses.front_matter("finances/coordonnees_bancaires").first_label
end

-- True when alinéa `a` is a block of bank details.
local function is_bank_details(a)
  local label = bank_label()
  return a.kind == "para" and label ~= nil and a.text:sub(1, #label) == label
end

local function word_set(text)
  local out, n = {}, 0
  for w in text:gmatch("[^%s%p]+") do
    if not out[w] then out[w], n = true, n + 1 end
  end
  return out, n
end

-- How alike two alinéas are, from 0 to 1: the share of their words they have in common; two
-- alinéas of different kinds (a table, a paragraph; bank details, other text) are not alike.
local function likeness(x, y)
  if x.kind ~= y.kind or is_bank_details(x) ~= is_bank_details(y) then return 0 end
  if x.kind ~= "para" or is_bank_details(x) then return 1 end
  local a, na = word_set(x.text)
  local b, nb = word_set(y.text)
  if na + nb == 0 then return 1 end
  local common = 0
  for w in pairs(a) do if b[w] then common = common + 1 end end
  return 2 * common / (na + nb)
end

-- In a stretch of changed alinéas of unequal lengths, which old alinéa is a version of which
-- new one: the pairs (in order) that make the alinéas most alike, a pair only when they are
-- alike enough; the others are deleted or inserted.
local function pair_alike(a, a_from, a_to, b, b_from, b_to)
  local n, m = a_to - a_from + 1, b_to - b_from + 1
  local score = {}
  for i = 0, n do
    score[i] = {}
    for j = 0, m do
      if i == 0 or j == 0 then score[i][j] = 0
      else
        local l = likeness(a[a_from + i - 1], b[b_from + j - 1])
        local best = math.max(score[i - 1][j], score[i][j - 1])
        if l >= 0.4 then best = math.max(best, score[i - 1][j - 1] + l) end
        score[i][j] = best
      end
    end
  end
  local out = {}
  local i, j = n, m
  while i > 0 and j > 0 do
    local l = likeness(a[a_from + i - 1], b[b_from + j - 1])
    if l >= 0.4 and score[i][j] == score[i - 1][j - 1] + l then
      table.insert(out, 1, { a_from + i - 1, b_from + j - 1 })
      i, j = i - 1, j - 1
    elseif score[i][j] == score[i - 1][j] then i = i - 1
    else j = j - 1 end
  end
  return out
end

-- Row changes of a table: by label (first cell), never by rank.
local function table_ops(old, new)
  local function body(t)
    local rows = {}
    for i, r in ipairs(t.rows) do if not (t.header and i == 1) then rows[#rows + 1] = r end end
    return rows
  end
  if old.header ~= new.header or #old.widths ~= #new.widths then return nil end
  if old.header and table.concat(old.rows[1], "\t") ~= table.concat(new.rows[1], "\t") then return nil end
  local a, b = body(old), body(new)
  local seen = {}
  for _, r in ipairs(a) do
    if seen[r[1]] or r[1] == "" then return nil end
    seen[r[1]] = true
  end
  local ops = {}
  local matched = text_diff.lcs(a, b, function(x, y) return x[1] == y[1] end)
  local in_b = {}
  for _, p in ipairs(matched) do in_b[p[2]] = p[1] end
  local in_a = {}
  for _, p in ipairs(matched) do in_a[p[1]] = p[2] end
  for i, r in ipairs(a) do
    if not in_a[i] then ops[#ops + 1] = { op = "row_deleted", label = r[1] } end
  end
  local previous
  for j, r in ipairs(b) do
    local i = in_b[j]
    if not i then
      ops[#ops + 1] = { op = "row_inserted", after = previous, row = r }
    else
      local differing = {}
      for k = 1, #r do if r[k] ~= a[i][k] then differing[#differing + 1] = k end end
      if #differing == 1 and old.header then
        local k = differing[1]
        ops[#ops + 1] = { op = "cell", label = r[1], column = old.rows[1][k], old = a[i][k], new = r[k] }
      elseif #differing > 0 then
        ops[#ops + 1] = { op = "row_rewritten", label = r[1], row = r }
      end
    end
    previous = r[1]
  end
  for _, o in ipairs(ops) do o.table = new end
  return ops
end

-- The visas and the preamble are rewritten, never amended word by word: each alinéa that
-- changed ({ op = "alineas_rewritten", at = { k... } }), or the whole ({ op = "rewritten" }) when
-- their number changes.
local function front_ops(old, new)
  local a, b = old.alineas, new.alineas
  if #a ~= #b then return { { op = "rewritten" } } end
  local at = {}
  for k = 1, #a do if not same_alinea(a[k], b[k]) then at[#at + 1] = k end end
  if #at == 0 then return {} end
  return { { op = "alineas_rewritten", at = at } }
end

--- What changed between two versions of one unit: a list of operations on the old unit's
--- alinéas ({ op = "words", at = k, change = ... }, "alinea_rewritten", "alineas_inserted",
--- "alineas_appended", "alineas_deleted", table row ops), or { op = "rewritten" } when the
--- rule of avenants.md says the whole unit is rewritten.
---@param old table
---@param new table
function M.unit_ops(old, new)
  if old.kind == "visas" or old.kind == "preamble" then return front_ops(old, new) end
  if old.title ~= new.title then return { { op = "rewritten" } } end
  local a, b = old.alineas, new.alineas
  -- Most units of an avenant are unchanged: said without aligning them.
  if #a == #b then
    local same = true
    for k = 1, #a do
      if not same_alinea(a[k], b[k]) then same = false; break end
    end
    if same then return {} end
  end
  local ops, changed = {}, 0
  -- One old alinéa changed into its new version.
  local function changed_pair(i, j)
    local x, y = a[i], b[j]
    changed = changed + 1
    if x.kind == "para" and y.kind == "para" then
      -- A note or a link changed is no change of words: the alinéa is quoted again whole, with
      -- them (avenants.md §3, 6).
      if x.marks ~= y.marks then
        ops[#ops + 1] = { op = "alinea_rewritten", at = i, new = { y } }
        return true
      end
      if is_bank_details(x) and is_bank_details(y) then
        ops[#ops + 1] = { op = "bank_details", at = i, new = { y } }
        return true
      end
      local single = (not x.heading) and text_diff.single_change(x.text, y.text)
      local phrase = (not single and not x.heading) and one_sentence_changed(x.text, y.text)
      if single then ops[#ops + 1] = { op = "words", at = i, change = single }
      elseif phrase then ops[#ops + 1] = { op = "phrase_rewritten", at = i, phrase = phrase.index,
                                           new = { { kind = "para", text = phrase.text } } }
      else ops[#ops + 1] = { op = "alinea_rewritten", at = i, new = { y } } end
    elseif x.kind == "table" and y.kind == "table" then
      local rows = x.marks == y.marks and table_ops(x, y)
      if rows then
        for _, r in ipairs(rows) do r.at = i; ops[#ops + 1] = r end
      else
        ops[#ops + 1] = { op = "table_rewritten", at = i, new = y }
      end
    else
      return false
    end
    return true
  end
  -- New alinéas b[from..to], inserted after old alinéa `after` (0: before the first).
  local function inserted(after, from, to)
    if to < from then return true end
    changed = changed + (to - from + 1)
    local new_alineas = {}
    for k = from, to do new_alineas[#new_alineas + 1] = b[k] end
    if after >= #a then ops[#ops + 1] = { op = "alineas_appended", new = new_alineas }
    elseif after < 1 then return false
    else ops[#ops + 1] = { op = "alineas_inserted", after = after, new = new_alineas } end
    return true
  end
  local function deleted(from, to)
    if to < from then return end
    changed = changed + (to - from + 1)
    ops[#ops + 1] = { op = "alineas_deleted", from = from, to = to }
  end
  for _, h in ipairs(text_diff.hunks(a, b, same_alinea)) do
    local a_from, a_to, b_from, b_to = h[1], h[2], h[3], h[4]
    local matched
    if a_to - a_from == b_to - b_from then
      matched = {}
      for k = 0, a_to - a_from do matched[#matched + 1] = { a_from + k, b_from + k } end
    else
      matched = pair_alike(a, a_from, a_to, b, b_from, b_to)
    end
    local i, j = a_from, b_from
    matched[#matched + 1] = { a_to + 1, b_to + 1 }
    for _, p in ipairs(matched) do
      -- Between two pairs of alike alinéas, the others are paired in order, the rest of the
      -- longer side deleted or inserted.
      local k = math.min(p[1] - i, p[2] - j)
      for d = 0, k - 1 do
        if not changed_pair(i + d, j + d) then return { { op = "rewritten" } } end
      end
      deleted(i + k, p[1] - 1)
      if not inserted(i + k - 1, j + k, p[2] - 1) then return { { op = "rewritten" } } end
      if p[1] <= a_to and not changed_pair(p[1], p[2]) then return { { op = "rewritten" } } end
      i, j = p[1] + 1, p[2] + 1
    end
  end
  -- Most of the unit changed: it is rewritten (avenants.md, choosing the unit).
  if #a > 1 and changed * 2 > math.max(#a, #b) and old.kind ~= "designation" then return { { op = "rewritten" } } end
  return ops
end

-- `changes` with an article that changed, whose sub-articles are all deleted and which has
-- none left, stated as rewritten whole (« L'article 6 est ainsi rédigé : »), its sub-articles'
-- deletions with it: an edit `replace` of an article divided into sub-articles, which a juriste
-- states so rather than as an alinéa added and each sub-article deleted.
local function whole_articles_rewritten(changes, new_units)
  local keeps_sections = {}
  for _, u in ipairs(new_units) do if u.parent_id then keeps_sections[u.parent_id] = true end end
  local sections, deleted, changed = {}, {}, {}
  for _, change in ipairs(changes) do
    local unit = change.unit
    if unit and unit.parent_id then
      sections[unit.parent_id] = (sections[unit.parent_id] or 0) + 1
      if change.ops[1].op == "deleted" then deleted[unit.parent_id] = (deleted[unit.parent_id] or 0) + 1 end
    elseif unit and unit.kind == "article" and change.new then
      changed[unit.id] = true
    end
  end
  local function rewritten(id)
    return id and changed[id] and deleted[id] and deleted[id] == sections[id] and not keeps_sections[id]
  end
  local out = {}
  for _, change in ipairs(changes) do
    local unit = change.unit
    if unit and rewritten(unit.parent_id) then  -- luacheck: ignore 542
      -- stated by its article's rewriting
    elseif unit and rewritten(unit.id) then
      out[#out + 1] = { unit = unit, new = change.new, ops = { { op = "rewritten" } } }
    else
      out[#out + 1] = change
    end
  end
  return out
end

--- The changes from agreement `base` to agreement `amended`, in the Convention's order:
--- { { unit = old unit or nil, new = new unit or nil, ops = {...} } }.
---@param base conventio.Agreement
---@param amended conventio.Agreement
function M.changes(base, amended)
  -- A party the Convention did not have joins it: a unit of its own, not a change of the
  -- designation of the others.
  local known = {}
  for _, role in ipairs(base.party_roles or {}) do known[role] = true end
  local old_units, new_units = M.units(base), M.units(amended, known)
  local new_by_id, old_by_id = {}, {}
  for _, u in ipairs(new_units) do new_by_id[u.id] = u end
  for _, u in ipairs(old_units) do old_by_id[u.id] = u end
  local out = {}
  local function inserted_after(previous_id)
    -- New units that follow `previous_id` in the amended agreement, before the next old one.
    local started = previous_id == nil
    for _, u in ipairs(new_units) do
      if started then
        if old_by_id[u.id] then break end
        -- An article inserted after one divided into sub-articles comes after that article (« Après
        -- l'article 4 »), not after its last sub-article.
        local after = previous_id and old_by_id[previous_id]
        while after and after.parent_id and not u.parent_id do after = old_by_id[after.parent_id] end
        out[#out + 1] = { new = u, after = after, ops = { { op = "inserted" } } }
      elseif u.id == previous_id then
        started = true
      end
    end
  end
  -- The line before the signatures states the number of originals (« en deux originaux »), which
  -- follows the signatories: a change of it is stated after the articles, before the annexes.
  local function originals(a) return a.signature and a.signature.originals end
  local function place(a) return (a.signature and a.signature.place) or a.spec.place end
  local signature_change = originals(base) ~= originals(amended) and {
    unit = { id = "signature", kind = "signature", place = place(base) },
    ops = { { op = "originals", old = originals(base), new = originals(amended), place = place(amended) } } } or nil
  for _, old in ipairs(old_units) do
    if signature_change and old.kind == "annex" then
      out[#out + 1], signature_change = signature_change, nil
    end
    local new = new_by_id[old.id]
    if not new then
      out[#out + 1] = { unit = old, ops = { { op = "deleted" } } }
    else
      -- The same title and alinéas: unit_ops would find nothing.
      local ops = (old.title == new.title and (same_parts(old, new) or signature(old) == signature(new))) and {}
                  or M.unit_ops(old, new)
      if #ops > 0 then out[#out + 1] = { unit = old, new = new, ops = ops } end
    end
    if new then inserted_after(old.id) end
  end
  if signature_change then out[#out + 1] = signature_change end
  return whole_articles_rewritten(out, new_units)
end

return M
