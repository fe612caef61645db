// Paragraphs and inline content, shared by every story of the package: body, footnotes,
// header and footer.
#include <optional>
#include <variant>

#include "document/inline_revisions.hpp"
#include "document/raised_letters.hpp"
#include "document/style_sheet.hpp"
#include "document/text_check.hpp"
#include "document/tracked_paragraphs.hpp"
#include "docx/docx_internal.hpp"
#include "xml/built_once.hpp"

namespace conventio::docx::detail {
namespace {

// Without xml:space="preserve" Word trims leading and trailing spaces and may collapse runs of
// them; the attribute is only written where it changes something.
bool needs_preserve(std::string_view text) {
    if (text.empty()) return false;
    if (text.front() == ' ' || text.back() == ' ') return true;
    return text.find("  ") != std::string_view::npos;
}

bool has_marks(const doc::Marks& m) { return m.bold || m.italic || m.underline || m.superscript; }

}  // namespace

void val(xml::Writer& w, std::string_view name, std::string_view value) {
    w.start(name);
    w.attr("w:val", value);
    w.end();
}

void val(xml::Writer& w, std::string_view name, long long value) {
    w.start(name);
    w.attr("w:val", value);
    w.end();
}

// Left and right keep the transitional names: older readers do not know start/end.
std::string_view jc_value(doc::Align align) {
    switch (align) {
        case doc::Align::left:
            return "left";
        case doc::Align::center:
            return "center";
        case doc::Align::right:
            return "right";
        case doc::Align::justify:
            return "both";
        case doc::Align::inherit:
            break;
    }
    return "both";
}

void revision_attributes(xml::Writer& w, DocumentState& state) {
    w.attr("w:id", state.next_bookmark_id++);
    w.attr("w:author", state.revision.author);
    w.attr("w:date", state.revision.date + "T00:00:00Z");
}

void change_mark(xml::Writer& w, DocumentState& state, doc::Change change) {
    w.start(change == doc::Change::inserted ? "w:ins" : "w:del");
    revision_attributes(w, state);
    w.end();
}

namespace {

/// What a paragraph's w:pPr is written from when it has no tracked mark and no former look.
struct PlainParagraphLook {
    doc::ParagraphStyle style;
    doc::Align align;
    bool keep_with_next;
    ParagraphExtras extras;
    friend auto operator<=>(const PlainParagraphLook&, const PlainParagraphLook&) = default;
};

// Child order is the schema's (CT_PPrBase): pStyle, keepNext, keepLines, pageBreakBefore, numPr,
// ind, jc.
void base_paragraph_properties(xml::Writer& w, doc::ParagraphStyle style, doc::Align align,
                               bool keep_with_next, const ParagraphExtras& extras) {
    val(w, "w:pStyle", style::look(style).internal_id);
    if (keep_with_next || extras.keep_with_next) w.empty("w:keepNext");
    if (extras.keep_together) w.empty("w:keepLines");
    if (extras.page_break_before) w.empty("w:pageBreakBefore");
    // numId 0 means "no numbering": an item's later paragraphs show no marker, yet readers
    // such as pandoc still see them as part of the item instead of ending the list there.
    if (extras.in_list) {
        xml::Element num(w, "w:numPr");
        val(w, "w:ilvl", extras.list_level);
        val(w, "w:numId", extras.num_id);
    }
    if (extras.indent_left > 0) {
        w.start("w:ind");
        w.attr("w:left", extras.indent_left);
        w.end();
    }
    if (align != doc::Align::inherit) val(w, "w:jc", jc_value(align));
}

std::string_view plain_paragraph_properties(const PlainParagraphLook& look) {
    static xml::BuiltOnce<PlainParagraphLook> built([](const PlainParagraphLook& k) {
        xml::Writer w(xml::Writer::Fragment{});
        {
            xml::Element ppr(w, "w:pPr");
            base_paragraph_properties(w, k.style, k.align, k.keep_with_next, k.extras);
        }
        return w.finish();
    });
    return built(look);
}

/// What a run's w:rPr is written from.
struct RunLook {
    doc::Marks marks;
    std::string character_style;
    friend auto operator<=>(const RunLook& a, const RunLook& b) {
        auto bits = [](const doc::Marks& m) {
            return m.bold | m.italic << 1 | m.underline << 2 | m.superscript << 3;
        };
        if (auto c = bits(a.marks) <=> bits(b.marks); c != 0) return c;
        return a.character_style.compare(b.character_style) <=> 0;
    }
    friend bool operator==(const RunLook&, const RunLook&) = default;
};

}  // namespace

void tracked_paragraph_marks(const std::vector<doc::Block>& blocks, DocumentState& state) {
    for (const layout::ParagraphGroup& g : layout::tracked_paragraphs(blocks).groups) {
        // Anchored before: the group's last mark stays, the previous paragraph's is tracked.
        std::size_t own = g.next ? g.paragraphs.size() : g.paragraphs.size() - 1;
        for (std::size_t i = 0; i < own; ++i) state.tracked_marks[g.paragraphs[i]] = g.change;
        if (g.previous) state.tracked_marks[g.previous] = g.change;
        if (g.after_spacer_of) state.spacer_marks[g.after_spacer_of] = g.change;
        // Merged with the previous paragraph, the last one's mark stays and with it its look:
        // the look of the version shown, the other tracked as a property change.
        if (g.restyled) {
            bool inserted = g.change == doc::Change::inserted;
            state.restyled[g.paragraphs.back()] = {inserted ? g.paragraphs.back() : g.previous,
                                                   inserted ? g.previous : g.paragraphs.back()};
        }
    }
}

void Story::paragraph(const doc::Paragraph& p, const ParagraphExtras& extras) {
    ParagraphExtras with_tree = extras;
    with_tree.keep_together = extras.keep_together || p.keep_together;
    if (auto tracked = state_.tracked_marks.find(&p); tracked != state_.tracked_marks.end())
        with_tree.mark = tracked->second;
    if (auto restyled = state_.restyled.find(&p); restyled != state_.restyled.end()) {
        const doc::Paragraph& look = *restyled->second.accepted;
        with_tree.rejected_look = restyled->second.rejected;
        with_tree.keep_together = extras.keep_together || look.keep_together;
        paragraph(look.style, look.align, look.keep_with_next, &p.content, with_tree);
        return;
    }
    paragraph(p.style, p.align, p.keep_with_next, &p.content, with_tree);
}

void Story::paragraph(doc::ParagraphStyle style, const doc::Inlines& content) {
    paragraph(style, doc::Align::inherit, false, &content, {});
}

void Story::empty_paragraph(doc::ParagraphStyle style, const ParagraphExtras& extras) {
    paragraph(style, doc::Align::inherit, false, nullptr, extras);
}

void Story::paragraph(doc::ParagraphStyle style, doc::Align align, bool keep_with_next,
                      const doc::Inlines* content, const ParagraphExtras& extras) {
    xml::Element p(w_, "w:p");
    paragraph_properties(style, align, keep_with_next, extras);
    if (extras.footnote_ref) footnote_mark();
    if (content) inlines(*content);
}

void Story::paragraph_properties(doc::ParagraphStyle style, doc::Align align, bool keep_with_next,
                                 const ParagraphExtras& extras) {
    // Without a tracked mark or a former look, the block depends on these few values only:
    // written once per process for each combination and copied (an agreement has a few dozen
    // combinations for hundreds of paragraphs). Ordered lists' instances (num_id 2, 3...) grow
    // with the documents, so they are written each time.
    if (extras.mark == doc::Change::none && !extras.rejected_look &&
        extras.num_id <= NumberingPlan::bullet_num_id) {
        w_.raw(plain_paragraph_properties({style, align, keep_with_next, extras}));
        return;
    }
    xml::Element ppr(w_, "w:pPr");
    base_paragraph_properties(w_, style, align, keep_with_next, extras);
    // The paragraph mark's own run properties come last but for the section (CT_PPr).
    if (extras.mark != doc::Change::none) {
        xml::Element rpr(w_, "w:rPr");
        change_mark(w_, state_, extras.mark);
    }
    // The look it had: what rejecting every change restores (CT_PPr: w:pPrChange comes last).
    if (const doc::Paragraph* old = extras.rejected_look) {
        xml::Element change(w_, "w:pPrChange");
        revision_attributes(w_, state_);
        xml::Element before(w_, "w:pPr");
        val(w_, "w:pStyle", style::look(old->style).internal_id);
        if (old->keep_with_next) w_.empty("w:keepNext");
        if (old->keep_together) w_.empty("w:keepLines");
        if (old->align != doc::Align::inherit) val(w_, "w:jc", jc_value(old->align));
    }
}

void Story::inlines(const doc::Inlines& content) {
    for (std::size_t i = 0; i < content.size();) {
        // One w:hyperlink for a stretch of runs sharing an href, so a link whose words differ
        // in formatting is still one link for the reader.
        const std::size_t end = doc::link_stretch_end(content, i);
        if (const std::string* link = doc::link_of(content[i])) {
            xml::Element h(w_, "w:hyperlink");
            w_.attr("r:id", links_.id(*link));
            w_.attr("w:history", "1");
            revisions(content, i, end, true);
        } else {
            revisions(content, i, end, false);
        }
        i = end;
    }
}

// Inserted and deleted content (a consolidated version) is inside w:ins or w:del: one for all
// the inlines of a revision (doc::revision_end), whatever formatting cuts it into runs. A w:ins
// cannot hold a w:hyperlink (CT_RunTrackChange), so a revision is cut at a link's edges
// (doc::link_stretch_end), and the link's part is inside the link. Deleted text is w:delText, which readers
// only take for deleted inside w:del.
void Story::revisions(const doc::Inlines& content, std::size_t first, std::size_t last, bool in_hyperlink) {
    for (std::size_t i = first; i < last;) {
        if (!doc::opens_revision(content[i])) {
            inline_item(content[i++], in_hyperlink);
            continue;
        }
        const std::size_t end = doc::revision_end(content, i, last);
        xml::Element change(w_, doc::change_of(content[i]) == doc::Change::inserted ? "w:ins" : "w:del");
        revision_attributes(w_, state_);
        for (; i < end; ++i) inline_item(content[i], in_hyperlink);
    }
}

void Story::inline_item(const doc::Inline& item, bool in_hyperlink) {
    if (const auto* r = std::get_if<doc::Run>(&item))
        run(*r, in_hyperlink);
    else if (std::holds_alternative<doc::LineBreak>(item))
        line_break();
    else if (const auto* n = std::get_if<doc::Footnote>(&item))
        footnote(*n);
    else if (const auto* a = std::get_if<doc::Anchor>(&item))
        anchor(*a);
    else if (const auto* c = std::get_if<doc::CrossRef>(&item))
        cross_reference(*c);
    else if (const auto* f = std::get_if<doc::Field>(&item))
        field(*f);
}

void Story::run(const doc::Run& r, bool in_hyperlink) {
    xml::Element e(w_, "w:r");
    run_properties(r.marks, in_hyperlink ? "Hyperlink" : "");
    run_text(r.text, r.change == doc::Change::deleted);
}

// The block depends on the marks and the character style only (a few dozen combinations):
// written once per process for each and copied. Child order is the schema's (EG_RPrBase):
// rStyle, b, i, u, vertAlign.
void Story::run_properties(const doc::Marks& marks, std::string_view character_style) {
    if (character_style.empty() && !has_marks(marks)) return;
    static xml::BuiltOnce<RunLook> built([](const RunLook& look) {
        xml::Writer w(xml::Writer::Fragment{});
        {
            xml::Element rpr(w, "w:rPr");
            if (!look.character_style.empty()) val(w, "w:rStyle", look.character_style);
            if (look.marks.bold) w.empty("w:b");
            if (look.marks.italic) w.empty("w:i");
            if (look.marks.underline) val(w, "w:u", "single");
            if (look.marks.superscript) val(w, "w:vertAlign", "superscript");
        }
        return w.finish();
    });
    w_.raw(built(RunLook{marks, std::string(character_style)}));
}

// Tabs and newlines are elements of their own in a run (w:tab, w:br), so the text is cut
// there; the pieces are views into the run's text, never copies.
void Story::run_text(std::string_view text, bool deleted) {
    std::size_t start = 0;
    for (std::size_t i = doc::find_control(text); i != std::string_view::npos;
         i = doc::find_control(text, i + 1)) {
        const char c = text[i];
        if (c != '\t' && c != '\n' && c != '\r') continue;  // refused by doc::text_problem
        if (i > start) text_element(text.substr(start, i - start), deleted);
        if (c == '\t')
            w_.empty("w:tab");
        else if (c == '\n')
            w_.empty("w:br");
        // A carriage return only ever precedes a newline in text that came from a file.
        start = i + 1;
    }
    if (start < text.size()) text_element(text.substr(start), deleted);
}

void Story::text_element(std::string_view text, bool deleted) {
    xml::Element t(w_, deleted ? "w:delText" : "w:t");
    if (needs_preserve(text)) w_.attr("xml:space", "preserve");
    w_.text(text);
}

void Story::line_break() {
    xml::Element r(w_, "w:r");
    w_.empty("w:br");
}

// Word has no notes in headers and footers (notes_ is null there): such a note is dropped
// rather than written as a reference Word would reject.
void Story::footnote(const doc::Footnote& note) {
    if (!notes_) return;
    int id = notes_->add(note);
    xml::Element r(w_, "w:r");
    run_properties({}, "FootnoteReference");
    w_.start("w:footnoteReference");
    w_.attr("w:id", id);
    w_.end();
}

// The number at the start of a note's text; the space after it is what Word itself writes.
void Story::footnote_mark() {
    {
        xml::Element r(w_, "w:r");
        run_properties({}, "FootnoteReference");
        w_.empty("w:footnoteRef");
    }
    xml::Element r(w_, "w:r");
    text_element(" ");
}

// A deleted anchor keeps a bookmark (referable again once the deletion is rejected), under the
// name doc::AnchorBookmarks gives it: its own, or its own bookmark when it was renumbered.
void Story::anchor(const doc::Anchor& a) {
    const int id = state_.next_bookmark_id++;
    w_.start("w:bookmarkStart");
    w_.attr("w:id", id);
    w_.attr("w:name", state_.bookmarks.of(a));
    w_.end();
    if (!a.text.empty()) {
        // Its raised letters in a superscript run, the rest plain (most anchors: all of it).
        const std::string_view text = a.text;
        doc::each_piece(text.size(), a.raised, [&](std::size_t from, std::size_t to, bool raised) {
            xml::Element r(w_, "w:r");
            run_properties(doc::Marks{.superscript = raised}, {});
            run_text(text.substr(from, to - from), a.change == doc::Change::deleted);
        });
    }
    w_.start("w:bookmarkEnd");
    w_.attr("w:id", id);
    w_.end();
}

// A reference inserted or deleted is the whole field inside its revision's w:ins or w:del (a
// deleted field's instruction is w:delInstrText), so it stays a live reference whichever way
// the change goes.
void Story::cross_reference(const doc::CrossRef& ref) {
    const std::string& target = state_.bookmarks.target(ref);
    std::string instruction;
    instruction.reserve(target.size() + 10);
    instruction.append(" REF ").append(target).append(" \\h ");
    complex_field(instruction, ref.text, ref.change == doc::Change::deleted);
}

// The cached "1" is what a reader shows before it computes the page; LibreOffice and Word
// both recompute PAGE and NUMPAGES when they lay the page out.
void Story::field(const doc::Field& f) {
    complex_field(f.kind == doc::FieldKind::page_number ? " PAGE " : " NUMPAGES ", "1");
}

// begin / instruction / separate / cached result / end, with no w:dirty: the cached result is
// already right, and a dirty field makes Word ask to update fields on opening.
void Story::complex_field(std::string_view instruction, std::string_view cached, bool deleted) {
    field_char("begin");
    {
        xml::Element r(w_, "w:r");
        xml::Element t(w_, deleted ? "w:delInstrText" : "w:instrText");
        w_.attr("xml:space", "preserve");
        w_.text(instruction);
    }
    field_char("separate");
    {
        xml::Element r(w_, "w:r");
        run_text(cached, deleted);
    }
    field_char("end");
}

void Story::field_char(std::string_view type) {
    xml::Element r(w_, "w:r");
    w_.start("w:fldChar");
    w_.attr("w:fldCharType", type);
    w_.end();
}

}  // namespace conventio::docx::detail
