// The ODT writer: a checked document tree in, the parts of an OpenDocument text package out.
#pragma once

#include <vector>

#include "conventio/document.hpp"
#include "package/zip_package.hpp"

namespace conventio::odt {

/// Every part of the package, in package order: `mimetype` first and stored, then
/// content.xml, styles.xml, meta.xml and META-INF/manifest.xml. `document` has passed
/// doc::check. Pure: the same tree always gives the same bytes.
std::vector<package::Entry> parts(const doc::Document& document);

}  // namespace conventio::odt
