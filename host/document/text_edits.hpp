// An avenant's edits of an agreement's rendered text (conventio.avenant's `words`, `throughout`
// and `row`), made on the tree itself: only the words or the row edited change, so every live
// reference, anchor, footnote, field and formatting around them is kept as it was. The
// consolidated version then marks nothing where nothing changed (rebuilding a paragraph from
// its text turned "l'article 5" into plain text, which it then showed deleted and typed again).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "conventio/document.hpp"

namespace conventio::doc {

/// The text a reader sees in `inlines`: runs, anchors and references as shown, a line break as
/// "\n". Notes and page fields are not part of the sentence they sit in.
std::string plain_text(const Inlines& inlines);

/// `text` as the user types it: a no-break or narrow no-break space as a space, a typographic
/// apostrophe as a straight one (the rendering puts those where templates and data have the
/// others). Each stays one character, so characters count alike before and after.
std::string as_typed(std::string_view text);

/// Why words could not be replaced where they were found.
enum class WordsProblem {
    none,
    heading,           // the words are in a heading (an article's title is changed by `replace`)
    table,             // the words are in a table cell (a table changes by its rows)
    live_text,         // the words take in part of a live reference or an anchor's text
    across_inline,     // the words run across a footnote or a field
    not_running_text,  // the words are in a paragraph neither heading nor running text (a signature)
};

struct WordsReplaced {
    /// The blocks that changed (a paragraph, a whole list), each with its index in the blocks
    /// given; every other block is left as it was, not copied.
    std::vector<std::pair<std::size_t, Block>> changed;
    WordsProblem problem = WordsProblem::none;
};

/// `blocks` with every occurrence of `old_words` in their body paragraphs and list items
/// (nested lists included), and in those paragraphs' notes, replaced by `new_words`, a "\n" of
/// which is a line break. A space of `old_words` finds a no-break or narrow no-break one, a
/// straight apostrophe a typographic one, as the rendered text has them. The new
/// words take the formatting of the run the old ones start in; the runs around them keep
/// theirs, and every other inline (reference, anchor, note, field) stays where it was. The
/// first problem met stops the replacement (`changed` is then empty). `old_words` is not empty.
WordsReplaced replace_words(const std::vector<const Block*>& blocks, std::string_view old_words,
                            std::string_view new_words);

/// How a table's row changes.
enum class RowEdit { replace, insert_after, remove };

/// `table` with its row `at` (counted from 0, the header row included) replaced by `row`, `row`
/// inserted after it, or the row removed (`row` unused). Every other row stays as it was.
Table edit_row(Table table, RowEdit edit, std::size_t at, Row row);

}  // namespace conventio::doc
