// Turns the Markdown a clause template produced into document-tree blocks.
//
// The dialect is CommonMark with GFM tables and footnotes, narrowed to what an agreement's
// clause holds: paragraphs, *italic*, **bold**, links, lists two levels deep, tables,
// footnotes, <sup>, <u> and <br>. Links to "#ref:name" (written by the runtime for
// references to articles) become cross-references. Everything else (headings, quotes, code,
// other HTML, images, rules) is an error that names the place: headings come from the
// agreement's structure, and the rest has no place in a clause.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "conventio/document.hpp"

namespace conventio::tmpl {

struct MarkdownOptions {
    /// Names the Markdown in messages ("templates/montant.md (payeur: Cerema)").
    std::string source_name;
    /// Applied to the text of every run (French typography spacing); none when empty. Not to
    /// a cross-reference's text, which must stay equal to its anchor's.
    std::function<std::string(std::string_view)> text_filter;
    /// Structured templates (the GDPR matrix: one `#` per row, one `##` per column) may use
    /// headings: `#` becomes an Article-styled paragraph and `##` a Sub-article one, for the
    /// script to regroup. Clause text may not (headings come from the agreement's structure).
    bool allow_headings = false;
    /// The template file the Markdown was rendered from, when it was: each paragraph records it
    /// (doc::Paragraph::origin).
    std::string origin = {};
};

/// Formatting (emphasis, strong, links) nests at most this deep: the reader walks the tree
/// recursively, and no clause needs more than a few levels.
inline constexpr int max_inline_nesting = 32;

/// Blocks for `markdown`: paragraphs in style body, list items in style list, table cells in
/// style table (table_header in the header row), footnotes in style footnote. Throws
/// TemplateError "source_name:line:col: message", the position being in `markdown`.
std::vector<doc::Block> markdown_to_blocks(std::string_view markdown, const MarkdownOptions& options);

}  // namespace conventio::tmpl
