#include "document/anchor_bookmarks.hpp"

#include <unordered_set>
#include <variant>

namespace conventio::doc {

namespace {

/// Calls `f` with each anchor of `content` and of its notes, in reading order.
template <class F>
void each_anchor(const Inlines& content, F& f) {
    for (const Inline& i : content) {
        if (const auto* a = std::get_if<Anchor>(&i))
            f(*a);
        else if (const auto* n = std::get_if<Footnote>(&i))
            for (const Paragraph& p : n->paragraphs) each_anchor(p.content, f);
    }
}

template <class F>
void each_anchor(const std::vector<Block>& blocks, F& f) {
    for (const Block& b : blocks) {
        if (const auto* p = std::get_if<Paragraph>(&b.value)) {
            each_anchor(p->content, f);
        } else if (const auto* l = std::get_if<List>(&b.value)) {
            for (const ListItem& item : l->items) each_anchor(item.blocks, f);
        } else if (const auto* t = std::get_if<Table>(&b.value)) {
            for (const Row& r : t->rows)
                for (const Cell& c : r.cells) each_anchor(c.blocks, f);
        } else if (const auto* s = std::get_if<Signatures>(&b.value)) {
            for (const auto& column : s->columns)
                for (const Paragraph& p : column) each_anchor(p.content, f);
        }
    }
}

}  // namespace

AnchorBookmarks::AnchorBookmarks(const std::vector<Block>& body) {
    std::unordered_set<std::string> live;
    std::vector<const std::string*> deleted;  // in reading order
    auto note = [&](const Anchor& a) {
        if (a.change == Change::deleted)
            deleted.push_back(&a.name);
        else
            live.insert(a.name);
    };
    each_anchor(body, note);
    for (const std::string* name : deleted)
        if (live.contains(*name)) former_.emplace(*name, "_Former" + std::to_string(former_.size() + 1));
}

const std::string& AnchorBookmarks::named(const std::string& name, Change change) const {
    if (change != Change::deleted || former_.empty()) return name;
    auto found = former_.find(name);
    return found == former_.end() ? name : found->second;
}

}  // namespace conventio::doc
