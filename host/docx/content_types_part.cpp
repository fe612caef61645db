// [Content_Types].xml: what each part is. Built from the list of parts the writer produced,
// so every part is covered and none is declared that is not there. That list differs between
// documents only by the header and footer parts, so each list's part is made (and deflated)
// once per process, most from the build's table: it was a small part deflated at every
// package, and a small part costs libdeflate about 70 000 instructions however few its bytes
// (the Huffman codes of its block and the match finder's table dominate).
#include "docx/docx_internal.hpp"

namespace conventio::docx::detail {
namespace {

// The cache's key is the list itself, one "part_name content_type" per line: the part is
// made from the key alone, and two lists share a part only when they are the same list.
constexpr char name_separator = ' ';
constexpr char entry_separator = '\n';

void default_type(xml::Writer& w, std::string_view extension, std::string_view type) {
    w.start("Default");
    w.attr("Extension", extension);
    w.attr("ContentType", type);
    w.end();
}

std::string build_content_types_part(std::string_view key) {
    xml::Writer w;
    {
        xml::Element root(w, "Types");
        w.attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
        default_type(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        default_type(w, "xml", "application/xml");
        while (!key.empty()) {
            const std::size_t end = key.find(entry_separator);
            const std::string_view entry = key.substr(0, end);
            const std::size_t space = entry.find(name_separator);
            w.start("Override");
            w.attr("PartName", entry.substr(0, space));
            w.attr("ContentType", entry.substr(space + 1));
            w.end();
            key.remove_prefix(end == std::string_view::npos ? key.size() : end + 1);
        }
    }
    return w.finish();
}

}  // namespace

const package::SharedPart& content_types_part(const std::vector<ContentType>& overrides) {
    static package::SharedParts made("docx [Content_Types].xml", build_content_types_part);
    std::string key;
    for (const ContentType& ct : overrides) {
        // Ours are fixed names and IANA media types: neither holds a separator.
        key.append(ct.part_name).push_back(name_separator);
        key.append(ct.content_type).push_back(entry_separator);
    }
    return made(key);
}

}  // namespace conventio::docx::detail
