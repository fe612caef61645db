--- An agreement as a drafter thinks of it: parties, visas, preamble, articles with their
--- sub-articles, annexes, signatures. Articles and annexes are numbered when the document is
--- built, and clauses refer to them by key ({{ ref("duree") }}), so numbers and references
--- are computed, never typed: the mistakes of the seeds (an "Article 4" followed by
--- sub-articles 5.x, a reference to the wrong article) cannot happen.
local c = require "conventio"
local clauses = require "conventio.clauses"

local M = {}

local Agreement = {}
Agreement.__index = Agreement

local function check_key(key, what, level)
  if type(key) ~= "string" or not key:match("^[a-z][a-z0-9_]*$") then
    error(("%s: key must be lower-case letters, digits and '_', starting with a letter (got %s)"):format(
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
    error("Agreement: an avenant names what it amends: "
          .. "amends = { kind = \"partenariat\"|\"delegation\", date = \"YYYY-MM-DD\" }", 3)
  end
  if math.type(spec.number) ~= "integer" or spec.number < 1 then
    error("Agreement: an avenant has a number (number = 1, 2...)", 3)
  end
  return ("%s\u{a0}%d %s %s %s %s"):format(l.avenant, spec.number, l.avenant_to, l["kind_" .. base.kind], l.dated,
                                          c.Date(base.date).long)
end

--- M.new{ kind=, title=, subject=, keywords=, date=, place=, parties = { role = Party, ... },
---        party_order = { "partner", "dinum" }, params = { ... },
---        agreed_before_preamble = true (the "Il a été convenu" formula opens the preamble),
---        without_agreed = true (the agreement has no such formula) }
--- kind: "partenariat", "delegation" or "avenant" (then number = N and amends = { kind =,
--- date = }); without a title, the title follows from the kind.
function M.new(spec)
  if type(spec) ~= "table" then error("Agreement: expected a table", 2) end
  if spec.kind ~= nil and not kinds[spec.kind] then
    error(("Agreement: kind must be \"partenariat\", \"delegation\" or \"avenant\", got %s"):format(
      tostring(spec.kind)), 2)
  end
  if spec.title == nil and spec.kind then spec.title = title_of(spec) end
  if type(spec.title) ~= "string" then error("Agreement: title is required (or a kind)", 2) end
  local self = setmetatable({
    spec = spec,
    parties = spec.parties or {},
    party_order = spec.party_order or {},
    visas = {},
    preamble = {},
    articles = {},
    annexes = {},
    by_key = {},
    signature = nil,
  }, Agreement)
  if #self.party_order == 0 then
    error("Agreement: party_order must list the parties, in the order the agreement names them", 2)
  end
  for _, role in ipairs(self.party_order) do
    if not self.parties[role] then
      error(("Agreement: party_order names '%s', which is not a party"):format(role), 2)
    end
  end
  return self
end

-- ------------------------------------------------------------------ content

--- Content is deferred until the document is built, when every number is known. A piece
--- of content is a template call (agreement:clause), a Block, a string (one paragraph), a
--- function(ctx) returning blocks, or an array of these.
local Clause = {}
Clause.__index = Clause

--- A clause template with its own parameters, rendered when the document is built.
--- `options.keep_together` keeps each of its paragraphs on one page (bank details...).
function Agreement:clause(name, params, options) -- luacheck: no unused args
  return setmetatable({ name = name, params = params or {}, keep_together = options and options.keep_together },
                      Clause)
end

local function expand(self, content, out, extra)
  if content == nil then return out end
  if getmetatable(content) == Clause then
    local params = setmetatable({}, { __index = function(_, k)
      local v = content.params[k]
      if v ~= nil then return v end
      if extra then v = extra[k] end
      if v ~= nil then return v end
      return self.context[k]
    end })
    local blocks = clauses.blocks(content.name, params)
    if content.keep_together then blocks = c.keep_together(blocks) end
    for _, b in ipairs(blocks) do out[#out + 1] = b end
  elseif type(content) == "function" then
    expand(self, content(self.context), out, extra)
  elseif type(content) == "table" and getmetatable(content) == nil then
    for _, item in ipairs(content) do expand(self, item, out, extra) end
  else
    out[#out + 1] = content
  end
  return out
end

-- ------------------------------------------------------------------ structure

function Agreement:visa(content)
  self.visas[#self.visas + 1] = content
  return self
end

function Agreement:add_preamble(content)
  self.preamble[#self.preamble + 1] = content
  return self
end

local function register(self, key, entry, what)
  check_key(key, what, 3)
  if self.by_key[key] then error(("%s: the key '%s' is used twice"):format(what, key), 3) end
  self.by_key[key] = entry
end

--- agreement:article{ key=, title=, content=, sections = { {key=, title=, content=, numbered=} } }
--- Sections are sub-articles: numbered ("5.1 Montant") unless numbered = false.
function Agreement:article(spec)
  if type(spec.title) ~= "string" then error("article: title is required", 2) end
  local article = { kind = "article", key = spec.key, title = spec.title, content = spec.content, sections = {} }
  if spec.key then register(self, spec.key, article, "article '" .. spec.title .. "'") end
  for _, s in ipairs(spec.sections or {}) do
    if type(s.title) ~= "string" then error("article '" .. spec.title .. "': every section needs a title", 2) end
    local section = { kind = "article", key = s.key, title = s.title, content = s.content,
                      numbered = s.numbered ~= false, parent = article }
    if s.key then register(self, s.key, section, "section '" .. s.title .. "'") end
    article.sections[#article.sections + 1] = section
  end
  self.articles[#self.articles + 1] = article
  return self
end

--- agreement:annex{ key=, title=, content= }: annexes follow the signatures, each on a new page.
function Agreement:annex(spec)
  if type(spec.title) ~= "string" then error("annex: title is required", 2) end
  local annex = { kind = "annex", key = spec.key, title = spec.title, content = spec.content }
  if spec.key then register(self, spec.key, annex, "annex '" .. spec.title .. "'") end
  self.annexes[#self.annexes + 1] = annex
  return self
end

--- agreement:signatures{ place=, date=, originals = "en deux originaux",
---                       content = ... (replaces the default columns),
---                       after = ... (what follows the signatures, e.g. the controller's visa) }
function Agreement:signatures(spec)
  self.signature = spec or {}
  return self
end

-- ------------------------------------------------------------------ numbering and references

local function number_entries(self)
  for i, article in ipairs(self.articles) do
    article.number = tostring(i)
    local k = 0
    for _, s in ipairs(article.sections) do
      if s.numbered then
        k = k + 1
        s.number = i .. "." .. k
      end
    end
  end
  for i, annex in ipairs(self.annexes) do annex.number = tostring(i) end
end

local function target(self, key)
  local entry = self.by_key[key]
  if not entry then
    local keys = {}
    for k in pairs(self.by_key) do keys[#keys + 1] = k end
    table.sort(keys)
    error(("reference to '%s', which no article or annex has as key (keys: %s)"):format(
      tostring(key), table.concat(keys, ", ")), 0)
  end
  if not entry.number then
    error(("reference to '%s', an unnumbered section: give it numbered = true or refer to its article"):format(key), 0)
  end
  return entry
end

--- The number of the article or annex `key`, as a live cross-reference: "6", "5.1".
function Agreement:refn(key)
  local entry = target(self, key)
  return clauses.markup(("[%s](#ref:%s)"):format(entry.number, anchor_name(key)))
end

--- "l'article 6", "l'article 5.1", "l'annexe 1": the word from structure/libelles, the
--- number a live cross-reference.
function Agreement:ref(key)
  local entry = target(self, key)
  local l = labels()
  local word = entry.kind == "annex" and l.ref_annex or l.ref_article
  return clauses.markup(c.markdown_escape(word .. " ")) .. self:refn(key)
end

--- The same as inline content, for scripts that build paragraphs in Lua.
function Agreement:ref_inlines(key)
  local entry = target(self, key)
  local l = labels()
  local word = entry.kind == "annex" and l.ref_annex or l.ref_article
  return { word .. " ", c.Ref(anchor_name(key), entry.number) }
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
  local shown = entry.key and c.Anchor(anchor_name(entry.key), entry.number) or entry.number
  return { l.article .. " ", shown, c.french_spacing(" : " .. title) }
end

function Agreement:party_list()
  local list = {}
  for _, role in ipairs(self.party_order) do list[#list + 1] = self.parties[role] end
  return list
end

--- Builds the conventio.Document: every clause is rendered now, with numbers known.
function Agreement:document()
  number_entries(self)
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

  local keywords = spec.keywords
  if not keywords then
    keywords = {}
    for _, p in ipairs(self:party_list()) do keywords[#keywords + 1] = p.short_name end
  end
  local doc = c.Document {
    title = spec.title,
    subject = spec.subject or spec.title,
    keywords = keywords,
    date = spec.date,
    footer = { l.page .. " ", c.PageNumber(), " / ", c.PageCount() },
  }
  doc:add(c.Title(spec.title))

  local parties = self:party_list()
  for i, party in ipairs(parties) do
    doc:add(c.Para({ i == 1 and l.between or l["and"] }, { align = "center", keep_with_next = true }))
    doc:add(expand(self, self:clause(spec.party_template or "structure/partie", { party = party }), {}))
  end
  for _, visa in ipairs(self.visas) do doc:add(expand(self, visa, {})) end

  local agreed = c.Para(c.french_spacing(l.agreed), { keep_with_next = true })
  if spec.agreed_before_preamble and not spec.without_agreed then doc:add(agreed) end
  if #self.preamble > 0 then
    doc:add(c.Article(l.preamble))
    for _, p in ipairs(self.preamble) do doc:add(expand(self, p, {})) end
  end
  if not spec.agreed_before_preamble and not spec.without_agreed then doc:add(agreed) end

  for _, article in ipairs(self.articles) do
    doc:add(c.Article(heading_text(article, l)))
    doc:add(expand(self, article.content, {}, { article = article }))
    for _, section in ipairs(article.sections) do
      doc:add(c.SubArticle(heading_text(section, l)))
      doc:add(expand(self, section.content, {}, { article = section }))
    end
  end

  local signature = self.signature or {}
  doc:add(expand(self, self:clause("structure/fait_a", {
    place = signature.place or spec.place, date = signature.date or (spec.date and c.Date(spec.date)),
    originals = signature.originals,
  }), {}))
  if signature.content then
    doc:add(expand(self, signature.content, {}))
  else
    local columns = {}
    for _, party in ipairs(parties) do
      columns[#columns + 1] = expand(self, self:clause("structure/signataire", { party = party }), {})
    end
    doc:add(c.Signatures(columns))
  end
  if signature.after then doc:add(expand(self, signature.after, {})) end

  for _, annex in ipairs(self.annexes) do
    doc:add(c.AnnexHeading(heading_text(annex, l)))
    doc:add(expand(self, annex.content, {}, { annex = annex }))
  end
  return doc
end

return M
