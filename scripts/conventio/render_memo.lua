--- Clause renders reused between the versions of one agreement built together (an avenant's
--- Convention as it stands and as amended, conventio.avenant): most clauses of the amended
--- version read exactly what they read in the base, and rendering them again gives the same
--- blocks. A render is kept with a trace of everything its template read: each parameter, each
--- field read below one (party.representative.name), the length and the keys and values of each
--- table it walked, what each function it called returned (ref("duree"), party:agree(...)),
--- what each value printed as, and whether amounts were written with their words. A later
--- render of the same template replays the trace on its own parameters — the same reads, the
--- same calls with the same arguments, in the same order — and reuses the kept blocks only
--- when every one gives the same value: same values read, so the same control flow and the same
--- Markdown. Whatever the trace cannot follow (a value written into a table, two tables
--- compared or added, a table or function the template made handed to a function) leaves the
--- render unkept, so a reuse is never stale. The memo lives as long as the scope that opened it
--- (one avenant), in the Lua state only: no row of a batch sees another's renders.
local M = {}

local GET, CALL, LEN, TOSTRING, PAIRS = 1, 2, 3, 4, 5

-- The host's value types (conventio.Money, conventio.Date): immutable, compared with ==, and
-- whatever they print depends on their value only.
local c = require "conventio"
local value_metatables = { [getmetatable(c.Money(0))] = true, [getmetatable(c.Date("2000-01-01"))] = true }

-- ------------------------------------------------------------------ values

-- Whether `old` (read by the kept render) and `new` (read now) are the same value for a template.
local function same_leaf(old, new, markup)
  local kind = type(old)
  if kind ~= type(new) then return false end
  if kind == "number" then return old == new and math.type(old) == math.type(new) end
  if kind == "userdata" then
    return getmetatable(old) == getmetatable(new) and value_metatables[getmetatable(old)] == true and old == new
  end
  if kind == "table" then  -- Markup: compared by its Markdown
    return getmetatable(old) == markup and getmetatable(new) == markup and old.markdown == new.markdown
  end
  return old == new  -- strings, booleans, nil
end

-- ------------------------------------------------------------------ recording

--- One evaluation being recorded. Read i is kept in parallel arrays (a render reads a few
--- dozen values; a table per read cost more than the render saved): `op[i]`, `from[i]` (the
--- node it reads from: 0, the parameters), `key[i]` (GET: the key; CALL: the arguments, each
--- { node = id } or { leaf = value }; PAIRS: the keys), and what it gave: `node[i]` (the node
--- id of a table, object or function the template reads further, with `kind[i]` and `mt[i]`),
--- or false and `leaf[i]` the value (CALL, PAIRS: `leaf[i]` the list of results or values, each
--- { node = id, kind, mt } or { leaf = value }).
local Recording = {}
Recording.__index = Recording

-- A traced table or object is a proxy: an empty table but for these private keys (a template
-- cannot name them, and walks it only through __pairs), whose metatable records each read.
local RAW, NODE, OWNER = {}, {}, {}
local proxy_meta = {}

local function unwrap(value)
  if type(value) == "table" then
    local raw = rawget(value, RAW)
    if raw ~= nil then return raw end
  end
  return value
end

-- What the template gets for `value`: the value itself when it is one the trace compares, or a
-- proxy or wrapper (a new node); and the node's id, or false.
local function observe(self, value)
  local kind = type(value)
  if kind == "table" then
    if getmetatable(value) == self.markup then return value, false end
  elseif kind == "userdata" then
    if value_metatables[getmetatable(value)] then return value, false end
  elseif kind == "function" then
    local id = self.nodes + 1
    self.nodes = id
    local function wrapper(...) return self:call(id, value, ...) end
    self.wrappers[wrapper] = id
    return wrapper, id
  else
    if kind == "thread" then self.poisoned = true end
    return value, false
  end
  local id = self.nodes + 1
  self.nodes = id
  return setmetatable({ [RAW] = value, [NODE] = id, [OWNER] = self }, proxy_meta), id
end

-- Records read n's result `value` (node `id` or false); returns what the template gets.
local function result(self, n, value)
  local shown, id = observe(self, value)
  if id then
    self.node[n], self.kind[n], self.mt[n] = id, type(value), getmetatable(value)
  else
    self.node[n], self.leaf[n] = false, value
  end
  return shown
end

-- The same for a value in a list (CALL's results, PAIRS' values).
local function listed(self, value)
  local shown, id = observe(self, value)
  if id then return shown, { node = id, kind = type(value), mt = getmetatable(value) } end
  return shown, { leaf = value }
end

local function add(self, op, from, key)
  local n = self.n + 1
  self.n = n
  self.op[n], self.from[n], self.key[n] = op, from, key
  return n
end

--- A parameter read by name from the template's environment: what the template gets.
function Recording:param(name, value)
  return result(self, add(self, GET, 0, name), value)
end

function Recording:call(id, f, ...)
  local args, count = { ... }, select("#", ...)
  local refs = { n = count }
  for i = 1, count do
    local a = args[i]
    local kind = type(a)
    local arg_node = kind == "table" and rawget(a, OWNER) == self and rawget(a, NODE)
    if arg_node then
      refs[i] = { node = arg_node }
      args[i] = rawget(a, RAW)
    else
      -- A table or function the template made, or another's traced value: what the function
      -- reads of it is not traced. Only immutable values are passed again when replaying.
      if kind == "function" or kind == "thread" or kind == "table"
          or (kind == "userdata" and not value_metatables[getmetatable(a)]) then
        self.poisoned = true
        args[i] = unwrap(a)
      end
      refs[i] = { leaf = a }
    end
  end
  local results = table.pack(f(table.unpack(args, 1, count)))
  local outs, shown = { n = results.n }, {}
  for i = 1, results.n do shown[i], outs[i] = listed(self, results[i]) end
  local n = add(self, CALL, id, refs)
  self.node[n], self.leaf[n] = false, outs
  return table.unpack(shown, 1, results.n)
end

proxy_meta.__index = function(proxy, key)
  local self = rawget(proxy, OWNER)
  return result(self, add(self, GET, rawget(proxy, NODE), key), rawget(proxy, RAW)[key])
end

proxy_meta.__len = function(proxy)
  local self = rawget(proxy, OWNER)
  local length = #rawget(proxy, RAW)
  local n = add(self, LEN, rawget(proxy, NODE))
  self.node[n], self.leaf[n] = false, length
  return length
end

proxy_meta.__tostring = function(proxy)
  local self = rawget(proxy, OWNER)
  local text = tostring(rawget(proxy, RAW))
  local n = add(self, TOSTRING, rawget(proxy, NODE))
  self.node[n], self.leaf[n] = false, text
  return text
end

-- pairs: every key and value, in the order `pairs` gives them (a table whose order differs is
-- a different table here: a miss, never a wrong reuse).
local function all_pairs(raw)
  local keys, values, n = {}, {}, 0
  for k, v in pairs(raw) do
    n = n + 1
    keys[n], values[n] = k, v
  end
  return keys, values, n
end

proxy_meta.__pairs = function(proxy)
  local self = rawget(proxy, OWNER)
  local keys, values, count = all_pairs(rawget(proxy, RAW))
  local outs, shown = {}, {}
  for i = 1, count do
    local kind = type(keys[i])
    if kind == "table" or kind == "userdata" or kind == "function" or kind == "thread" then self.poisoned = true end
    shown[i], outs[i] = listed(self, values[i])
  end
  local n = add(self, PAIRS, rawget(proxy, NODE), keys)
  self.node[n], self.leaf[n] = false, outs
  local i = 0
  return function()
    i = i + 1
    if i > count then return nil end
    return keys[i], shown[i]
  end, proxy, nil
end

-- Everything else a template could do with a table or object changes it, or depends on its
-- identity or on metamethods the trace does not follow: done on the real values, unkept.
local function poison(value)
  local owner = type(value) == "table" and rawget(value, OWNER)
  if owner then owner.poisoned = true end
end
proxy_meta.__newindex = function(proxy, key, value)
  poison(proxy)
  rawget(proxy, RAW)[key] = unwrap(value)
end
proxy_meta.__call = function(proxy, ...)
  poison(proxy)
  local args, n = { ... }, select("#", ...)
  for i = 1, n do args[i] = unwrap(args[i]) end
  return rawget(proxy, RAW)(table.unpack(args, 1, n))
end
local function binary(operate)
  return function(a, b)
    poison(a)
    poison(b)
    return operate(unwrap(a), unwrap(b))
  end
end
proxy_meta.__eq = binary(function(a, b) return a == b end)
proxy_meta.__lt = binary(function(a, b) return a < b end)
proxy_meta.__le = binary(function(a, b) return a <= b end)
proxy_meta.__concat = binary(function(a, b) return a .. b end)
proxy_meta.__add = binary(function(a, b) return a + b end)
proxy_meta.__sub = binary(function(a, b) return a - b end)
proxy_meta.__mul = binary(function(a, b) return a * b end)
proxy_meta.__div = binary(function(a, b) return a / b end)
proxy_meta.__mod = binary(function(a, b) return a % b end)
proxy_meta.__pow = binary(function(a, b) return a ^ b end)
proxy_meta.__idiv = binary(function(a, b) return a // b end)
proxy_meta.__band = binary(function(a, b) return a & b end)
proxy_meta.__bor = binary(function(a, b) return a | b end)
proxy_meta.__bxor = binary(function(a, b) return a ~ b end)
proxy_meta.__shl = binary(function(a, b) return a << b end)
proxy_meta.__shr = binary(function(a, b) return a >> b end)
proxy_meta.__unm = function(a)
  poison(a)
  return -unwrap(a)
end
proxy_meta.__bnot = function(a)
  poison(a)
  return ~unwrap(a)
end
proxy_meta.__metatable = false

--- True for a value of the host's value types (conventio.Money, conventio.Date).
function M.is_value(value) return value_metatables[getmetatable(value)] == true end

--- A helper of the template's environment (pure, the same in every version) called with a
--- traced value reads it outside the trace: it gets the real value and the render is unkept.
function M.helper(recording, f)
  return function(...)
    local args, n = { ... }, select("#", ...)
    for i = 1, n do
      local a = args[i]
      if (type(a) == "table" and rawget(a, RAW) ~= nil) or recording.wrappers[a] then
        recording.poisoned = true
        args[i] = unwrap(a)
      end
    end
    return f(table.unpack(args, 1, n))
  end
end

--- A new recording of one template evaluation; `markup` is the Markup metatable
--- (conventio.clauses), whose values are compared by their Markdown. `amounts` lists those the
--- render's printed values record (conventio.facts); `poisoned` says it cannot be kept.
function M.recording(markup)
  return setmetatable({ n = 0, op = {}, from = {}, key = {}, node = {}, leaf = {}, kind = {}, mt = {},
                        nodes = 0, wrappers = {}, markup = markup, poisoned = false, amounts = {} }, Recording)
end

-- ------------------------------------------------------------------ replaying

-- Whether `value`, read now, is a node of `kind` and `mt` as recorded (kept in `now[id]`).
local function same_node(id, kind, mt, value, now)
  if type(value) ~= kind then return false end
  if kind ~= "function" and getmetatable(value) ~= mt then return false end
  now[id] = value
  return true
end

local function matches(out, value, now, markup)
  if out.node then return same_node(out.node, out.kind, out.mt, value, now) end
  return same_leaf(out.leaf, value, markup)
end

-- Replays recording `r` on `params`: the values read now by node when every read gives what it
-- gave when recorded, or nil.
local function replay(r, params, markup)
  local now = { [0] = params }
  local ops, froms, keys, nodes, leaves, kinds, mts = r.op, r.from, r.key, r.node, r.leaf, r.kind, r.mt
  for i = 1, r.n do
    local op, from = ops[i], now[froms[i]]
    local value
    if op == GET then
      value = from[keys[i]]
    elseif op == LEN then
      value = #from
    elseif op == TOSTRING then
      value = tostring(from)
    elseif op == CALL then
      local refs, args = keys[i], {}
      for k = 1, refs.n do
        local a = refs[k]
        if a.node then args[k] = now[a.node] else args[k] = a.leaf end
      end
      local results = table.pack(from(table.unpack(args, 1, refs.n)))
      local outs = leaves[i]
      if results.n ~= outs.n then return nil end
      for k = 1, results.n do
        if not matches(outs[k], results[k], now, markup) then return nil end
      end
    else -- PAIRS
      local now_keys, values, count = all_pairs(from)
      local old_keys, outs = keys[i], leaves[i]
      if count ~= #outs then return nil end
      for k = 1, count do
        if not same_leaf(old_keys[k], now_keys[k], markup) then return nil end
        if not matches(outs[k], values[k], now, markup) then return nil end
      end
    end
    if op ~= CALL and op ~= PAIRS then
      local id = nodes[i]
      if id then
        if not same_node(id, kinds[i], mts[i], value, now) then return nil end
      elseif not same_leaf(leaves[i], value, markup) then
        return nil
      end
    end
  end
  return now
end

-- ------------------------------------------------------------------ the memo

local Memo = {}
Memo.__index = Memo

--- A memo of renders: `entries[name]`, each { reads, blocks, words, amounts } kept from a
--- recording (`amounts`: those its printed values recorded, conventio.facts).
--- `hits` and `misses` count the renders found and not found.
function M.new() return setmetatable({ entries = {}, hits = 0, misses = 0 }, Memo) end

--- Keeps the render of template `name` recorded by `recording`: its `blocks`, and `words`, the
--- format of amounts in words it was rendered with. Unkept when the recording was poisoned.
function Memo:keep(name, recording, blocks, words)
  if recording.poisoned then return end
  local list = self.entries[name]
  if not list then
    list = {}
    self.entries[name] = list
  end
  -- What replaying needs: the reads, not the recording's wrappers.
  recording.wrappers, recording.markup = nil, nil
  list[#list + 1] = { reads = recording, blocks = blocks, words = words, amounts = recording.amounts }
end

--- A kept render of template `name` that `params` would give again with amounts in words
--- written as `words`: the entry and the values of the parameters it read (whose amounts a
--- render records, conventio.facts), or nil. A replay that fails (a read or call raising an
--- error) is a miss: the render then runs and raises it at its place.
function Memo:find(name, params, words, markup)
  local list = self.entries[name]
  if not list then return nil end
  for i = 1, #list do
    local entry = list[i]
    if entry.words == words then
      local ok, now = pcall(replay, entry.reads, params, markup)
      if ok and now then
        local r, roots = entry.reads, {}
        for k = 1, r.n do
          if r.from[k] == 0 then  -- a parameter
            local id = r.node[k]
            if id then roots[#roots + 1] = now[id] elseif r.leaf[k] ~= nil then roots[#roots + 1] = r.leaf[k] end
          end
        end
        self.hits = self.hits + 1
        return entry, roots
      end
    end
  end
  self.misses = self.misses + 1
  return nil
end

return M
