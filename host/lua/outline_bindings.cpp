#include "lua/outline_bindings.hpp"

#include <string>
#include <vector>

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
/// | { kind = "table", header =, widths =, rows = { { "cell text", ... } } } | { kind = "other" }.
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

}  // namespace

void open_outline_bindings(lua_State* L) {
    lua_pushcfunction(L, protect<outline>);
    lua_setfield(L, -2, "outline");
    lua_pushcfunction(L, protect<body>);
    lua_setfield(L, -2, "body");
}

}  // namespace conventio::lua
