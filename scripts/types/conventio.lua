---@meta conventio
-- Type annotations of the `conventio` module for lua-language-server (completion and
-- checks in editors). Not loaded at run time: the module is built by the host.
-- luacheck: ignore

---@class conventio.Inlines
---@operator concat(conventio.Inlines|string): conventio.Inlines

---@class conventio.Block

---@alias conventio.Text string|integer|conventio.Inlines|(string|integer|conventio.Inlines)[]
---@alias conventio.Content conventio.Text|conventio.Block|(conventio.Text|conventio.Block)[]

---@class conventio.Document
local Document = {}
--- Appends blocks (or text, one paragraph each) and returns the document.
---@param ... conventio.Content
---@return conventio.Document
function Document:add(...) end
---@return integer
function Document:block_count() end

---@class conventio.Money
---@operator add(conventio.Money): conventio.Money
---@operator sub(conventio.Money): conventio.Money
---@operator mul(integer): conventio.Money
---@operator unm: conventio.Money
---@operator concat(string): string
local Money = {}
--- "112 403,60 €" (also what tostring gives).
---@return string
function Money:format() end
--- "112 403,60" without the euro sign.
---@return string
function Money:decimal() end
--- "deux mille quatre cent quatorze euros et soixante centimes".
---@return string
function Money:spell_out() end
---@return integer
function Money:cents() end
---@return boolean
function Money:is_zero() end

---@class conventio.Date
---@field long string "13 juillet 2022", "1er janvier 2023"
---@field le string "le 13 juillet 2022"
---@field iso string "2022-07-13"
---@field year integer
---@field month integer
---@field day integer

---@class conventio.Name
---@field le string "le Cerema", "la Commune", "l'ANCT", "les collectivités"
---@field Le string capitalised
---@field du string "du Cerema", "de la Commune", "de l'ANCT" (also `de`)
---@field Du string capitalised
---@field au string "au Cerema", "à la Commune", "à l'ANCT" (also `a`)
---@field Au string capitalised
---@field name string the bare name
---@field feminine boolean
---@field plural boolean
local Name = {}
--- Picks the form agreeing with the name: name:agree("dénommé", "dénommée").
---@param masculine string
---@param feminine string
---@param masculine_plural? string
---@param feminine_plural? string
---@return string
function Name:agree(masculine, feminine, masculine_plural, feminine_plural) end

---@class conventio.BankAccount
---@field holder string
---@field domiciliation? string
---@field bank? string code banque
---@field branch? string code guichet
---@field account? string numéro de compte
---@field key? string clé RIB
---@field rib? string "30001 00525 C7700000000 66"
---@field iban? string without spaces
---@field iban_display? string in groups of four
---@field bic? string
---@field rib_given boolean

---@class conventio.Section
---@field title conventio.Inlines
---@field blocks conventio.Block[]
---@field parts conventio.Section[]

---@class conventio
---@field version string
---@field id conventio.Identifiers
local conventio = {}

---@param text conventio.Text
---@return conventio.Inlines
function conventio.Text(text) end
---@param text conventio.Text
---@return conventio.Inlines
function conventio.Bold(text) end
---@param text conventio.Text
---@return conventio.Inlines
function conventio.Italic(text) end
---@param text conventio.Text
---@return conventio.Inlines
function conventio.Underline(text) end
---@param text conventio.Text
---@return conventio.Inlines
function conventio.Sup(text) end
---@param url string
---@param text? conventio.Text
---@return conventio.Inlines
function conventio.Link(url, text) end
---@return conventio.Inlines
function conventio.LineBreak() end
--- A footnote here; its content is text or paragraphs.
---@param content conventio.Content
---@return conventio.Inlines
function conventio.Note(content) end
---@return conventio.Inlines
function conventio.PageNumber() end
---@return conventio.Inlines
function conventio.PageCount() end
--- A referable piece of text, e.g. the "6" of "Article 6". Names: a letter then letters,
--- digits or '_', 40 characters at most.
---@param name string
---@param text string
---@return conventio.Inlines
function conventio.Anchor(name, text) end
--- A live cross-reference to an anchor; `text` must be the anchor's text.
---@param name string
---@param text string
---@return conventio.Inlines
function conventio.Ref(name, text) end

---@class conventio.ParaOptions
---@field align? "left"|"center"|"right"|"justify"
---@field keep_with_next? boolean

---@param text conventio.Text
---@param options? conventio.ParaOptions
---@return conventio.Block
function conventio.Para(text, options) end
---@param text conventio.Text
---@return conventio.Block
function conventio.Title(text) end
---@param text conventio.Text
---@return conventio.Block
function conventio.Article(text) end
---@param text conventio.Text
---@return conventio.Block
function conventio.SubArticle(text) end
--- An annex title; the annex starts on a new page.
---@param text conventio.Text
---@return conventio.Block
function conventio.AnnexHeading(text) end
---@param items conventio.Content[]
---@return conventio.Block
function conventio.BulletList(items) end
---@param items conventio.Content[]
---@return conventio.Block
function conventio.OrderedList(items) end

---@class conventio.TableSpec
---@field widths number[] relative column widths
---@field header? conventio.Content[]
---@field rows? conventio.Content[][] a cell may be { content..., span = n }
---@field borders? boolean

---@param spec conventio.TableSpec
---@return conventio.Block
function conventio.Table(spec) end
---@return conventio.Block
function conventio.PageBreak() end
--- One column of lines per signatory, side by side.
---@param columns conventio.Content[][]
---@return conventio.Block
function conventio.Signatures(columns) end

---@class conventio.DocumentSpec
---@field title? string
---@field subject? string
---@field keywords? string[]
---@field language? string "fr-FR"
---@field date? string "YYYY-MM-DD"; without it the files carry a fixed date
---@field header? conventio.Text
---@field footer? conventio.Text
---@field body? conventio.Content

---@param spec conventio.DocumentSpec
---@return conventio.Document
function conventio.Document(spec) end

--- Markdown (the clause dialect) to blocks, with French spacing applied.
---@param markdown string
---@param options? { source?: string, headings?: boolean }
---@return conventio.Block[]
function conventio.Markdown(markdown, options) end
--- Literal text for Markdown: nothing in it becomes markup.
---@param text string
---@return string
function conventio.markdown_escape(text) end
--- A compiled clause template (see scripts/conventio/clauses.lua for the runtime).
---@param name string e.g. "commun/litiges"
---@return table
function conventio.template(name) end
--- Splits a structured template's blocks at its "#" and "##" headings.
---@param blocks conventio.Block[]
---@return conventio.Section[]
function conventio.sections(blocks) end

--- An exact amount: a string ("112403.60", "112 403,60 €") or whole euros; never a float.
---@param amount string|integer|conventio.Money
---@param field? string names the amount in errors
---@return conventio.Money
function conventio.Money(amount, field) end
---@param cents integer
---@return conventio.Money
function conventio.cents(cents) end
--- Whether `value` is an amount made by conventio.Money or conventio.cents.
---@param value any
---@return boolean
function conventio.is_money(value) end
---@param date string|integer "YYYY-MM-DD", or year, month, day
---@param month_or_field? integer|string
---@param day? integer
---@return conventio.Date
function conventio.Date(date, month_or_field, day) end
---@param spec string|{ [1]: string, gender?: "m"|"f", plural?: boolean, article?: boolean, elision?: boolean }
---@return conventio.Name
function conventio.Name(spec) end
--- Checks the RIB key, the IBAN (and that both agree), the BIC; errors name `field`.
---@param spec { holder: string, domiciliation?: string, bank?: string, branch?: string, account?: string, key?: string, iban?: string, bic?: string }
---@param field? string
---@return conventio.BankAccount
function conventio.BankAccount(spec, field) end
---@param text string
---@return string
function conventio.french_spacing(text) end
---@param text string
---@return string
function conventio.guillemets(text) end
---@param text string
---@return string
function conventio.capitalize(text) end
---@param n integer
---@param gender? "m"|"f"
---@return string
function conventio.ordinal(n, gender) end
--- A whole number in words, masculine, traditional spelling: 24 -> "vingt-quatre".
---@param n integer
---@return string
function conventio.spell_number(n) end

---@class conventio.Identifiers
local id = {}
---@param value string
---@param field? string
---@return string
function id.siren(value, field) end
---@param value string
---@param field? string
---@return string
function id.siret(value, field) end
---@param value string
---@param field? string
---@return string
function id.iban(value, field) end
---@param value string
---@param field? string
---@return string
function id.bic(value, field) end
---@param bank_or_rib string
---@param branch? string
---@param account? string
---@param key? string
---@param field? string
---@return { bank: string, branch: string, account: string, key: string }
function id.rib(bank_or_rib, branch, account, key, field) end
---@param iban string
---@return string
function id.format_iban(iban) end
---@param siren string
---@return string
function id.format_siren(siren) end
---@param siret string
---@return string
function id.format_siret(siret) end

--- The data file given with --data (also the script's argument `...`).
---@type table
data = {}

return conventio
