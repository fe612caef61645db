#include "document/text_edits.hpp"

#include <algorithm>
#include <utility>
#include <variant>

namespace conventio::doc {

std::string plain_text(const Inlines& inlines) {
    std::string out;
    for (const Inline& i : inlines) {
        if (auto* run = std::get_if<Run>(&i))
            out += run->text;
        else if (std::get_if<LineBreak>(&i))
            out += '\n';
        else if (auto* a = std::get_if<Anchor>(&i))
            out += a->text;
        else if (auto* r = std::get_if<CrossRef>(&i))
            out += r->text;
    }
    return out;
}

std::string as_typed(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "\xc2\xa0") == 0) {
            out += ' ';
            i += 1;
        } else if (text.compare(i, 3, "\xe2\x80\xaf") == 0 || text.compare(i, 3, "\xe2\x80\x99") == 0) {
            out += text[i + 2] == '\xaf' ? ' ' : '\'';
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

namespace {

/// Where an inline sits in the paragraph's plain text: [begin, end), empty for a note or a field.
struct Span {
    std::size_t begin = 0, end = 0;
};

std::size_t shown_size(const Inline& i) {
    if (auto* run = std::get_if<Run>(&i)) return run->text.size();
    if (std::get_if<LineBreak>(&i)) return 1;
    if (auto* a = std::get_if<Anchor>(&i)) return a->text.size();
    if (auto* r = std::get_if<CrossRef>(&i)) return r->text.size();
    return 0;
}

/// An inline of the new paragraph, with the inline of the old one it comes from.
struct Piece {
    Inline value;
    std::size_t from;
};

/// Appends `text` as runs like `look` (its marks, link and change), each "\n" a line break.
void add_text(std::vector<Piece>& out, std::string_view text, const Run& look, std::size_t from) {
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t nl = text.find('\n', at);
        std::string_view piece =
            text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
        if (!piece.empty())
            out.push_back({Run{std::string(piece), look.marks, look.href, look.change}, from});
        if (nl == std::string_view::npos) break;
        out.push_back({LineBreak{look.change}, from});
        at = nl + 1;
    }
}

/// The pieces cut from one run joined again, with the new words put into it: the runs are cut
/// where they were (the consolidated version compares words within runs, so a run cut anew
/// would show its neighbouring spaces changed).
Inlines joined(std::vector<Piece> pieces) {
    Inlines out;
    std::size_t last_from = 0;
    for (Piece& p : pieces) {
        auto* run = std::get_if<Run>(&p.value);
        auto* last = out.empty() ? nullptr : std::get_if<Run>(&out.back());
        if (run && last && last_from == p.from && last->marks == run->marks && last->href == run->href &&
            last->change == run->change)
            last->text += run->text;
        else if (!run || !run->text.empty())
            out.push_back(std::move(p.value));
        last_from = p.from;
    }
    return out;
}

/// One occurrence of the words in a paragraph's text: [begin, end) bytes.
struct Found {
    std::size_t begin = 0, end = 0;
};

/// The size of the character at `at` of `text` that `want` (a byte of the words, a space or an
/// apostrophe as the user types them) stands for: the rendering puts no-break and narrow
/// no-break spaces where a template had spaces, and a typographic apostrophe; 0 when the
/// character there is not one `want` stands for.
std::size_t stands_for(std::string_view text, std::size_t at, char want) {
    if (text[at] == want) return 1;
    if (want == ' ' && (text.compare(at, 2, "\xc2\xa0") == 0)) return 2;
    if (want == ' ' && (text.compare(at, 3, "\xe2\x80\xaf") == 0)) return 3;
    if (want == '\'' && (text.compare(at, 3, "\xe2\x80\x99") == 0)) return 3;
    return 0;
}

/// Every occurrence of `typed` (as_typed) in `text`, not overlapping, spaces and apostrophes
/// matched as stands_for says.
std::vector<Found> find_all(std::string_view text, std::string_view typed) {
    std::vector<Found> found;
    // Every byte of the words takes one byte of the text or more: longer words are not there.
    if (typed.empty() || typed.size() > text.size()) return found;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t i = at, k = 0;
        while (k < typed.size() && i < text.size()) {
            const std::size_t n = stands_for(text, i, typed[k]);
            if (n == 0) break;
            i += n;
            ++k;
        }
        if (k == typed.size()) {
            found.push_back({at, i});
            at = i;
        } else {
            ++at;
        }
    }
    return found;
}

/// The paragraph's inlines with the words replaced; `count` the occurrences found.
Inlines replace_in(const Inlines& content, std::string_view old_words, std::string_view new_words, int& count,
                   WordsProblem& problem) {
    const std::string text = plain_text(content);
    const std::vector<Found> starts = find_all(text, old_words);  // typed already (replace_words)
    count = static_cast<int>(starts.size());
    if (starts.empty()) return content;

    std::vector<Span> spans;
    std::size_t pos = 0;
    for (const Inline& i : content) {
        spans.push_back({pos, pos + shown_size(i)});
        pos = spans.back().end;
    }
    // Every occurrence must cover text only: runs and line breaks.
    for (const Found& f : starts) {
        const std::size_t s = f.begin, e = f.end;
        for (std::size_t k = 0; k < content.size(); ++k) {
            const Span& span = spans[k];
            const bool shown =
                std::holds_alternative<Anchor>(content[k]) || std::holds_alternative<CrossRef>(content[k]);
            const bool hidden =
                std::holds_alternative<Footnote>(content[k]) || std::holds_alternative<Field>(content[k]);
            if (shown && span.begin < e && s < span.end) {
                problem = WordsProblem::live_text;
                return {};
            }
            if (hidden && s < span.begin && span.begin < e) {
                problem = WordsProblem::across_inline;
                return {};
            }
        }
    }

    std::vector<Piece> out;
    std::size_t next = 0;  // the next occurrence not yet replaced
    for (std::size_t k = 0; k < content.size(); ++k) {
        const Span& span = spans[k];
        const Inline& inline_ = content[k];
        if (!std::holds_alternative<Run>(inline_) && !std::holds_alternative<LineBreak>(inline_)) {
            out.push_back({inline_, k});
            continue;
        }
        const Run* run = std::get_if<Run>(&inline_);
        // A line break's replacement looks like the text after it, or plain.
        Run look;
        if (run) {
            look = *run;
        } else {
            look.change = std::get<LineBreak>(inline_).change;
            for (std::size_t j = k + 1; j < content.size(); ++j)
                if (auto* after = std::get_if<Run>(&content[j])) {
                    look = *after;
                    break;
                }
        }
        std::size_t at = span.begin;
        while (at < span.end) {
            while (next < starts.size() && starts[next].end <= at) ++next;
            const bool inside = next < starts.size() && starts[next].begin <= at;
            if (inside) {
                if (starts[next].begin == at) add_text(out, new_words, look, k);
                at = std::min(span.end, starts[next].end);
                continue;
            }
            const std::size_t stop = next < starts.size() ? std::min(span.end, starts[next].begin) : span.end;
            if (run)
                out.push_back(
                    {Run{run->text.substr(at - span.begin, stop - at), run->marks, run->href, run->change},
                     k});
            else
                out.push_back({inline_, k});
            at = stop;
        }
    }
    return joined(std::move(out));
}

bool contains(const Block& block, std::string_view words);

/// Whether the text of `blocks` (paragraphs and lists) holds the words.
bool contains(const std::vector<Block>& blocks, std::string_view words) {
    return std::any_of(blocks.begin(), blocks.end(), [&](const Block& b) { return contains(b, words); });
}

/// Whether a paragraph's text, or the text of one of its notes, holds the words.
bool paragraph_contains(const Inlines& content, std::string_view words) {
    if (!find_all(plain_text(content), words).empty()) return true;
    for (const Inline& i : content)
        if (auto* note = std::get_if<Footnote>(&i))
            for (const Paragraph& p : note->paragraphs)
                if (paragraph_contains(p.content, words)) return true;
    return false;
}

/// The notes of `content` with the words replaced in their paragraphs: the words replaced
/// throughout an article are replaced in its notes too, or the amended text would disagree with
/// the avenant. Adds the occurrences to `count`.
void replace_in_notes(Inlines& content, std::string_view old_words, std::string_view new_words, int& count,
                      WordsProblem& problem) {
    for (Inline& i : content) {
        auto* note = std::get_if<Footnote>(&i);
        if (!note) continue;
        for (Paragraph& p : note->paragraphs) {
            if (!paragraph_contains(p.content, old_words)) continue;
            int found = 0;
            p.content = replace_in(p.content, old_words, new_words, found, problem);
            if (problem != WordsProblem::none) return;
            count += found;
        }
    }
}

bool contains(const Block& block, std::string_view words) {
    if (auto* p = std::get_if<Paragraph>(&block.value)) return paragraph_contains(p->content, words);
    if (auto* list = std::get_if<List>(&block.value))
        return std::any_of(list->items.begin(), list->items.end(),
                           [&](const ListItem& item) { return contains(item.blocks, words); });
    return false;
}

/// Whether a cell of `table` holds the words: a table changes by its rows, never by its words.
bool holds(const Table& table, std::string_view words) {
    for (const Row& row : table.rows)
        for (const Cell& cell : row.cells)
            if (contains(cell.blocks, words)) return true;
    return false;
}

/// `block` with the words replaced; true when it changed.
bool replace_in(Block& block, std::string_view old_words, std::string_view new_words, WordsProblem& problem) {
    if (auto* p = std::get_if<Paragraph>(&block.value)) {
        if (!contains(block, old_words)) return false;
        if (p->style != ParagraphStyle::body && p->style != ParagraphStyle::list) {
            const bool heading =
                p->style == ParagraphStyle::article || p->style == ParagraphStyle::sub_article ||
                p->style == ParagraphStyle::annex_heading || p->style == ParagraphStyle::title;
            problem = heading ? WordsProblem::heading : WordsProblem::not_running_text;
            return false;
        }
        int count = 0;
        p->content = replace_in(p->content, old_words, new_words, count, problem);
        if (problem == WordsProblem::none) replace_in_notes(p->content, old_words, new_words, count, problem);
        return count > 0 && problem == WordsProblem::none;
    }
    if (auto* list = std::get_if<List>(&block.value)) {
        bool changed = false;
        for (ListItem& item : list->items)
            for (Block& b : item.blocks) {
                changed = replace_in(b, old_words, new_words, problem) || changed;
                if (problem != WordsProblem::none) return false;
            }
        return changed;
    }
    if (auto* table = std::get_if<Table>(&block.value); table && holds(*table, old_words))
        problem = WordsProblem::table;  // in a list item (replace_words tells its own)
    return false;
}

}  // namespace

WordsReplaced replace_words(const std::vector<const Block*>& blocks, std::string_view words,
                            std::string_view new_words) {
    // The words as typed, once: every search below compares with them.
    const std::string typed = as_typed(words);
    const std::string_view old_words = typed;
    WordsReplaced result;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = *blocks[i];
        // Only a block holding the words is copied: the others stay the very same blocks. A table
        // holding them is refused without a copy (a table changes by its rows).
        if (const auto* table = std::get_if<Table>(&b.value)) {
            if (!holds(*table, old_words)) continue;
            result.problem = WordsProblem::table;
            result.changed.clear();
            return result;
        }
        if (!contains(b, old_words)) continue;
        Block copy = b;
        const bool changed = replace_in(copy, old_words, new_words, result.problem);
        if (result.problem != WordsProblem::none) {
            result.changed.clear();
            return result;
        }
        if (changed) result.changed.emplace_back(i, std::move(copy));
    }
    return result;
}

Table edit_row(Table table, RowEdit edit, std::size_t at, Row row) {
    at = std::min(at, table.rows.size());
    switch (edit) {
        case RowEdit::replace:
            if (at < table.rows.size()) table.rows[at] = std::move(row);
            break;
        case RowEdit::insert_after:
            table.rows.insert(
                table.rows.begin() + static_cast<std::ptrdiff_t>(std::min(at + 1, table.rows.size())),
                std::move(row));
            break;
        case RowEdit::remove:
            if (at < table.rows.size())
                table.rows.erase(table.rows.begin() + static_cast<std::ptrdiff_t>(at));
            break;
    }
    return table;
}

}  // namespace conventio::doc
