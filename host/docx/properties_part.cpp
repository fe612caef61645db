// docProps/core.xml and docProps/app.xml: the document's metadata. Dates come from the tree
// only, never from the clock, so the same tree gives the same bytes.
#include "document/layout.hpp"
#include "docx/docx_internal.hpp"

namespace conventio::docx::detail {
namespace {

// An empty value is left out rather than written as an empty element.
void optional_text(xml::Writer& w, std::string_view name, std::string_view text) {
    if (text.empty()) return;
    xml::Element e(w, name);
    w.text(text);
}

void keywords(xml::Writer& w, const std::vector<std::string>& words) {
    if (words.empty()) return;
    std::string joined;
    for (const std::string& word : words) {
        if (!joined.empty()) joined += "; ";
        joined += word;
    }
    optional_text(w, "cp:keywords", joined);
}

void w3cdtf_element(xml::Writer& w, std::string_view name, std::string_view value) {
    xml::Element e(w, name);
    w.attr("xsi:type", "dcterms:W3CDTF");
    w.text(value);
}

}  // namespace

std::string w3cdtf(const doc::Metadata& meta) {
    std::string out = layout::date_time(meta);
    if (out.back() != 'Z') out += 'Z';
    return out;
}

std::string core_properties_part(const doc::Metadata& meta) {
    xml::Writer w;
    {
        xml::Element root(w, "cp:coreProperties");
        w.attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
        w.attr("xmlns:dc", "http://purl.org/dc/elements/1.1/");
        w.attr("xmlns:dcterms", "http://purl.org/dc/terms/");
        w.attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
        optional_text(w, "dc:title", meta.title);
        optional_text(w, "dc:subject", meta.subject);
        optional_text(w, "dc:creator", meta.creator);
        keywords(w, meta.keywords);
        optional_text(w, "dc:language", layout::language(meta).tag);
        std::string date = w3cdtf(meta);
        w3cdtf_element(w, "dcterms:created", date);
        w3cdtf_element(w, "dcterms:modified", date);
    }
    return w.finish();
}

// The same bytes for every document: built once per process.
const package::SharedPart& app_properties_part() {
    static package::SharedParts made("docx docProps/app.xml", [](std::string_view) {
        xml::Writer w;
        {
            xml::Element root(w, "Properties");
            w.attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
            optional_text(w, "Application", "conventio");
        }
        return w.finish();
    });
    return made();
}

}  // namespace conventio::docx::detail
