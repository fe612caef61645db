-- The financial variants: each one's computation and its refusals (tranches and thresholds,
-- strata gaps and overlaps, stated totals, Chorus references), and how the receiver's kind
-- decides how credits are received.
local check = require "check"
local c = require "conventio"
local Agreement = require "conventio.agreement"
local Party = require "conventio.party"
local tranches = require "conventio.finance.tranches"
local strata = require "conventio.finance.strata"
local carried_over = require "conventio.finance.carried_over"
local delegation = require "conventio.finance.delegation"
local single_payment = require "conventio.finance.single_payment"
local clauses = require "conventio.clauses"

--- Amounts and populations as messages print them (with no-break spaces).
local function m(x) return tostring(c.Money(x)) end
local function n(x) return strata.group_digits(x) end

-- Tranches: amounts, shares and thresholds, computed exactly.
local total, listed = tranches.compute({ amount = "1600000", tranches = {
  { amount = "800000" }, { amount = "400000", threshold = "600000" }, { amount = "400000", threshold = "1000000" } } })
check.eq(total, c.Money(1600000), "total")
check.eq(listed[2].threshold, c.Money(600000), "threshold")
local total2, shares, cofinancing = tranches.compute({ cofinancing = { cost = "300000", rate = "60 %" },
  tranches = { { share = "50 %" }, { share = "50 %", threshold = "50 %" } } })
check.eq(total2, c.Money(180000), "60 % of 300 000 €")
check.eq(shares[1].amount, c.Money(90000), "a share of the total")
check.eq(shares[2].threshold, c.Money(45000), "50 % of what was paid before")
check.eq(tostring(shares[2].threshold_share), "50\u{a0}%", "the percentage is printed as typed")
check.eq(cofinancing.remainder, c.Money(120000), "the receiver funds the rest")
check.eq(tostring(cofinancing.remainder_rate), "40\u{a0}%")
check.fails("finance.tranches add up to " .. m(1500000) .. ", but finance.amount is " .. m(1600000), tranches.compute,
            { amount = "1600000", tranches = { { amount = "800000" }, { amount = "700000", threshold = "600000" } } })
check.fails("finance.tranches[2].threshold (" .. m(900000) .. ") exceeds what will have been paid before this tranche",
            tranches.compute, { amount = "1600000", tranches = { { amount = "800000" },
                                                                  { amount = "800000", threshold = "900000" } } })
check.fails("must be greater than the previous tranche's threshold", tranches.compute,
            { amount = "3", tranches = { { amount = "2" }, { amount = "0.50", threshold = "1" },
                                        { amount = "0.50", threshold = "1" } } })
check.fails("finance.tranches[1].threshold: the first tranche is paid at signature", tranches.compute,
            { amount = "10", tranches = { { amount = "10", threshold = "1" } } })
check.fails("finance.tranches[2].threshold is required", tranches.compute,
            { amount = "10", tranches = { { amount = "5" }, { amount = "5" } } })
check.fails("unknown field finance.tranches[2].treshold (did you mean threshold?)", tranches.compute,
            { amount = "10", tranches = { { amount = "5" }, { amount = "5", treshold = "1" } } })
check.fails("finance.amount is " .. m(200000) .. ", but 60", tranches.compute,
            { amount = "200000", cofinancing = { cost = "300000", rate = "60 %" }, tranches = { { share = "100 %" } } })
-- Shares of a total with cents: each share rounds to the cent, the last takes what is left,
-- so shares adding up to 100 % always add up to the total (300 000,02 € at 60 % is
-- 180 000,01 €, whose halves round to 90 000,01 € each).
local odd_total, halves = tranches.compute({ cofinancing = { cost = "300000.02", rate = "60 %" },
  tranches = { { share = "50 %" }, { share = "50 %", threshold = "50 %" } } })
check.eq(odd_total, c.Money("180000.01"), "60 % of 300 000,02 €")
check.eq(halves[1].amount, c.Money("90000.01"), "the first share, rounded")
check.eq(halves[2].amount, c.Money("90000.00"), "the last share takes what is left")
local _, thirds = tranches.compute({ amount = "100000.01", tranches = { { share = "33.33 %" },
  { share = "33.33 %", threshold = "10 %" }, { share = "33.34 %", threshold = "10 %" } } })
check.eq(thirds[1].amount + thirds[2].amount + thirds[3].amount, c.Money("100000.01"), "thirds add up")
check.eq(thirds[3].amount, c.Money("33340.01"), "the last third takes what is left")
local _, after_amount = tranches.compute({ amount = "100000.01", tranches = { { amount = "50000" },
  { share = "50 %", threshold = "10 %" } } })
check.eq(after_amount[2].amount, c.Money("50000.01"), "a last share after an amount takes what is left")
check.fails("finance.tranches: the shares add up to 99\u{a0}%, not 100 %", tranches.compute,
            { amount = "10", tranches = { { share = "50 %" }, { share = "49 %", threshold = "1" } } })
check.fails("finance.tranches[2].share: 40\u{a0}% of the total", tranches.compute,
            { amount = "10", tranches = { { amount = "5" }, { share = "40 %", threshold = "1" } } })
-- A sum that does not agree names what the drafter wrote: the co-financing, not an amount.
local wrong = check.fails("finance.tranches add up to " .. m(100000) .. ", but finance.cofinancing gives "
  .. m(180000), tranches.compute, { cofinancing = { cost = "300000", rate = "60 %" },
  tranches = { { amount = "50000" }, { amount = "50000", threshold = "10000" } } })
check.eq(wrong:find("finance.amount", 1, true), nil, "finance.amount, a field nobody wrote, is not named")
check.fails("a percentage has at most two decimals", tranches.compute,
            { amount = "10", tranches = { { share = "33.333 %" } } })
check.fails("write amounts with cents as strings", tranches.compute, { amount = 12.5, tranches = { { amount = "1" } } })

-- Strata: ordered, no gap, no overlap; the payer's amount computed from its population.
local base = { strata = { { below = 500000, annual = "7500" }, { below = 1000000, annual = "15000" },
    { annual = "22500" } },
               population = 1412516, insee_year = 2017, entering = false, first_year = 2021, years = 2,
                   schedule = "signature" }
local due = strata.compute(base)
check.eq(due.total, c.Money(45000), "22 500 € a year for two years")
local function with_strata(list)
  local spec = {}
  for k, v in pairs(base) do spec[k] = v end
  spec.strata = list
  return spec
end
check.fails("finance.strata[2].from (" .. n(400000) .. ") overlaps finance.strata[1], which goes up to " .. n(499999),
    strata.compute,
            with_strata { { below = 500000, annual = "1" }, { from = 400000, annual = "2" } })
check.fails("finance.strata[2].from (" .. n(600000) .. ") leaves a gap: populations from " .. n(500000)
            .. " to " .. n(599999), strata.compute,
            with_strata { { below = 500000, annual = "1" }, { from = 600000, annual = "2" } })
check.fails("finance.strata[1].below is missing: only the last stratum can be open-ended", strata.compute,
            with_strata { { annual = "1" }, { below = 10, annual = "2" } })
check.fails("unknown field finance.strata[1].anual (did you mean annual?)", strata.compute,
            with_strata { { anual = "1" } })

-- Several payers: each owes the amount of its own stratum (an entering one the multiple).
local other = strata.compute(base, "finance", { population = 400000, entering = true },
                             "finance.other_payers[1]")
check.eq(other.annual, c.Money(15000), "7 500 € doubled for an entering member")
check.eq(other.total, c.Money(30000), "for two years")
check.eq(other.insee_year, 2017, "the INSEE year of the first payer unless its own is given")
check.fails("finance.other_payers[1].population must be a whole number", strata.compute, base, "finance",
            { population = "many", entering = true }, "finance.other_payers[1]")
check.fails("finance.other_payers[1].entering must be true or false", strata.compute, base, "finance",
            { population = 400000 }, "finance.other_payers[1]")

-- Carried-over credits: the total is computed; a stated total must agree.
local carried = { previous = { date = "2020-05-11", paid = "6000000" },
                  carry_over = { from_year = 2021, to_year = 2022, ae = "112403.60", cp = "950864",
                      committed = "109989" },
                  recycling = { year = 2022, amount = "487372.52", market = "M", market_title = "T", orders = "O" },
                  fund = { number = "1" }, stated_total = "489787.12" }
check.eq(carried_over.compute(carried).total, c.Money("489787.12"), "carried AE plus recycling")
carried.stated_total = "489787.13"
check.fails("finance.stated_total is " .. m("489787.13") .. ", but the AE carried over", carried_over.compute, carried)
carried.stated_total = nil
carried.carry_over.comitted, carried.carry_over.committed = "1", nil
check.fails("unknown field finance.carry_over.comitted (did you mean committed?)", carried_over.compute, carried)

-- Délégation de gestion: CP never above AE, Chorus codes of the budget unit's programme.
local function state(name, extra)
  local spec = { short_name = name, gender = "m", kind = "etat", representation = "Représenté par son directeur" }
  for k, v in pairs(extra or {}) do spec[k] = v end
  return Party.new(spec, "parties." .. name)
end
local function agreement(parties, order)
  return Agreement.new { title = "T", place = "Paris", parties = parties, party_order = order }
end
local deleg = { delegant = "ministere", delegataire = "service", budget_unit = "0105-CRES-DNUM",
                ceilings = { { year = 2022, ae = "30000", cp = "30000" } },
                chorus = { axis = "1", functional_domain = "0105-06-08", cost_centre = "AECDSI4092",
                           activities = { { code = "010501A61404", label = "x" } } } }
local da = agreement({ ministere = state("ministere"), service = state("service", { accountant = "le comptable" }) },
                     { "ministere", "service" })
check.eq(delegation.read(da, deleg).total.ae, c.Money(30000), "total AE")
deleg.chorus.functional_domain = "0129-06-08"
check.fails("belongs to programme 0129, the budget unit to programme 0105", delegation.read, da, deleg)
deleg.chorus.functional_domain = "0105-06-08"
deleg.ceilings = { { year = 2022, ae = "10", cp = "20" } }
check.fails("the CP (" .. m(20) .. ") exceed the AE (" .. m(10) .. ")", delegation.read, da, deleg)
deleg.ceilings = { { year = 2022, ae = "10", cp = "10" } }
local local_party = Party.new({ short_name = "Commune de Melun", kind = "commune", representation = "r" },
    "parties.commune")
local mixed = agreement({ ministere = state("ministere"), service = local_party }, { "ministere", "service" })
check.fails("parties.commune.kind must be \"etat\": a délégation de gestion is between State services",
            delegation.read, mixed, deleg)

-- Strata with two payers: named together in the plural, a calendar and a refund per payer,
-- the receiver's bank details once.
local function members()
  local p = function(name, gender)
    return Party.new({ short_name = name, gender = gender, kind = "departement", representation = "r" },
                     "parties." .. name)
  end
  local a = agreement({ seine = p("Département de Seine-et-Marne", "m"), marne = p("Département du Val-de-Marne", "m"),
                        anct = Party.new({ short_name = "ANCT", gender = "f", kind = "epa", representation = "r" },
                                         "parties.anct") }, { "seine", "anct", "marne" })
  a:article { key = "duree", title = "Durée", content = "Un an." }
  return a
end
local two = {}
for k, v in pairs(base) do two[k] = v end
two.payer, two.receiver, two.members = "seine", "anct", "départements"
two.payment_account = { holder = "ANCT", domiciliation = "TP", bank = "10071", branch = "59000",
                        account = "00001020148", key = "89" }
two.other_payers = { { party = "marne", population = 1407124, entering = true,
                       refund_account = { holder = "Val-de-Marne", iban = "FR92 3000 1001 00C0 7700 0000 030" } } }
local sa = members()
local _, first_due, payers = strata.add(sa, two, { service = "RDV-Solidarités" })
check.eq(#payers, 2, "two payers")
check.eq(first_due.total, c.Money(45000), "the first payer's amount")
check.eq(payers[2].due.total, c.Money(90000), "22 500 € doubled for two years")
local text = {}
sa:document()
for _, o in ipairs(c.outline(sa.by_key.moyens.blocks)) do text[#text + 1] = o.text or "" end
for _, key in ipairs { "calendrier", "modalites", "restitution" } do
  for _, o in ipairs(c.outline(sa.by_key[key].blocks)) do text[#text + 1] = o.text or "" end
end
text = table.concat(text, "\n"):gsub("\u{a0}", " ")
check.contains(text, "Le Département de Seine-et-Marne et le Département du Val-de-Marne s'engagent à :",
               "the payers named together")
check.contains(text, "Le Département du Val-de-Marne procédera au versement de sa contribution, soit 90 000 €",
               "the joining payer's own amount")
check.contains(text, "IBAN : FR92 3000 1001 00C0 7700 0000 030", "its refund account")
two.other_payers[1].party = "marn"
check.fails("finance.other_payers[1].party names no party: marn (did you mean marne?)", strata.add, members(), two,
            { service = "S" })
two.other_payers[1].party = "seine"
check.fails("finance.other_payers[1].party (seine) already pays in this article", strata.add, members(), two,
            { service = "S" })
two.other_payers[1].party = "marne"
two.other_payers[1].refund_account.iban = "FR93 3000 1001 00C0 7700 0000 030"
check.fails("finance.other_payers[1].refund_account", strata.add, members(), two, { service = "S" })

-- Single payment: the receiver's kind decides how it receives the credits.
local account = { holder = "X", domiciliation = "Y", bank = "30001", branch = "00690", account = "C0570000000",
    key = "08" }
local function payment(receiver, extra)
  local payer = Party.new({ short_name = "Département de l'Yonne", kind = "departement", representation = "r" },
      "parties.payer")
  local a = agreement({ payer = payer, receiver = receiver }, { "payer", "receiver" })
  a:article { key = "duree", title = "Durée", content = "Un an." }
  local spec = { amount = "1000", payer = "payer", receiver = "receiver", payment_account = account,
      refund_account = account }
  for k, v in pairs(extra or {}) do spec[k] = v end
  single_payment.add(a, spec)
  return a
end
check.fails("finance.fund: only a State receiver imputes on a State fund; parties.commune is of kind commune",
            payment, local_party, { fund = { number = "1" } })
check.fails("finance.fund is required", payment, state("service"))
check.fails("unknown field finance.fund.numbr (did you mean number?)", payment, state("service"),
            { fund = { numbr = "1" } })
-- Every problem of a State receiver's fund at once, one a line.
local fund_problems = check.fails("unknown field finance.fund.numbr (did you mean number?)", payment,
                                  state("service"), { fund = { numbr = "1", lable = "x", budget = { onwer = "y" } },
                                                      imputation = "7473" })
for _, expected in ipairs { "unknown field finance.fund.lable (did you mean label?)",
                            "unknown field finance.fund.budget.onwer (did you mean owner?)",
                            "finance.imputation: a State receiver imputes on a State fund" } do
  check.eq(fund_problems:find(expected, 1, true) ~= nil, true, expected .. " in: " .. fund_problems)
end
deleg.chorus.activities[1].lable = "x"
check.fails("unknown field finance.chorus.activities[1].lable (did you mean label?)", delegation.read, da, deleg)
deleg.chorus.activities[1].lable = nil
check.fails("parties.x.kind is required: the receiver's kind decides how it receives the credits", payment,
            Party.new({ short_name = "X", gender = "m", representation = "r" }, "parties.x"))
check.fails("unknown field finance.amout (did you mean amount?)", payment, local_party, { amout = "1" })
check.fails("finance.receiver names no party: recever", payment, local_party, { receiver = "recever" })
local recette = clauses.markdown("finances/imputation_recette", { payer = local_party, receiver = local_party })
check.contains(recette, "inscrit en recette au budget de la Commune de Melun")
check.eq(type(payment(local_party):document()), "userdata", "a commune receives a recette: the agreement builds")

-- Every problem of a finance object at once, not the first: standalone, raised when the
-- computation returns; for an agreement being assembled, when it is built, with the others.
local all = check.fails("finance.amount must be positive", tranches.compute,
  { amount = "-5", tranches = { { amount = "0" }, { amount = "x", threshold = "1" }, { amount = "2" } } })
check.contains(all, "finance.tranches[1].amount must be positive")
check.contains(all, "invalid amount \"x\" (field finance.tranches[2].amount)")
check.contains(all, "finance.tranches[3].threshold is required")
all = check.fails("finance.strata[1].annual must be positive", strata.compute,
  { strata = { { below = 10, annual = "0" }, { from = 12, annual = "5" } }, population = 5, entering = "yes",
    years = 0, first_year = 2020, insee_year = 2019 })
check.contains(all, "finance.strata[2].from (12) leaves a gap")
check.contains(all, "finance.entering must be true or false")
check.contains(all, "finance.years must be at least 1, got 0")
all = check.fails("finance.carry_over.ae must be zero or more", carried_over.compute,
  { previous = { date = "2020-05-11", paid = "10" }, carry_over = { from_year = 2021, to_year = 2023, ae = "-1",
    cp = "0", committed = "0" }, recycling = { year = 2022, amount = "1", market = "m", market_title = "t" } })
check.contains(all, "finance.carry_over.to_year (2023) must follow from_year (2021)")
check.contains(all, "finance.recycling.orders is required")
deleg.ceilings = { { year = 2022, ae = "x", cp = "10" }, { year = "2023", ae = "1", cp = "1" } }
deleg.chorus.cost_centre = "AE-1"
all = check.fails("invalid amount \"x\" (field finance.ceilings[1].ae)", delegation.read, da, deleg)
check.contains(all, "finance.ceilings[2].year must be a whole year (2022), got 2023")
check.contains(all, "finance.chorus.cost_centre: 'AE-1' is not a valid code")
deleg.ceilings, deleg.chorus.cost_centre = { { year = 2022, ae = "10", cp = "10" } }, "AECDSI4092"
local assembled = agreement({ ministere = state("ministere"), service = state("service") }, { "ministere", "service" })
-- Tables of the data file (here adopted as such): their problems wait for the build, with the
-- rest of the data's.
local as_data = require("conventio.data").adopt
tranches.add(assembled, as_data { receiver = "service", payer = "ministere", amount = "10", amout = "1",
                                  tranches = { { amount = "4" } }, payment_account = { iban = "FR76" } })
require("conventio.closing").add(assembled, as_data { { article = "litige" } })
all = check.fails("unknown field finance.amout (did you mean amount?)", assembled.document, assembled)
check.contains(all, "finance.tranches add up to " .. m(4) .. ", but finance.amount is " .. m(10))
check.contains(all, "finance.payment_account")
check.contains(all, "closing[1].article must name a closing builder")

return check.done()
