// Text an avenant inserts or deletes, as one revision however its formatting cuts it into
// runs. A raised ordinal (« 1er »: text, superscript, text), a bold word or a line break splits
// one inserted stretch into several inlines that each carry the change; a revision per inline
// would make one insertion three for a reader listing the changes (LibreOffice joins them on
// load, Word shows them together, but the file said three). Both writers cut their revisions
// (an ODT text:changed-region, a DOCX w:ins or w:del) at the same places with these: where the
// change does, and at a link's edges (one text:a or w:hyperlink per link, as a w:ins cannot
// hold a w:hyperlink; the ODT follows the same rule so that both list the same changes).
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include "conventio/document.hpp"

namespace conventio::doc {

/// The change `item` carries: a run's, a line break's, a note's, an anchor's or a reference's;
/// none for a page field.
[[nodiscard]] Change change_of(const Inline& item);

/// The address `item` links to: a run's href; null for anything else or a run that is no link.
[[nodiscard]] const std::string* link_of(const Inline& item);

/// One past the last inline of the stretch that starts at `content[first]`: the runs after it
/// linking to the same address when it is a link's, else the inlines up to the next link's
/// run. A writer writes a link's stretch as one link, and a revision never crosses its edges.
[[nodiscard]] std::size_t link_stretch_end(std::span<const Inline> content, std::size_t first);

/// Whether a revision starts at `item`: it carries a change and is not an empty run (no
/// revision for nothing).
[[nodiscard]] bool opens_revision(const Inline& item);

/// One past the last inline of the revision that starts at `content[first]` (opens_revision):
/// the inlines after it that carry the same change, up to `end` (the end of its link stretch,
/// link_stretch_end). An inline unchanged ends it.
[[nodiscard]] std::size_t revision_end(const Inlines& content, std::size_t first, std::size_t end);

}  // namespace conventio::doc
