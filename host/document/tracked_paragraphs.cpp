#include "document/tracked_paragraphs.hpp"

#include <memory>
#include <variant>

#include "document/layout.hpp"

namespace conventio::layout {
namespace {

struct Stretch {
    std::vector<const doc::Paragraph*> paragraphs;
    /// The table (Table or Signatures) the stretch follows, when the writers put their spacer
    /// paragraph between them (layout::each_block: a table that is not the last block).
    const void* after_table = nullptr;
};

// The body's paragraphs as both writers write them, cut into stretches that nothing but
// paragraphs separate: a table (and the spacer after it), signatures (with the paragraph that
// heads them, layout::signature_lead), a page break written as
// its own paragraph or an empty list item end a stretch. List items are paragraphs like any
// other (DOCX writes them as such; ODT regions may span a list's paragraphs).
void stretches(const std::vector<doc::Block>& blocks, std::vector<Stretch>& out) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const auto& value = blocks[i].value;
        if (const auto* p = std::get_if<doc::Paragraph>(&value)) {
            // The place and date heading a signature block are written in its table.
            if (signature_lead(blocks, i + 1) == p) {
                out.emplace_back();
                continue;
            }
            out.back().paragraphs.push_back(p);
        } else if (const auto* l = std::get_if<doc::List>(&value)) {
            for (const doc::ListItem& item : l->items) {
                if (item.blocks.empty()) out.emplace_back();
                stretches(item.blocks, out);
            }
        } else if (std::holds_alternative<doc::PageBreak>(value)) {
            // A break before a paragraph is that paragraph's property (layout::each_block).
            bool before_paragraph =
                i + 1 < blocks.size() && std::holds_alternative<doc::Paragraph>(blocks[i + 1].value);
            if (!before_paragraph) out.emplace_back();
        } else {
            out.emplace_back();
            const bool spacer = i + 1 < blocks.size();
            if (const auto* t = std::get_if<doc::Table>(&value); t && spacer && !t->rows.empty())
                out.back().after_table = t;
            if (const auto* s = std::get_if<doc::Signatures>(&value); s && spacer) out.back().after_table = s;
        }
    }
}

bool same_look(const doc::Paragraph& a, const doc::Paragraph& b) {
    return a.style == b.style && a.align == b.align;
}

/// A list item's look is its list's too (its marker, its level): not one to track as a change.
bool in_list(const doc::Paragraph& p) { return p.style == doc::ParagraphStyle::list; }

}  // namespace

TrackedParagraphs tracked_paragraphs(const std::vector<doc::Block>& body) {
    std::vector<Stretch> all(1);
    stretches(body, all);
    TrackedParagraphs out;
    for (const Stretch& stretch : all) {
        const auto& s = stretch.paragraphs;
        for (std::size_t i = 0; i < s.size();) {
            doc::Change change = s[i]->mark;
            std::size_t end = i + 1;
            while (end < s.size() && s[end]->mark == change) ++end;
            if (change != doc::Change::none) {
                ParagraphGroup g{change, {s.begin() + i, s.begin() + end}};
                if (end < s.size()) {
                    g.next = s[end];
                } else if (i > 0 && s[i - 1]->mark == doc::Change::none &&
                           same_look(*s[i - 1], *s[end - 1])) {
                    // The last paragraph's mark cannot change; the previous one's can, and the
                    // merged paragraph keeps the look both share.
                    g.previous = s[i - 1];
                } else if (i > 0 && s[i - 1]->mark == doc::Change::none && !in_list(*s[i - 1]) &&
                           !in_list(*s[end - 1])) {
                    // The previous paragraph has another look (a heading): the writers keep the
                    // look of the version shown (see ParagraphGroup::restyled).
                    g.previous = s[i - 1];
                    g.restyled = true;
                } else if (i == 0 && stretch.after_table) {
                    // Alone after a table: the empty spacer paragraph before it takes the mark,
                    // and what stays once merged is one empty paragraph, as the spacer was.
                    g.after_spacer_of = stretch.after_table;
                }
                if (g.next || g.previous || g.after_spacer_of) out.groups.push_back(std::move(g));
            }
            i = end;
        }
    }
    // Pointers into `groups` are taken once it no longer grows.
    for (const ParagraphGroup& g : out.groups) {
        for (const doc::Paragraph* p : g.paragraphs) out.group_of[p] = &g;
        if (g.previous) out.anchored_after[g.previous] = &g;
        if (g.after_spacer_of) out.anchored_after_spacer[g.after_spacer_of] = &g;
    }
    return out;
}

}  // namespace conventio::layout
