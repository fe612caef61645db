// The checks of an agreement's text that the tree's own validation cannot make, because the
// text is well formed: the mistakes found in the agreements drafted by hand (docs/seeds in
// tests/fixtures) — an article number typed where a live reference belongs, a placeholder
// left unfilled, a body named that is not a party, an amount that is not the model's.
#pragma once

#include <string>
#include <vector>

#include "check/diagnostic.hpp"
#include "conventio/document.hpp"

namespace conventio::check {

/// Every finding in `document`'s text, in reading order. `file` (the script) is the place
/// reported; each finding names the article it is in. The checks needing the model's facts
/// (parties, amounts) run only when the document states them (doc::StatedFacts).
std::vector<Diagnostic> review_text(const doc::Document& document, const std::string& file);

}  // namespace conventio::check
