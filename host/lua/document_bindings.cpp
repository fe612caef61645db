#include "lua/document_bindings.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "config/i18n.hpp"
#include "conventio/french.hpp"
#include "document/raised_letters.hpp"
#include "document/text_check.hpp"
#include "lua/binding_support.hpp"
#include "lua/library_modules.hpp"
#include "lua/lua_state.hpp"
#include "lua/option_check.hpp"

namespace conventio::lua {

using config::tr;

// The userdata types: a run of inline content, one block, a whole document.
struct InlinesValue {
    doc::Inlines content;
};
// Shared and never changed (a Markdown conversion's blocks are the cache's own): a block is
// copied where it is used, into a document or a list of blocks.
struct BlockValue {
    std::shared_ptr<const doc::Block> block;
};
/// A block doc:add was given, checked: a Block value's shared block (restyled when copied), or
/// a paragraph made of text.
using AddedBlock = std::variant<std::shared_ptr<const doc::Block>, doc::Block>;
struct DocumentValue {
    doc::Document document;
    /// What doc:add was given since the document was last read, in order: copied into the body
    /// only when the document is read (to_document: written, its body taken), so a document
    /// dropped unread (an avenant's versions, built only to be compared) never copies its blocks.
    std::vector<AddedBlock> added;
};

template <>
struct Bound<InlinesValue> {
    static constexpr const char* metatable = "conventio.Inlines";
    static constexpr const char* type_name = "conventio.Inlines";
};
template <>
struct Bound<BlockValue> {
    static constexpr const char* metatable = "conventio.Block";
    static constexpr const char* type_name = "conventio.Block";
};
template <>
struct Bound<DocumentValue> {
    static constexpr const char* metatable = "conventio.Document";
    static constexpr const char* type_name = "conventio.Document";
};

namespace {

using doc::ParagraphStyle;

// ---------------------------------------------------------------- Lua values to the tree

/// A string from Lua, refused if it cannot go into a document.
std::string check_text(lua_State* L, int index, const char* what) {
    std::size_t length = 0;
    const char* s = lua_tolstring(L, index, &length);
    std::string_view text(s, length);
    if (auto problem = doc::text_problem(text)) luaL_error(L, "%s: %s", what, problem->c_str());
    return std::string(text);
}

/// conventio.text_problem(text): why `text` cannot go into a document ("character U+0000 at byte
/// 6 is not allowed in a document (XML 1.0)"), or nil. The library asks it only once something
/// failed, to name the value that did (a clause's parameter), not the text a template made of it.
int text_problem_fn(lua_State* L) {
    std::size_t length = 0;
    const char* s = luaL_checklstring(L, 1, &length);
    if (auto problem = doc::text_problem(std::string_view(s, length))) return push_string(L, *problem);
    lua_pushnil(L);
    return 1;
}

/// conventio.text_origin(place): the text doc:add makes paragraphs of comes from `place` (the
/// user's line an article was given at, "script.lua:12: "), until text_origin(nil).
int text_origin_fn(lua_State* L) {
    std::string origin;
    if (!lua_isnoneornil(L, 1)) {
        std::size_t length = 0;
        const char* s = luaL_checklstring(L, 1, &length);
        origin.assign(s, length);
        if (origin.ends_with(": ")) origin.resize(origin.size() - 2);
    }
    owner(L).set_text_origin(std::move(origin));
    return 0;
}

/// The letters of a run's text set in superscript, the « er » of « 1er »: raised in every
/// text a document is given, once it holds it (Document, doc:add), so that a template, the
/// script and an avenant's new words are treated alike.
std::vector<std::pair<std::size_t, std::size_t>> raised_letters(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    for (const ByteRange& r : ordinal_suffixes(text)) ranges.emplace_back(r.begin, r.end);
    return ranges;
}

/// Plain text becomes runs; a newline in it becomes a line break.
void append_text(doc::Inlines& out, std::string_view text) {
    std::size_t start = 0;
    while (true) {
        std::size_t nl = text.find('\n', start);
        std::string_view piece = text.substr(start, nl == std::string_view::npos ? nl : nl - start);
        if (!piece.empty()) out.push_back(doc::Run{std::string(piece), {}, {}});
        if (nl == std::string_view::npos) break;
        out.push_back(doc::LineBreak{});
        start = nl + 1;
    }
}

bool is_inline_like(lua_State* L, int index) {
    return lua_type(L, index) == LUA_TSTRING || lua_isinteger(L, index) ||
           test_object<InlinesValue>(L, index) != nullptr;
}

/// Refuses a key of the array at `index` (of length `n`) that is not one of its items: content
/// given with a field (a misspelt option, `{ titel = "x" }`) would otherwise be dropped unseen.
void refuse_fields(lua_State* L, int index, lua_Integer n, const char* what,
                   const char* own_field = nullptr) {
    lua_pushnil(L);
    while (lua_next(L, index)) {
        lua_pop(L, 1);
        if (lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 1 && lua_tointeger(L, -1) <= n) continue;
        if (own_field && lua_type(L, -1) == LUA_TSTRING && std::strcmp(lua_tostring(L, -1), own_field) == 0)
            continue;
        std::string key =
            lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "[" + type_name_of(L, -1) + "]";
        lua_pop(L, 1);
        luaL_error(L, tr("%s: content is an array of items and has no field '%s'").c_str(), what,
                   key.c_str());
    }
}

/// How deeply content arrays may nest ({ "a", { "b", { "c" } } }): far more than any script
/// writes, and a bound on the C stack and the Lua stack that a deep or self-containing table
/// (t[1] = t) would otherwise overrun.
constexpr int deepest_content = 32;

void refuse_deeper(lua_State* L, int depth, const char* what) {
    if (depth > deepest_content)
        luaL_error(
            L,
            tr("%s: content arrays nested more than %d levels deep (does an array contain itself?)").c_str(),
            what, deepest_content);
    luaL_checkstack(L, 4, what);
}

void append_inlines(lua_State* L, int index, doc::Inlines& out, const char* what, int depth = 0) {
    refuse_deeper(L, depth, what);
    index = lua_absindex(L, index);
    if (lua_type(L, index) == LUA_TSTRING) {
        append_text(out, check_text(L, index, what));
    } else if (lua_isinteger(L, index)) {
        append_text(out, std::to_string(lua_tointeger(L, index)));
    } else if (auto* in = test_object<InlinesValue>(L, index)) {
        out.insert(out.end(), in->content.begin(), in->content.end());
    } else if (lua_type(L, index) == LUA_TTABLE && !lua_getmetatable(L, index)) {
        lua_Integer n = luaL_len(L, index);
        refuse_fields(L, index, n, what);
        for (lua_Integer i = 1; i <= n; ++i) {
            lua_geti(L, index, i);
            append_inlines(L, -1, out, what, depth + 1);
            lua_pop(L, 1);
        }
    } else {
        if (lua_type(L, index) == LUA_TTABLE) lua_pop(L, 1);  // the metatable just pushed
        luaL_error(L, tr("%s: expected text (a string, an inline or an array of them), got %s").c_str(), what,
                   type_name_of(L, index).c_str());
    }
}

doc::Inlines check_inlines(lua_State* L, int index, const char* what) {
    doc::Inlines out;
    append_inlines(L, index, out, what);
    return out;
}

/// Body paragraphs take the style of where they are put (a list item, a table cell); a
/// paragraph the script styled explicitly keeps its style.
void restyle(doc::Block& block, ParagraphStyle style) {
    if (auto* p = std::get_if<doc::Paragraph>(&block.value); p && p->style == ParagraphStyle::body)
        p->style = style;
}

doc::Block paragraph_block(doc::Inlines content, ParagraphStyle style) {
    doc::Paragraph p;
    p.style = style;
    p.content = std::move(content);
    return doc::Block{std::move(p)};
}

/// Lists inside table cells take the table's smaller type: their paragraphs become
/// table_list, however deeply nested.
void restyle_cell_lists(std::vector<doc::Block>& blocks) {
    for (doc::Block& b : blocks) {
        auto* list = std::get_if<doc::List>(&b.value);
        if (!list) continue;
        for (doc::ListItem& item : list->items) {
            for (doc::Block& inner : item.blocks)
                if (auto* p = std::get_if<doc::Paragraph>(&inner.value);
                    p && (p->style == ParagraphStyle::list || p->style == ParagraphStyle::body))
                    p->style = ParagraphStyle::table_list;
            restyle_cell_lists(item.blocks);
        }
    }
}

/// An array holding at least one Block is a list of blocks; otherwise it is inline content.
bool array_holds_block(lua_State* L, int index) {
    lua_Integer n = luaL_len(L, index);
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_geti(L, index, i);
        bool block = test_object<BlockValue>(L, -1) != nullptr || lua_istable(L, -1);
        lua_pop(L, 1);
        if (block) return true;
    }
    return false;
}

/// What an empty table `{}` stands for: an empty paragraph where a paragraph must be (a table
/// cell, a list item, a note), nothing where blocks are added (a document's body, doc:add, an
/// array inside an array of blocks): an article with sub-articles and no text of its own adds
/// its empty list of blocks, which must not leave a blank line under its heading.
enum class EmptyTable { paragraph, nothing };

bool is_empty_table(lua_State* L, int index) {
    lua_pushnil(L);
    if (!lua_next(L, index)) return true;
    lua_pop(L, 2);
    return false;
}

/// Each block of the content at `index` (a block, text or inline content, an array of them),
/// in order, to `emit`: a Block value's shared block, or a paragraph made of text (styled).
template <class Emit>
void each_block(lua_State* L, int index, const char* what, ParagraphStyle style, Emit& emit,
                EmptyTable empty = EmptyTable::paragraph, int depth = 0) {
    refuse_deeper(L, depth, what);
    index = lua_absindex(L, index);
    if (auto* b = test_object<BlockValue>(L, index)) {
        emit(b->block);
    } else if (is_inline_like(L, index)) {
        emit(paragraph_block(check_inlines(L, index, what), style));
    } else if (lua_type(L, index) == LUA_TTABLE && !lua_getmetatable(L, index)) {
        if (empty == EmptyTable::nothing && is_empty_table(L, index)) return;
        if (!array_holds_block(L, index)) {
            emit(paragraph_block(check_inlines(L, index, what), style));
            return;
        }
        lua_Integer n = luaL_len(L, index);
        refuse_fields(L, index, n, what);
        for (lua_Integer i = 1; i <= n; ++i) {
            lua_geti(L, index, i);
            each_block(L, -1, what, style, emit, EmptyTable::nothing, depth + 1);
            lua_pop(L, 1);
        }
    } else {
        if (lua_type(L, index) == LUA_TTABLE) lua_pop(L, 1);
        luaL_error(L, tr("%s: expected a block, text or an array of them, got %s").c_str(), what,
                   type_name_of(L, index).c_str());
    }
}

void append_blocks(lua_State* L, int index, std::vector<doc::Block>& out, const char* what,
                   ParagraphStyle style, EmptyTable empty = EmptyTable::paragraph) {
    struct {
        std::vector<doc::Block>& out;
        ParagraphStyle style;
        void operator()(const std::shared_ptr<const doc::Block>& block) {
            out.push_back(*block);
            restyle(out.back(), style);
        }
        void operator()(doc::Block&& block) { out.push_back(std::move(block)); }
    } emit{out, style};
    each_block(L, index, what, style, emit, empty);
}

/// Refuses a date that is not a day of the calendar ("2025-02-30"): it goes into the files'
/// metadata as it is, where a reader expects a valid date.
void check_calendar_date(lua_State* L, const std::string& text, const char* field) {
    std::string problem;
    try {
        Date::parse(text, field);
    } catch (const FrenchError& e) {
        problem = e.what();
    }
    if (!problem.empty()) luaL_error(L, "%s", problem.c_str());
}

/// An optional string field of an options table.
std::string opt_string_field(lua_State* L, int table, const char* field, const char* what) {
    if (lua_type(L, table) != LUA_TTABLE) return {};
    std::string value;
    int type = lua_getfield(L, table, field);
    if (type == LUA_TSTRING)
        value = check_text(L, -1, what);
    else if (type != LUA_TNIL)
        luaL_error(L, tr("%s: field '%s' must be a string, got %s").c_str(), what, field,
                   luaL_typename(L, -1));
    lua_pop(L, 1);
    return value;
}

bool opt_bool_field(lua_State* L, int table, const char* field, bool fallback, const char* what) {
    if (lua_type(L, table) != LUA_TTABLE) return fallback;
    bool value = fallback;
    int type = lua_getfield(L, table, field);
    if (type == LUA_TBOOLEAN)
        value = lua_toboolean(L, -1);
    else if (type != LUA_TNIL)
        luaL_error(L, tr("%s: field '%s' must be true or false, got %s").c_str(), what, field,
                   luaL_typename(L, -1));
    lua_pop(L, 1);
    return value;
}

doc::Align check_align(lua_State* L, int options, const char* what) {
    std::string align = opt_string_field(L, options, "align", what);
    if (align.empty()) return doc::Align::inherit;
    if (align == "left") return doc::Align::left;
    if (align == "center") return doc::Align::center;
    if (align == "right") return doc::Align::right;
    if (align == "justify") return doc::Align::justify;
    luaL_error(L, tr("%s: align must be \"left\", \"center\", \"right\" or \"justify\", got \"%s\"").c_str(),
               what, align.c_str());
    return doc::Align::inherit;
}

// ---------------------------------------------------------------- inline constructors

int push_inline_value(lua_State* L, doc::Inlines content) {
    push_object(L, InlinesValue{std::move(content)});
    return 1;
}

template <bool doc::Marks::*mark>
int marked(lua_State* L) {
    doc::Inlines content = check_inlines(L, 1, "formatting");
    for (doc::Inline& i : content)
        if (auto* run = std::get_if<doc::Run>(&i)) run->marks.*mark = true;
    return push_inline_value(L, std::move(content));
}

int text(lua_State* L) { return push_inline_value(L, check_inlines(L, 1, "Text")); }

// ---------------------------------------------------------------- tracked changes

/// A `change` option: "inserted", "deleted", or absent.
doc::Change check_change(lua_State* L, int options, const char* what) {
    std::string change = opt_string_field(L, options, "change", what);
    if (change.empty()) return doc::Change::none;
    if (change == "inserted") return doc::Change::inserted;
    if (change == "deleted") return doc::Change::deleted;
    luaL_error(L, tr("%s: change must be \"inserted\" or \"deleted\", got \"%s\"").c_str(), what,
               change.c_str());
    return doc::Change::none;
}

void mark_runs(doc::Inlines& content, doc::Change change) {
    for (doc::Inline& i : content) {
        if (auto* r = std::get_if<doc::Run>(&i)) r->change = change;
        if (auto* b = std::get_if<doc::LineBreak>(&i)) b->change = change;
    }
}

void mark_blocks(std::vector<doc::Block>& blocks, doc::Change change) {
    for (doc::Block& b : blocks) {
        if (auto* p = std::get_if<doc::Paragraph>(&b.value)) {
            mark_runs(p->content, change);
        } else if (auto* list = std::get_if<doc::List>(&b.value)) {
            for (doc::ListItem& item : list->items) mark_blocks(item.blocks, change);
        }
    }
}

/// Inserted(text), Deleted(text): text an avenant inserted or deleted, for a consolidated
/// version. Only text is marked: a note or a reference inside would not be tracked.
int changed_text(lua_State* L, doc::Change change, const char* what) {
    doc::Inlines content = check_inlines(L, 1, what);
    for (const doc::Inline& i : content)
        if (!std::holds_alternative<doc::Run>(i) && !std::holds_alternative<doc::LineBreak>(i))
            luaL_error(L, tr("%s: only text can be marked as changed").c_str(), what);
    mark_runs(content, change);
    return push_inline_value(L, std::move(content));
}
int inserted(lua_State* L) { return changed_text(L, doc::Change::inserted, "Inserted"); }
int deleted(lua_State* L) { return changed_text(L, doc::Change::deleted, "Deleted"); }

int link(lua_State* L) {
    luaL_checktype(L, 1, LUA_TSTRING);
    std::string url = check_text(L, 1, "Link");
    if (url.empty()) luaL_argerror(L, 1, "empty URL");
    if (auto problem = doc::url_problem(url)) luaL_error(L, "Link: %s", problem->c_str());
    doc::Inlines content =
        lua_isnoneornil(L, 2) ? doc::Inlines{doc::Run{url, {}, {}}} : check_inlines(L, 2, "Link");
    for (doc::Inline& i : content)
        if (auto* run = std::get_if<doc::Run>(&i)) run->href = url;
    return push_inline_value(L, std::move(content));
}

int line_break(lua_State* L) { return push_inline_value(L, {doc::LineBreak{}}); }

int note(lua_State* L) {
    std::vector<doc::Block> blocks;
    append_blocks(L, 1, blocks, "Note", ParagraphStyle::footnote);
    doc::Footnote footnote;
    for (doc::Block& b : blocks) {
        auto* p = std::get_if<doc::Paragraph>(&b.value);
        if (!p) luaL_error(L, tr("Note: a footnote holds paragraphs only").c_str());
        // A heading or a title in a note would be an outline entry at the foot of a page.
        if (p->style != ParagraphStyle::footnote)
            luaL_error(
                L,
                tr("Note: a footnote holds text paragraphs, not a heading, a title or a signature").c_str());
        footnote.paragraphs.push_back(std::move(*p));
    }
    return push_inline_value(L, {std::move(footnote)});
}

int page_number(lua_State* L) { return push_inline_value(L, {doc::Field{doc::FieldKind::page_number}}); }
int page_count(lua_State* L) { return push_inline_value(L, {doc::Field{doc::FieldKind::page_count}}); }

int anchor(lua_State* L) {
    luaL_checktype(L, 1, LUA_TSTRING);
    luaL_checktype(L, 2, LUA_TSTRING);
    return push_inline_value(L, {doc::Anchor{check_text(L, 1, "Anchor"), check_text(L, 2, "Anchor")}});
}

int cross_ref(lua_State* L) {
    luaL_checktype(L, 1, LUA_TSTRING);
    luaL_checktype(L, 2, LUA_TSTRING);
    return push_inline_value(L, {doc::CrossRef{check_text(L, 1, "Ref"), check_text(L, 2, "Ref")}});
}

// ---------------------------------------------------------------- block constructors

int push_block_value(lua_State* L, doc::Block block) {
    push_object(L, BlockValue{std::make_shared<const doc::Block>(std::move(block))});
    return 1;
}

int styled_paragraph(lua_State* L, ParagraphStyle style, const char* what, std::string origin = {}) {
    doc::Paragraph p;
    p.style = style;
    p.origin = std::move(origin);
    p.content = check_inlines(L, 1, what);
    check_option_keys(L, 2, {"align", "keep_with_next", "keep_together", "change"}, what);
    p.align = check_align(L, 2, what);
    p.keep_with_next = opt_bool_field(L, 2, "keep_with_next", false, what);
    p.keep_together = opt_bool_field(L, 2, "keep_together", false, what);
    // A whole paragraph inserted or deleted: its mark and all its text.
    p.mark = check_change(L, 2, what);
    if (p.mark != doc::Change::none) mark_runs(p.content, p.mark);
    return push_block_value(L, doc::Block{std::move(p)});
}

/// A body paragraph typed in the user's script names its line for the text review
/// (doc::Paragraph::origin: "script.lua:12"); the library's own have none.
int para(lua_State* L) {
    return styled_paragraph(L, ParagraphStyle::body, "Para", owner(L).caller_origin(L));
}
int title(lua_State* L) { return styled_paragraph(L, ParagraphStyle::title, "Title"); }
int article(lua_State* L) { return styled_paragraph(L, ParagraphStyle::article, "Article"); }
int sub_article(lua_State* L) { return styled_paragraph(L, ParagraphStyle::sub_article, "SubArticle"); }
int annex_heading(lua_State* L) { return styled_paragraph(L, ParagraphStyle::annex_heading, "AnnexHeading"); }

/// The paragraphs of `blocks` (lists' and tables' too) that name no origin take `origin`: a list
/// or a table the user's code makes holds the text the script typed (doc::Paragraph::origin).
void stamp_origin(std::vector<doc::Block>& blocks, const std::string& origin) {
    for (doc::Block& block : blocks) {
        if (auto* p = std::get_if<doc::Paragraph>(&block.value)) {
            if (p->origin.empty()) p->origin = origin;
        } else if (auto* list = std::get_if<doc::List>(&block.value)) {
            for (doc::ListItem& item : list->items) stamp_origin(item.blocks, origin);
        } else if (auto* t = std::get_if<doc::Table>(&block.value)) {
            for (doc::Row& row : t->rows)
                for (doc::Cell& cell : row.cells) stamp_origin(cell.blocks, origin);
        }
    }
}

int make_list(lua_State* L, bool ordered, const char* what) {
    luaL_checktype(L, 1, LUA_TTABLE);
    doc::List list;
    list.ordered = ordered;
    lua_Integer n = luaL_len(L, 1);
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_geti(L, 1, i);
        doc::ListItem item;
        append_blocks(L, -1, item.blocks, what, ParagraphStyle::list);
        lua_pop(L, 1);
        list.items.push_back(std::move(item));
    }
    if (std::string origin = owner(L).caller_origin(L); !origin.empty())
        for (doc::ListItem& item : list.items) stamp_origin(item.blocks, origin);
    return push_block_value(L, doc::Block{std::move(list)});
}

int bullet_list(lua_State* L) { return make_list(L, false, "BulletList"); }
int ordered_list(lua_State* L) { return make_list(L, true, "OrderedList"); }

/// A cell: text, a block, an array of blocks, or a table with `span` and its content in the
/// array part.
doc::Cell check_cell(lua_State* L, int index, ParagraphStyle style) {
    doc::Cell cell;
    index = lua_absindex(L, index);
    if (lua_type(L, index) == LUA_TTABLE && !lua_getmetatable(L, index)) {
        if (lua_getfield(L, index, "span") != LUA_TNIL) {
            if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1)
                luaL_error(L,
                           tr("Table: a cell's span must be a whole number of columns, 1 or more").c_str());
            cell.column_span = static_cast<int>(lua_tointeger(L, -1));
            lua_pop(L, 1);
            // The content is the array part: made a table of its own, as the content of a cell
            // without a span is.
            lua_Integer n = luaL_len(L, index);
            refuse_fields(L, index, n, "Table cell", "span");
            lua_createtable(L, static_cast<int>(n), 0);
            for (lua_Integer i = 1; i <= n; ++i) {
                lua_geti(L, index, i);
                lua_rawseti(L, -2, i);
            }
            append_blocks(L, -1, cell.blocks, "Table cell", style);
            lua_pop(L, 1);
            restyle_cell_lists(cell.blocks);
            return cell;
        }
        lua_pop(L, 1);
    } else if (lua_type(L, index) == LUA_TTABLE) {
        lua_pop(L, 1);
    }
    append_blocks(L, index, cell.blocks, "Table cell", style);
    restyle_cell_lists(cell.blocks);
    return cell;
}

doc::Row check_row(lua_State* L, int index, ParagraphStyle style, lua_Integer number) {
    index = lua_absindex(L, index);
    if (!lua_istable(L, index))
        luaL_error(L, tr("Table: row %d must be an array of cells, got %s").c_str(), static_cast<int>(number),
                   luaL_typename(L, index));
    doc::Row row;
    lua_Integer n = luaL_len(L, index);
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_geti(L, index, i);
        row.cells.push_back(check_cell(L, -1, style));
        lua_pop(L, 1);
    }
    // A row inserted or deleted as a whole: { "a", "b", change = "inserted" }.
    row.change = check_change(L, index, "Table row");
    if (row.change != doc::Change::none)
        for (doc::Cell& cell : row.cells) mark_blocks(cell.blocks, row.change);
    return row;
}

/// How many times wider than the narrowest a table's widest column may be.
constexpr double max_width_ratio = 50;

int table(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    check_option_keys(L, 1, {"widths", "header", "rows", "borders"}, "Table");
    doc::Table t;
    if (lua_getfield(L, 1, "widths") != LUA_TTABLE)
        luaL_error(L,
                   tr("Table: 'widths' must list the relative width of each column, e.g. {2, 1, 1}").c_str());
    lua_Integer columns = luaL_len(L, -1);
    for (lua_Integer i = 1; i <= columns; ++i) {
        lua_geti(L, -1, i);
        int ok = 0;
        lua_Number w = lua_tonumberx(L, -1, &ok);
        if (!ok || !(w > 0) || !std::isfinite(w))
            luaL_error(L, tr("Table: width %d must be a positive number").c_str(), static_cast<int>(i));
        t.column_weights.push_back(static_cast<double>(w));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    // A column under a fiftieth of the widest would be printed a few points wide, or 0 pt (which
    // the ODF schema refuses): no word fits in it.
    if (!t.column_weights.empty()) {
        const double widest = *std::max_element(t.column_weights.begin(), t.column_weights.end());
        for (std::size_t i = 0; i < t.column_weights.size(); ++i)
            if (t.column_weights[i] * max_width_ratio < widest)
                luaL_error(
                    L,
                    tr("Table: width %d is under a fiftieth of the widest column's: no word would fit in it")
                        .c_str(),
                    static_cast<int>(i + 1));
    }
    t.borders = opt_bool_field(L, 1, "borders", true, "Table");

    lua_Integer number = 0;
    if (lua_getfield(L, 1, "header") != LUA_TNIL) {
        t.header_row = true;
        t.rows.push_back(check_row(L, -1, ParagraphStyle::table_header, ++number));
    }
    lua_pop(L, 1);
    if (lua_getfield(L, 1, "rows") == LUA_TTABLE) {
        lua_Integer n = luaL_len(L, -1);
        for (lua_Integer i = 1; i <= n; ++i) {
            lua_geti(L, -1, i);
            t.rows.push_back(check_row(L, -1, ParagraphStyle::table, ++number));
            lua_pop(L, 1);
        }
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, tr("Table: 'rows' must be an array of rows").c_str());
    }
    lua_pop(L, 1);

    int r = 0;
    for (const doc::Row& row : t.rows) {
        ++r;
        std::size_t filled = 0;
        for (const doc::Cell& c : row.cells) filled += static_cast<std::size_t>(c.column_span);
        if (filled != t.column_weights.size())
            luaL_error(L, tr("Table: row %d covers %d columns, the table has %d").c_str(), r,
                       static_cast<int>(filled), static_cast<int>(t.column_weights.size()));
    }
    if (std::string origin = owner(L).caller_origin(L); !origin.empty())
        for (doc::Row& row : t.rows)
            for (doc::Cell& cell : row.cells) stamp_origin(cell.blocks, origin);
    return push_block_value(L, doc::Block{std::move(t)});
}

int page_break(lua_State* L) { return push_block_value(L, doc::Block{doc::PageBreak{}}); }

int signatures(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    doc::Signatures s;
    lua_Integer n = luaL_len(L, 1);
    if (n == 0) luaL_error(L, tr("Signatures: give one column of lines per signatory").c_str());
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_geti(L, 1, i);
        std::vector<doc::Block> blocks;
        if (lua_istable(L, -1) && !test_object<BlockValue>(L, -1)) {
            lua_Integer lines = luaL_len(L, -1);
            for (lua_Integer k = 1; k <= lines; ++k) {
                lua_geti(L, -1, k);
                append_blocks(L, -1, blocks, "Signatures", ParagraphStyle::signature);
                lua_pop(L, 1);
            }
        } else {
            append_blocks(L, -1, blocks, "Signatures", ParagraphStyle::signature);
        }
        lua_pop(L, 1);
        std::vector<doc::Paragraph> column;
        for (doc::Block& b : blocks) {
            auto* p = std::get_if<doc::Paragraph>(&b.value);
            if (!p) luaL_error(L, tr("Signatures: a signatory's column holds lines of text only").c_str());
            column.push_back(std::move(*p));
        }
        s.columns.push_back(std::move(column));
    }
    return push_block_value(L, doc::Block{std::move(s)});
}

// ---------------------------------------------------------------- the document

int document_add(lua_State* L) {
    auto& d = check_object<DocumentValue>(L, 1);
    // A paragraph made here of text names where the text was typed, for the text review: the
    // line of the article the library adds it for (conventio.text_origin), or the user's line
    // calling doc:add. Looked up at the first such paragraph: most blocks added are made already.
    struct {
        lua_State* L;
        std::vector<AddedBlock>& added;
        std::optional<std::string> origin = {};
        void operator()(const std::shared_ptr<const doc::Block>& block) { added.emplace_back(block); }
        void operator()(doc::Block&& block) {
            if (auto* p = std::get_if<doc::Paragraph>(&block.value); p && p->origin.empty()) {
                if (!origin) {
                    const State& state = owner(L);
                    origin = state.text_origin().empty() ? state.caller_origin(L) : state.text_origin();
                }
                p->origin = *origin;
            }
            added.emplace_back(std::move(block));
        }
    } emit{L, d.added};
    for (int i = 2; i <= lua_gettop(L); ++i)
        each_block(L, i, "add", ParagraphStyle::body, emit, EmptyTable::nothing);
    lua_settop(L, 1);
    return 1;  // so calls chain: doc:add(a):add(b)
}

/// The strings of the array at `field` of the table at `index` (absent: none).
std::vector<std::string> string_array_field(lua_State* L, int index, const char* field, const char* what) {
    std::vector<std::string> out;
    if (lua_getfield(L, index, field) == LUA_TTABLE) {
        lua_Integer n = luaL_len(L, -1);
        for (lua_Integer i = 1; i <= n; ++i) {
            lua_geti(L, -1, i);
            if (lua_type(L, -1) != LUA_TSTRING)
                luaL_error(L, tr("%s: %s must be strings").c_str(), what, field);
            out.push_back(check_text(L, -1, what));
            lua_pop(L, 1);
        }
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, tr("%s: %s must be an array of strings").c_str(), what, field);
    }
    lua_pop(L, 1);
    return out;
}

/// doc:state_facts{ parties = {...}, cited = {...}, amounts = {...}, amends = bool }: what the model states,
/// for `conventio check` (see doc::StatedFacts).
int document_state_facts(lua_State* L) {
    auto& d = check_object<DocumentValue>(L, 1);
    // What `conventio check` compares the text with: stated by the library's Agreement for the
    // document it built (conventio.facts), once. A script stating them, or stating them again,
    // would silence the check of its own text.
    if (!called_by_own_library(L))
        luaL_error(L, tr("doc:state_facts is the library's own: the facts of a document are stated by the "
                         "Agreement that builds it")
                          .c_str());
    if (d.document.facts.stated)
        luaL_error(L, tr("doc:state_facts: the document's facts are already stated").c_str());
    luaL_checktype(L, 2, LUA_TTABLE);
    check_option_keys(L, 2, {"parties", "cited", "amounts", "amends"}, "state_facts");
    doc::StatedFacts facts;
    facts.stated = true;
    facts.party_names = string_array_field(L, 2, "parties", "state_facts");
    facts.cited_names = string_array_field(L, 2, "cited", "state_facts");
    facts.amounts = string_array_field(L, 2, "amounts", "state_facts");
    lua_getfield(L, 2, "amends");
    facts.amends = lua_toboolean(L, -1);
    lua_pop(L, 1);
    d.document.facts = std::move(facts);
    lua_settop(L, 1);
    return 1;
}

int document(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    check_option_keys(
        L, 1, {"title", "subject", "keywords", "language", "date", "header", "footer", "body", "revision"},
        "Document");
    doc::Document d;
    d.meta.title = opt_string_field(L, 1, "title", "Document");
    d.meta.subject = opt_string_field(L, 1, "subject", "Document");
    std::string language = opt_string_field(L, 1, "language", "Document");
    if (!language.empty()) d.meta.language = language;
    d.meta.date = opt_string_field(L, 1, "date", "Document");
    if (!d.meta.date.empty()) check_calendar_date(L, d.meta.date, "Document date");
    if (lua_getfield(L, 1, "keywords") == LUA_TTABLE) {
        lua_Integer n = luaL_len(L, -1);
        for (lua_Integer i = 1; i <= n; ++i) {
            lua_geti(L, -1, i);
            if (lua_type(L, -1) != LUA_TSTRING)
                luaL_error(L, tr("Document: keywords must be strings").c_str());
            d.meta.keywords.push_back(check_text(L, -1, "Document keywords"));
            lua_pop(L, 1);
        }
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, tr("Document: keywords must be an array of strings").c_str());
    }
    lua_pop(L, 1);
    if (lua_getfield(L, 1, "header") != LUA_TNIL) d.header = check_inlines(L, -1, "Document header");
    lua_pop(L, 1);
    if (lua_getfield(L, 1, "footer") != LUA_TNIL) d.footer = check_inlines(L, -1, "Document footer");
    lua_pop(L, 1);
    if (lua_getfield(L, 1, "body") != LUA_TNIL)
        append_blocks(L, -1, d.body, "Document body", ParagraphStyle::body, EmptyTable::nothing);
    lua_pop(L, 1);
    // Who made the tracked changes, and when: { author = "Avenant n° 1", date = "YYYY-MM-DD" }.
    if (lua_getfield(L, 1, "revision") == LUA_TTABLE) {
        int revision = lua_gettop(L);
        check_option_keys(L, revision, {"author", "date"}, "Document revision");
        d.revision.author = opt_string_field(L, revision, "author", "Document revision");
        d.revision.date = opt_string_field(L, revision, "date", "Document revision");
        if (d.revision.author.empty() || d.revision.date.size() != 10)
            luaL_error(L, tr("Document: revision needs an author and a date YYYY-MM-DD").c_str());
        check_calendar_date(L, d.revision.date, "Document revision date");
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, tr("Document: revision must be { author =, date = }").c_str());
    }
    lua_pop(L, 1);
    doc::raise_letters(d.header, raised_letters);
    doc::raise_letters(d.footer, raised_letters);
    for (doc::Block& b : d.body) doc::raise_letters(b, raised_letters);
    push_object(L, DocumentValue{std::move(d), {}});
    return 1;
}

/// Pushes { title = Inlines, blocks = { Block... } } for one section being built.
void push_section(lua_State* L, const doc::Paragraph& heading) {
    lua_createtable(L, 0, 3);
    push_object(L, InlinesValue{heading.content});
    lua_setfield(L, -2, "title");
    lua_newtable(L);
    lua_setfield(L, -2, "blocks");
}

void append_to_field(lua_State* L, int table, const char* field, const doc::Block& block) {
    lua_getfield(L, table, field);
    push_object(L, BlockValue{std::make_shared<const doc::Block>(block)});
    lua_rawseti(L, -2, static_cast<lua_Integer>(luaL_len(L, -2)) + 1);
    lua_pop(L, 1);
}

/// conventio.sections(blocks): a structured template's blocks (see `headings: true`) split
/// at its headings: { { title = Inlines, blocks = {...}, parts = { { title, blocks }... } }... }
/// with one entry per "#" and one part per "##" under it. Used to build tables such as the
/// GDPR matrix from wording a drafter edits as a document.
int sections(lua_State* L) {
    std::vector<doc::Block> blocks = check_blocks(L, 1, "sections");
    lua_newtable(L);
    int result = lua_gettop(L);
    int section = 0, part = 0;
    for (const doc::Block& b : blocks) {
        auto* p = std::get_if<doc::Paragraph>(&b.value);
        if (p && p->style == ParagraphStyle::article) {
            lua_settop(L, result);
            push_section(L, *p);
            lua_newtable(L);
            lua_setfield(L, -2, "parts");
            lua_pushvalue(L, -1);
            lua_rawseti(L, result, static_cast<lua_Integer>(luaL_len(L, result)) + 1);
            section = lua_gettop(L);
            part = 0;
        } else if (p && p->style == ParagraphStyle::sub_article) {
            if (!section) luaL_error(L, tr("sections: a '##' heading comes before any '#' heading").c_str());
            lua_settop(L, section);
            lua_getfield(L, section, "parts");
            push_section(L, *p);
            lua_pushvalue(L, -1);
            lua_rawseti(L, -3, static_cast<lua_Integer>(luaL_len(L, -3)) + 1);
            part = lua_gettop(L);
        } else {
            if (!section) luaL_error(L, tr("sections: text comes before the first '#' heading").c_str());
            append_to_field(L, part ? part : section, "blocks", b);
        }
    }
    lua_settop(L, result);
    return 1;
}

/// conventio.keep_together(blocks): the same blocks, each paragraph kept on one page (for
/// blocks such as bank details, which must not be split). Returns a new array.
int keep_together(lua_State* L) {
    std::vector<doc::Block> blocks = check_blocks(L, 1, "keep_together");
    for (doc::Block& b : blocks)
        if (auto* p = std::get_if<doc::Paragraph>(&b.value)) p->keep_together = true;
    push_blocks(L, std::move(blocks));
    return 1;
}

int inlines_concat(lua_State* L) {
    doc::Inlines out = check_inlines(L, 1, "..");
    append_inlines(L, 2, out, "..");
    return push_inline_value(L, std::move(out));
}

}  // namespace

void open_document_bindings(lua_State* L) {
    static const luaL_Reg inline_meta[] = {{"__concat", inlines_concat}, {nullptr, nullptr}};
    register_type<InlinesValue>(L, nullptr, inline_meta);
    register_type<BlockValue>(L, nullptr);
    static const luaL_Reg document_methods[] = {
        {"add", document_add}, {"state_facts", document_state_facts}, {nullptr, nullptr}};
    register_type<DocumentValue>(L, document_methods);

    static const luaL_Reg constructors[] = {{"Text", protect<text>},
                                            {"Inserted", protect<inserted>},
                                            {"Deleted", protect<deleted>},
                                            {"Bold", protect<marked<&doc::Marks::bold>>},
                                            {"Italic", protect<marked<&doc::Marks::italic>>},
                                            {"Underline", protect<marked<&doc::Marks::underline>>},
                                            {"Sup", protect<marked<&doc::Marks::superscript>>},
                                            {"Link", protect<link>},
                                            {"LineBreak", protect<line_break>},
                                            {"Note", protect<note>},
                                            {"PageNumber", protect<page_number>},
                                            {"PageCount", protect<page_count>},
                                            {"Anchor", protect<anchor>},
                                            {"Ref", protect<cross_ref>},
                                            {"Para", protect<para>},
                                            {"Title", protect<title>},
                                            {"Article", protect<article>},
                                            {"SubArticle", protect<sub_article>},
                                            {"AnnexHeading", protect<annex_heading>},
                                            {"BulletList", protect<bullet_list>},
                                            {"OrderedList", protect<ordered_list>},
                                            {"Table", protect<table>},
                                            {"PageBreak", protect<page_break>},
                                            {"Signatures", protect<signatures>},
                                            {"Document", protect<document>},
                                            {"sections", protect<sections>},
                                            {"keep_together", protect<keep_together>},
                                            {"text_problem", protect<text_problem_fn>},
                                            {"text_origin", protect<text_origin_fn>},
                                            {nullptr, nullptr}};
    luaL_setfuncs(L, constructors, 0);
}

doc::Document* to_document(lua_State* L, int index) {
    auto* d = test_object<DocumentValue>(L, index);
    if (!d) return nullptr;
    // The blocks added since the document was last read, copied now (DocumentValue::added).
    // What can fail (the shared blocks' copies: the memory cap, the body's growth) is done before
    // anything moves, so a failure leaves the document as it was.
    std::vector<doc::Block> copies;
    for (const AddedBlock& a : d->added) {
        if (const auto* shared = std::get_if<std::shared_ptr<const doc::Block>>(&a)) {
            copies.push_back(**shared);
            restyle(copies.back(), ParagraphStyle::body);  // as doc:add places it
        }
    }
    auto& body = d->document.body;
    body.reserve(body.size() + d->added.size());
    auto copy = copies.begin();
    for (AddedBlock& a : d->added) {
        if (std::holds_alternative<doc::Block>(a))
            body.push_back(std::move(std::get<doc::Block>(a)));
        else
            body.push_back(std::move(*copy++));
        doc::raise_letters(body.back(), raised_letters);
    }
    d->added.clear();
    return &d->document;
}

namespace {

int settle_added_blocks(lua_State* L) {
    to_document(L, 1);
    return 0;
}

}  // namespace

void settle_document(State& state) {
    lua_State* L = state.get();
    if (!test_object<DocumentValue>(L, -1)) return;
    lua_pushcfunction(L, protect<settle_added_blocks>);
    lua_pushvalue(L, -2);
    state.call(1, 0);
}

const doc::Block* to_block(lua_State* L, int index) {
    const auto* value = test_object<BlockValue>(L, index);
    return value ? value->block.get() : nullptr;
}

std::vector<doc::Block> check_blocks(lua_State* L, int index, const char* what, doc::ParagraphStyle style) {
    std::vector<doc::Block> out;
    append_blocks(L, index, out, what, style);
    return out;
}

void push_blocks(lua_State* L, std::vector<doc::Block> blocks) {
    lua_createtable(L, static_cast<int>(blocks.size()), 0);
    lua_Integer i = 0;
    for (doc::Block& b : blocks) {
        push_object(L, BlockValue{std::make_shared<const doc::Block>(std::move(b))});
        lua_rawseti(L, -2, ++i);
    }
}

void push_blocks(lua_State* L, const tmpl::SharedBlocks& blocks) {
    lua_createtable(L, static_cast<int>(blocks.size()), 0);
    lua_Integer i = 0;
    for (const auto& b : blocks) {
        push_object(L, BlockValue{b});
        lua_rawseti(L, -2, ++i);
    }
}

}  // namespace conventio::lua
