#include "document/tracked_paragraphs.hpp"

#include <memory>
#include <variant>

namespace conventio::layout {
namespace {

using Stretch = std::vector<const doc::Paragraph*>;

// The body's paragraphs as both writers write them, cut into stretches that nothing but
// paragraphs separate: a table (and the spacer after it), signatures, a page break written as
// its own paragraph or an empty list item end a stretch. List items are paragraphs like any
// other (DOCX writes them as such; ODT regions may span a list's paragraphs).
void stretches(const std::vector<doc::Block>& blocks, std::vector<Stretch>& out) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const auto& value = blocks[i].value;
        if (const auto* p = std::get_if<doc::Paragraph>(&value)) {
            out.back().push_back(p);
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
        }
    }
}

bool same_look(const doc::Paragraph& a, const doc::Paragraph& b) {
    return a.style == b.style && a.align == b.align;
}

}  // namespace

TrackedParagraphs tracked_paragraphs(const std::vector<doc::Block>& body) {
    std::vector<Stretch> all(1);
    stretches(body, all);
    TrackedParagraphs out;
    for (const Stretch& s : all) {
        for (std::size_t i = 0; i < s.size();) {
            doc::Change change = s[i]->mark;
            std::size_t end = i + 1;
            while (end < s.size() && s[end]->mark == change) ++end;
            if (change != doc::Change::none) {
                ParagraphGroup g{change, Stretch(s.begin() + i, s.begin() + end)};
                if (end < s.size())
                    g.next = s[end];
                else if (i > 0 && s[i - 1]->mark == doc::Change::none && same_look(*s[i - 1], *s[end - 1]))
                    // The last paragraph's mark cannot change; the previous one's can, and the
                    // merged paragraph keeps the look both share.
                    g.previous = s[i - 1];
                if (g.next || g.previous) out.groups.push_back(std::move(g));
            }
            i = end;
        }
    }
    // Pointers into `groups` are taken once it no longer grows.
    for (const ParagraphGroup& g : out.groups) {
        for (const doc::Paragraph* p : g.paragraphs) out.group_of[p] = &g;
        if (g.previous) out.anchored_after[g.previous] = &g;
    }
    return out;
}

}  // namespace conventio::layout
