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
local tr = require("conventio").tr
local c = require "conventio"
local Agreement = require "conventio.agreement"
local amending = require "conventio.avenant.amending"
local change_set = require "conventio.avenant.change_set"
local closing = require "conventio.closing"
local compare = require "conventio.avenant.compare"
local text_diff = require "conventio.avenant.text_diff"
local wording = require "conventio.avenant.wording"
local strict = require "conventio.strict"

local M = {}

local Avenant = {}
Avenant.__index = Avenant
-- getmetatable gives the class's name, not the class: a script could change a method for every
-- object of the class (library_modules.hpp).
Avenant.__metatable = "conventio.Avenant"

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

-- An amount typed in figures: "700 000 €", "700 000 euros", "700 000 EUR".
local amount_patterns = {
  "%d[%d\u{a0}\u{202f} ]*,?%d*%s*€",
  "%d[%d\u{a0}\u{202f} ]*,?%d*%s*[Ee][Uu][Rr][Oo]?[Ss]?%f[^%a]",
}

local structural = { replace = true, insert_after = true, delete = true, complete = true }

local function check_no_amount(set, edit, text)
  -- An amount is computed from data by the financial articles: an edit cannot type one.
  for _, pattern in ipairs(amount_patterns) do
    if text:find(pattern) then
      fail(set.file, edit.where,
          tr("an amount in an article is computed from the data: change the amount in `data`, not in the text"))
    end
  end
end

local function entry_or_fail(a, set, edit, deleted)
  local list, index, entry = find_entry(a, edit.target)
  if not entry then
    for i, annex in ipairs(a.annexes) do
      if annex.key == edit.target and not structural[edit.op] then return a.annexes, i, annex end
    end
    local why = deleted[edit.target] and " (an earlier edit deletes it)" or strict.suggestion(edit.target, a.by_key)
    fail(set.file, edit.where, tr("no article has the key %s%s"):format(edit.target, why))
  end
  return list, index, entry
end

--- Applies the structural edits of change set `set` (replace, insert_after, delete,
--- complete) to agreement `a`, before it is rendered; returns the edit that took out each key
--- (an article deleted, the sub-articles of one replaced).
local function apply_edits(a, set)
  local deleted = {}
  for _, edit in ipairs(set.edits) do
    if structural[edit.op] then
      local list, index, entry = entry_or_fail(a, set, edit, deleted)
      local paragraphs = {}
      for _, t in ipairs(edit.text or {}) do
        check_no_amount(set, edit, t)
        paragraphs[#paragraphs + 1] = c.Markdown(t)
      end
      if edit.op == "replace" then
        entry.content = paragraphs
        if edit.title then entry.title = edit.title end
        -- The whole article is rewritten (« L'article 6 est ainsi rédigé »): its sub-articles
        -- go with its text, as the avenant then states.
        for _, section in ipairs(entry.sections or {}) do
          if section.key then
            a.by_key[section.key] = nil
            deleted[section.key] = edit
          end
        end
        if entry.sections then entry.sections = {} end
      elseif edit.op == "complete" then
        -- Its end is its last sub-article's: an alinéa added there belongs to that one, and
        -- one added to the article's own text would come before its sub-articles.
        if entry.sections and #entry.sections > 0 then
          local names = {}
          for _, section in ipairs(entry.sections) do names[#names + 1] = section.key or section.title end
          fail(set.file, edit.where, tr("the article %s is divided into sub-articles (%s): complete the one the "
              .. "alinéas belong to, or add one after the last with insert_after"):format(edit.target,
              table.concat(names, ", ")))
        end
        entry.content = { entry.content, paragraphs }
      elseif edit.op == "delete" then
        table.remove(list, index)
        a.by_key[edit.target] = nil
        deleted[edit.target] = edit
      else
        if a.by_key[edit.key] then fail(set.file, edit.where, tr("the key %s is already used"):format(edit.key)) end
        local new = { kind = "article", key = edit.key, title = edit.title, content = paragraphs, sections = {},
                      numbered = true, parent = entry.parent }
        a.by_key[edit.key] = new
        table.insert(list, index + 1, new)
      end
    end
  end
  return deleted
end

-- Why words could not be replaced where they are (conventio.replace_words).
local words_problems = {
  heading = function() return tr("the words are in a heading: give the article's title") end,
  table = function() return tr("the words are in a table: change its row instead (row)") end,
  live_text = function(old) return tr("the words « %s » take in an article number or another live reference: "
      .. "choose words before or after it"):format(old) end,
  across_inline = function(old) return tr("the words « %s » run across a footnote: "
      .. "choose words before or after it"):format(old) end,
  not_running_text = function(old) return tr("the words « %s » are in a paragraph that is not the article's "
      .. "text (a signature block): an avenant changes words of its paragraphs and lists"):format(old) end,
}

-- The rendered blocks of `entry` with the words `old` replaced by `new` in its paragraphs and
-- lists; the number of blocks changed. The words are replaced inside the runs, so the live
-- references, notes and formatting around them stay as they were (and the consolidated
-- version marks only the words).
local function replace_words(entry, old, new, set, edit)
  local blocks, changed = c.replace_words(entry.blocks or {}, old, new)
  if not blocks then fail(set.file, edit.where, words_problems[changed](old)) end
  return blocks, changed
end

local function each_entry(a, fn)
  for _, article in ipairs(a.articles) do
    fn(article)
    for _, s in ipairs(article.sections) do fn(s) end
  end
  for _, annex in ipairs(a.annexes) do fn(annex) end
end

-- Whether `words` are in the parties' designation of agreement `a` (written from their data,
-- out of reach of an edit of the text): found as the edits find them (conventio.replace_words,
-- spaces and apostrophes as typed), replaced by themselves; nil from it is words found where
-- they cannot be replaced.
local function in_designation(a, words)
  for _, blocks in ipairs(a.party_blocks or {}) do
    local replaced, found = c.replace_words(blocks, words, words)
    if replaced == nil or found > 0 then return true end
  end
  return false
end

--- Applies the edits of change set `set` that work on rendered text (words, throughout, row,
--- delete_row) to agreement `a`, already rendered; returns whether it changed anything.
local function apply_text_edits(a, set, skip_throughout)
  local any = false
  for _, edit in ipairs(set.edits) do
    if edit.op == "words" then
      check_no_amount(set, edit, edit.new)
      local _, _, entry = entry_or_fail(a, set, edit, {})
      local blocks, changed = replace_words(entry, edit.old, edit.new, set, edit)
      if changed == 0 then
        fail(set.file, edit.where, tr("the words « %s » are not in the text of %s"):format(edit.old, edit.target))
      end
      entry.content, entry.blocks, any = blocks, blocks, true
    elseif edit.op == "throughout" and not skip_throughout then
      check_no_amount(set, edit, edit.new)
      local total = 0
      each_entry(a, function(entry)
        local blocks, changed = replace_words(entry, edit.old, edit.new, set, edit)
        if changed > 0 then entry.content, entry.blocks, total = blocks, blocks, total + changed end
      end)
      -- « Dans l'ensemble de la Convention »: its visas and preamble too.
      for _, part in ipairs { { a.visas, a.visa_blocks }, { a.preamble, a.preamble_blocks } } do
        for i, rendered in ipairs(part[2] or {}) do
          local blocks, changed = replace_words({ blocks = rendered }, edit.old, edit.new, set, edit)
          if changed > 0 then part[1][i], part[2][i], total = blocks, blocks, total + changed end
        end
      end
      if total == 0 then
        local why = in_designation(a, edit.old) and tr(" (they are in the parties' designation, which their data "
            .. "writes: change the party's field with `set`)") or ""
        fail(set.file, edit.where, tr("the words « %s » are not in the articles or annexes%s"):format(edit.old, why))
      end
      any = true
    elseif edit.op == "row" or edit.op == "delete_row" then
      for _, cell in ipairs(edit.cells or {}) do check_no_amount(set, edit, cell) end
      local _, _, entry = entry_or_fail(a, set, edit, {})
      local blocks = entry.blocks or {}
      local outline = c.outline(blocks)
      local done = false
      local out = {}
      for i, o in ipairs(outline) do
        local block = blocks[i]
        if o.kind == "table" and not done then
          local at, after_at = nil, nil
          for r, row in ipairs(o.rows) do
            if row[1] == edit.label and not (o.header and r == 1) then at = r end
            if edit.after and row[1] == edit.after then after_at = r end
          end
          if edit.cells and #edit.cells ~= #o.widths then
            fail(set.file, edit.where, tr("the table has %d columns, cells gives %d"):format(#o.widths, #edit.cells))
          end
          if edit.after and not after_at then
            fail(set.file, edit.where, tr("no table of %s has a row labelled « %s »"):format(edit.target, edit.after))
          end
          -- Only the row edited changes: the table's other rows keep their references and
          -- formatting.
          local row = edit.cells and c.Table { widths = o.widths, rows = { edit.cells } }
          if edit.op == "delete_row" and at then block = c.edit_row(block, "remove", at); done = true
          elseif edit.op == "row" and at then block = c.edit_row(block, "replace", at, row); done = true
          elseif edit.op == "row" and (after_at or not edit.after) then
            block = c.edit_row(block, "insert_after", after_at or #o.rows, row); done = true
          end
        end
        out[#out + 1] = block
      end
      if not done then
        fail(set.file, edit.where, tr("no table of %s has a row labelled « %s »"):format(edit.target,
          edit.after or edit.label))
      end
      -- Later edits of this set see this one's result.
      entry.content, entry.blocks, any = out, out, true
    end
  end
  return any
end

-- The number of an article inserted after the one numbered `previous` and before the one
-- numbered `next_known`, none of `used` (avenants.md rule 6): after « 3-1 » at the end of the
-- run of 3, « 3-2 »; after « 3 » (or « 3-1 ») and before its own « 3-1 » (« 3-1-1 »), « 3-0-1 »
-- (« 3-1-0-1 »), which sorts between them; else « 3-1 » after « 3 », « 3-1-1 » between « 3-1 »
-- and « 3-2 ».
local function number_between(previous, next_known, used)
  local function first_free(stem, from)
    local k = from
    while used[stem .. "-" .. k] do k = k + 1 end
    return stem .. "-" .. k
  end
  local function within(number, stem) return number:sub(1, #stem + 1) == stem .. "-" end
  local stem, k = previous:match("^(.*)%-(%d+)$")
  if stem and not within(next_known, stem) then return first_free(stem, tonumber(k) + 1) end
  if within(next_known, previous) then return first_free(previous .. "-0", 1) end
  return first_free(previous, 1)
end

-- Numbers of the amended agreement: an article that was there keeps its number; an inserted
-- one is "4-1" inside its level, the next number at the end of it (avenants.md rule 6). A
-- number the Convention has had, in any version of the chain, is never given again: an article
-- deleted leaves its number vacant (rule 7). `a.numbers_used` keeps them for the next avenant.
local function keep_numbers(a, base)
  local known = {}
  for _, article in ipairs(base.articles) do
    known[id_of(article)] = article.number
    for _, s in ipairs(article.sections) do if s.number then known[id_of(s, article)] = s.number end end
  end
  for _, annex in ipairs(base.annexes) do known["annex:" .. id_of(annex)] = annex.number end
  local used = {}
  for n in pairs(base.numbers_used or {}) do used[n] = true end
  for _, n in pairs(known) do used[n] = true end
  -- Annexes are numbered apart from articles.
  local used_annexes = {}
  for _, annex in ipairs(base.annexes) do used_annexes[annex.number] = true end
  local function level(entries, id, prefix, taken)
    local highest = 0
    for n in pairs(taken) do
      local last = n:sub(1, #prefix) == prefix and n:sub(#prefix + 1):match("^(%d+)$")
      if last and tonumber(last) > highest then highest = tonumber(last) end
    end
    local previous
    for i, e in ipairs(entries) do
      local n = known[id(e)]
      if n then
        e.fixed_number, previous = n, n
      else
        local next_known
        for k = i + 1, #entries do next_known = next_known or known[id(entries[k])] end
        if next_known and previous then
          e.fixed_number = number_between(previous, next_known, taken)
        else
          highest = highest + 1
          e.fixed_number = prefix .. highest
        end
        taken[e.fixed_number], previous = true, e.fixed_number
      end
    end
  end
  level(a.articles, function(e) return id_of(e) end, "", used)
  for _, article in ipairs(a.articles) do
    local numbered = {}
    for _, s in ipairs(article.sections) do if s.numbered then numbered[#numbered + 1] = s end end
    level(numbered, function(e) return id_of(e, article) end, article.fixed_number .. ".", used)
  end
  level(a.annexes, function(e) return "annex:" .. id_of(e) end, "", used_annexes)
  a.numbers_used = used
end

-- Runs the Convention's script on `data` (on a copy, unless `last`: data read by nothing after,
-- which the script may change); the agreement it built.
local function run(script, data, data_file, last)
  local saved = c.data_file
  c.data_file = data_file
  local ok, doc = pcall(script, last and data or change_set.copy(data))
  c.data_file = saved
  if not ok then error(doc, 0) end
  local agreement = Agreement.of_document(doc)
  if not agreement then error(tr("%s: the agreement's script must return agreement:document()")
      :format(data_file), 0) end
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
    -- An article taken out that a clause still refers to: "reference to 'duree'".
    local last = path:match("([^%.]+)$")
    if change.op == "remove" and last and message:find("'" .. last .. "'", 1, true) then best = best or change end
  end
  if best then return best end
  -- A message naming no field (a constructor's: "Money: expected a string…, got table"): the
  -- change that put a list or an object where a text or a number was, or the reverse.
  for _, change in ipairs(set.data) do
    if change.op == "set" and change.old ~= nil and (type(change.to) == "table") ~= (type(change.old) == "table") then
      return change
    end
  end
  return nil
end

-- Whether the numbers keep_numbers fixed are those the agreement was rendered with: then
-- rendering it again would give the same blocks.
local function numbered_as_rendered(a)
  local same = true
  each_entry(a, function(e)
    if e.fixed_number and e.fixed_number ~= e.number then same = false end
  end)
  return same
end

-- The data of version i of the Convention: `set`'s new data file, or the changes of `set`
-- applied to the previous version's data.
local function data_of(set, data, data_file)
  if set.new_data then
    local ok, loaded, path = pcall(c.load_data, set.new_data)
    if not ok then fail(set.file, "new_data", change_set.message(loaded)) end
    return loaded, path
  end
  return change_set.apply_data(data, set), data_file
end

-- A party of `previous` that `built` no longer has: refused at the change that takes it out. Its
-- withdrawal is an avenant of its own kind (its consent and signature, the sums it paid or still
-- owes), which comparing the two versions does not word: it stated a designation rewritten and
-- the party's money gone, without the party signing.
local function refuse_a_party_leaving(set, previous, built)
  if not previous or not previous.party_order then return end
  local stays = {}
  for _, role in ipairs(built.party_order or {}) do stays[role] = true end
  for _, role in ipairs(previous.party_order) do
    if not stays[role] then
      local change
      for _, candidate in ipairs(set.data) do
        if candidate.path == "parties." .. role then change = candidate break end
        if candidate.path:match("^party_order") then change = change or candidate end
      end
      fail(set.file, change and change.where, tr("the party %s leaves the Convention: an avenant computed from a "
          .. "change set words a party joining, not one withdrawing (its consent, its signature, the sums paid): "
          .. "write that avenant with the Agreement library"):format(role))
    end
  end
end

-- The Convention's line before the signatures records how it was signed, and is left as it was
-- (Agreement.from_data does not check it in a version an avenant amends); but a number the change
-- set writes there is the avenant's to state, and must leave no party without an original.
local function refuse_originals_set_wrong(set, built)
  for _, change in ipairs(set.data) do
    if change.path == "signature.originals" then
      local problem = closing.originals_problem(built.signature and built.signature.originals,
                                                #built.party_order, "signature.originals")
      if problem then fail(set.file, change.where, problem) end
    end
  end
end

-- The Convention as amended by `sets[1..i]`, built by its script on `data` and numbered against
-- `previous` (the version before it); without the last set's `throughout` edits when
-- `skip_throughout` (the avenant words those once).
local function amend_once(base, sets, i, data, data_file, previous, skip_throughout, last)
  local set = sets[i]
  -- Built knowing it is amended by this avenant: a payment due at a signature already made
  -- stays so (conventio.avenant.amending).
  local ok, built = pcall(amending.building, set.number, previous, run, base.script, data, data_file, last)
  if not ok then
    -- The amended agreement is inconsistent: the change that made it so is the place.
    local message = change_set.message(built):gsub("^" .. data_file:gsub("%p", "%%%0") .. ": ", "")
    local change = change_named(set, message)
    fail(set.file, change and change.where, tr("the amended agreement is refused: %s"):format(message))
  end
  refuse_a_party_leaving(set, previous, built)
  refuse_originals_set_wrong(set, built)
  -- The edits of every avenant so far, in order: the script rebuilds the agreement from data
  -- alone. Edits of the text work on the rendered agreement, with its numbers.
  -- `taken_out`: the edits of `edited_by` that took out articles, by key (apply_edits).
  local function render(edited_by, taken_out)
    keep_numbers(built, previous)
    local rendered, err = pcall(built.document, built)
    if rendered then return end
    local message = change_set.message(err)
    -- A clause still refers to an article an edit took out: that edit is the place, not the
    -- library's template that holds the reference.
    local key = message:match("reference to '([^']+)', which no article")
    local edit = key and taken_out and taken_out[key]
    if edit then
      fail(edited_by.file, edit.where, tr("%s, which this edit takes out, is referred to by the agreement's text "
          .. "(another article cites it): keep it, or change what cites it"):format(key))
    end
    fail(set.file, nil, tr("the amended agreement is refused: %s"):format(message))
  end
  local edited = false
  for j = 1, i do edited = edited or #sets[j].edits > 0 end
  if not edited then
    -- Data changes only: the script rendered it; again only when its numbers must be those of
    -- the version before (an article the data adds is "4-1", not a renumbering).
    keep_numbers(built, previous)
    if not numbered_as_rendered(built) then render() end
    return built
  end
  for j = 1, i do
    render(sets[j], apply_edits(built, sets[j]))
    if apply_text_edits(built, sets[j], skip_throughout and j == i) then render() end
  end
  return built
end

-- fn(...) run with tbl[key] set to `value`, restored after, whether fn returns or raises.
local with_set = amending.with_set

-- fn(...) with the versions built to be compared only: their documents are dropped. Called
-- directly, never as a tail call: Agreement.as_versions refuses a caller it cannot see.
local as_versions = Agreement.as_versions

-- fn(...) with every amount a template prints recorded into `into` (conventio.facts' record,
-- which a version built only to be compared does not keep otherwise).
local function recording_amounts(into, fn, ...)
  return with_set(require "conventio.clauses", "printed_amounts", into, fn, ...)
end

-- Every version of the Convention: [0] the base, [i] the base as amended by `sets[1..i]`, each
-- built once; the data of the last, unless `last_unused` (the last version's script is then
-- given that data itself, a table made for it, instead of a copy); and the amounts the last two
-- versions print, the model's amounts the avenant may quote (its own text is checked against
-- them, as an agreement's is against its own).
local function build_versions(base, sets, n, last_unused)
  local data, data_file = base.data, base.data_file
  local amounts = {}
  local function build(i, fn, ...)
    if i >= n - 1 then return recording_amounts(amounts, fn, ...) end
    return fn(...)
  end
  local versions = { [0] = build(0, run, base.script, data, data_file) }
  for i = 1, n do
    data, data_file = data_of(sets[i], data, data_file)
    local last = i == n and last_unused
    versions[i] = build(i, amend_once, base, sets, i, data, data_file, versions[i - 1], false, last)
    if last then data = nil end
  end
  return versions, data, data_file, amounts
end

-- ------------------------------------------------------------------ checks

-- The clause `name` in `content` (an article's content: a clause, or a list of them), or nil.
local function clause_in(content, name, depth)
  depth = depth or 0
  if type(content) ~= "table" or depth > 4 then return nil end
  if content.name == name and content.params then return content end
  for _, inner in ipairs(content) do
    local found = clause_in(inner, name, depth + 1)
    if found then return found end
  end
  return nil
end

local function days_in_month(year, month)
  if month == 2 then return (year % 4 == 0 and (year % 100 ~= 0 or year % 400 == 0)) and 29 or 28 end
  return (month == 4 or month == 6 or month == 9 or month == 11) and 30 or 31
end

-- The last day of a duration of `months` from `start` (it takes effect that day): the day
-- before the same day `months` later.
local function end_after(start, months)
  local total = start.year * 12 + (start.month - 1) + months
  local year, month = total // 12, total % 12 + 1
  local day = math.min(start.day, days_in_month(year, month)) - 1
  if day == 0 then
    month = month - 1
    if month == 0 then year, month = year - 1, 12 end
    day = days_in_month(year, month)
  end
  return c.Date(year, month, day)
end

-- The day built agreement `a` ends: the latest date its duration article (key duree) states,
-- else the end of the duration in months or years its clause commun/duree gives from the
-- agreement's date; nil when it has neither.
local function end_of(a)
  local entry = a.by_key and a.by_key.duree
  if not entry then return nil end
  local latest
  for _, alinea in ipairs(compare.alineas(entry.blocks or {})) do
    -- Only an alinéa with a year holds a date: the others are not split into words (every row
    -- of a batch of avenants reads the article twice).
    local text = alinea.text or ""
    for _, d in ipairs(text:find("%d%d%d%d") and text_diff.dates(text) or {}) do
      local ok, date = pcall(c.Date, d[1], d[2], d[3])
      if ok and (not latest or latest < date) then latest = date end
    end
  end
  if latest then return latest end
  local clause = clause_in(entry.content, "commun/duree")
  local duration = clause and clause.params.duration
  local months = duration and (duration.months or (duration.years and duration.years * 12))
  if months and a.spec.date then return end_after(c.Date(a.spec.date), months) end
  return nil
end

-- The change of `set` that moves the Convention's end, for the message: a data change of its
-- duration or end date, an edit of the duration article, the new data; else none.
local function change_of_end(set)
  if set.new_data then return "new_data" end
  for _, change in ipairs(set.data) do
    if change.path:match("end_date") or change.path:match("duration") or change.path:match("months$")
        or change.path:match("years$") or change.path:match("duree") then return change.where end
  end
  for _, edit in ipairs(set.edits) do
    if edit.target == "duree" then return edit.where end
  end
  return nil
end

-- A prorogation is signed before the Convention ends (C. civ. 1213; avenants.md rule 11): told
-- from the two versions' ends, whatever change moves it.
-- Any other avenant too: a convention that has ended is amended by none (rule 11: after its
-- expiry, a new convention is needed).
-- An avenant takes effect while the Convention, as it amends it, is in force; and it does not end
-- the Convention before it is itself signed (an end in the past ends nothing: a resiliation does).
local function check_prorogation(set, base, amended, base_date)
  local old_end, new_end = end_of(base), end_of(amended)
  if new_end and new_end < set.signed and not (old_end and new_end == old_end) then
    fail(set.file, change_of_end(set), tr("the Convention would end on %s, before the avenant is signed (%s)"):format(
      new_end.long, set.signed.long))
  end
  local first_day = (base_date or base.spec.date) and c.Date(base_date or base.spec.date)
  if set.effect and first_day and set.effect < first_day then
    fail(set.file, "entry_into_force", tr("the avenant would take effect on %s, before the Convention (%s)"):format(
      set.effect.long, first_day.long))
  end
  local last_day = new_end or old_end
  if set.effect and last_day and last_day < set.effect then
    fail(set.file, "entry_into_force", tr("the avenant would take effect on %s, after the Convention ends (%s)"):format(
      set.effect.long, last_day.long))
  end
  if not old_end or set.signed < old_end or set.signed == old_end then return end
  if new_end and old_end < new_end then
    fail(set.file, change_of_end(set),
        tr("a prorogation must be signed before the Convention ends (%s); the avenant is dated %s: "
           .. "a new convention is needed"):format(old_end.long, set.signed.long))
  end
  fail(set.file, "date", tr("the Convention ended on %s; the avenant is dated %s: a convention that has ended "
                            .. "cannot be amended (a new convention is needed)"):format(old_end.long, set.signed.long))
end

-- The avenant's date: after the one before it and the Convention's.
local function check_dates(set, earlier, base_date)
  local last = earlier[#earlier]
  if last and set.signed < last.signed then
    fail(set.file, "date", tr("the avenant is dated before avenant n° %d (%s)"):format(last.number, last.signed.long))
  end
  if base_date and set.signed < c.Date(base_date) then
    fail(set.file, "date", tr("the avenant is dated before the Convention"))
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
    if seen[current_file] then fail(current_file, "follows", tr("the chain of avenants loops")) end
    seen[current_file] = true
    table.insert(sets, 1, change_set.check(current, current_file))
    if current.follows == nil then break end
    local ok, loaded, path = pcall(c.load_data, current.follows)
    if not ok then fail(current_file, "follows", change_set.message(loaded)) end
    current, current_file = loaded, path
  end
  local first = sets[1]
  if not first.base then fail(first.file, "base",
      tr("the first avenant names the agreement it amends: base = { script, data }")) end
  for i, s in ipairs(sets) do
    if i > 1 and s.base then fail(s.file, "base",
        tr("only the first avenant names the agreement; this one follows %s"):format(sets[i - 1].file)) end
    if s.number ~= i then
      fail(s.file, "number", tr("this avenant is n° %d in its chain, not %d"):format(i, s.number))
    end
  end
  local ok, script = pcall(c.load_script, first.base.script)
  if not ok then fail(first.file, "base.script", change_set.message(script)) end
  local ok2, data, data_path
  if type(first.base.data) == "table" then
    -- Given as a table (a batch row's agreement): messages about it name the change set's place.
    ok2, data, data_path = true, first.base.data, first.file
  else
    ok2, data, data_path = pcall(c.load_data, first.base.data)
  end
  if not ok2 then fail(first.file, "base.data", change_set.message(data)) end
  local base = { script = script, data = data, data_file = data_path }
  local n = #sets
  local this = sets[n]
  local earlier = {}
  for i = 1, n - 1 do earlier[i] = sets[i] end
  local self = setmetatable({ set = this, earlier = earlier, first = first }, Avenant)
  -- Words replaced throughout are worded once, not in each article they appear in.
  self.throughout = {}
  for _, edit in ipairs(this.edits) do
    if edit.op == "throughout" then self.throughout[#self.throughout + 1] = edit end
  end
  -- Each version built once: the Convention as it stands and as this avenant amends it. The
  -- amended data is built again without the throughout edits when there are some.
  local versions, data_n, file_n, amounts = as_versions(build_versions, base, sets, n, #self.throughout == 0)
  self.base, self.amended, self.amounts = versions[n - 1], versions[n], amounts
  self.concluded = versions[0]  -- the Convention as signed, before any avenant: what the visa cites
  -- « augmenter de 40 000 € le coût » is the usual wording of a change: the difference between
  -- an amount's old and new values is one the avenant may type too.
  -- Told by their look first: a date or a text changed is no amount, and c.Money raising on it
  -- costs a message (2 % of a batch row).
  local function may_be_amount(v)
    if math.type(v) == "integer" then return true end
    if type(v) ~= "string" then return false end
    -- "€" is three bytes: taken off before the pattern, which could make only its last optional.
    local figures = v:gsub("%s*€%s*$", "")
    return figures:find("^%s*[-+]?%d[%d%s,.\u{a0}\u{202f}]*$") ~= nil
  end
  for _, change in ipairs(this.data) do
    if change.op == "set" and may_be_amount(change.old) and may_be_amount(change.to) then
      local ok_old, old = pcall(c.Money, change.old)
      local ok_new, new = pcall(c.Money, change.to)
      if ok_old and ok_new and old ~= new then
        amounts[#amounts + 1] = tostring(old < new and new - old or old - new)
      end
    end
  end
  -- Dates are checked once the changes' old values are known.
  check_dates(this, earlier, first.base.date or data.date)
  check_prorogation(this, self.base, self.amended, first.base.date or data.date)
  local compared = #self.throughout > 0 and as_versions(amend_once, base, sets, n, data_n, file_n, self.base, true)
                   or self.amended
  self.changes = compare.changes(self.base, compared)
  if #self.changes == 0 and #self.throughout == 0 then fail(this.file, nil,
      tr("the change set changes nothing in the agreement")) end
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

--- The consolidated version as a document: the amended Convention with every change of
--- this avenant as a tracked change attributed to "Avenant n° N", dated its signature.
function Avenant:consolidated_document()
  local consolidated = require "conventio.avenant.consolidated"
  local items = self:consolidated()
  local options = self.amended:document_options()
  options.body = consolidated.blocks(items)
  local l = require("conventio.clauses").front_matter("structure/libelles")
  options.revision = { author = ("%s\u{a0}%d"):format(l.avenant, self.set.number), date = self.set.date }
  return c.Document(options)
end

--- The Convention as it stood before this avenant.
function Avenant:base_document() return self.base:document() end

-- Whether `content` (a clause, or a list of them, as a signature's `after` or `content`) holds
-- the clause named `name`.
local function holds_clause(content, name, depth)
  depth = depth or 0
  if type(content) ~= "table" or depth > 4 then return false end
  if content.name == name and content.params then return true end
  for _, inner in pairs(content) do
    if holds_clause(inner, name, depth + 1) then return true end
  end
  return false
end

--- The avenant itself: title, parties, visas, exposé, "Ceci exposé", Article 1er, one article
--- per amended article, the unchanged stipulations, publication and transmission to the
--- contrôleur budgétaire when the Convention has them, entry into force, signatures (one original
--- for each party).
function Avenant:document()
  local base, set = self.base, self.set
  local first = self.first
  local spec = base.spec
  local kind = first.base.kind or (spec.kind ~= "avenant" and spec.kind) or "partenariat"
  local base_date = first.base.date or spec.date
  if not base_date then
    fail(first.file, "base.date", tr("the Convention's date is needed (its data gives none)"))
  end
  -- The title names the Convention's parties, as they stood, by their legal names: a short name
  -- is a term the Convention defines ("la collectivité"), which a title standing outside it cannot use.
  local w = require("conventio.clauses").front_matter("avenant/formules")
  local names = {}
  for _, role in ipairs(base.party_order) do names[#names + 1] = base.parties[role].legal.le end
  local last = table.remove(names)
  local between = #names > 0 and (table.concat(names, ", ") .. " " .. w["and"] .. " " .. last) or last
  local a = Agreement.new {
    kind = "avenant", number = set.number, amends = { kind = kind, date = base_date },
    title = c.french_spacing(w.title_avenant):format(set.number, Agreement.kind_label(kind), c.Date(base_date).long,
                                                     between),
    date = set.date, place = set.place or spec.place,
    parties = self.amended.parties, party_order = self.amended.party_order,
    parts = { "title", "parties", "visas", "preamble", "agreed", "articles", "signatures", "annexes" },
  }
  local order = self.amended.party_order
  local modification = base.by_key.modification and base.by_key.modification.number
  local earlier = {}
  for _, e in ipairs(self.earlier) do earlier[#earlier + 1] = { number = e.number, date = e.signed.long } end
  -- The Convention cited as it was concluded: between its parties as they signed it (a party
  -- renamed by this avenant, or an earlier one, was cited by its new name, a Convention nobody
  -- signed).
  local concluded = self.concluded
  local signed_order = concluded.party_order
  a:visa(a:clause("avenant/visa_convention", {
    base_kind = Agreement.kind_label(kind), base_date = c.Date(base_date).long,
    partner = concluded.parties[signed_order[1]], counterpart = concluded.parties[signed_order[2] or signed_order[1]],
    earlier = earlier, modification_article = modification }))
  a:add_preamble(a:clause("avenant/expose", { modification_article = modification }))
  for _, r in ipairs(set.reasons or {}) do a:add_preamble(c.Markdown(r)) end
  local articles = wording.articles(self.changes)
  a:article { key = "objet", title = w.title_purpose,
              content = a:clause("avenant/objet", { purpose = set.purpose or wording.purpose(articles) }) }
  for _, article in ipairs(articles) do
    a:article { title = article.title, content = article.content }
    if article.annex then a:annex { title = article.annex.title, content = article.annex.entry.blocks } end
  end
  for _, edit in ipairs(self.throughout) do
    a:article { title = w.title_throughout, content = wording.throughout(edit.old, edit.new) }
  end
  a:article { key = "autres_stipulations", title = w.title_unchanged,
      content = a:clause("avenant/stipulations_inchangees") }
  -- After signature, the avenant goes where the Convention went: published as it is (a
  -- délégation de gestion must be, D. 2004-1085 art. 2), to the contrôleur budgétaire when
  -- the Convention bears his visa.
  local publication = self.amended.by_key.publication
  if publication then
    a:article { key = "publication", title = w.title_publication,
                content = a:clause("avenant/publication", { article = publication.number,
                                                            delegation = kind == "delegation" or nil }) }
  end
  if holds_clause(base.signature, "commun/visa_controleur") then
    a:article { key = "transmission", title = w.title_transmission, content = a:clause("avenant/transmission") }
  end
  a:article { key = "entree_en_vigueur", title = w.title_effect,
              content = a:clause("avenant/prise_effet", { date = set.effect and set.effect.long }) }
  -- One original for each party: a number the change set gives may not leave one without.
  local problem = closing.originals_problem(set.originals, #order, "originals")
  if problem then fail(set.file, nil, problem) end
  a:signatures { originals = set.originals or c.french_spacing(w.originals):format(c.spell_number(#order)) }
  -- An amount typed in the purpose is checked against both versions' (conventio check), and one
  -- quoted is theirs.
  require("conventio.facts").state_avenant(a, self.amounts)
  return a:document()
end

--- The change set file's fields (docs/reference.md).
M.fields = change_set.fields
M.edit_fields = change_set.edit_fields

-- The methods apart from the class: `object.__index` is not the class (strict.methods_of).
Avenant.__index = strict.methods_of(Avenant)

return M
