// word/settings.xml: document-wide settings. Deliberately no w:updateFields: every field
// carries a correct cached result, and updateFields makes Word prompt on opening.
#include "document/style_sheet.hpp"
#include "docx/docx_internal.hpp"

namespace conventio::docx::detail {
namespace {

// Names the separator notes of footnotes.xml (ids -1 and 0), as Word requires when the
// package has footnotes.
void footnote_properties(xml::Writer& w) {
    xml::Element pr(w, "w:footnotePr");
    for (int id : {-1, 0}) {
        w.start("w:footnote");
        w.attr("w:id", id);
        w.end();
    }
}

// Word 2013+ layout rules, under which a table's edge sits on the margin rather than being
// pulled out by its cell padding; LibreOffice reads the setting the same way. Lines ending
// in a manual line break are not stretched in justified paragraphs (an address or a bank
// details block written line by line would otherwise spread across the page).
void compatibility(xml::Writer& w) {
    xml::Element compat(w, "w:compat");
    w.empty("w:doNotExpandShiftReturn");
    w.start("w:compatSetting");
    w.attr("w:name", "compatibilityMode");
    w.attr("w:uri", "http://schemas.microsoft.com/office/word");
    w.attr("w:val", "15");
    w.end();
}

// Children in schema order (CT_Settings).
std::string build_settings_part(std::string_view language) {
    xml::Writer w;
    {
        xml::Element root(w, "w:settings");
        w.attr("xmlns:w", ns_w);
        val(w, "w:defaultTabStop", style::default_tab_stop);
        val(w, "w:characterSpacingControl", "doNotCompress");
        footnote_properties(w);
        compatibility(w);
        val(w, "w:themeFontLang", language);
        val(w, "w:decimalSymbol", ",");
        val(w, "w:listSeparator", ";");
    }
    return w.finish();
}

}  // namespace

// The same bytes for every document in one language: built once per language.
const package::SharedPart& settings_part(std::string_view language) {
    static package::SharedParts made("docx word/settings.xml", build_settings_part);
    return made(language);
}

}  // namespace conventio::docx::detail
