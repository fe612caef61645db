--- The closing articles every agreement ends with — modification, duration, termination,
--- general provisions, personal data, disputes, publication — built by named builders from
--- data, so that a script does not copy them. Each builder is
--- `builder(agreement, spec)` and returns the article it adds; `M.add(agreement, list)` builds
--- a list of them from data:
---
---     "closing": [ { "article": "duree", "duration": { "months": 24 } },
---                  { "article": "resiliation", "payer": "departement", "receiver": "commune" },
---                  { "article": "litiges", "court": "Melun" } ]
---
--- Every spec refuses an unknown field, with the nearest one suggested. Headings come from
--- templates/commun/intitules.md.
local tr = require("conventio").tr
local c = require "conventio"
local clauses = require "conventio.clauses"
local data = require "conventio.data"
local quantities = require "conventio.quantities"
local strict = require "conventio.strict"

local M = {}

local function heading(key)
  return clauses.front_matter("commun/intitules")[key]
end

--- The party a spec names by role, or an error naming the field.
local function party(agreement, spec, field, where, required)
  local role = spec[field]
  if role == nil then
    if required then error(tr("%s.%s is required (the role of a party)"):format(where, field), 0) end
    return nil
  end
  local p = agreement.parties[role]
  if not p then
    error(tr("%s.%s names no party: %s%s"):format(where, field, tostring(role), strict.suggestion(role,
        agreement.parties)), 0)
  end
  return p
end

--- The fields of each builder's spec (docs/reference.md lists them). Every builder also takes
--- key (the article's key, default its name) and title (default from commun/intitules).
M.fields = {
  modification = {
    copy_to = "who receives a copy of an avenant (default: the State party's accountant_short, if any)",
    partner = "role of the party that receives a copy (default: the first party)",
  },
  duree = {
    duration = "{ months = N } | { years = N } | { end_date = \"YYYY-MM-DD\" }",
    covers_expenses = "true: the period covers commitments, services and payments",
    purchase_orders = "true: a paragraph on the duration of purchase orders on public contracts",
  },
  resiliation = {
    sections = "which sections, in order: \"sans_faute\", \"faute\", \"effets\" (default all three)",
    payer = "role of the party that pays, or the list of roles when several pay (for \"faute\" and \"effets\")",
    receiver = "role of the party that receives (for \"effets\")",
    notice = "the notice period (default \"trois (3) mois\")",
    contract = "true: the text calls the agreement \"le contrat\"",
  },
  dispositions_generales = {
    contract = "true: the text calls the agreement \"le contrat\"",
  },
  donnees_personnelles = {
    contract = "true: the text calls the agreement \"le contrat\"",
  },
  litiges = {
    court = "the seat of the tribunal administratif (default Paris)",
    contract = "true: the text calls the agreement \"le contrat\"",
    governing_law = "true: opens with the governing law",
    competent_courts = "true: ends with the competent courts",
    one_paragraph = "true: the amicable settlement and the mediation in one paragraph",
  },
  publication = {
    publisher = "role of the party that publishes it on data.gouv.fr",
    first_publisher = "who publishes it first, elsewhere (\"la mission d'appui au pilotage\")",
    first_site = "where it is first published (\"le site de Matignon Info Services\")",
  },
}
for _, fields in pairs(M.fields) do
  fields.key = "the article's key (default: the builder's name)"
  fields.title = "the article's heading (default from templates/commun/intitules.md)"
end

-- The parties a spec names by a role or a list of roles (required), or an error naming the field.
local function parties(agreement, spec, field, where)
  local roles = spec[field]
  if type(roles) ~= "table" then return { party(agreement, spec, field, where, true) } end
  if #roles == 0 then error(tr("%s.%s must name a role or a list of roles"):format(where, field), 0) end
  local out = {}
  for i, role in ipairs(roles) do
    out[i] = party(agreement, { [field .. "[" .. i .. "]"] = role }, field .. "[" .. i .. "]", where, true)
  end
  return out
end

local builders = {}

--- Modification by avenant (commun/modification_avenant).
---@param agreement conventio.Agreement
---@param spec table
---@param where string?
function builders.modification(agreement, spec, where)
  local partner = party(agreement, spec, "partner", where) or agreement.parties[agreement.party_order[1]]
  -- A copy goes to the accountant of the State service among the parties (its kind decides).
  local copy_to = spec.copy_to
  if copy_to == nil then
    for _, p in ipairs(agreement:party_list()) do
      if p:is_state() and p.accountant_name then
        copy_to = p.accountant_name.au
        break
      end
    end
  end
  return agreement:article { key = spec.key or "modification", title = spec.title or heading("modification"),
                             content = agreement:clause("commun/modification_avenant",
                                                        { partner = partner, copy_to = copy_to }) }
end

--- The duration (commun/duree), worded from a typed duration.
---@param agreement conventio.Agreement
---@param spec table
---@param where string?
function builders.duree(agreement, spec, where)
  local duration = spec.duration ~= nil and quantities.duration(spec.duration, where .. ".duration") or nil
  if not duration then
    error(tr("%s.duration is required: { months = N }, { years = N } or { end_date = ... }"):format(where), 0)
  end
  -- An end before the agreement is even signed is a typo in a year.
  local signed = agreement.spec and agreement.spec.date
  if duration.end_date and signed and duration.end_date < c.Date(signed) then
    error(tr("%s.duration.end_date (%s) is before the agreement's date (%s)"):format(where, duration.end_date.iso,
                                                                                     signed), 0)
  end
  return agreement:article {
    key = spec.key or "duree", title = spec.title or heading("duree"),
    content = agreement:clause("commun/duree", {
      end_date = duration.end_date, duration = duration.end_date == nil and duration or nil,
      covers_expenses = spec.covers_expenses, without_orders = not spec.purchase_orders }),
  }
end

local termination_sections = { "sans_faute", "faute", "effets" }

--- Termination in sections: without fault, for fault, effects.
---@param agreement conventio.Agreement
---@param spec table
---@param where string?
function builders.resiliation(agreement, spec, where)
  local list = spec.sections or termination_sections
  local sections = {}
  for i, name in ipairs(list) do
    strict.choice(name, termination_sections, ("%s.sections[%d]"):format(where, i))
    local params = { contract = spec.contract }
    if name == "sans_faute" then params.notice = spec.notice end
    if name == "faute" or name == "effets" then
      -- Several payers (a member joining by an avenant) are each named: « la collectivité »
      -- alone would leave out the others.
      local payers = parties(agreement, spec, "payer", where)
      params.payer, params.payers = payers[1], #payers > 1 and payers or nil
    end
    if name == "effets" then params.receiver = party(agreement, spec, "receiver", where, true) end
    sections[#sections + 1] = { key = "resiliation_" .. name, title = heading("resiliation_" .. name),
                                content = agreement:clause("commun/resiliation_" .. name, params) }
  end
  return agreement:article { key = spec.key or "resiliation", title = spec.title or heading("resiliation"),
                             sections = sections }
end

--- General provisions: modification, nullity, waiver.
---@param agreement conventio.Agreement
---@param spec table
function builders.dispositions_generales(agreement, spec)
  local params = { contract = spec.contract }
  local modification_heading = heading(spec.contract and "modification_contrat_contract" or "modification_contrat")
  -- Two headings alike would read as the same clause twice (an article "Modification de la
  -- convention" and a section of the same name).
  local article = agreement.by_key.modification
  if article and article.title == modification_heading then
    modification_heading = heading("modification_contrat_after_article")
  end
  return agreement:article {
    key = spec.key or "dispositions_generales", title = spec.title or heading("dispositions_generales"),
    sections = {
      { key = "modification_contrat", title = modification_heading,
        content = agreement:clause("commun/modification_contrat", params) },
      { key = "nullite", title = heading("nullite"), content = agreement:clause("commun/nullite", params) },
      { key = "renonciation", title = heading("renonciation"), content = agreement:clause("commun/renonciation",
          params) },
    },
  }
end

--- Both parties' commitment to the GDPR.
---@param agreement conventio.Agreement
---@param spec table
function builders.donnees_personnelles(agreement, spec)
  return agreement:article {
    key = spec.key or "donnees_personnelles", title = spec.title or heading("donnees_personnelles"),
    content = agreement:clause("commun/donnees_personnelles", { contract = spec.contract }),
  }
end

--- Disputes: amicable settlement, mediation, the tribunal administratif.
---@param agreement conventio.Agreement
---@param spec table
---@param where string?
function builders.litiges(agreement, spec, where)
  strict.text(spec.court, where .. ".court", 0, true)
  return agreement:article {
    key = spec.key or "litiges", title = spec.title or heading("litiges"),
    content = agreement:clause("commun/litiges", {
      court = spec.court, contract = spec.contract, governing_law = spec.governing_law,
      competent_courts = spec.competent_courts, one_paragraph = spec.one_paragraph }),
  }
end

--- Publication on data.gouv.fr by one party.
---@param agreement conventio.Agreement
---@param spec table
---@param where string?
function builders.publication(agreement, spec, where)
  return agreement:article {
    key = spec.key or "publication", title = spec.title or heading("publication"),
    content = agreement:clause("commun/publication", { publisher = party(agreement, spec, "publisher", where, true),
                                                       first_publisher = spec.first_publisher,
                                                       first_site = spec.first_site }),
  }
end

-- ------------------------------------------------------------------ the number of originals

-- The words of a "Fait à" line's originals: a number, then what is counted.
local counted = { "^exemplaires?$", "^originau?x?$", "^originale?s?$" }

local function is_counted(word)
  for _, pattern in ipairs(counted) do
    if word:find(pattern) then return true end
  end
  return false
end

-- Number words up to what an agreement is signed by, from the library's own spelling, longest
-- first (« vingt et un » before « un »).
local spelled_numbers
local function number_words()
  if not spelled_numbers then
    spelled_numbers = { { "une", 1 } }
    for n = 1, 30 do spelled_numbers[#spelled_numbers + 1] = { c.spell_number(n), n } end
    table.sort(spelled_numbers, function(a, b) return #a[1] > #b[1] end)
  end
  return spelled_numbers
end

--- The number of originals a "Fait à" line's text states (« en deux exemplaires originaux »,
--- « en trois (3) originaux », « en 4 exemplaires »: 2, 3, 4), with the byte span of the number
--- in the text (its words, and its figures in brackets after them); nil when it states none.
--- `expected`, when given, is tried first: the usual case, a number that agrees, then spells
--- one number only (the spelling of every number is made only for one that does not agree).
---@param text string
---@param expected integer?
---@return integer|nil count, integer|nil first, integer|nil last
function M.originals_count(text, expected)
  if type(text) ~= "string" then return nil end
  for at, word in text:gmatch("()([^%s,;.]+)") do
    if is_counted(word:lower()) then
      -- The words before what is counted: « seul », then figures in brackets, then the number.
      local before = text:sub(1, at - 1):gsub("%s+$", "")
      before = before:gsub("%s+[Ss]euls?$", "")
      local last = #before
      local figures = before:match("%((%d+)%)$")
      if figures then before = before:sub(1, -(#figures + 3)):gsub("%s+$", "") end
      local digits = before:match("%f[%w](%d+)$")
      if digits then
        local n = tonumber(digits)
        return (figures == nil or tonumber(figures) == n) and n or nil, #before - #digits + 1, last
      end
      local lower = before:lower()
      local function ends_with(spelled)
        if lower:sub(-#spelled) ~= spelled then return false end
        return #lower == #spelled or lower:sub(-#spelled - 1, -#spelled - 1) == " "
      end
      if expected and ends_with(c.spell_number(expected)) and (figures == nil or tonumber(figures) == expected) then
        return expected, #before - #c.spell_number(expected) + 1, last
      end
      for _, entry in ipairs(number_words()) do
        local spelled, n = entry[1], entry[2]
        if ends_with(spelled) then
          return (figures == nil or tonumber(figures) == n) and n or nil, #before - #spelled + 1, last
        end
      end
      return nil
    end
  end
  return nil
end

--- The problem of the originals `text` of an agreement signed by `signatories` parties: a
--- message naming `where`, with the text corrected (« en trois originaux »), when it states
--- fewer originals than parties but more than one (a party would have none: a number copied from
--- another agreement); or when its words and figures disagree (« trois (4) »). nil when it
--- states as many as the parties or more (one for the accountant), a single original (signed
--- electronically, or kept by one party), or no number.
---@param text string?
---@param signatories integer
---@param where string
function M.originals_problem(text, signatories, where)
  local count, first, last = M.originals_count(text, signatories)
  if not count then
    -- Words and figures that disagree (« trois (4) »): counted without the figures, it agrees.
    local figures = type(text) == "string" and text:match("%((%d+)%)")
    local in_words = figures and M.originals_count((text:gsub("%s*%(%d+%)", "", 1)), signatories)
    if in_words and in_words ~= tonumber(figures) then
      return tr("%s: « %s » states the number of originals in words and in figures that disagree")
          :format(where, text)
    end
    return nil
  end
  if count == 1 or count >= signatories then return nil end
  -- Corrected as it was written: in figures (« en 3 exemplaires »), or in words with the
  -- figures after them when it had them.
  local number = text:sub(first, last)
  local spelled = number:match("^%d+$") and tostring(signatories) or c.spell_number(signatories)
  local figures = number:match("%(%d+%)") and (" (" .. signatories .. ")") or ""
  local corrected = text:sub(1, first - 1) .. spelled .. figures .. text:sub(last + 1)
  return tr("%s: « %s » states %d originals, but the agreement has %d signatories (one original for each): "
            .. "write « %s »"):format(where, text, count, signatories, corrected), corrected
end

local names = {}
for name in pairs(builders) do names[#names + 1] = name end
table.sort(names)

--- Each builder as M.<name>(agreement, spec): adds that article and returns it.
for _, name in ipairs(names) do
  M[name] = data.for_script(function(agreement, spec, where)
    where = where or ("closing." .. name)
    spec = spec or {}
    if type(spec) ~= "table" then error(tr("%s must be an object"):format(where), 0) end
    local known = strict.set(M.fields[name])
    known.article = true
    local problems = strict.unknown_messages(spec, known, where, "field")
    for _, message in ipairs(strict.switch_messages(spec, M.fields[name], where)) do
      problems[#problems + 1] = message
    end
    -- A blank text is refused at its field: printed, it would be refused at a line of the
    -- library's template (a field the template leaves unprinted is still a mistake of the data's).
    local blank_problems, blank = strict.blank_messages(spec, known, where)
    for _, message in ipairs(blank_problems) do problems[#problems + 1] = message end
    -- A heading that is not a text is the entry's field too (else the library's "article.title").
    if spec.title ~= nil and not blank.title then
      local ok, message = pcall(strict.text, spec.title, where .. ".title")
      if not ok then problems[#problems + 1], blank.title = tostring(message), true end
    end
    if #problems == 0 then return builders[name](agreement, spec, where) end
    -- A misspelt field and the entry's other problems are reported together, one a line: the
    -- builder still reads the fields it knows (a misspelt required one is then missing too).
    local known_fields = {}
    for key, value in pairs(spec) do
      if known[key] and not blank[key] then known_fields[key] = value end
    end
    local ok, message = pcall(builders[name], agreement, known_fields, where)
    if not ok then problems[#problems + 1] = tostring(message) end
    error(table.concat(problems, "\n"), 0)
  end, 2)
end

--- The closing articles listed in data, in order: each entry names its builder in `article`.
--- Returns the articles added.
---@param agreement conventio.Agreement
---@param list table[] the data's closing list
---@param where string? its place in the data (default "closing")
---@return table[] articles
function M.add(agreement, list, where)
  where = where or "closing"
  -- Every entry is tried, each problem recorded (conventio.data): a drafter sees them all at
  -- once, with the rest of the data's.
  local found = data.problems()
  local articles = {}
  if type(list) ~= "table" or #list == 0 then
    found:add(tr("%s must list the closing articles: [ { \"article\": \"duree\", ... } ]"):format(where))
    list = {}
  end
  for i, spec in ipairs(list) do
    local field = ("%s[%d]"):format(where, i)
    local name = type(spec) == "table" and spec.article or nil
    if builders[name] then
      articles[#articles + 1] = found:try(M[name], agreement, spec, field)
    else
      found:add(tr("%s.article must name a closing builder: %s, got %s%s"):format(
        field, table.concat(names, ", "), tostring(name),
        type(name) == "string" and strict.suggestion(name, builders) or ""))
    end
  end
  found:settle(agreement)
  return articles
end

-- A list the script wrote is the script's: its problems are raised at its line, together.
M.add = data.for_script(M.add, 2, "closing")

return M
