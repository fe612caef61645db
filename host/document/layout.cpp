// The shared layout decisions that need code (see layout.hpp).
#include "document/layout.hpp"

#include <cmath>
#include <numeric>
#include <optional>

namespace conventio::layout {

std::vector<int> column_widths(const std::vector<double>& weights, int total) {
    std::vector<int> widths;
    if (weights.empty()) return widths;
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    widths.reserve(weights.size());
    int used = 0;
    for (std::size_t i = 0; i + 1 < weights.size(); ++i) {
        widths.push_back(static_cast<int>(std::lround(total * weights[i] / sum)));
        used += widths.back();
    }
    widths.push_back(total - used);
    return widths;
}

std::vector<int> signature_widths(std::size_t columns) {
    return column_widths(std::vector<double>(columns, 1.0));
}

namespace {

/// The change of a signatory's whole text: inserted or deleted when all of it is, else none.
doc::Change column_change(const std::vector<doc::Paragraph>& column) {
    std::optional<doc::Change> found;
    for (const doc::Paragraph& p : column)
        for (const doc::Inline& i : p.content) {
            const auto* r = std::get_if<doc::Run>(&i);
            if (!r || r->text.empty()) continue;
            if (found && *found != r->change) return doc::Change::none;
            found = r->change;
        }
    return found.value_or(doc::Change::none);
}

}  // namespace

std::vector<SignatureRow> signature_rows(const doc::Signatures& s) {
    std::vector<SignatureRow> rows;
    const std::size_t per_row = std::min(s.columns.size(), signatures_per_row);
    for (std::size_t first = 0; first < s.columns.size(); first += per_row) {
        SignatureRow row;
        std::optional<doc::Change> change;
        for (std::size_t k = first; k < first + per_row; ++k) {
            if (k >= s.columns.size()) {
                row.columns.push_back(nullptr);
                continue;
            }
            row.columns.push_back(&s.columns[k]);
            doc::Change c = column_change(s.columns[k]);
            change = !change || *change == c ? c : doc::Change::none;
        }
        row.change = change.value_or(doc::Change::none);
        rows.push_back(std::move(row));
    }
    return rows;
}

bool ends_with_table(const std::vector<doc::Block>& body) {
    if (body.empty()) return false;
    const auto& last = body.back().value;
    if (const auto* t = std::get_if<doc::Table>(&last)) return !t->rows.empty();
    return std::holds_alternative<doc::Signatures>(last);
}

std::size_t signature_rows_kept_together(const doc::Signatures& s) {
    const std::size_t rows = (s.columns.size() + signatures_per_row - 1) / signatures_per_row;
    return rows <= most_signature_rows_kept_together ? rows : 1;
}

namespace {

/// `text` without the white space that may end it: spaces, tabs and the no-break spaces French
/// puts before a colon (U+00A0, U+202F).
std::string_view trim_end(std::string_view text) {
    while (!text.empty()) {
        if (text.back() == ' ' || text.back() == '\t' || text.back() == '\n')
            text.remove_suffix(1);
        else if (text.ends_with("\u00a0"))
            text.remove_suffix(2);
        else if (text.ends_with("\u202f"))
            text.remove_suffix(3);
        else
            break;
    }
    return text;
}

/// The block a page cannot leave without breaking the flow: a paragraph that starts a new
/// page (an annex heading) or any heading, which the styles already keep with what follows.
bool heading_or_new_page(const doc::Paragraph& p) {
    const style::ParagraphLook& look = style::look(p.style);
    return look.outline_level > 0 || look.page_break_before;
}

template <class T>
bool is(const std::vector<doc::Block>& blocks, std::size_t i) {
    return i < blocks.size() && std::holds_alternative<T>(blocks[i].value);
}

}  // namespace

bool introduces(const doc::Paragraph& p) {
    for (auto it = p.content.rbegin(); it != p.content.rend(); ++it) {
        std::string_view text;
        if (const auto* r = std::get_if<doc::Run>(&*it)) {
            if (r->change == doc::Change::deleted) continue;
            text = r->text;
        } else if (const auto* a = std::get_if<doc::Anchor>(&*it)) {
            if (a->change == doc::Change::deleted) continue;
            text = a->text;
        } else if (const auto* c = std::get_if<doc::CrossRef>(&*it)) {
            if (c->change == doc::Change::deleted) continue;
            text = c->text;
        } else if (std::holds_alternative<doc::Field>(*it)) {
            return false;
        } else {
            continue;  // a note's call or a line break ends nothing
        }
        text = trim_end(text);
        if (!text.empty()) return text.back() == ':';
    }
    return false;
}

const doc::Paragraph* signature_lead(const std::vector<doc::Block>& blocks, std::size_t i) {
    if (i == 0 || !is<doc::Signatures>(blocks, i)) return nullptr;
    const auto* p = std::get_if<doc::Paragraph>(&blocks[i - 1].value);
    // A page break before it would have to ride on the table's first row: left as it is.
    if (!p || heading_or_new_page(*p) || (i >= 2 && is<doc::PageBreak>(blocks, i - 2))) return nullptr;
    return p;
}

bool keeps_with_next(const std::vector<doc::Block>& blocks, std::size_t i) {
    if (i + 1 >= blocks.size() || is<doc::PageBreak>(blocks, i + 1)) return false;
    const auto* p = std::get_if<doc::Paragraph>(&blocks[i].value);
    if (p && introduces(*p)) return true;
    // The place and date, and the end of the text before them, go with the signatures (of a
    // list, its last item: the writers pass keep_last). A table there is kept whole by the
    // writers: a short one only, since a long one moved with them left half a page blank and
    // still put the signatures alone on a page.
    const auto* table = std::get_if<doc::Table>(&blocks[i].value);
    const bool kept_whole = !table || table->rows.size() <= longest_table_kept_with_signatures;
    if (kept_whole && is<doc::Signatures>(blocks, i + 1)) return true;
    if (kept_whole && is<doc::Paragraph>(blocks, i + 1) && is<doc::Signatures>(blocks, i + 2)) return true;
    // What follows the signatures directly belongs to their page.
    if (is<doc::Signatures>(blocks, i)) {
        const auto* next = std::get_if<doc::Paragraph>(&blocks[i + 1].value);
        return next && !heading_or_new_page(*next);
    }
    return false;
}

// document_check has made sure the tag is "ll-CC"; an unchecked tree still gets its halves.
Language language(const doc::Metadata& meta) {
    Language l;
    l.tag = meta.language.empty() ? "fr-FR" : meta.language;
    const std::size_t dash = l.tag.find('-');
    l.code = l.tag.substr(0, dash);
    if (dash != std::string::npos) l.country = l.tag.substr(dash + 1);
    return l;
}

std::string date_time(const doc::Metadata& meta) {
    std::string date = meta.date.empty() ? std::string(fixed_date) : meta.date;
    if (date.size() == 10) date += "T00:00:00";
    return date;
}

}  // namespace conventio::layout
