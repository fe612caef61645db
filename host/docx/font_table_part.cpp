// word/fontTable.xml: the one font the document uses, with its family, so a reader without
// it substitutes a sans-serif font.
#include "document/style_sheet.hpp"
#include "docx/docx_internal.hpp"

namespace conventio::docx::detail {
namespace {

std::string build_font_table_part() {
    xml::Writer w;
    {
        xml::Element root(w, "w:fonts");
        w.attr("xmlns:w", ns_w);
        xml::Element font(w, "w:font");
        w.attr("w:name", style::font_family);
        val(w, "w:family", "swiss");
        val(w, "w:pitch", "variable");
    }
    return w.finish();
}

}  // namespace

// The same bytes for every document: built once per process.
const package::SharedPart& font_table_part() {
    static package::SharedParts made("docx word/fontTable.xml",
                                     [](std::string_view) { return build_font_table_part(); });
    return made();
}

}  // namespace conventio::docx::detail
