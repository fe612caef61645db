#include "template/markdown_cache.hpp"

namespace conventio::tmpl {

std::vector<doc::Block> MarkdownCache::blocks(std::string_view markdown, const MarkdownOptions& options) {
    std::string key;
    key.reserve(markdown.size() + 1);
    key += options.allow_headings ? 'h' : '-';
    key += markdown;
    if (auto it = entries_.find(key); it != entries_.end()) return it->second;
    std::vector<doc::Block> result = markdown_to_blocks(markdown, options);
    // The text is what the blocks mostly hold: counting it twice bounds both.
    if (text_bytes_ + 2 * key.size() > max_text_bytes) {
        entries_.clear();
        text_bytes_ = 0;
    }
    text_bytes_ += 2 * key.size();
    entries_.emplace(std::move(key), result);
    return result;
}

MarkdownCache& MarkdownCache::for_this_thread() {
    thread_local MarkdownCache cache;
    return cache;
}

}  // namespace conventio::tmpl
