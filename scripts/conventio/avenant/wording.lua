--- The wording of an avenant's articles from the changes conventio.avenant.compare found:
--- one article per amended article of the Convention, in its order, each change in the
--- formula of shared/docs/avenants.md §3 (templates/avenant/formules.md holds every word).
local c = require "conventio"
local clauses = require "conventio.clauses"
local text_diff = require "conventio.avenant.text_diff"

local M = {}

local function words() return clauses.front_matter("avenant/formules") end

local function fmt(key, ...)
  local w = words()
  return c.french_spacing(w[key]):format(...)
end

local function capital(s) return c.capitalize(s) end

-- The Convention's own « … » inside a quotation become “…”: French typography's second-rank
-- quotation marks, with no space inside (OQLF, Imprimerie nationale), so that a reader tells
-- where the avenant's quotation ends. The space after « and before » goes with them.
local inner_marks = {
  { "«\u{a0}", "“" }, { "«\u{202f}", "“" }, { "« ", "“" }, { "«", "“" },
  { "\u{a0}»", "”" }, { "\u{202f}»", "”" }, { " »", "”" }, { "»", "”" },
}
local function inner_quotes(text)
  if not (text:find("«", 1, true) or text:find("»", 1, true)) then return text end
  for _, mark in ipairs(inner_marks) do text = text:gsub(mark[1], mark[2]) end
  return text
end
M.inner_quotes = inner_quotes

--- « text », with no-break spaces inside the quotation marks; the text's own « » become “ ”.
--- A no-break space at either end of the text goes: the marks bring their own (words quoted
--- with their own « » once ended with two).
local function quote(text)
  local inner = inner_quotes(text)
  local before
  repeat  -- (a pattern's set would take the bytes of these characters apart)
    before = inner
    inner = inner:gsub("^\u{a0}", ""):gsub("^\u{202f}", ""):gsub("\u{a0}$", ""):gsub("\u{202f}$", "")
  until inner == before
  return "«\u{a0}" .. inner .. "\u{a0}»"
end

-- The ordinal in words of a number beyond the template's list, from its cardinal (French
-- morphology: « vingt et un » → « vingt et unième », « cinq » → « cinquième », « neuf » →
-- « neuvième », a final « e » or the plural « s » of « quatre-vingts », « cents » dropped).
local function ordinal_beyond(k)
  local cardinal = c.spell_number(k)
  local suffix = words().ordinal_suffix
  if cardinal:sub(-4) == "cinq" then return cardinal .. "u" .. suffix end
  if cardinal:sub(-4) == "neuf" then return cardinal:sub(1, -2) .. "v" .. suffix end
  if cardinal:sub(-1) == "e" or cardinal:sub(-6) == "vingts" or cardinal:sub(-5) == "cents" then
    return cardinal:sub(1, -2) .. suffix
  end
  return cardinal .. suffix
end

-- Alinéa k of `total` in words: the template's list, then ordinals made from the cardinal
-- (the 21st of 25 is « vingt et unième »); « dernier » for the last beyond the list, as before.
local function ordinal(k, total)
  local list = {}
  for word in words().ordinals:gmatch("[^,%s]+") do list[#list + 1] = word end
  if k == total and k > #list then return words().last end
  return list[k] or ordinal_beyond(k)
end

local function number_text(n) return c.spell_number(n) end

-- An article's number as cited: the first article is « 1er » (French legal usage), however the
-- Convention prints it.
local function cited(number)
  if number == "1" then return words().article_first end
  return number
end

local function unit_address(unit)
  if unit.kind == "annex" then return fmt("annex", unit.number) end
  if unit.kind == "designation" then return words().designation end
  return fmt("article", cited(unit.number))
end

-- The address of alinéa k: "au deuxième alinéa de l'article 5" (full) or "au deuxième alinéa";
-- "à l'article 4.1" when the article has only that alinéa.
local function at_alinea(unit, k, short)
  if #unit.alineas == 1 and not short then return fmt("at_unit", unit_address(unit)) end
  local n = ordinal(k, #unit.alineas)
  if short then return fmt("at_alinea_short", n) end
  return fmt("at_alinea", n, unit_address(unit))
end

-- The article, annex or designation as the subject of its chapeau's item: "il", "elle".
local function pronoun(unit)
  return (unit.kind == "annex" or unit.kind == "designation") and words().it_feminine or words().it_masculine
end
local function the_alinea(unit, k, short)
  local n = ordinal(k, #unit.alineas)
  if short then return fmt("alinea_short", n) end
  return fmt("alinea", n, unit_address(unit))
end

-- The items lines[from..] of one list (compare's alinéas: `list`, `level`, `ordered`) from
-- level `level` on, as a list block whose items hold their deeper items as a list of their own,
-- each item's paragraph made by `para_of(i)`; and the index after them.
local function quoted_list(lines, from, level, para_of)
  local items, i = {}, from
  local list, ordered = lines[from].list, lines[from].ordered
  while i <= #lines and lines[i].item and lines[i].list == list and lines[i].level >= level do
    if lines[i].level == level or #items == 0 then
      items[#items + 1] = { para_of(i) }
      i = i + 1
    else
      local nested
      nested, i = quoted_list(lines, i, lines[i].level, para_of)
      local item = items[#items]
      item[#item + 1] = nested
    end
  end
  return (ordered and c.OrderedList or c.BulletList)(items), i
end

-- Quoted alinéas (rule 8): each opens with «, only the last closes with », then `ending`. List
-- items are quoted as the list they are in the Convention, levels kept.
local function quoted(alineas, ending, heading)
  local out = {}
  local lines = {}
  if heading then lines[#lines + 1] = { kind = "para", text = heading } end
  for _, a in ipairs(alineas) do lines[#lines + 1] = a end
  -- An alinéa with a note or a link is its own block quoted, which keeps them (its own « »
  -- stay as they are); the others are made again from their text.
  local function para_of(i)
    local close = i == #lines and ("\u{a0}»" .. ending) or ""
    if lines[i].marks and lines[i].block then return c.quote(lines[i].block, "«\u{a0}", close) end
    return c.Para("«\u{a0}" .. inner_quotes(lines[i].text) .. close)
  end
  local i = 1
  while i <= #lines do
    local a = lines[i]
    if a.kind == "table" then
      local rows = {}
      for _, r in ipairs(a.rows) do rows[#rows + 1] = r end
      local spec = { widths = a.widths, rows = rows }
      if a.header then spec.header = table.remove(rows, 1) end
      out[#out + 1] = a.block or c.Table(spec)
      if i == #lines then out[#out + 1] = c.Para("»" .. ending) end
      i = i + 1
    elseif a.item and a.list then
      out[#out + 1], i = quoted_list(lines, i, a.level, para_of)
    else
      out[#out + 1] = para_of(i)
      i = i + 1
    end
  end
  return out
end

-- The Convention's table `t` (an alinéa of compare) reduced to its header and the row labelled
-- `row[1]`: the row as the Convention prints it, its alignment and bold kept.
local function one_row_table(t, row)
  local block = t.block
  if block then
    for r = #t.rows, 1, -1 do
      if not (t.header and r == 1) and t.rows[r][1] ~= row[1] then block = c.edit_row(block, "remove", r) end
    end
    return block
  end
  local spec = { widths = t.widths, rows = { row } }
  if t.header then spec.header = t.rows[1] end
  return c.Table(spec)
end

-- "le tableau figurant à l'article 5" ("le tableau" inside the article's chapeau); when the
-- article holds several tables, the one at alinéa `at` by its rank ("le deuxième tableau
-- figurant à l'article 5"), so that the row named is in one table only.
local function in_table(unit, at, short)
  local count, rank = 0, 1
  for k, a in ipairs(unit.alineas) do
    if a.kind == "table" then
      count = count + 1
      if k == at then rank = count end
    end
  end
  if count > 1 then
    local nth = ordinal(rank, 0)
    return short and fmt("table_nth_short", nth) or fmt("table_nth_at", nth, unit_address(unit))
  end
  return short and words().table_short or fmt("table_at", unit_address(unit))
end

local function words_sentence(unit, k, change, short)
  local at = capital(at_alinea(unit, k, short))
  if change.kind == "replace" then
    local key = "words_replaced"
    if text_diff.is_amount(change.old) and text_diff.is_amount(change.new) then key = "amount_replaced"
    elseif text_diff.is_date(change.old) and text_diff.is_date(change.new) then key = "date_replaced"
    elseif change.words == 1 then key = "word_replaced" end
    return fmt(key, at, quote(change.old), quote(change.new))
  elseif change.kind == "insert" then
    return fmt(change.anchor_words == 1 and "word_inserted" or "words_inserted", at, quote(change.anchor),
        quote(change.new))
  elseif change.kind == "append" then
    -- An article of one alinéa is completed itself: "L'article 4.1 est complété par les mots".
    local completed = #unit.alineas == 1 and (short and pronoun(unit) or unit_address(unit))
                      or the_alinea(unit, k, short)
    return fmt("words_appended", capital(completed), quote(change.new))
  end
  return fmt(change.words == 1 and "word_deleted" or "words_deleted", at, quote(change.old))
end

-- The alinéas deleted by `op` ("alineas_deleted"), as the object of a verb: « le troisième
-- alinéa de l'article 5 », « les troisième et quatrième alinéas de l'article 5 », « les
-- deuxième à quatrième alinéas de l'article 5 »; without the article when `short`.
local function deleted_alineas(unit, op, short)
  if op.from == op.to then return the_alinea(unit, op.from, short) end
  local kind = op.to == op.from + 1 and "alineas_pair" or "alineas_range"
  local first, last = ordinal(op.from, #unit.alineas), ordinal(op.to, #unit.alineas)
  if short then return fmt(kind .. "_short", first, last) end
  return fmt(kind, first, last, unit_address(unit))
end

-- One operation as { sentence, blocks after it (quoted text) }; `ending` closes it.
local function operation(unit, op, short, ending)
  if op.op == "words" then
    return { c.Para(words_sentence(unit, op.at, op.change, short) .. ending) }
  elseif op.op == "alinea_rewritten" then
    return { c.Para(fmt("alinea_rewritten", capital(the_alinea(unit, op.at, short)))), table.unpack(quoted(op.new,
        ending)) }
  elseif op.op == "phrase_rewritten" then
    local w = words()
    local nth = op.phrase == 1 and w.first_feminine or ordinal(op.phrase, 0)
    local phrase = short and fmt("phrase_short", nth, ordinal(op.at, #unit.alineas))
                   or fmt("phrase", nth, ordinal(op.at, #unit.alineas), unit_address(unit))
    return { c.Para(fmt("phrase_rewritten", capital(phrase))), table.unpack(quoted(op.new, ending)) }
  elseif op.op == "alineas_appended" then
    -- Inside its article's chapeau the article is not addressed again: "2° Il est complété…".
    local completed = capital(short and pronoun(unit) or unit_address(unit))
    local s = #op.new == 1 and fmt("alinea_appended", completed)
              or fmt("alineas_appended", completed, number_text(#op.new))
    return { c.Para(s), table.unpack(quoted(op.new, ending)) }
  elseif op.op == "alineas_inserted" then
    local after = the_alinea(unit, op.after, short)
    local s = #op.new == 1 and fmt("alinea_inserted", after) or fmt("alineas_inserted", after, number_text(#op.new))
    return { c.Para(s), table.unpack(quoted(op.new, ending)) }
  elseif op.op == "bank_details" then
    return { c.Para(fmt("bank_details_replaced", capital(at_alinea(unit, op.at, short)))),
             table.unpack(quoted(op.new, ending)) }
  elseif op.op == "alineas_deleted" then
    if op.from == op.to then
      return { c.Para(fmt("alinea_deleted", capital(the_alinea(unit, op.from, short))) .. ending) }
    end
    return { c.Para(fmt("alineas_deleted", capital(deleted_alineas(unit, op, short))) .. ending) }
  end
  -- Tables. A row or table quoted ends its sentence ("… la ligne suivante :"), and the item it
  -- closes: no paragraph of punctuation is left alone under it.
  local table_named = in_table(unit, op.at, short)
  if op.op == "cell" then
    local key = (text_diff.is_amount(op.old) and text_diff.is_amount(op.new)) and "table_cell_amount"
        or "table_cell_words"
    return { c.Para(fmt(key, table_named, quote(op.label), quote(op.old), quote(op.column), quote(op.new)) .. ending) }
  elseif op.op == "row_rewritten" then
    return { c.Para(fmt("table_row_rewritten", table_named, quote(op.label))), one_row_table(op.table, op.row) }
  elseif op.op == "row_inserted" then
    local s = op.after and fmt("table_row_inserted", table_named, quote(op.after))
              or fmt("table_row_appended", table_named)
    return { c.Para(s), one_row_table(op.table, op.row) }
  elseif op.op == "row_deleted" then
    return { c.Para(fmt("table_row_deleted", table_named, quote(op.label)) .. ending) }
  elseif op.op == "table_rewritten" then
    local t = op.new
    local block = t.block
    if not block then
      local spec = { widths = t.widths, rows = {} }
      for i, r in ipairs(t.rows) do if not (t.header and i == 1) then spec.rows[#spec.rows + 1] = r end end
      if t.header then spec.header = t.rows[1] end
      block = c.Table(spec)
    end
    return { c.Para(fmt("table_rewritten", capital(in_table(unit, op.at, false)))), block }
  end
  error("unknown operation " .. tostring(op.op))
end

-- How many times `sought` occurs in the texts of `alineas`.
local function occurrences(alineas, sought)
  local count = 0
  for _, x in ipairs(alineas) do
    local from = 1
    while x.text do
      local i = x.text:find(sought, from, true)
      if not i then break end
      count, from = count + 1, i + 1
    end
  end
  return count
end

-- A quoted heading as the Convention prints it (conventio.agreement's headings): "Article 2-1 :
-- Obligations du Val-de-Marne", a numbered sub-article "5.2 Calendrier de versement".
-- The part of `old` and `new` between their common words at the start and at the end (the
-- label "Adresse :" and what follows the change stay out of the quotation), extended to whole
-- words; the whole texts when that part of `old` is empty or occurs more than once in `unit`'s
-- alinéas (rule 2: quote the smallest unambiguous string).
local function smallest_change(old, new, unit)
  local a, b = text_diff.words(old), text_diff.words(new)
  local head = 0
  while head < #a and head < #b and a[head + 1].word == b[head + 1].word do head = head + 1 end
  local tail = 0
  while tail < #a - head and tail < #b - head and a[#a - tail].word == b[#b - tail].word do tail = tail + 1 end
  local function span(ws, text, from, to)
    -- Byte offsets of words from..to in `text`, rebuilt from the words and their spaces.
    local at, first, last = 1, nil, nil
    for i, w in ipairs(ws) do
      at = at + #w.space
      if i == from then first = at end
      at = at + #w.word
      if i == to then last = at - 1 end
    end
    return first and last and text:sub(first, last) or ""
  end
  local old_part = span(a, old, head + 1, #a - tail)
  local new_part = span(b, new, head + 1, #b - tail)
  if old_part == "" or new_part == "" then return old, new end
  if occurrences(unit.alineas, old_part) ~= 1 then return old, new end
  return old_part, new_part
end

local function one_word(text) return not text:find(" ", 1, true) and not text:find("\u{a0}", 1, true) end

-- The sentences of the designation's changes (avenants.md §3, 20). The designation is addressed
-- as a whole, not alinéa by alinéa, so what a sentence quotes must say which words it means: the
-- same change made everywhere the words are (a party's name, in its line and in « ci-après
-- dénommée ») is one sentence, « à chaque occurrence » when they are there more than once; words
-- that also stay elsewhere are quoted with their whole alinéa, which occurs once. Each change was
-- a sentence of its own, twice the same one for a renamed party, neither saying which « Commune ».
local function designation_changes(unit, new, ops)
  local changes = {}
  for _, op in ipairs(ops) do
    local old_text = unit.alineas[op.at or op.from or 1] and unit.alineas[op.at or op.from or 1].text
    if op.op == "words" and op.change.kind == "replace" then
      local at = old_text:find(op.change.old, 1, true)
      local new_text = old_text:sub(1, at - 1) .. op.change.new .. old_text:sub(at + #op.change.old)
      changes[#changes + 1] = { old = op.change.old, new = op.change.new, old_text = old_text, new_text = new_text }
    elseif op.op == "words" or op.op == "alinea_rewritten" then
      local new_text = op.op == "alinea_rewritten" and op.new[1].text or nil
      if not new_text then
        for _, x in ipairs(new.alineas) do
          if x.text ~= old_text and not new_text then new_text = x.text end
        end
      end
      -- The smallest string that holds every change (not the label before it), when it
      -- occurs once in the designation; else the whole paragraph.
      local old_words, new_words = smallest_change(old_text, new_text, unit)
      changes[#changes + 1] = { old = old_words, new = new_words, old_text = old_text, new_text = new_text }
    else
      local function all(alineas)
        local t = {}
        for _, x in ipairs(alineas) do t[#t + 1] = x.text end
        return table.concat(t, " ")
      end
      return { c.Para(fmt("designation_replaced", quote(all(unit.alineas)), quote(all(new.alineas))) .. ".") }
    end
  end
  local groups, order = {}, {}
  for _, change in ipairs(changes) do
    local key = change.old .. "\0" .. change.new
    if not groups[key] then
      groups[key] = { old = change.old, new = change.new, changes = {} }
      order[#order + 1] = key
    end
    table.insert(groups[key].changes, change)
  end
  local content = {}
  for _, key in ipairs(order) do
    local g = groups[key]
    local n = #g.changes
    if occurrences(unit.alineas, g.old) == n then
      local word = one_word(g.old) and one_word(g.new) and "designation_word_replaced" or "designation_replaced"
      content[#content + 1] = c.Para(fmt(n > 1 and word .. "_each" or word, quote(g.old), quote(g.new)) .. ".")
    else
      for _, change in ipairs(g.changes) do
        content[#content + 1] = c.Para(fmt("designation_replaced", quote(change.old_text), quote(change.new_text))
                                       .. ".")
      end
    end
  end
  return content
end

local function heading_of(unit)
  if unit.parent_id then return fmt("section_heading", unit.number, c.french_spacing(unit.title)) end
  return fmt("article_heading", clauses.front_matter("structure/libelles").article, unit.number,
             c.french_spacing(unit.title))
end

-- The visas or the preamble changed (compare's front_ops): each alinéa that changed rewritten
-- (« Le deuxième visa de la Convention est ainsi rédigé : »), or the whole.
local function front_article(unit, new, op)
  local kind = unit.kind
  local content = {}
  if op.op == "rewritten" then
    content[1] = c.Para(fmt(kind .. "_rewritten"))
    for _, b in ipairs(quoted(new.alineas, ".")) do content[#content + 1] = b end
  else
    for _, k in ipairs(op.at) do
      content[#content + 1] = c.Para(fmt(kind .. "_alinea_rewritten", ordinal(k, 0)))
      for _, b in ipairs(quoted({ new.alineas[k] }, ".")) do content[#content + 1] = b end
    end
  end
  return { title = words()["title_" .. kind], action = "modify", object = words()[kind .. "_object"],
           content = content }
end

--- The avenant's articles for `changes` (conventio.avenant.compare): { { title =, content =,
--- number = the Convention's article, annex = new annex to join } }.
---@param changes table
function M.articles(changes)
  local out = {}
  for _, change in ipairs(changes) do
    local unit, new = change.unit, change.new
    local ops = change.ops
    local first = ops[1].op
    if first == "inserted" then
      if new.kind == "party" then
        -- A party joins the Convention (avenants.md §3, 20): it adheres, and is designated
        -- after the others.
        local p = new.party
        -- The designation is completed as the consolidated version shows it: "Et", then the
        -- party's alinéas.
        local alineas = { { kind = "para", text = clauses.front_matter("structure/libelles")["and"] } }
        for _, a in ipairs(new.alineas) do alineas[#alineas + 1] = a end
        local designated = #alineas == 1 and fmt("designation_completed", words().designation_capital)
                           or fmt("designation_completed_many", words().designation_capital, number_text(#alineas))
        out[#out + 1] = { title = fmt("title_party_joined", p.legal.du),
                          content = { c.Para(fmt("party_joined", p.legal.Le) .. "."), c.Para(designated),
                                      table.unpack(quoted(alineas, ".")) } }
      elseif new.kind == "annex" then
        -- The Convention had no such annex: it is completed by one, joined to the avenant.
        out[#out + 1] = { title = fmt("title_annex_added", new.number), annex = new, action = "complete",
                          object = fmt("purpose_new_annex", new.number),
                          content = { c.Para(fmt("annex_added", new.number) .. ".") } }
      else
        local after = change.after and unit_address(change.after) or unit_address(new)
        out[#out + 1] = { title = fmt("title_inserted", cited(new.number)), number = new.number, action = "insert",
                          content = { c.Para(fmt("article_inserted", after, cited(new.number))),
                                      table.unpack(quoted(new.alineas, ".", heading_of(new))) } }
      end
    elseif first == "deleted" and unit.kind == "annex" then
      out[#out + 1] = { title = fmt("title_annex_deleted", unit.number), action = "delete",
                        object = unit_address(unit), content = { c.Para(fmt("annex_deleted", unit.number) .. ".") } }
    elseif first == "deleted" then
      out[#out + 1] = { title = fmt("title_deleted", cited(unit.number)), number = unit.number, action = "delete",
                        content = { c.Para(fmt("article_deleted", capital(unit_address(unit))) .. ".") } }
    elseif first == "originals" then
      -- The number of originals (« Fait à Paris, en deux originaux, le »): its words replaced, or
      -- the whole line rewritten when it gains or loses them.
      local op = ops[1]
      local content
      if op.old and op.new then
        content = { c.Para(fmt("originals_replaced", quote(op.old), quote(op.new)) .. ".") }
      else
        local line = clauses.markdown("structure/fait_a", { place = op.place, originals = op.new })
        content = { c.Para(words().signature_line_rewritten), table.unpack(quoted({ { kind = "para",
            text = c.outline(c.Markdown(line))[1].text } }, ".")) }
      end
      out[#out + 1] = { title = words().title_originals, content = content }
    elseif unit.kind == "visas" or unit.kind == "preamble" then
      out[#out + 1] = front_article(unit, new, ops[1])
    elseif unit.kind == "annex" then
      out[#out + 1] = { title = fmt("title_annex", unit.number), annex = new,
                        content = { c.Para(fmt("annex_replaced", unit.number, new.number) .. ".") } }
    elseif unit.kind == "designation" then
      out[#out + 1] = { title = fmt("title_designation"), content = designation_changes(unit, new, ops) }
    elseif first == "rewritten" then
      out[#out + 1] = { title = fmt("title_article", cited(unit.number)), number = unit.number, action = "modify",
                        content = { c.Para(fmt("article_rewritten", capital(unit_address(unit)))),
                                    table.unpack(quoted(new.alineas, ".", heading_of(new))) } }
    elseif #ops == 1 then
      -- An avenant whose only change to an article deletes alinéas says so in its purpose:
      -- « de supprimer le troisième alinéa de l'article 5 » (avenants.md rule 7).
      local deleted = ops[1].op == "alineas_deleted" and deleted_alineas(unit, ops[1]) or nil
      out[#out + 1] = { title = fmt("title_article", cited(unit.number)), number = unit.number,
                        action = deleted and "delete" or "modify", object = deleted,
                        content = operation(unit, ops[1], false, ".") }
    else
      -- Several changes: a chapeau and 1°, 2°... in the order of the text (rule 4).
      local content = { c.Para(fmt("modified", capital(unit_address(unit)))) }
      for i, op in ipairs(ops) do
        local blocks = operation(unit, op, true, i == #ops and "." or "\u{a0};")
        local first_block = blocks[1]
        local text = c.outline({ first_block })[1].text
        blocks[1] = c.Para(fmt("item", i, text))
        for _, b in ipairs(blocks) do content[#content + 1] = b end
      end
      out[#out + 1] = { title = fmt("title_article", cited(unit.number)), number = unit.number, action = "modify",
                        content = content }
    end
  end
  return out
end

--- "Dans l'ensemble de la Convention, les mots : « old » sont remplacés par les mots : « new »."
---@param old string
---@param new string
function M.throughout(old, new)
  return { c.Para(fmt("throughout", quote(old), quote(new)) .. ".") }
end

-- « l'article 5 », « les articles 5 et 6 », « un article 4-1 »: the articles `numbers` as the
-- object of a purpose's verb; `one` and `many` are the formulas for one and several.
local function articles_object(numbers, one, many)
  if #numbers == 1 then return fmt(one, cited(numbers[1])) end
  local list = {}
  for i, n in ipairs(numbers) do list[i] = cited(n) end
  local last = table.remove(list)
  return fmt(many, table.concat(list, ", ") .. " " .. words()["and"] .. " " .. last)
end

--- The default purpose, worded from what the avenant does to the Convention's articles, in this
--- order: « de modifier les articles 4.1 et 6 de la Convention », « d'insérer un article 4-1 dans
--- la Convention », « de compléter la Convention par une annexe 2 », « de supprimer l'article 7
--- de la Convention », « de supprimer le troisième alinéa de l'article 5 de la Convention » (or
--- « l'annexe 1 »); several of them joined, the Convention named once (« de
--- modifier l'article 5 de la Convention et d'en supprimer l'article 7 »).
---@param articles table M.articles' entries
function M.purpose(articles)
  local numbers = { modify = {}, insert = {}, delete = {} }
  local objects, added, modified = {}, {}, {}
  for _, a in ipairs(articles) do
    if a.object and a.action == "complete" then added[#added + 1] = a.object
    elseif a.object and a.action == "modify" then modified[#modified + 1] = a.object
    elseif a.object then objects[#objects + 1] = a.object
    elseif a.number and numbers[a.action or "modify"] then
      local list = numbers[a.action or "modify"]
      list[#list + 1] = a.number
    end
  end
  local parts = {}
  local function add(action, object)
    -- The first part names the Convention; the others refer to it (« d'en supprimer »).
    parts[#parts + 1] = fmt((#parts == 0 and "purpose_" or "purpose_then_") .. action, object)
  end
  -- The visas and the preamble come before the articles (« de modifier le préambule et
  -- l'article 5 de la Convention »).
  if #numbers.modify > 0 then modified[#modified + 1] = articles_object(numbers.modify, "article", "articles") end
  if #modified > 0 then
    local last = table.remove(modified)
    add("modify", #modified > 0 and (table.concat(modified, ", ") .. " " .. words()["and"] .. " " .. last) or last)
  end
  if #numbers.insert > 0 then
    add("insert", articles_object(numbers.insert, "purpose_new_article", "purpose_new_articles"))
  end
  if #added > 0 then
    local last = table.remove(added)
    add("complete", #added > 0 and (table.concat(added, ", ") .. " " .. words()["and"] .. " " .. last) or last)
  end
  local deleted = {}
  if #numbers.delete > 0 then deleted[1] = articles_object(numbers.delete, "article", "articles") end
  for _, o in ipairs(objects) do deleted[#deleted + 1] = o end
  if #deleted > 0 then
    local last = table.remove(deleted)
    add("delete", #deleted > 0 and (table.concat(deleted, ", ") .. " " .. words()["and"] .. " " .. last) or last)
  end
  if #parts == 0 then return words().purpose_none end
  local last = table.remove(parts)
  if #parts == 0 then return last end
  return table.concat(parts, ", ") .. " " .. words()["and"] .. " " .. last
end

return M
