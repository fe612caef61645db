--- Which avenant the version of a Convention being built is amended by, and what each version
--- made fall due at a signature. A payment due "dès signature" of an act already signed cannot
--- be raised by a later act: the signature is past (an avenant raising the tranche due at the
--- Convention's signature, a party joining by an avenant whose contribution is due "dès
--- signature de la présente convention"). So a financial variant asks `due_at_signature`
--- what its payment at signature becomes: outside an avenant, the Convention's; in a version an
--- avenant amends, what the version before made due at each signature, kept as it was, and what
--- the new amount adds, due at the signature of this avenant.
---
--- conventio.avenant sets `M.current` around the build of each amended version; the financial
--- variants (conventio.finance.*) record what they made due, by payer, on the agreement built.
local tr = require("conventio").tr
local c = require "conventio"

local M = {}

--- While conventio.avenant builds a version amended by an avenant: { number = n (the
--- avenant's), previous = the Agreement of the version before }; nil otherwise.
M.current = nil

-- agreement -> { [payer's role] = parts }: what each version made due at signatures.
local recorded = setmetatable({}, { __mode = "k" })

--- fn(...) run with tbl[key] set to `value`, restored after, whether fn returns or raises: how
--- an avenant's builds are told what they build (this module's `current`, and conventio.avenant's
--- settings of the agreement and clause modules).
---@param tbl table
---@param key string
---@param value any
---@param fn function
function M.with_set(tbl, key, value, fn, ...)
  local before = tbl[key]
  tbl[key] = value
  local result = table.pack(pcall(fn, ...))
  tbl[key] = before
  if not result[1] then error(result[2], 0) end
  return table.unpack(result, 2, result.n)
end

--- fn(...) with `M.current` = { number, previous } (the version built is amended by avenant n°
--- `number`; `previous` is the version before it).
---@param number integer the avenant's number
---@param previous table the Agreement of the version before
---@param fn function builds the version
function M.building(number, previous, fn, ...)
  return M.with_set(M, "current", { number = number, previous = previous }, fn, ...)
end

--- What `payer_role`'s payment at signature of `amount` is due at, on `agreement` being built:
--- a list of parts { amount, avenant = n or nil (the Convention's signature) }, in order of
--- signature, which add up to `amount`. In a version amended by an avenant, the parts of the
--- version before stay as they were (they fell due at signatures made) and the increase falls
--- due at this avenant's signature; an amount below what already fell due is a problem added
--- to `found` (conventio.data), named by `field`, and the parts are then the amount alone.
---@param agreement table the Agreement being built
---@param payer_role string the payer's role ("departement")
---@param amount conventio.Money
---@param found table the variant's problems (conventio.data)
---@param field string the amount's field, for the message ("finance.tranches[1]")
function M.due_at_signature(agreement, payer_role, amount, found, field)
  local parts
  local now = M.current
  if not now then
    parts = { { amount = amount } }
  else
    parts = {}
    local earlier = recorded[now.previous] and recorded[now.previous][payer_role] or {}
    local already = c.Money(0)
    for _, part in ipairs(earlier) do
      parts[#parts + 1] = part
      already = already + part.amount
    end
    if amount > already then
      parts[#parts + 1] = { amount = amount - already, avenant = now.number }
    elseif amount < already then
      local message = tr("%s: %s fell due at signatures already made (the Convention's, an earlier avenant's); "
                         .. "the amended agreement pays %s at signature: an avenant cannot lower a payment already due")
      found:add(message:format(field, tostring(already), tostring(amount)))
      parts = { { amount = amount } }
    end
  end
  recorded[agreement] = recorded[agreement] or {}
  recorded[agreement][payer_role] = parts
  return parts
end

return M
