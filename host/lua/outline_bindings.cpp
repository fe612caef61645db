#include "lua/outline_bindings.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "document/tracked_diff.hpp"
#include "lua/binding_support.hpp"
#include "lua/document_bindings.hpp"

namespace conventio::lua {

namespace {

/// The text a reader sees: runs, anchors and references as shown, a line break as "\n".
/// Notes and page fields are not part of the sentence they sit in.
std::string plain_text(const doc::Inlines& inlines) {
    std::string out;
    for (const doc::Inline& i : inlines) {
        if (auto* run = std::get_if<doc::Run>(&i))
            out += run->text;
        else if (std::get_if<doc::LineBreak>(&i))
            out += '\n';
        else if (auto* a = std::get_if<doc::Anchor>(&i))
            out += a->text;
        else if (auto* r = std::get_if<doc::CrossRef>(&i))
            out += r->text;
    }
    return out;
}

const char* style_name(doc::ParagraphStyle style) {
    switch (style) {
        case doc::ParagraphStyle::title:
            return "title";
        case doc::ParagraphStyle::article:
            return "article";
        case doc::ParagraphStyle::sub_article:
            return "sub_article";
        case doc::ParagraphStyle::annex_heading:
            return "annex_heading";
        case doc::ParagraphStyle::list:
            return "list";
        case doc::ParagraphStyle::table:
            return "table";
        case doc::ParagraphStyle::table_header:
            return "table_header";
        case doc::ParagraphStyle::table_list:
            return "table_list";
        case doc::ParagraphStyle::footnote:
            return "footnote";
        case doc::ParagraphStyle::header_footer:
            return "header_footer";
        case doc::ParagraphStyle::signature:
            return "signature";
        case doc::ParagraphStyle::body:
            break;
    }
    return "body";
}

void set_string(lua_State* L, const char* field, const std::string& value) {
    lua_pushlstring(L, value.data(), value.size());
    lua_setfield(L, -2, field);
}

/// The text of a cell: its paragraphs (and list items) joined by newlines.
void cell_text(const std::vector<doc::Block>& blocks, std::string& out) {
    for (const doc::Block& b : blocks) {
        if (auto* p = std::get_if<doc::Paragraph>(&b.value)) {
            if (!out.empty()) out += '\n';
            out += plain_text(p->content);
        } else if (auto* list = std::get_if<doc::List>(&b.value)) {
            for (const doc::ListItem& item : list->items) cell_text(item.blocks, out);
        }
    }
}

void push_outline(lua_State* L, const doc::Block& block);

void push_outlines(lua_State* L, const std::vector<doc::Block>& blocks) {
    lua_createtable(L, static_cast<int>(blocks.size()), 0);
    lua_Integer n = 0;
    for (const doc::Block& b : blocks) {
        push_outline(L, b);
        lua_rawseti(L, -2, ++n);
    }
}

/// { kind = "para", style =, text = } | { kind = "list", ordered =, items = { {outline...} } }
/// | { kind = "table", header =, widths =, rows = { { "cell text", ... } } }
/// | { kind = "signatures", columns = { { "paragraph text", ... } } } | { kind = "other" }.
void push_outline(lua_State* L, const doc::Block& block) {
    lua_newtable(L);
    if (auto* p = std::get_if<doc::Paragraph>(&block.value)) {
        set_string(L, "kind", "para");
        set_string(L, "style", style_name(p->style));
        set_string(L, "text", plain_text(p->content));
    } else if (auto* list = std::get_if<doc::List>(&block.value)) {
        set_string(L, "kind", "list");
        lua_pushboolean(L, list->ordered);
        lua_setfield(L, -2, "ordered");
        lua_createtable(L, static_cast<int>(list->items.size()), 0);
        lua_Integer n = 0;
        for (const doc::ListItem& item : list->items) {
            push_outlines(L, item.blocks);
            lua_rawseti(L, -2, ++n);
        }
        lua_setfield(L, -2, "items");
    } else if (auto* table = std::get_if<doc::Table>(&block.value)) {
        set_string(L, "kind", "table");
        lua_pushboolean(L, table->header_row);
        lua_setfield(L, -2, "header");
        lua_createtable(L, static_cast<int>(table->column_weights.size()), 0);
        lua_Integer w = 0;
        for (double weight : table->column_weights) {
            lua_pushnumber(L, weight);
            lua_rawseti(L, -2, ++w);
        }
        lua_setfield(L, -2, "widths");
        lua_createtable(L, static_cast<int>(table->rows.size()), 0);
        lua_Integer r = 0;
        for (const doc::Row& row : table->rows) {
            lua_createtable(L, static_cast<int>(row.cells.size()), 0);
            lua_Integer c = 0;
            for (const doc::Cell& cell : row.cells) {
                std::string text;
                cell_text(cell.blocks, text);
                lua_pushlstring(L, text.data(), text.size());
                lua_rawseti(L, -2, ++c);
            }
            lua_rawseti(L, -2, ++r);
        }
        lua_setfield(L, -2, "rows");
    } else if (auto* signatures = std::get_if<doc::Signatures>(&block.value)) {
        set_string(L, "kind", "signatures");
        lua_createtable(L, static_cast<int>(signatures->columns.size()), 0);
        lua_Integer n = 0;
        for (const auto& column : signatures->columns) {
            lua_createtable(L, static_cast<int>(column.size()), 0);
            lua_Integer k = 0;
            for (const doc::Paragraph& p : column) {
                std::string text = plain_text(p.content);
                lua_pushlstring(L, text.data(), text.size());
                lua_rawseti(L, -2, ++k);
            }
            lua_rawseti(L, -2, ++n);
        }
        lua_setfield(L, -2, "columns");
    } else {
        set_string(L, "kind", "other");
    }
}

/// conventio.outline(blocks): one plain table per block (see push_outline).
int outline(lua_State* L) {
    std::vector<doc::Block> blocks = check_blocks(L, 1, "outline");
    push_outlines(L, blocks);
    return 1;
}

/// conventio.body(document): the document's body as an array of blocks, so that two versions
/// of an agreement can be compared block by block.
int body(lua_State* L) {
    doc::Document* document = to_document(L, 1);
    if (!document) return luaL_error(L, "body: expected a conventio.Document, got %s", luaL_typename(L, 1));
    push_blocks(L, document->body);
    return 1;
}

/// The one block at `index`, or a Lua error naming track_changes.
doc::Block one_block(lua_State* L, int index) {
    std::vector<doc::Block> blocks = check_blocks(L, index, "track_changes");
    if (blocks.size() != 1)
        throw std::runtime_error("track_changes: expected one block, got " + std::to_string(blocks.size()));
    return std::move(blocks.front());
}

/// conventio.track_changes(before, after): `after` with what changed from `before` as tracked
/// changes, each word keeping its formatting (two paragraphs, two tables compared row by row,
/// or two lists compared item by item); `after` inserted as a whole
/// when `before` is nil, `before` deleted as a whole when `after` is nil.
int track_changes(lua_State* L) {
    bool before = !lua_isnoneornil(L, 1), after = !lua_isnoneornil(L, 2);
    if (!before && !after) throw std::runtime_error("track_changes: expected a block before, after or both");
    doc::Block result;
    if (before && after) {
        doc::Block old_block = one_block(L, 1), new_block = one_block(L, 2);
        const auto* old_p = std::get_if<doc::Paragraph>(&old_block.value);
        const auto* new_p = std::get_if<doc::Paragraph>(&new_block.value);
        const auto* old_t = std::get_if<doc::Table>(&old_block.value);
        const auto* new_t = std::get_if<doc::Table>(&new_block.value);
        if (old_p && new_p)
            result.value = tracked::compare(*old_p, *new_p);
        else if (old_t && new_t)
            result.value = tracked::compare(*old_t, *new_t);
        else if (const auto* old_l = std::get_if<doc::List>(&old_block.value),
                 *new_l = std::get_if<doc::List>(&new_block.value);
                 old_l && new_l)
            result.value = tracked::compare(*old_l, *new_l);
        else if (const auto* old_s = std::get_if<doc::Signatures>(&old_block.value),
                 *new_s = std::get_if<doc::Signatures>(&new_block.value);
                 old_s && new_s)
            result.value = tracked::compare(*old_s, *new_s);
        else
            throw std::runtime_error(
                "track_changes: two versions must both be paragraphs, tables, lists or signatures");
    } else {
        result = tracked::whole(one_block(L, before ? 1 : 2),
                                before ? doc::Change::deleted : doc::Change::inserted);
    }
    std::vector<doc::Block> out;
    out.push_back(std::move(result));
    push_blocks(L, std::move(out));
    lua_rawgeti(L, -1, 1);
    return 1;
}

}  // namespace

void open_outline_bindings(lua_State* L) {
    lua_pushcfunction(L, protect<track_changes>);
    lua_setfield(L, -2, "track_changes");
    lua_pushcfunction(L, protect<outline>);
    lua_setfield(L, -2, "outline");
    lua_pushcfunction(L, protect<body>);
    lua_setfield(L, -2, "body");
}

}  // namespace conventio::lua
