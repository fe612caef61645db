// Markdown already turned into blocks, kept per thread: a batch worker renders the same clauses
// for row after row (and an avenant builds the agreement twice, before and after the change),
// so most of a row's Markdown is text this thread has parsed before. The Lua state is restored
// after each row, so the cache lives on the C++ side, keyed on the exact Markdown text.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "conventio/document.hpp"
#include "template/markdown_to_tree.hpp"

namespace conventio::tmpl {

/// Blocks shared, never changed: the cache and every Lua value made from them hold the same
/// ones, and whoever needs a block of its own (a document it is added to) copies it.
using SharedBlocks = std::vector<std::shared_ptr<const doc::Block>>;

class MarkdownCache {
public:
    /// Keys and blocks of all entries together stay under about this many bytes of text: when
    /// the next entry would pass it, the cache starts again empty (a batch's clauses are few).
    static constexpr std::size_t max_text_bytes = 1 << 20;

    /// markdown_to_blocks(markdown, options), from the cache when this thread converted the
    /// same text with the same `allow_headings` and `origin` (each paragraph records it) before.
    /// The blocks do not depend on `options.source_name` (it only names the Markdown in errors,
    /// which are not cached); `options.text_filter` must be the same pure function for every
    /// call on this cache.
    SharedBlocks blocks(std::string_view markdown, const MarkdownOptions& options);

    /// This thread's cache.
    static MarkdownCache& for_this_thread();

private:
    struct Converted {
        bool allow_headings;
        std::string origin;
        SharedBlocks blocks;
    };
    // Looked up by the text itself (no key built for a lookup): the text's conversions, one per
    // (allow_headings, origin) it was converted with.
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::vector<Converted>, TextHash, std::equal_to<>> entries_;
    std::size_t text_bytes_ = 0;
};

}  // namespace conventio::tmpl
