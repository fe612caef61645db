#include "document/tracked_diff.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace conventio::tracked {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_trailing_punctuation(char c) { return c == '.' || c == ',' || c == ';' || c == ')'; }

/// One word of a paragraph with the white space before it, or one inline that is not text (a
/// note, a reference, an anchor, a line break, a field). `key` is what makes two tokens equal.
struct Token {
    std::string space;
    std::string word;
    const doc::Inline* source;  // the run the word comes from, or the inline itself
    bool atom = false;
    std::string key;
};

std::string format_key(const doc::Run& r) {
    std::string k;
    k += r.marks.bold ? 'b' : '-';
    k += r.marks.italic ? 'i' : '-';
    k += r.marks.underline ? 'u' : '-';
    k += r.marks.superscript ? 's' : '-';
    k += r.href;
    return k;
}

void push_word(std::vector<Token>& out, std::string space, std::string_view chunk, const doc::Inline& source,
               const std::string& format) {
    // "2024." changes as "2024": trailing punctuation is a word of its own.
    std::size_t body = chunk.size();
    while (body > 0 && is_trailing_punctuation(chunk[body - 1])) --body;
    if (body == 0) body = chunk.size();
    auto add = [&](std::string s, std::string_view w) {
        std::string key = std::string(w) + '\0' + format;
        out.push_back(Token{std::move(s), std::string(w), &source, false, std::move(key)});
    };
    add(std::move(space), chunk.substr(0, body));
    for (std::size_t k = body; k < chunk.size(); ++k) add("", chunk.substr(k, 1));
}

std::vector<Token> tokens(const doc::Inlines& content) {
    std::vector<Token> out;
    for (const doc::Inline& i : content) {
        if (const auto* r = std::get_if<doc::Run>(&i)) {
            std::string format = format_key(*r);
            std::string_view t = r->text;
            std::size_t at = 0;
            while (at < t.size()) {
                std::size_t word = at;
                while (word < t.size() && is_space(t[word])) ++word;
                std::size_t end = word;
                while (end < t.size() && !is_space(t[end])) ++end;
                std::string space(t.substr(at, word - at));
                if (end == word)  // white space ending the run
                    out.push_back(Token{space, "", &i, false, std::string("\0", 1) + format});
                else
                    push_word(out, space, t.substr(word, end - word), i, format);
                at = end;
            }
            continue;
        }
        Token atom{"", "", &i, true, {}};
        using namespace std::string_literals;
        if (const auto* a = std::get_if<doc::Anchor>(&i))
            atom.key = "\x01anchor\0"s + a->name + '\0' + a->text;
        else if (const auto* c = std::get_if<doc::CrossRef>(&i))
            atom.key = "\x01ref\0"s + c->name + '\0' + c->text;
        else if (std::holds_alternative<doc::Footnote>(i))
            atom.key =
                "\x01"
                "note";  // any note pairs with any note; their texts are compared
        else if (std::holds_alternative<doc::LineBreak>(i))
            atom.key =
                "\x01"
                "br";
        else
            atom.key =
                "\x01"
                "field";
        out.push_back(std::move(atom));
    }
    return out;
}

/// Pairs of equal tokens (indices into a and b) of a longest common subsequence.
std::vector<std::pair<std::size_t, std::size_t>> common(const std::vector<Token>& a,
                                                        const std::vector<Token>& b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<unsigned>> len(n + 1, std::vector<unsigned>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            len[i][j] = a[i].key == b[j].key ? len[i + 1][j + 1] + 1 : std::max(len[i + 1][j], len[i][j + 1]);
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (a[i].key == b[j].key) {
            out.emplace_back(i++, j++);
        } else if (len[i + 1][j] >= len[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    return out;
}

void mark_inlines(doc::Inlines& content, doc::Change change);

void mark_paragraph(doc::Paragraph& p, doc::Change change) {
    p.mark = change;
    mark_inlines(p.content, change);
}

void mark_inlines(doc::Inlines& content, doc::Change change) {
    for (doc::Inline& i : content) {
        if (auto* r = std::get_if<doc::Run>(&i)) {
            r->change = change;
        } else if (auto* b = std::get_if<doc::LineBreak>(&i)) {
            b->change = change;
        } else if (auto* n = std::get_if<doc::Footnote>(&i)) {
            n->change = change;
            for (doc::Paragraph& p : n->paragraphs) mark_inlines(p.content, change);
        } else if (auto* a = std::get_if<doc::Anchor>(&i)) {
            a->change = change;
        } else if (auto* c = std::get_if<doc::CrossRef>(&i)) {
            c->change = change;
        }
    }
}

/// Builds the compared paragraph's inlines, joining neighbouring text of one look and change.
class Output {
public:
    void text(std::string_view s, const doc::Inline& source, doc::Change change) {
        if (s.empty()) return;
        const auto& from = std::get<doc::Run>(source);
        if (!out_.empty()) {
            if (auto* last = std::get_if<doc::Run>(&out_.back());
                last && last->change == change && last->marks == from.marks && last->href == from.href) {
                last->text += s;
                return;
            }
        }
        out_.push_back(doc::Run{std::string(s), from.marks, from.href, change});
    }
    void atom(doc::Inline i, doc::Change change) {
        if (change != doc::Change::none) {
            doc::Inlines one{std::move(i)};
            mark_inlines(one, change);
            i = std::move(one.front());
        }
        out_.push_back(std::move(i));
    }
    void token(const Token& t, doc::Change change, bool with_space = true) {
        if (t.atom) {
            atom(*t.source, change);
        } else {
            text((with_space ? t.space : std::string()) + t.word, *t.source, change);
        }
    }
    void space(const std::string& s, const Token& t, doc::Change change) {
        if (!t.atom) text(s, *t.source, change);
    }
    /// Tokens [from, to) inserted or deleted, the first one's white space replaced by `lead`.
    void changed(const std::vector<Token>& t, std::size_t from, std::size_t to, const std::string& lead,
                 doc::Change change) {
        for (std::size_t k = from; k < to; ++k) {
            if (k == from) space(lead, t[k], change);
            token(t[k], change, k != from);
        }
    }
    doc::Inlines take() { return std::move(out_); }
    doc::Inlines& inlines() { return out_; }

private:
    doc::Inlines out_;
};

doc::Inlines compare_inlines(const doc::Inlines& before, const doc::Inlines& after);

/// A note on both sides: the amended note, its text compared paragraph by paragraph.
doc::Footnote compare_notes(const doc::Footnote& before, const doc::Footnote& after) {
    doc::Footnote out = after;
    if (before.paragraphs.size() == after.paragraphs.size()) {
        for (std::size_t k = 0; k < out.paragraphs.size(); ++k)
            out.paragraphs[k].content =
                compare_inlines(before.paragraphs[k].content, after.paragraphs[k].content);
        return out;
    }
    // Paragraphs added or removed: the old text deleted, then the new one inserted.
    out.paragraphs.clear();
    for (doc::Paragraph p : before.paragraphs) {
        mark_paragraph(p, doc::Change::deleted);
        out.paragraphs.push_back(std::move(p));
    }
    for (doc::Paragraph p : after.paragraphs) {
        mark_paragraph(p, doc::Change::inserted);
        out.paragraphs.push_back(std::move(p));
    }
    return out;
}

/// `s` after its first `n` bytes, empty when it is shorter.
std::string rest(const std::string& s, std::size_t n) { return n < s.size() ? s.substr(n) : std::string(); }

doc::Inlines compare_inlines(const doc::Inlines& before, const doc::Inlines& after) {
    std::vector<Token> a = tokens(before), b = tokens(after);
    auto pairs = common(a, b);
    pairs.emplace_back(a.size(), b.size());
    Output out;
    std::size_t i = 0, j = 0;
    for (auto [pi, pj] : pairs) {
        if (i < pi || j < pj) {
            // The white space before a changed stretch stays outside it when both sides have one.
            const std::string& lead_a = i < pi ? a[i].space : std::string();
            const std::string& lead_b = j < pj ? b[j].space : std::string();
            std::string shared = !lead_a.empty() && !lead_b.empty() ? lead_a : std::string();
            if (!shared.empty()) out.space(shared, b[j], doc::Change::none);
            out.changed(a, i, pi, rest(lead_a, shared.size()), doc::Change::deleted);
            out.changed(b, j, pj, rest(lead_b, shared.size()), doc::Change::inserted);
        }
        if (pi < a.size()) {
            const doc::Inline& kept = *b[pj].source;
            if (b[pj].atom) {
                const auto* old_note = std::get_if<doc::Footnote>(a[pi].source);
                const auto* new_note = std::get_if<doc::Footnote>(&kept);
                if (old_note && new_note)
                    out.atom(compare_notes(*old_note, *new_note), doc::Change::none);
                else
                    out.atom(kept, doc::Change::none);
            } else if (a[pi].space.empty() != b[pj].space.empty()) {
                // A word kept where the text before it changed, with a space on one side only
                // (« Ancienne phrase. Reste » → « Reste »): that space is part of the change, or
                // rejecting it would join the words (« phrase.Reste »).
                if (b[pj].space.empty())
                    out.text(a[pi].space, *a[pi].source, doc::Change::deleted);
                else
                    out.text(b[pj].space, *b[pj].source, doc::Change::inserted);
                out.token(b[pj], doc::Change::none, false);
            } else {
                out.token(b[pj], doc::Change::none);
            }
        }
        i = pi + 1;
        j = pj + 1;
    }
    return out.take();
}

}  // namespace

doc::Paragraph compare(const doc::Paragraph& before, const doc::Paragraph& after) {
    doc::Paragraph out = after;
    out.mark = doc::Change::none;
    out.content = compare_inlines(before.content, after.content);
    return out;
}

namespace {

std::string cell_label(const doc::Row& row) {
    std::string out;
    if (row.cells.empty()) return out;
    for (const doc::Block& b : row.cells.front().blocks)
        if (const auto* p = std::get_if<doc::Paragraph>(&b.value))
            for (const doc::Inline& i : p->content) {
                if (const auto* r = std::get_if<doc::Run>(&i)) out += r->text;
                if (const auto* a = std::get_if<doc::Anchor>(&i)) out += a->text;
                if (const auto* c = std::get_if<doc::CrossRef>(&i)) out += c->text;
            }
    return out;
}

doc::Cell compare_cells(const doc::Cell& before, const doc::Cell& after) {
    doc::Cell out = after;
    bool pairwise = before.blocks.size() == after.blocks.size();
    for (std::size_t k = 0; pairwise && k < before.blocks.size(); ++k)
        pairwise = std::holds_alternative<doc::Paragraph>(before.blocks[k].value) &&
                   std::holds_alternative<doc::Paragraph>(after.blocks[k].value);
    if (pairwise) {
        for (std::size_t k = 0; k < out.blocks.size(); ++k)
            out.blocks[k].value = compare(std::get<doc::Paragraph>(before.blocks[k].value),
                                          std::get<doc::Paragraph>(after.blocks[k].value));
        return out;
    }
    out.blocks.clear();
    for (const doc::Block& b : before.blocks) out.blocks.push_back(whole(b, doc::Change::deleted));
    for (const doc::Block& b : after.blocks) out.blocks.push_back(whole(b, doc::Change::inserted));
    return out;
}

}  // namespace

doc::Table compare(const doc::Table& before, const doc::Table& after) {
    if (before.column_weights.size() != after.column_weights.size())
        throw std::invalid_argument("track_changes: the two tables have different columns");
    std::vector<Token> a, b;  // one token per row, its label as the key
    for (const doc::Row& r : before.rows) a.push_back(Token{"", "", nullptr, true, cell_label(r)});
    for (const doc::Row& r : after.rows) b.push_back(Token{"", "", nullptr, true, cell_label(r)});
    auto pairs = common(a, b);
    pairs.emplace_back(a.size(), b.size());
    doc::Table out = after;
    out.rows.clear();
    auto whole_row = [](doc::Row row, doc::Change change) {
        doc::Table one;
        one.rows.push_back(std::move(row));
        doc::Block marked = whole(doc::Block{std::move(one)}, change);
        return std::move(std::get<doc::Table>(marked.value).rows.front());
    };
    std::size_t i = 0, j = 0;
    for (auto [pi, pj] : pairs) {
        for (; i < pi; ++i) out.rows.push_back(whole_row(before.rows[i], doc::Change::deleted));
        for (; j < pj; ++j) out.rows.push_back(whole_row(after.rows[j], doc::Change::inserted));
        if (pi < before.rows.size()) {
            doc::Row row = after.rows[pj];
            const doc::Row& old = before.rows[pi];
            if (old.cells.size() == row.cells.size())
                for (std::size_t k = 0; k < row.cells.size(); ++k)
                    row.cells[k] = compare_cells(old.cells[k], row.cells[k]);
            out.rows.push_back(std::move(row));
        }
        i = pi + 1;
        j = pj + 1;
    }
    return out;
}

namespace {

/// The text of a list item (its paragraphs and nested items), what pairs unchanged items.
void item_text(const std::vector<doc::Block>& blocks, std::string& out) {
    for (const doc::Block& b : blocks) {
        if (const auto* p = std::get_if<doc::Paragraph>(&b.value)) {
            out += '\x02';
            for (const Token& t : tokens(p->content)) out += t.space + t.word + t.key;
        } else if (const auto* l = std::get_if<doc::List>(&b.value)) {
            out += l->ordered ? "\x03o" : "\x03u";
            for (const doc::ListItem& item : l->items) item_text(item.blocks, out);
            out += '\x04';
        }
    }
}

/// Two versions of one item: their blocks compared pairwise when they have the same shape
/// (paragraphs with paragraphs, lists with lists), else the old ones deleted and the new ones
/// inserted.
doc::ListItem compare_items(const doc::ListItem& before, const doc::ListItem& after) {
    doc::ListItem out;
    bool pairwise = before.blocks.size() == after.blocks.size();
    for (std::size_t k = 0; pairwise && k < before.blocks.size(); ++k)
        pairwise = before.blocks[k].value.index() == after.blocks[k].value.index() &&
                   (std::holds_alternative<doc::Paragraph>(after.blocks[k].value) ||
                    std::holds_alternative<doc::List>(after.blocks[k].value));
    if (pairwise) {
        for (std::size_t k = 0; k < after.blocks.size(); ++k) {
            doc::Block b = after.blocks[k];
            if (const auto* p = std::get_if<doc::Paragraph>(&before.blocks[k].value))
                b.value = compare(*p, std::get<doc::Paragraph>(after.blocks[k].value));
            else
                b.value = compare(std::get<doc::List>(before.blocks[k].value),
                                  std::get<doc::List>(after.blocks[k].value));
            out.blocks.push_back(std::move(b));
        }
        return out;
    }
    for (const doc::Block& b : before.blocks) out.blocks.push_back(whole(b, doc::Change::deleted));
    for (const doc::Block& b : after.blocks) out.blocks.push_back(whole(b, doc::Change::inserted));
    return out;
}

doc::ListItem whole_item(doc::ListItem item, doc::Change change) {
    for (doc::Block& b : item.blocks) b = whole(std::move(b), change);
    return item;
}

}  // namespace

doc::List compare(const doc::List& before, const doc::List& after) {
    std::vector<Token> a, b;  // one token per item, its text as the key
    for (const doc::ListItem& item : before.items) {
        a.push_back(Token{"", "", nullptr, true, {}});
        item_text(item.blocks, a.back().key);
    }
    for (const doc::ListItem& item : after.items) {
        b.push_back(Token{"", "", nullptr, true, {}});
        item_text(item.blocks, b.back().key);
    }
    auto pairs = common(a, b);
    pairs.emplace_back(a.size(), b.size());
    doc::List out = after;
    out.items.clear();
    std::size_t i = 0, j = 0;
    for (auto [pi, pj] : pairs) {
        // Between unchanged items, the changed ones are paired in order; the rest of the
        // longer side is deleted or inserted.
        for (; i < pi && j < pj; ++i, ++j)
            out.items.push_back(compare_items(before.items[i], after.items[j]));
        for (; i < pi; ++i) out.items.push_back(whole_item(before.items[i], doc::Change::deleted));
        for (; j < pj; ++j) out.items.push_back(whole_item(after.items[j], doc::Change::inserted));
        if (pi < before.items.size()) out.items.push_back(compare_items(before.items[pi], after.items[pj]));
        i = pi + 1;
        j = pj + 1;
    }
    return out;
}

doc::Signatures compare(const doc::Signatures& before, const doc::Signatures& after) {
    auto column_key = [](const std::vector<doc::Paragraph>& column) {
        std::string key;
        for (const doc::Paragraph& p : column) {
            key += '\x02';
            for (const Token& t : tokens(p.content)) key += t.space + t.word + t.key;
        }
        return key;
    };
    std::vector<Token> a, b;
    for (const auto& column : before.columns) a.push_back(Token{"", "", nullptr, true, column_key(column)});
    for (const auto& column : after.columns) b.push_back(Token{"", "", nullptr, true, column_key(column)});
    auto pairs = common(a, b);
    pairs.emplace_back(a.size(), b.size());
    auto marked = [](std::vector<doc::Paragraph> column, doc::Change change) {
        for (doc::Paragraph& p : column) mark_inlines(p.content, change);
        return column;
    };
    doc::Signatures out;
    std::size_t i = 0, j = 0;
    for (auto [pi, pj] : pairs) {
        for (; i < pi && j < pj; ++i, ++j) {
            const auto &old = before.columns[i], &now = after.columns[j];
            if (old.size() == now.size()) {
                std::vector<doc::Paragraph> column;
                for (std::size_t k = 0; k < now.size(); ++k) column.push_back(compare(old[k], now[k]));
                out.columns.push_back(std::move(column));
            } else {
                auto column = marked(old, doc::Change::deleted);
                for (doc::Paragraph& p : marked(now, doc::Change::inserted)) column.push_back(std::move(p));
                out.columns.push_back(std::move(column));
            }
        }
        for (; i < pi; ++i) out.columns.push_back(marked(before.columns[i], doc::Change::deleted));
        for (; j < pj; ++j) out.columns.push_back(marked(after.columns[j], doc::Change::inserted));
        if (pi < before.columns.size()) out.columns.push_back(after.columns[pj]);
        i = pi + 1;
        j = pj + 1;
    }
    return out;
}

doc::Block whole(doc::Block block, doc::Change change) {
    if (auto* p = std::get_if<doc::Paragraph>(&block.value)) {
        mark_paragraph(*p, change);
    } else if (auto* l = std::get_if<doc::List>(&block.value)) {
        for (doc::ListItem& item : l->items)
            for (doc::Block& b : item.blocks) b = whole(std::move(b), change);
    } else if (auto* t = std::get_if<doc::Table>(&block.value)) {
        for (doc::Row& r : t->rows) {
            r.change = change;
            for (doc::Cell& c : r.cells)
                for (doc::Block& b : c.blocks) b = whole(std::move(b), change);
        }
    } else if (auto* s = std::get_if<doc::Signatures>(&block.value)) {
        for (auto& column : s->columns)
            for (doc::Paragraph& p : column) mark_inlines(p.content, change);
    }
    return block;
}

}  // namespace conventio::tracked
