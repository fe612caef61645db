// Letters French typography sets in superscript (the « er » of « le 1er janvier », of
// « Article 1er ») raised in a document's runs and headings' numbers, wherever their text came from: a template, the script's own strings, an
// avenant's new words. Done once on the whole tree, so that every text is treated alike and
// both writers show the same runs. Which letters is French's to say (ordinal_suffixes); this
// only splits the runs around them.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
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

}  // namespace conventio::doc
