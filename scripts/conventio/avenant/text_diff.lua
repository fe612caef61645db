--- Word-level comparison of two texts, for the smallest change an avenant can quote: the
--- words that differ, widened to a whole date or amount and to a string that occurs once.
local M = {}

-- The three kinds of space a text may hold between words: the ordinary one, the no-break
-- space and the narrow one (French typography puts the last two where a drafter types the
-- first).
local nbsp, nnbsp = "\u{a0}", "\u{202f}"

--- `text` with its no-break spaces made ordinary: two texts equal so differ in the kind of
--- their spaces only, which is no change to word.
---@param text string
function M.plain_spaces(text)
  if not (text:find(nbsp, 1, true) or text:find(nnbsp, 1, true)) then return text end
  return (text:gsub(nbsp, " "):gsub(nnbsp, " "))
end

-- The chunks of `text` between runs of spaces, each with the spaces before it. A no-break
-- space parts words as an ordinary one does ("31 décembre 2022" is the same words whatever its
-- spaces), save where typography puts it inside a word: between the digits of a number ("475
-- 000"), after « and before » ; : ! ? % € (the same in both versions: conventio.french_spacing
-- puts them there).
local joined_after = { ["»"] = true, [";"] = true, [":"] = true, ["!"] = true, ["?"] = true, ["%"] = true,
                       ["€"] = true }
local function chunks(text)
  if not (text:find(nbsp, 1, true) or text:find(nnbsp, 1, true)) then
    local out = {}
    for space, chunk in text:gmatch("(%s*)(%S+)") do out[#out + 1] = { space, chunk } end
    return out
  end
  -- Each no-break space that parts words becomes a control byte ("\3" or "\4") for the split,
  -- and goes back into the spaces after it.
  local function parting(before, space, after)
    local keeps = (before:find("^%d$") and after:find("^%d")) or before == "«" or joined_after[after]
                  or joined_after[after:sub(1, 1)]
    return before .. (keeps and space or (space == nbsp and "\3" or "\4")) .. after
  end
  local marked = text
  for _, space in ipairs { nbsp, nnbsp } do
    -- (twice: "1 150 000" overlaps its matches)
    for _ = 1, 2 do
      marked = marked:gsub("([%z\1-\127\192-\255][\128-\191]*)" .. space .. "([%z\1-\127\192-\255][\128-\191]*)",
          function(b, a) return parting(b, space, a) end)
    end
  end
  local out = {}
  for space, chunk in marked:gmatch("([%s\3\4]*)([^%s\3\4]+)") do
    out[#out + 1] = { (space:gsub("\3", nbsp):gsub("\4", nnbsp)), chunk }
  end
  return out
end

--- The words of `text`, each with the spaces before it: { {space=, word=}, ... }. A number
--- written with no-break spaces ("475 000 €") stays one word; other no-break spaces part words
--- as ordinary ones do, so that "31 décembre" is the same words whatever its spaces.
--- Punctuation ending a word is a word of its own, so that "2024." changes as "2024".
---@param text string
function M.words(text)
  local out = {}
  for _, pair in ipairs(chunks(text)) do
    local space, chunk = pair[1], pair[2]
    -- The punctuation ending the chunk starts at the first place from which it is all
    -- punctuation (one find, not a match and an iterator a word: this runs on every word of
    -- every alinéa an avenant compares).
    local cut = chunk:find("[%.,;%)]*$")
    if cut == 1 then cut = #chunk + 1 end
    out[#out + 1] = { space = space, word = chunk:sub(1, cut - 1) }
    for i = cut, #chunk do out[#out + 1] = { space = "", word = chunk:sub(i, i) } end
  end
  return out
end

--- The longest common subsequence of two arrays, compared with `same`, as pairs of indices.
--- Myers' greedy walk ("An O(ND) difference algorithm", 1986): time (n + m) times the number
--- of words or blocks that differ, memory that number squared. A table of every pair of
--- positions, as a textbook LCS keeps, made a consolidated agreement of 5 000 blocks with
--- three edits far apart 25 million cells (3 s, 600 MiB); an avenant changes a few.
---@param a table
---@param b table
---@param same function
function M.lcs(a, b, same)
  local n, m = #a, #b
  -- The common beginning and end are matched first, as the walk would match them: two
  -- versions of a unit are mostly alike, often identical.
  local pairs_, start = {}, 1
  while start <= n and start <= m and same(a[start], b[start]) do
    pairs_[start] = { start, start }
    start = start + 1
  end
  if start > n or start > m then return pairs_ end
  local tail = 0
  while n - tail > start and m - tail > start and same(a[n - tail], b[m - tail]) do tail = tail + 1 end
  -- The middle that differs: x words of it taken from `a`, y from `b`, on diagonal k = x - y.
  local base, width, height = start - 1, n - tail - start + 1, m - tail - start + 1
  local shift = width + height + 1  -- k + shift: an array index for diagonals -d..d
  local furthest = { [shift + 1] = 0 }  -- the furthest x reached on each diagonal
  local before = {}  -- before[d]: `furthest` as step d found it, for the walk back
  -- Step d reaches, on every diagonal it can, the furthest point d differences allow: one
  -- word deleted (from diagonal k - 1) or inserted (from k + 1), then every equal word after.
  -- Deleting first on a tie puts a replacement's old words before its new ones.
  local function from_above(k, d, v) return k == -d or (k ~= d and v[k - 1 + shift] < v[k + 1 + shift]) end
  local differences
  for d = 0, width + height do
    local kept = {}
    for k = -d + 1, d - 1, 2 do kept[k + shift] = furthest[k + shift] end
    before[d] = kept
    for k = -d, d, 2 do
      local x = from_above(k, d, furthest) and furthest[k + 1 + shift] or furthest[k - 1 + shift] + 1
      local y = x - k
      while x < width and y < height and same(a[base + x + 1], b[base + y + 1]) do x, y = x + 1, y + 1 end
      furthest[k + shift] = x
      if x >= width and y >= height then
        differences = d
        break
      end
    end
    if differences then break end
  end
  -- Back from the end, step by step: the equal words each step ran through are the pairs.
  local middle, x, y = {}, width, height
  for d = differences, 1, -1 do
    local v, k = before[d], x - y
    local previous = from_above(k, d, v) and k + 1 or k - 1
    local px = v[previous + shift]
    local py = px - previous
    while x > px and y > py do
      middle[#middle + 1] = { base + x, base + y }
      x, y = x - 1, y - 1
    end
    x, y = px, py
  end
  while x > 0 and y > 0 do
    middle[#middle + 1] = { base + x, base + y }
    x, y = x - 1, y - 1
  end
  for k = #middle, 1, -1 do pairs_[#pairs_ + 1] = middle[k] end
  for k = tail - 1, 0, -1 do pairs_[#pairs_ + 1] = { n - k, m - k } end
  return pairs_
end

--- The stretches that differ between arrays `a` and `b`: { {a_from, a_to, b_from, b_to} }
--- (a_to < a_from when nothing was there in `a`).
---@param a table
---@param b table
---@param same function
function M.hunks(a, b, same)
  local matched = M.lcs(a, b, same)
  matched[#matched + 1] = { #a + 1, #b + 1 }
  local out, i, j = {}, 1, 1
  for _, p in ipairs(matched) do
    if p[1] > i or p[2] > j then out[#out + 1] = { i, p[1] - 1, j, p[2] - 1 } end
    i, j = p[1] + 1, p[2] + 1
  end
  return out
end

local function join(words, from, to)
  local parts = {}
  for k = from, to do parts[#parts + 1] = (k > from and words[k].space or "") .. words[k].word end
  return table.concat(parts)
end
M.join = join

local months = { janvier = true, ["février"] = true, mars = true, avril = true, mai = true, juin = true,
                 juillet = true, ["août"] = true, septembre = true, octobre = true, novembre = true,
                 ["décembre"] = true }

--- Where a date ("1er janvier 2024", "31 décembre 2023", written with plain or no-break
--- spaces) starts and ends in `words`.
local function date_spans(words)
  local spans = {}
  -- A date ends with its year: only the stretches ending with a word that ends with four
  -- digits are joined and matched (the spaces made plain do not touch the last four bytes).
  local ends_with_year = {}
  for k = 1, #words do ends_with_year[k] = words[k].word:find("%d%d%d%d$") ~= nil end
  for k = 1, #words do
    for len = 1, 3 do
      if k + len - 1 <= #words and ends_with_year[k + len - 1] then
        local s = join(words, k, k + len - 1):gsub("\u{a0}", " "):gsub("\u{202f}", " ")
        local day, month = s:match("^(%S+) (%S+) (%d%d%d%d)$")
        if day and (day:match("^%d%d?$") or day == "1er") and months[month] then spans[#spans + 1] = { k,
            k + len - 1 } end
      end
    end
  end
  return spans
end

local month_numbers = { janvier = 1, ["février"] = 2, mars = 3, avril = 4, mai = 5, juin = 6, juillet = 7,
                        ["août"] = 8, septembre = 9, octobre = 10, novembre = 11, ["décembre"] = 12 }

--- The dates written in `text` ("31 décembre 2023", "1er janvier 2024"), in order: { { year,
--- month, day } }.
---@param text string
function M.dates(text)
  local ws = M.words(text)
  local out = {}
  for _, s in ipairs(date_spans(ws)) do
    local day, month, year = M.plain_spaces(join(ws, s[1], s[2])):match("^(%S+) (%S+) (%d%d%d%d)$")
    out[#out + 1] = { tonumber(year), month_numbers[month], day == "1er" and 1 or tonumber(day) }
  end
  return out
end

--- "475 000 €", "600 000 euros", "1 234,50 €".
local function is_amount(text)
  local s = text:gsub("\u{a0}", " "):gsub("\u{202f}", " ")
  return s:match("^%d[%d ]*,?%d* ?€$") ~= nil or s:match("^%d[%d ]*,?%d* euros?$") ~= nil
end
local function is_date(text)
  local ws = M.words(text)
  local spans = date_spans(ws)
  return #spans == 1 and spans[1][1] == 1 and spans[1][2] == #ws
end
M.is_amount, M.is_date = is_amount, is_date

-- Widens a hunk so that a date it touches is quoted whole, in both texts.
local function widen_dates(h, a, b)
  local changed = true
  while changed do
    changed = false
    for _, side in ipairs { { a, 1, 2 }, { b, 3, 4 } } do
      local words, from, to = side[1], side[2], side[3]
      for _, s in ipairs(date_spans(words)) do
        local lo, hi = h[from], math.max(h[to], h[from] - 1)
        if s[1] <= hi and s[2] >= lo and (s[1] < lo or s[2] > hi) then
          local grow_left, grow_right = math.max(0, lo - s[1]), math.max(0, s[2] - hi)
          h[1], h[3] = h[1] - grow_left, h[3] - grow_left
          h[2], h[4] = h[2] + grow_right, h[4] + grow_right
          changed = true
        end
      end
    end
  end
end

-- Widens a hunk that changes a number so that its unit ("€", "euros") is quoted with it.
local function widen_amounts(h, a, b)
  local function unit(words, k) return words[k] and (words[k].word == "€" or words[k].word:match("^euros?$")) end
  local function number(words, k) return words[k] and words[k].word:match("^[%d\u{a0}\u{202f}]+,?%d*$") end
  if h[2] >= h[1] and h[4] >= h[3] and number(a, h[2]) and number(b, h[4]) and unit(a, h[2] + 1) and unit(b,
      h[4] + 1) then
    h[2], h[4] = h[2] + 1, h[4] + 1
  end
end

-- An amount followed by its words, "180 000 € (cent quatre-vingt mille euros)", is replaced
-- as a whole phrase (avenants.md §3, 2): a span that opens a parenthesis is widened to close it.
local function widen_parentheses(h, a, b)
  local function balance(words, from, to)
    local open = 0
    for k = from, to do
      local _, opened = words[k].word:gsub("%(", "")
      local _, closed = words[k].word:gsub("%)", "")
      open = open + opened - closed
    end
    return open
  end
  for _ = 1, 2 do
    while h[2] >= h[1] and balance(a, h[1], h[2]) > 0 and h[2] < #a do h[2] = h[2] + 1 end
    while h[4] >= h[3] and balance(b, h[3], h[4]) > 0 and h[4] < #b do h[4] = h[4] + 1 end
    -- Keep both spans ending on the same words of context.
    local extra_a, extra_b = #a - h[2], #b - h[4]
    if extra_a ~= extra_b then
      if extra_a > extra_b then h[2] = #a - extra_b else h[4] = #b - extra_a end
    end
  end
end

local function count(text, fragment)
  local n, at = 0, 1
  while true do
    local s, e = text:find(fragment, at, true)
    if not s then return n end
    n, at = n + 1, e + 1
  end
end

--- The one change between `old` and `new` texts of an alinéa, or nil when there are several
--- (the alinéa is then rewritten). Returns { kind = "replace"|"insert"|"delete"|"append",
--- old =, new =, anchor = } with `old` unique in the alinéa and dates quoted whole.
---@param old string
---@param new string
function M.single_change(old, new)
  local a, b = M.words(old), M.words(new)
  local hunks = M.hunks(a, b, function(x, y)
    return x.word == y.word or M.plain_spaces(x.word) == M.plain_spaces(y.word)
  end)
  if #hunks ~= 1 then return nil end
  local h = hunks[1]
  widen_dates(h, a, b)
  widen_amounts(h, a, b)
  widen_parentheses(h, a, b)
  if h[2] < h[1] then  -- words inserted
    if h[1] > #a then return { kind = "append", new = join(b, h[3], h[4]) } end
    -- The anchor is the word before, widened until it occurs once.
    local from = h[1] - 1
    if from < 1 then return nil end
    while count(old, join(a, from, h[1] - 1)) > 1 and from > 1 do from = from - 1 end
    local shift = h[1] - 1 - from
    return { kind = "insert", anchor = join(a, from, h[1] - 1), new = join(b, h[3], h[4]),
             anchor_words = shift + 1 }
  end
  -- Quote the smallest string that occurs once in the alinéa.
  while count(old, join(a, h[1], h[2])) > 1 do
    if h[1] > 1 and h[3] > 1 then h[1], h[3] = h[1] - 1, h[3] - 1
    elseif h[2] < #a and h[4] < #b then h[2], h[4] = h[2] + 1, h[4] + 1
    else return nil end
  end
  if h[4] < h[3] then return { kind = "delete", old = join(a, h[1], h[2]), words = h[2] - h[1] + 1 } end
  local changed = math.max(h[2] - h[1], h[4] - h[3]) + 1
  if changed > 12 then return nil end  -- a long span: the alinéa is rewritten
  return { kind = "replace", old = join(a, h[1], h[2]), new = join(b, h[3], h[4]),
           words = math.max(h[2] - h[1], h[4] - h[3]) + 1 }
end

--- The sentences of an alinéa: a stop (". ", "! ", "? ") followed by a capital letter ends one.
---@param text string
function M.sentences(text)
  local out, start, at = {}, 1, 1
  while true do
    local s, e = text:find("[%.!%?] +", at)
    if not s then break end
    local next_char = text:sub(e + 1, e + 2)
    if text:sub(e + 1, e + 1):match("%u") or next_char == "É" or next_char == "À" or next_char == "«" then
      out[#out + 1] = text:sub(start, s)
      start = e + 1
    end
    at = e + 1
  end
  out[#out + 1] = text:sub(start)
  return out
end

return M
