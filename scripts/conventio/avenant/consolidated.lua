--- The consolidated version: the Convention as amended, with every change marked against the
--- Convention as it stood (words inserted and deleted inside a paragraph, whole paragraphs,
--- list items and table rows inserted or deleted). Unchanged blocks are the amended
--- document's own; a changed paragraph, list or whole table is marked on the tree by
--- conventio.track_changes, word by word, so each word keeps its formatting, notes and live
--- references (a table changed row by row: rows paired by label, cells compared).
--- Accepting every change gives the amended text, rejecting every change the base text
--- (M.text checks both, in the format of tests/tools/tracked-changes).
local c = require "conventio"
local text_diff = require "conventio.avenant.text_diff"

local M = {}

-- The texts of a list's items (`field` "text"), or their notes and links ("marks"), in order.
local function list_lines(items, out, field)
  for _, item in ipairs(items) do
    for _, b in ipairs(item) do
      if b.kind == "para" then out[#out + 1] = b[field or "text"] or ""
      elseif b.kind == "list" then list_lines(b.items, out, field) end
    end
  end
  return out
end

-- Equal for two blocks a reader sees alike: their words, and their notes and links (`marks`),
-- which a block changed in them alone would otherwise keep unmarked.
local function signature(o)
  if o.kind == "para" then return "p\0" .. o.style .. "\0" .. o.text .. "\0" .. (o.marks or "") end
  if o.kind == "list" then
    local texts, marks = list_lines(o.items, {}), list_lines(o.items, {}, "marks")
    return "l\0" .. table.concat(texts, "\0") .. "\0" .. table.concat(marks, "\0")
  end
  if o.kind == "table" then
    local rows = {}
    for _, r in ipairs(o.rows) do rows[#rows + 1] = table.concat(r, "\1") end
    return "t\0" .. table.concat(rows, "\0") .. "\0" .. (o.marks or "")
  end
  if o.kind == "signatures" then
    local columns = {}
    for _, column in ipairs(o.columns) do columns[#columns + 1] = table.concat(column, "\1") end
    return "s\0" .. table.concat(columns, "\0")
  end
  return "o"
end

-- Word segments of a paragraph changed from `old` to `new`: { {text=, change=nil|"ins"|"del"} }.
local function segments(old, new)
  local a, b = text_diff.words(old), text_diff.words(new)
  local out = {}
  local function push(text, change)
    if text == "" then return end
    local last = out[#out]
    if last and last.change == change then last.text = last.text .. text else out[#out + 1] = { text = text,
        change = change } end
  end
  local i, j = 1, 1
  -- The spaces before a word count here: accepting every change gives the amended text, to the
  -- kind of each space.
  local hunks = text_diff.hunks(a, b, function(x, y) return x.word == y.word and x.space == y.space end)
  hunks[#hunks + 1] = { #a + 1, #a, #b + 1, #b }
  for _, h in ipairs(hunks) do
    while i < h[1] do push(a[i].space .. a[i].word, nil); i, j = i + 1, j + 1 end
    -- The space before a changed stretch stays outside it when both sides have the same.
    local lead_a = h[2] >= h[1] and a[h[1]].space or ""
    local lead_b = h[4] >= h[3] and b[h[3]].space or ""
    local shared = (lead_a ~= "" and lead_a == lead_b) and lead_a or ""
    push(shared, nil)
    if h[2] >= h[1] then
      local t = text_diff.join(a, h[1], h[2])
      push(lead_a:sub(#shared + 1) .. t, "del")
    end
    if h[4] >= h[3] then
      local t = text_diff.join(b, h[3], h[4])
      push(lead_b:sub(#shared + 1) .. t, "ins")
    end
    i, j = h[2] + 1, h[4] + 1
  end
  return out
end
M.segments = segments

local function whole(text, change) return { { text = text, change = change } } end

local function para_item(o, mark, segs) return { kind = "para", style = o.style, mark = mark, segments = segs } end

local function list_item(o, mark)
  local paras = {}
  for _, t in ipairs(list_lines(o.items, {})) do paras[#paras + 1] = whole(t, mark) end
  return { kind = "list", ordered = o.ordered, mark = mark, items = paras }
end

-- A list changed item by item: unchanged items kept, changed ones paired in order between
-- them and compared word by word, the others inserted or deleted (as conventio.track_changes
-- marks it on the tree).
local function list_pair_item(x, y)
  local a, b = list_lines(x.items, {}), list_lines(y.items, {})
  local items = {}
  local matched = text_diff.lcs(a, b, function(p, q) return p == q end)
  matched[#matched + 1] = { #a + 1, #b + 1 }
  local i, j = 1, 1
  for _, p in ipairs(matched) do
    while i < p[1] and j < p[2] do items[#items + 1] = segments(a[i], b[j]); i, j = i + 1, j + 1 end
    while i < p[1] do items[#items + 1] = whole(a[i], "del"); i = i + 1 end
    while j < p[2] do items[#items + 1] = whole(b[j], "ins"); j = j + 1 end
    if p[1] <= #a then items[#items + 1] = whole(b[p[2]], nil) end
    i, j = p[1] + 1, p[2] + 1
  end
  return { kind = "list", ordered = y.ordered, items = items }
end

-- The signatures compared column by column (a signatory joining or leaving), as
-- conventio.track_changes marks them: { kind = "signatures", items = { segments } }.
local function signatures_item(x, y)
  local key = function(column) return table.concat(column, "\1") end
  local items = {}
  local function add(column, change) for _, t in ipairs(column) do items[#items + 1] = whole(t, change) end end
  local matched = text_diff.lcs(x.columns, y.columns, function(p, q) return key(p) == key(q) end)
  matched[#matched + 1] = { #x.columns + 1, #y.columns + 1 }
  local i, j = 1, 1
  for _, p in ipairs(matched) do
    while i < p[1] and j < p[2] do
      local old, new = x.columns[i], y.columns[j]
      if #old == #new then
        for k = 1, #new do items[#items + 1] = segments(old[k], new[k]) end
      else
        add(old, "del"); add(new, "ins")
      end
      i, j = i + 1, j + 1
    end
    while i < p[1] do add(x.columns[i], "del"); i = i + 1 end
    while j < p[2] do add(y.columns[j], "ins"); j = j + 1 end
    if p[1] <= #x.columns then add(y.columns[p[2]], nil) end
    i, j = p[1] + 1, p[2] + 1
  end
  return { kind = "signatures", items = items }
end

local function cells_of(row, change)
  local out = {}
  for k, text in ipairs(row) do out[k] = whole(text, change) end
  return out
end

-- A table changed row by row (by label, the first cell); nil when its shape changed.
local function table_item(x, y)
  if #x.widths ~= #y.widths or x.header ~= y.header then return nil end
  local rows = {}
  local matched = text_diff.lcs(x.rows, y.rows, function(r, s) return r[1] == s[1] end)
  matched[#matched + 1] = { #x.rows + 1, #y.rows + 1 }
  local i, j = 1, 1
  for _, p in ipairs(matched) do
    while i < p[1] do rows[#rows + 1] = { mark = "del", cells = cells_of(x.rows[i], "del") }; i = i + 1 end
    while j < p[2] do rows[#rows + 1] = { mark = "ins", cells = cells_of(y.rows[j], "ins") }; j = j + 1 end
    if p[1] <= #x.rows then
      local cells = {}
      for k, text in ipairs(y.rows[p[2]]) do
        local old = x.rows[p[1]][k] or ""
        cells[k] = old == text and whole(text, nil) or segments(old, text)
      end
      rows[#rows + 1] = { cells = cells }
    end
    i, j = p[1] + 1, p[2] + 1
  end
  return { kind = "table", widths = y.widths, header = y.header, rows = rows }
end

--- The consolidated body: an array of items, each { block = Block } (unchanged), or a marked
--- paragraph { kind = "para", style, mark = nil|"ins"|"del", segments }, list { kind = "list",
--- mark, items = { segments } }, or table { kind = "table", widths, header, rows = { { mark,
--- cells = { segments } } } }; each marked item also holds `tracked`, its block marked on the
--- tree (the segments are its texts, for M.text).
---@param base_doc userdata the Convention as it stood (conventio.Document)
---@param amended_doc userdata the Convention as amended
function M.body(base_doc, amended_doc)
  local a_blocks, b_blocks = c.body(base_doc), c.body(amended_doc)
  local a, b = c.outline(a_blocks), c.outline(b_blocks)
  local out = {}
  -- A block deleted ("del", from the base) or inserted ("ins", from the amended) as a whole;
  -- a block of no kind the outline reads is kept as it is, or dropped when deleted.
  local function whole_block(mark, o, block)
    if o.kind == "para" then out[#out + 1] = para_item(o, mark, whole(o.text, mark))
    elseif o.kind == "list" then out[#out + 1] = list_item(o, mark)
    elseif o.kind == "table" then
      local rows = {}
      for _, r in ipairs(o.rows) do rows[#rows + 1] = { mark = mark, cells = cells_of(r, mark) } end
      out[#out + 1] = { kind = "table", widths = o.widths, header = o.header, rows = rows }
    else out[#out + 1] = { block = block, dropped = mark == "del" or nil } end
  end
  local function deleted(o, k) whole_block("del", o, a_blocks[k]) end
  local function inserted(o, k) whole_block("ins", o, b_blocks[k]) end
  -- The marked block itself, on the tree (see M.blocks); the item keeps the texts for M.text.
  local function tracked(before, after)
    local item = out[#out]
    if not item.block then item.tracked = c.track_changes(before, after) end
  end
  local matched = text_diff.lcs(a, b, function(x, y) return signature(x) == signature(y) end)
  matched[#matched + 1] = { #a + 1, #b + 1 }
  local i, j = 1, 1
  for _, p in ipairs(matched) do
    -- Pair what changed in place (same kind, same style); the rest is deleted or inserted.
    while i < p[1] or j < p[2] do
      local x, y = i < p[1] and a[i], j < p[2] and b[j]
      if x and y and x.kind == "para" and y.kind == "para" and x.style == y.style then
        out[#out + 1] = para_item(y, nil, segments(x.text, y.text))
        tracked(a_blocks[i], b_blocks[j])
        i, j = i + 1, j + 1
      elseif x and y and x.kind == "signatures" and y.kind == "signatures" then
        out[#out + 1] = signatures_item(x, y)
        tracked(a_blocks[i], b_blocks[j])
        i, j = i + 1, j + 1
      elseif x and y and x.kind == "list" and y.kind == "list" and x.ordered == y.ordered then
        out[#out + 1] = list_pair_item(x, y)
        tracked(a_blocks[i], b_blocks[j])
        i, j = i + 1, j + 1
      elseif x and y and x.kind == "table" and y.kind == "table" and table_item(x, y) then
        out[#out + 1] = table_item(x, y)
        tracked(a_blocks[i], b_blocks[j])
        i, j = i + 1, j + 1
      elseif x then
        deleted(x, i)
        tracked(a_blocks[i], nil)
        i = i + 1
      else
        inserted(y, j)
        tracked(nil, b_blocks[j])
        j = j + 1
      end
    end
    if p[2] <= #b then out[#out + 1] = { block = b_blocks[p[2]] } end
    i, j = p[1] + 1, p[2] + 1
  end
  return out
end

local function collapse(s) return (s:gsub("[ \t\n]+", " "):gsub("^ ", ""):gsub(" $", "")) end

local function seg_text(segs, drop)
  local parts = {}
  for _, s in ipairs(segs) do if s.change ~= drop then parts[#parts + 1] = s.text end end
  return table.concat(parts)
end

--- The text of consolidated `items` with every change accepted ("accept") or rejected
--- ("reject"): one line per paragraph and per table cell, spaces collapsed, empty lines
--- dropped — the format of tests/tools/tracked-changes.
---@param items table M.body's result
---@param how string "accept" or "reject"
function M.text(items, how)
  local drop = how == "accept" and "del" or "ins"
  local lines = {}
  local function add(t)
    t = collapse(t)
    if t ~= "" then lines[#lines + 1] = t end
  end
  for _, item in ipairs(items) do
    if item.block then
      if not item.dropped or how == "reject" then
        local o = c.outline({ item.block })[1]
        if o.kind == "para" then add(o.text)
        elseif o.kind == "list" then for _, t in ipairs(list_lines(o.items, {})) do add(t) end
        elseif o.kind == "table" then for _, r in ipairs(o.rows) do for _, cell in ipairs(r) do add(cell) end end
        elseif o.kind == "signatures" then
          for _, column in ipairs(o.columns) do for _, t in ipairs(column) do add(t) end end
        end
      end
    elseif item.kind == "para" then
      if item.mark ~= drop then add(seg_text(item.segments, drop)) end
    elseif item.kind == "list" or item.kind == "signatures" then
      if item.mark ~= drop then for _, segs in ipairs(item.items) do add(seg_text(segs, drop)) end end
    elseif item.kind == "table" then
      for _, r in ipairs(item.rows) do
        if r.mark ~= drop then for _, cell in ipairs(r.cells) do add(seg_text(cell, drop)) end end
      end
    end
  end
  return table.concat(lines, "\n")
end

--- The blocks of a consolidated body (M.body), with its changes as tracked changes: the blocks
--- marked on the tree (conventio.track_changes).
---@param items table M.body's result
function M.blocks(items)
  local out = {}
  for _, item in ipairs(items) do
    if item.block then
      if not item.dropped then out[#out + 1] = item.block end
    else
      out[#out + 1] = item.tracked
    end
  end
  return out
end

--- The plain text of a document in the same format, for comparison with M.text.
---@param doc userdata a conventio.Document
function M.plain(doc)
  local items = {}
  for _, b in ipairs(c.body(doc)) do items[#items + 1] = { block = b } end
  return M.text(items, "accept")
end

return M
