// [Content_Types].xml: what each part is. Built from the list of parts the writer produced,
// so every part is covered and none is declared that is not there.
#include "docx/docx_internal.hpp"

namespace conventio::docx::detail {
namespace {

void default_type(xml::Writer& w, std::string_view extension, std::string_view type) {
    w.start("Default");
    w.attr("Extension", extension);
    w.attr("ContentType", type);
    w.end();
}

}  // namespace

std::string content_types_part(const std::vector<ContentType>& overrides) {
    xml::Writer w;
    {
        xml::Element root(w, "Types");
        w.attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
        default_type(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        default_type(w, "xml", "application/xml");
        for (const ContentType& ct : overrides) {
            w.start("Override");
            w.attr("PartName", ct.part_name);
            w.attr("ContentType", ct.content_type);
            w.end();
        }
    }
    return w.finish();
}

}  // namespace conventio::docx::detail
