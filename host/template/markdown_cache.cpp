#include "template/markdown_cache.hpp"

namespace conventio::tmpl {

SharedBlocks MarkdownCache::blocks(std::string_view markdown, const MarkdownOptions& options) {
    auto it = entries_.find(markdown);
    if (it != entries_.end())
        for (const Converted& c : it->second)
            if (c.allow_headings == options.allow_headings && c.origin == options.origin) return c.blocks;
    SharedBlocks result;
    for (doc::Block& b : markdown_to_blocks(markdown, options))
        result.push_back(std::make_shared<const doc::Block>(std::move(b)));
    // The text is what the blocks mostly hold: counting it twice bounds both.
    std::size_t bytes = 2 * (markdown.size() + options.origin.size());
    if (text_bytes_ + bytes > max_text_bytes) {
        entries_.clear();
        text_bytes_ = 0;
        it = entries_.end();
    }
    text_bytes_ += bytes;
    if (it == entries_.end()) it = entries_.emplace(std::string(markdown), std::vector<Converted>{}).first;
    it->second.push_back(Converted{options.allow_headings, options.origin, result});
    return result;
}

MarkdownCache& MarkdownCache::for_this_thread() {
    thread_local MarkdownCache cache;
    return cache;
}

}  // namespace conventio::tmpl
