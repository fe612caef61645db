// meta.xml: the document's metadata, with a fixed date when none is given so that the
// same tree always gives the same bytes.
#include "config/build_config.hpp"
#include "document/layout.hpp"
#include "odt/odt_internal.hpp"

namespace conventio::odt::detail {
namespace {

void element(xml::Writer& w, std::string_view name, std::string_view value) {
    xml::Element e(w, name);
    w.text(value);
}

}  // namespace

std::string meta_part(const doc::Metadata& meta) {
    std::string when = layout::date_time(meta);
    xml::Writer w;
    {
        xml::Element root(w, "office:document-meta");
        declare_namespaces(w, {Namespace::office, Namespace::meta, Namespace::dc, Namespace::xlink});
        w.attr("office:version", "1.3");
        xml::Element m(w, "office:meta");
        element(w, "meta:generator", "conventio/" + std::string(config::version));
        if (!meta.title.empty()) element(w, "dc:title", meta.title);
        if (!meta.subject.empty()) element(w, "dc:subject", meta.subject);
        for (const std::string& keyword : meta.keywords) element(w, "meta:keyword", keyword);
        if (!meta.creator.empty()) {
            element(w, "meta:initial-creator", meta.creator);
            element(w, "dc:creator", meta.creator);
        }
        element(w, "meta:creation-date", when);
        element(w, "dc:date", when);
        element(w, "dc:language", layout::language(meta).tag);
    }
    return w.finish();
}

}  // namespace conventio::odt::detail
