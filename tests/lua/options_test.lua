-- The host's constructors refuse an option they do not read, suggesting the one meant: a
-- misspelt option never silently does nothing.
local check = require "check"
local c = require "conventio"

check.fails("Para: unknown option algin (did you mean align?)", c.Para, "x", { algin = "center" })
check.fails("Title: unknown option keep_with_nxt (did you mean keep_with_next?)", c.Title, "x",
            { keep_with_nxt = true })
check.fails("Table: unknown option widhts (did you mean widths?)", c.Table, { widhts = { 1 }, rows = { { "a" } } })
check.fails("Document: unknown option titel (did you mean title?)", c.Document, { titel = "x" })
check.fails("Markdown: unknown option sorce (did you mean source?)", c.Markdown, "x", { sorce = "y" })
check.fails("Name: unknown option gendr (did you mean gender?)", c.Name, { "Cerema", gendr = "m" })
check.fails("Name: unknown option zzzzzzzzz (known: gender, plural, article, elision)", c.Name,
            { "Cerema", zzzzzzzzz = true })
local account = { holdr = "X", bank = "30001", branch = "00690", account = "C0570000000", key = "08" }
check.fails("BankAccount: unknown option holdr (did you mean holder?)", c.BankAccount, account)
check.fails("unknown field parties.x.bank_account.holdr (did you mean holder?)", c.BankAccount, account,
            "parties.x.bank_account")
-- What they do read still works.
check.eq(c.Name { "Cerema", gender = "m" }.du, "du Cerema")
check.eq(type(c.Para("x", { align = "center", keep_with_next = true })), "userdata")

return check.done()
