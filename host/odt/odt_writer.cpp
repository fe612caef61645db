// Assembles the ODT package from its parts, in the order ODF requires.
#include "odt/odt_writer.hpp"

#include "odt/odt_internal.hpp"

namespace conventio::odt {

std::vector<package::Entry> parts(const doc::Document& document) {
    std::vector<package::Entry> entries;
    entries.reserve(6);
    // The mimetype comes first and uncompressed so that a reader can recognise the
    // package from its first bytes.
    entries.push_back({"mimetype", std::string(detail::mimetype), false});
    entries.push_back({"content.xml", detail::content_part(document)});
    entries.push_back({"styles.xml", detail::styles_part(document)});
    entries.push_back({"meta.xml", detail::meta_part(document.meta)});
    // The same bytes in every package: made and deflated once (package/shared_part.hpp).
    entries.push_back({"settings.xml", {}, true, &detail::settings_part()});
    entries.push_back({"META-INF/manifest.xml", {}, true, &detail::manifest_part()});
    return entries;
}

}  // namespace conventio::odt
