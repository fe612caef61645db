// word/footnotes.xml: the separator notes Word expects, then the document's notes in reading
// order, each written when the body walk meets its reference.
#include "docx/docx_internal.hpp"

namespace conventio::docx::detail {

FootnotesPart::FootnotesPart(DocumentState& state) : state_(state) {
    w_.start("w:footnotes");
    w_.attr("xmlns:w", ns_w);
    w_.attr("xmlns:r", ns_r);
    // Ids -1 and 0 are the ones settings.xml's w:footnotePr names.
    separator(-1, "separator", "w:separator");
    separator(0, "continuationSeparator", "w:continuationSeparator");
}

// The separator paragraph has no style of its own, so its spacing is set here: the line
// above the notes must not take a body paragraph's space after.
void FootnotesPart::separator(int id, std::string_view type, std::string_view mark) {
    xml::Element note(w_, "w:footnote");
    w_.attr("w:type", type);
    w_.attr("w:id", id);
    xml::Element p(w_, "w:p");
    {
        xml::Element ppr(w_, "w:pPr");
        w_.start("w:spacing");
        w_.attr("w:after", 0);
        w_.attr("w:line", 240);
        w_.attr("w:lineRule", "auto");
        w_.end();
    }
    xml::Element r(w_, "w:r");
    w_.empty(mark);
}

int FootnotesPart::add(const doc::Footnote& note) {
    int id = ++count_;
    xml::Element element(w_, "w:footnote");
    w_.attr("w:id", id);
    // Notes cannot nest (doc::check), so a note's story has nowhere to send notes.
    Story story(w_, links_, state_, nullptr);
    if (note.paragraphs.empty()) {
        story.empty_paragraph(doc::ParagraphStyle::footnote, {.footnote_ref = true});
        return id;
    }
    for (std::size_t i = 0; i < note.paragraphs.size(); ++i)
        story.paragraph(note.paragraphs[i], {.footnote_ref = i == 0});
    return id;
}

std::string FootnotesPart::finish() { return w_.finish(); }

}  // namespace conventio::docx::detail
