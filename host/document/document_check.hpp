// Structural checks on a finished tree, run before any writer sees it, so writers can rely
// on: anchors unique with valid names, cross-references resolving to an anchor with the same
// text (a reference kept or inserted to an anchor that is not deleted), tracked changes with a
// revision to attribute them to, lists at most two levels deep, table rows filling exactly the
// declared columns.
#pragma once

#include <stdexcept>
#include <string>

#include "conventio/document.hpp"

namespace conventio::doc {

struct DocumentError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Throws DocumentError describing the first problem found, with where it is
/// ("table 2, row 3: ...").
void check(const Document& document);

/// Whether `name` can be a bookmark in both formats: a letter, then letters, digits or '_',
/// 40 characters at most (Word's limit).
bool valid_anchor_name(const std::string& name);

}  // namespace conventio::doc
