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

}  // namespace conventio::doc
