// The DOCX writer: a checked document tree in, the parts of a WordprocessingML package out.
#pragma once

#include <vector>

#include "conventio/document.hpp"
#include "package/zip_package.hpp"

namespace conventio::docx {

/// Every part of the package, [Content_Types].xml first. `document` has passed doc::check.
/// Pure: the same tree always gives the same bytes.
std::vector<package::Entry> parts(const doc::Document& document);

}  // namespace conventio::docx
