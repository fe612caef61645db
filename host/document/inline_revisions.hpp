// Text an avenant inserts or deletes, as one revision however its formatting cuts it into
// runs. A raised ordinal (« 1er »: text, superscript, text), a bold word or a line break splits
// one inserted stretch into several inlines that each carry the change; a revision per inline
// would make one insertion three for a reader listing the changes (LibreOffice joins them on
// load, Word shows them together, but the file said three). Both writers cut their revisions
// (an ODT text:changed-region, a DOCX w:ins or w:del) at the same places with these.
#pragma once

#include <cstddef>

#include "conventio/document.hpp"

namespace conventio::doc {

/// The change `item` carries: a run's, a line break's, an anchor's or a reference's; none for
/// a note (its own paragraphs carry theirs) and a page field.
[[nodiscard]] Change change_of(const Inline& item);

/// Whether a revision starts at `item`: it carries a change and is not an empty run (no
/// revision for nothing).
[[nodiscard]] bool opens_revision(const Inline& item);

/// One past the last inline of the revision that starts at `content[first]` (opens_revision):
/// the inlines after it that carry the same change, up to `end` (a writer's bound: a DOCX
/// hyperlink's edge, which a w:ins cannot span). A note or an inline unchanged ends it.
[[nodiscard]] std::size_t revision_end(const Inlines& content, std::size_t first, std::size_t end);

}  // namespace conventio::doc
