// META-INF/manifest.xml: the package's table of contents.
#include "odt/odt_internal.hpp"

namespace conventio::odt::detail {
namespace {

void file_entry(xml::Writer& w, std::string_view path, std::string_view media_type) {
    w.start("manifest:file-entry");
    w.attr("manifest:full-path", path);
    if (path == "/") w.attr("manifest:version", "1.3");
    w.attr("manifest:media-type", media_type);
    w.end();
}

std::string build_manifest_part() {
    xml::Writer w;
    {
        xml::Element root(w, "manifest:manifest");
        w.attr("xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
        w.attr("manifest:version", "1.3");
        file_entry(w, "/", mimetype);
        file_entry(w, "content.xml", "text/xml");
        file_entry(w, "styles.xml", "text/xml");
        file_entry(w, "meta.xml", "text/xml");
        file_entry(w, "settings.xml", "text/xml");
    }
    return w.finish();
}

}  // namespace

// The same bytes for every document (the package always has these parts): built once.
const package::SharedPart& manifest_part() {
    static package::SharedParts made("odt META-INF/manifest.xml",
                                     [](std::string_view) { return build_manifest_part(); });
    return made();
}

}  // namespace conventio::odt::detail
