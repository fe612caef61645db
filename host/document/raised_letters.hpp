// Letters French typography sets in superscript (the « er » of « le 1er janvier », of
// « Article 1er ») raised in a document's runs and headings' numbers, wherever their text came from: a
// template, the script's own strings, an avenant's new words. Done once on the whole tree, so that every text
// is treated alike and both writers show the same runs. Which letters is French's to say (ordinal_suffixes);
// this only splits the runs around them.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include "conventio/document.hpp"

namespace conventio::doc {

/// The byte ranges [first, second) of a run's text to set in superscript, in order.
using RaisedRanges = std::function<std::vector<std::pair<std::size_t, std::size_t>>(std::string_view)>;

/// `content` with the ranges `raised_in` finds in each run set in superscript: the run split
/// into runs of the same formatting, link and change, the found ones superscript; the notes'
/// paragraphs likewise; an anchor's ranges are noted (Anchor::raised: its text stays whole, the
/// one references repeat). Runs already in superscript are left as they are, and references
/// too: an ODF reference's shown text cannot hold formatting.
void raise_letters(Inlines& content, const RaisedRanges& raised_in);

/// raise_letters on every text of `block`: a paragraph, a list's items, a table's cells, the
/// signatories' lines.
void raise_letters(Block& block, const RaisedRanges& raised_in);

/// Calls `piece(from, to, raised)` for each stretch of a text of `size` bytes cut at `ranges`
/// (in order, inside it), in order: the ranges raised, the text around them not; empty
/// stretches are left out. How a run is split, and how the writers write an anchor's text.
template <class Piece>
void each_piece(std::size_t size, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                Piece&& piece) {
    std::size_t at = 0;
    for (const auto& [begin, end] : ranges) {
        if (at < begin) piece(at, begin, false);
        if (begin < end) piece(begin, end, true);
        at = end;
    }
    if (at < size) piece(at, size, false);
}

}  // namespace conventio::doc
