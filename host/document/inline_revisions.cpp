#include "document/inline_revisions.hpp"

#include <type_traits>
#include <variant>

namespace conventio::doc {

Change change_of(const Inline& item) {
    return std::visit(
        [](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, Field>)
                return Change::none;
            else
                return i.change;
        },
        item);
}

const std::string* link_of(const Inline& item) {
    const auto* r = std::get_if<Run>(&item);
    return r && !r->href.empty() ? &r->href : nullptr;
}

std::size_t link_stretch_end(std::span<const Inline> content, std::size_t first) {
    const std::string* link = link_of(content[first]);
    std::size_t end = first + 1;
    if (link) {
        while (end < content.size()) {
            const std::string* next = link_of(content[end]);
            if (!next || *next != *link) break;
            ++end;
        }
    } else {
        while (end < content.size() && !link_of(content[end])) ++end;
    }
    return end;
}

bool opens_revision(const Inline& item) {
    if (const auto* r = std::get_if<Run>(&item)) return r->change != Change::none && !r->text.empty();
    return change_of(item) != Change::none;
}

std::size_t revision_end(const Inlines& content, std::size_t first, std::size_t end) {
    const Change change = change_of(content[first]);
    std::size_t last = first + 1;
    while (last < end && change_of(content[last]) == change) ++last;
    return last;
}

namespace {

void live_anchors(const Inlines& content, std::unordered_set<std::string>& out) {
    for (const Inline& i : content) {
        if (const auto* a = std::get_if<Anchor>(&i); a && a->change != Change::deleted)
            out.insert(a->name);
        else if (const auto* n = std::get_if<Footnote>(&i))
            for (const Paragraph& p : n->paragraphs) live_anchors(p.content, out);
    }
}

void live_anchors(const std::vector<Block>& blocks, std::unordered_set<std::string>& out) {
    for (const Block& b : blocks) {
        if (const auto* p = std::get_if<Paragraph>(&b.value)) {
            live_anchors(p->content, out);
        } else if (const auto* l = std::get_if<List>(&b.value)) {
            for (const ListItem& item : l->items) live_anchors(item.blocks, out);
        } else if (const auto* t = std::get_if<Table>(&b.value)) {
            for (const Row& r : t->rows)
                for (const Cell& c : r.cells) live_anchors(c.blocks, out);
        } else if (const auto* s = std::get_if<Signatures>(&b.value)) {
            for (const auto& column : s->columns)
                for (const Paragraph& p : column) live_anchors(p.content, out);
        }
    }
}

}  // namespace

std::unordered_set<std::string> live_anchor_names(const std::vector<Block>& body) {
    std::unordered_set<std::string> out;
    live_anchors(body, out);
    return out;
}

}  // namespace conventio::doc
