#include "lua/outline_bindings.hpp"

#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "conventio/french.hpp"
#include "document/text_check.hpp"
#include "document/text_edits.hpp"
#include "document/tracked_diff.hpp"
#include "lua/binding_support.hpp"
#include "lua/document_bindings.hpp"

namespace conventio::lua {

namespace {

using doc::plain_text;

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

/// The blocks a Lua value stands for, as check_blocks reads them, but not copied when the value
/// is what an avenant compares: an array of Block userdata (an article's or a clause's blocks).
class BlocksView {
public:
    BlocksView(lua_State* L, int index, const char* what) {
        index = lua_absindex(L, index);
        if (lua_type(L, index) == LUA_TTABLE && !lua_getmetatable(L, index)) {
            lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L, index));
            for (lua_Integer i = 1; i <= n; ++i) {
                lua_rawgeti(L, index, i);
                const doc::Block* block = to_block(L, -1);
                lua_pop(L, 1);
                if (!block) break;
                refs_.push_back(block);
            }
            // The userdata stay reachable from the array for as long as this view is used.
            if (n > 0 && refs_.size() == static_cast<std::size_t>(n)) return;
            refs_.clear();
        } else if (lua_type(L, index) == LUA_TTABLE) {
            lua_pop(L, 1);  // the metatable
        }
        owned_ = check_blocks(L, index, what);
        for (const doc::Block& b : owned_) refs_.push_back(&b);
    }
    [[nodiscard]] const std::vector<const doc::Block*>& blocks() const { return refs_; }
    /// Whether the blocks are the userdata of the array given (then its elements can be handed
    /// back as they are).
    [[nodiscard]] bool borrowed() const { return owned_.empty() && !refs_.empty(); }

private:
    std::vector<doc::Block> owned_;
    std::vector<const doc::Block*> refs_;
};

// ---- the outline as one string, to tell two units alike without making the tables

void add_text(std::string& out, char tag, std::string_view text) {
    out += tag;
    out += std::to_string(text.size());
    out += ':';
    out += text;
}

/// What a reader sees of a paragraph beside its words: each note (after how many words its call
/// is, and the note's own text and marks) and each link (the words it covers and where it leads).
/// "" for most paragraphs. Two paragraphs of equal text differ when these do: an avenant that
/// compared the words alone said nothing of a note or a link it changed. Places are counted in
/// words, not bytes: « 1 000 euros » made « 15 000 euros » before a note leaves the note where it
/// was, and the change is worded as the words it is.
std::string marks_of(const doc::Inlines& content) {
    std::string out;
    std::size_t at = 0;  // words so far (a word started counts), as plain_text gives the text
    bool in_word = false;
    auto count = [&](std::string_view text) {
        for (char c : text) {
            const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
            if (!space && !in_word) ++at;
            in_word = !space;
        }
    };
    const std::string* link = nullptr;
    std::size_t link_start = 0;
    auto close_link = [&] {
        if (!link) return;
        add_text(out, 'L', std::to_string(link_start) + "-" + std::to_string(at));
        add_text(out, 'h', *link);
        link = nullptr;
    };
    for (const doc::Inline& i : content) {
        const auto* run = std::get_if<doc::Run>(&i);
        const std::string* href = run && !run->href.empty() ? &run->href : nullptr;
        if (!href || !link || *href != *link) {
            close_link();
            if (href) link = href, link_start = at;
        }
        if (run) {
            count(run->text);
        } else if (std::holds_alternative<doc::LineBreak>(i)) {
            count("\n");
        } else if (const auto* a = std::get_if<doc::Anchor>(&i)) {
            count(a->text);
        } else if (const auto* r = std::get_if<doc::CrossRef>(&i)) {
            count(r->text);
        } else if (const auto* note = std::get_if<doc::Footnote>(&i)) {
            add_text(out, 'N', std::to_string(at));
            add_text(out, 'n', std::to_string(note->paragraphs.size()));
            for (const doc::Paragraph& p : note->paragraphs) {
                add_text(out, 't', plain_text(p.content));
                add_text(out, 'm', marks_of(p.content));
            }
        }
    }
    close_link();
    return out;
}

/// The marks (marks_of) of a table's cells, each after its row and column: "" when none has any.
std::string table_marks(const doc::Table& table) {
    std::string out;
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        for (std::size_t c = 0; c < table.rows[r].cells.size(); ++c)
            for (const doc::Block& b : table.rows[r].cells[c].blocks)
                if (const auto* p = std::get_if<doc::Paragraph>(&b.value))
                    if (std::string m = marks_of(p->content); !m.empty()) {
                        add_text(out, 'c', std::to_string(r) + "," + std::to_string(c));
                        add_text(out, 'm', m);
                    }
    return out;
}

void add_signature(std::string& out, const doc::Block& block);

void add_signatures(std::string& out, const std::vector<doc::Block>& blocks) {
    add_text(out, '[', std::to_string(blocks.size()));
    for (const doc::Block& b : blocks) add_signature(out, b);
}

/// Everything push_outline puts in the block's table, in the same order: two blocks with the
/// same signature have equal outlines.
void add_signature(std::string& out, const doc::Block& block) {
    if (auto* p = std::get_if<doc::Paragraph>(&block.value)) {
        add_text(out, 'p', style_name(p->style));
        add_text(out, 't', plain_text(p->content));
        add_text(out, 'm', marks_of(p->content));
    } else if (auto* list = std::get_if<doc::List>(&block.value)) {
        add_text(out, 'l', list->ordered ? "1" : "0");
        add_text(out, 'n', std::to_string(list->items.size()));
        for (const doc::ListItem& item : list->items) add_signatures(out, item.blocks);
    } else if (auto* table = std::get_if<doc::Table>(&block.value)) {
        add_text(out, 'T', table->header_row ? "1" : "0");
        add_text(out, 'w', std::to_string(table->column_weights.size()));
        for (double weight : table->column_weights) {
            char buffer[40];
            std::snprintf(buffer, sizeof buffer, "%a", weight);
            add_text(out, 'x', buffer);
        }
        add_text(out, 'm', table_marks(*table));
        add_text(out, 'r', std::to_string(table->rows.size()));
        for (const doc::Row& row : table->rows) {
            add_text(out, 'c', std::to_string(row.cells.size()));
            for (const doc::Cell& cell : row.cells) {
                std::string text;
                cell_text(cell.blocks, text);
                add_text(out, 't', text);
            }
        }
    } else if (auto* signatures = std::get_if<doc::Signatures>(&block.value)) {
        add_text(out, 's', std::to_string(signatures->columns.size()));
        for (const auto& column : signatures->columns) {
            add_text(out, 'c', std::to_string(column.size()));
            for (const doc::Paragraph& p : column) add_text(out, 't', plain_text(p.content));
        }
    } else {
        out += 'o';
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
        // A paragraph with notes or links says so, and comes with its block: an avenant quoting
        // it quotes the block (conventio.quote), not its text alone.
        if (std::string marks = marks_of(p->content); !marks.empty()) {
            set_string(L, "marks", marks);
            push_blocks(L, std::vector<doc::Block>{block});
            lua_rawgeti(L, -1, 1);
            lua_setfield(L, -3, "block");
            lua_pop(L, 1);
        }
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
        if (std::string marks = table_marks(*table); !marks.empty()) set_string(L, "marks", marks);
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
    BlocksView view(L, 1, "outline");
    lua_createtable(L, static_cast<int>(view.blocks().size()), 0);
    lua_Integer n = 0;
    for (const doc::Block* b : view.blocks()) {
        push_outline(L, *b);
        lua_rawseti(L, -2, ++n);
    }
    return 1;
}

/// conventio.outline_signature(blocks): a string equal for two arrays of blocks exactly when
/// conventio.outline gives equal tables for them. An avenant tells the unchanged articles of
/// two versions by it, and makes their alinéas only for those that changed.
int outline_signature(lua_State* L) {
    BlocksView view(L, 1, "outline_signature");
    std::string out;
    add_text(out, '[', std::to_string(view.blocks().size()));
    for (const doc::Block* b : view.blocks()) add_signature(out, *b);
    lua_pushlstring(L, out.data(), out.size());
    return 1;
}

/// conventio.same_blocks(a, b): true when the two arrays hold the very same blocks, in order: a
/// clause whose Markdown text is the same in two versions of an agreement gives the Markdown
/// cache's blocks in both, so most units of an avenant are told unchanged by comparing
/// pointers, without their signatures. False for anything else (then compare the signatures).
int same_blocks(lua_State* L) {
    if (lua_type(L, 1) != LUA_TTABLE || lua_type(L, 2) != LUA_TTABLE) {
        lua_pushboolean(L, 0);
        return 1;
    }
    const lua_Unsigned n = lua_rawlen(L, 1);
    bool same = n == lua_rawlen(L, 2);
    for (lua_Integer i = 1; same && i <= static_cast<lua_Integer>(n); ++i) {
        lua_rawgeti(L, 1, i);
        lua_rawgeti(L, 2, i);
        const doc::Block* a = to_block(L, -2);
        same = a != nullptr && a == to_block(L, -1);
        lua_pop(L, 2);
    }
    lua_pushboolean(L, same);
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

/// conventio.replace_words(blocks, old, new): the blocks with the words replaced inside their
/// runs (doc::replace_words), the blocks that did not change the very same values, and how many
/// changed; or nil and why not ("heading", "table", "live_text", "across_inline",
/// "not_running_text").
int replace_words(lua_State* L) {
    BlocksView view(L, 1, "replace_words");
    std::size_t old_size = 0, new_size = 0;
    const char* old_text = luaL_checklstring(L, 2, &old_size);
    const char* new_text = luaL_checklstring(L, 3, &new_size);
    const std::string_view old_words(old_text, old_size);
    if (old_words.empty()) return luaL_error(L, "replace_words: the words to replace are empty");
    // The new words go into the document's runs: refused as any text the document could not hold
    // (a NUL would cut the paragraph in the XML, bytes that are not UTF-8 would break the file).
    for (std::string_view words : {old_words, std::string_view(new_text, new_size)})
        if (auto problem = doc::text_problem(words))
            return luaL_error(L, "replace_words: %s", problem->c_str());
    // The new words are spaced as every text of the document is (no-break spaces before « : »,
    // inside « »), so that the amended text reads as the avenant quotes them.
    const std::string new_words = french_spacing(std::string_view(new_text, new_size));
    doc::WordsReplaced result = doc::replace_words(view.blocks(), old_words, new_words);
    if (result.problem != doc::WordsProblem::none) {
        static constexpr const char* reasons[] = {"none",      "heading",       "table",
                                                  "live_text", "across_inline", "not_running_text"};
        lua_pushnil(L);
        lua_pushstring(L, reasons[static_cast<int>(result.problem)]);
        return 2;
    }
    std::vector<doc::Block> changed;
    for (auto& [index, block] : result.changed) changed.push_back(std::move(block));
    push_blocks(L, std::move(changed));
    const int changed_blocks = lua_gettop(L);
    const int n = static_cast<int>(view.blocks().size());
    lua_createtable(L, n, 0);
    std::size_t next = 0;
    for (int i = 0; i < n; ++i) {
        if (next < result.changed.size() && result.changed[next].first == static_cast<std::size_t>(i)) {
            lua_rawgeti(L, changed_blocks, static_cast<lua_Integer>(++next));
        } else if (view.borrowed()) {
            lua_rawgeti(L, 1, i + 1);  // the very block given
        } else {
            push_blocks(L, std::vector<doc::Block>{*view.blocks()[static_cast<std::size_t>(i)]});
            lua_rawgeti(L, -1, 1);
            lua_remove(L, -2);
        }
        lua_rawseti(L, -2, i + 1);
    }
    lua_pushinteger(L, static_cast<lua_Integer>(result.changed.size()));
    return 2;
}

/// conventio.edit_row(table, how, at, row): the Table block `table` with its row `at` (counted
/// from 1, the header row included) replaced by the first row of the Table block `row`
/// (how = "replace"), that row inserted after it ("insert_after"), or removed ("remove"). The
/// other rows are kept as they are, references and formatting included.
int edit_row(lua_State* L) {
    const doc::Block* block = to_block(L, 1);
    const auto* table = block ? std::get_if<doc::Table>(&block->value) : nullptr;
    if (!table) return luaL_error(L, "edit_row: expected a table block, got %s", luaL_typename(L, 1));
    static const char* const hows[] = {"replace", "insert_after", "remove", nullptr};
    const auto how = static_cast<doc::RowEdit>(luaL_checkoption(L, 2, nullptr, hows));
    const lua_Integer at = luaL_checkinteger(L, 3);
    if (at < 1 || static_cast<std::size_t>(at) > table->rows.size())
        return luaL_error(L, "edit_row: no row " LUA_INTEGER_FMT, at);
    doc::Row row;
    if (how != doc::RowEdit::remove) {
        const doc::Block* source = to_block(L, 4);
        const auto* rows = source ? std::get_if<doc::Table>(&source->value) : nullptr;
        if (!rows || rows->rows.empty())
            return luaL_error(L, "edit_row: expected a table block holding the row, got %s",
                              luaL_typename(L, 4));
        row = rows->rows.front();
    }
    std::vector<doc::Block> out;
    out.push_back(doc::Block{doc::edit_row(*table, how, static_cast<std::size_t>(at - 1), std::move(row))});
    push_blocks(L, std::move(out));
    lua_rawgeti(L, -1, 1);
    return 1;
}

/// Anchors and cross-references in `content` and its notes made their text, as in an alinéa
/// quoted from its text.
void as_text_only(doc::Inlines& content) {
    for (doc::Inline& i : content) {
        if (const auto* anchor = std::get_if<doc::Anchor>(&i)) {
            doc::Run run;
            run.text = anchor->text;
            i = std::move(run);
        } else if (const auto* ref = std::get_if<doc::CrossRef>(&i)) {
            doc::Run run;
            run.text = ref->text;
            i = std::move(run);
        } else if (auto* note = std::get_if<doc::Footnote>(&i)) {
            for (doc::Paragraph& p : note->paragraphs) as_text_only(p.content);
        }
    }
}

/// conventio.quote(block, open, close): a copy of the paragraph `block` with the text `open`
/// before its words and `close` after them, its notes, links and formatting kept. An avenant
/// quotes so an alinéa that has a note or a link: made again from its text, it lost them.
int quote(lua_State* L) {
    const doc::Block* block = to_block(L, 1);
    const auto* paragraph = block ? std::get_if<doc::Paragraph>(&block->value) : nullptr;
    if (!paragraph) return luaL_error(L, "quote: expected a paragraph block, got %s", luaL_typename(L, 1));
    std::size_t open_size = 0, close_size = 0;
    const char* open_text = luaL_checklstring(L, 2, &open_size);
    const char* close_text = luaL_checklstring(L, 3, &close_size);
    const std::string_view open(open_text, open_size), close(close_text, close_size);
    for (std::string_view words : {open, close})
        if (auto problem = doc::text_problem(words)) return luaL_error(L, "quote: %s", problem->c_str());
    doc::Paragraph quoted = *paragraph;
    quoted.mark = doc::Change::none;
    // The quotation is text of the avenant: an article's anchor or a live reference in it, or in
    // its notes, would point into the Convention, which the avenant does not hold.
    as_text_only(quoted.content);
    doc::Run before, after;
    before.text = open;
    after.text = close;
    if (!open.empty()) quoted.content.insert(quoted.content.begin(), std::move(before));
    if (!close.empty()) quoted.content.push_back(std::move(after));
    std::vector<doc::Block> out;
    out.push_back(doc::Block{std::move(quoted)});
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
    lua_pushcfunction(L, protect<outline_signature>);
    lua_setfield(L, -2, "outline_signature");
    lua_pushcfunction(L, protect<same_blocks>);
    lua_setfield(L, -2, "same_blocks");
    lua_pushcfunction(L, protect<body>);
    lua_setfield(L, -2, "body");
    lua_pushcfunction(L, protect<replace_words>);
    lua_setfield(L, -2, "replace_words");
    lua_pushcfunction(L, protect<edit_row>);
    lua_setfield(L, -2, "edit_row");
    lua_pushcfunction(L, protect<quote>);
    lua_setfield(L, -2, "quote");
}

}  // namespace conventio::lua
