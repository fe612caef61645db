// word/header1.xml and word/footer1.xml: the page header and footer, one paragraph each.
#include "docx/docx_internal.hpp"

namespace conventio::docx::detail {

// No FootnotesPart: Word cannot show a note referenced from a header or footer.
std::string header_footer_part(std::string_view root, const doc::Inlines& content, DocumentState& state,
                               Links& links) {
    xml::Writer w;
    {
        xml::Element element(w, root);
        w.attr("xmlns:w", ns_w);
        w.attr("xmlns:r", ns_r);
        Story story(w, links, state, nullptr);
        story.paragraph(doc::ParagraphStyle::header_footer, content);
    }
    return w.finish();
}

}  // namespace conventio::docx::detail
