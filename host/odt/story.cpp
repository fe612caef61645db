// Paragraphs and inline content, shared by the body (content.xml) and the page header and
// footer (styles.xml).
#include <optional>
#include <span>
#include <string>
#include <type_traits>

#include "document/inline_revisions.hpp"
#include "document/raised_letters.hpp"
#include "document/style_sheet.hpp"
#include "document/text_check.hpp"
#include "odt/odt_internal.hpp"

namespace conventio::odt::detail {
namespace {

bool is_white(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool starts_with_word(std::string_view s) { return !s.empty() && !is_white(s.front()); }

/// Whether `item` begins with a visible character written as character data. Notes and
/// line breaks do not: a space before them is written as text:s.
bool text_starts_with_word(const doc::Inline& item) {
    if (const auto* r = std::get_if<doc::Run>(&item)) return starts_with_word(r->text);
    if (const auto* a = std::get_if<doc::Anchor>(&item)) return starts_with_word(a->text);
    if (const auto* c = std::get_if<doc::CrossRef>(&item)) return starts_with_word(c->text);
    return std::holds_alternative<doc::Field>(item);
}

/// The same in the body, where deleted text is not (it is kept in its tracked-change region).
bool starts_with_word(const doc::Inline& item) {
    return doc::change_of(item) != doc::Change::deleted && text_starts_with_word(item);
}

std::string change_name(int id) { return "ct" + std::to_string(id); }

/// Whether the link stretch [first, end) of `items` has text to show here: any, or only text not
/// deleted when deleted text is written elsewhere (`deleted_elsewhere`: in the body, where an
/// inline deletion is a mark and its text is in its region).
bool link_has_text(std::span<const doc::Inline> items, std::size_t first, std::size_t end,
                   bool deleted_elsewhere) {
    for (std::size_t k = first; k < end; ++k) {
        const auto& r = std::get<doc::Run>(items[k]);
        if (!r.text.empty() && !(deleted_elsewhere && r.change == doc::Change::deleted)) return true;
    }
    return false;
}

}  // namespace

// Link stretch by link stretch, as Story::inlines writes them: a revision ends at a stretch's
// edge, and each inline is looked at once (a stretch's end looked for from each revision was
// the rest of the paragraph each time, when it holds no link).
void collect_tracked(const doc::Inlines& content, std::vector<TrackedText>& out) {
    for (std::size_t i = 0; i < content.size();) {
        const std::size_t stretch_end = doc::link_stretch_end(content, i);
        while (i < stretch_end) {
            if (doc::opens_revision(content[i])) {
                // A note inserted or deleted is inside its revision's region, its text with it.
                const std::size_t end = doc::revision_end(content, i, stretch_end);
                out.push_back({doc::change_of(content[i]), &content[i], nullptr, end - i});
                i = end;
            } else {
                if (const auto* n = std::get_if<doc::Footnote>(&content[i]))
                    for (const doc::Paragraph& p : n->paragraphs) collect_tracked(p.content, out);
                ++i;
            }
        }
    }
}

void TrackedChanges::number() {
    ids.clear();
    for (std::size_t k = 0; k < regions.size(); ++k) {
        const void* key = regions[k].content ? static_cast<const void*>(regions[k].content)
                                             : static_cast<const void*>(regions[k].paragraphs);
        ids[key] = static_cast<int>(k + 1);
    }
}

int TrackedChanges::id(const void* change) const {
    auto found = ids.find(change);
    return found == ids.end() ? 0 : found->second;
}

void TrackedChanges::number_notes(const doc::Inlines& content) {
    for (const doc::Inline& i : content)
        if (const auto* n = std::get_if<doc::Footnote>(&i))
            notes.emplace(n, static_cast<int>(notes.size()) + 1);
}

void Story::tracked_changes(const TrackedChanges& changes, const doc::Revision& revision) {
    if (changes.regions.empty()) return;
    xml::Element all(w_, "text:tracked-changes");
    // Recording is off when the document opens: the marks are shown, new edits are not tracked.
    w_.attr("text:track-changes", "false");
    int id = 0;
    for (const TrackedText& change : changes.regions) {
        std::string name = change_name(++id);
        xml::Element region(w_, "text:changed-region");
        w_.attr("xml:id", name);
        w_.attr("text:id", name);  // ODF 1.1 readers know regions by text:id
        xml::Element kind(w_, change.change == doc::Change::inserted ? "text:insertion" : "text:deletion");
        {
            xml::Element info(w_, "office:change-info");
            {
                xml::Element creator(w_, "dc:creator");
                w_.text(revision.author);
            }
            xml::Element date(w_, "dc:date");
            w_.text(revision.date + "T00:00:00Z");
        }
        if (change.change != doc::Change::deleted) continue;
        if (const layout::ParagraphGroup* g = change.paragraphs) {
            // Whole paragraphs: each stored paragraph stays whole, and an empty one stands for
            // the paragraph end joined to the text around the mark: after them when the mark
            // starts the next paragraph, before them when it ends the previous one.
            whole_ = true;
            if (g->previous || g->after_spacer_of) w_.empty("text:p");
            for (const doc::Paragraph* p : g->paragraphs)
                paragraph(ParagraphKey{p->style, p->align, p->keep_with_next, false, p->keep_together},
                          p->content);
            if (g->next) w_.empty("text:p");
            whole_ = false;
            continue;
        }
        // The deleted text, as a paragraph joined back where text:change marks it; a leading
        // space must be text:s or it would be lost (ODF strips it).
        xml::Element p(w_, "text:p");
        after_space_ = true;
        deleted_inlines(change.content, change.count);
    }
    after_space_ = true;
}

void Story::deleted_inlines(const doc::Inline* first, std::size_t count) {
    // A revision ends at a link's edge (doc::revision_end): all of it is one link's text, in one
    // text:a as in the body, or none of it is.
    std::optional<xml::Element> link;
    if (const std::string* href = doc::link_of(*first))
        if (link_has_text({first, count}, 0, count, false)) open_link(link, *href);
    for (std::size_t k = 0; k < count; ++k) {
        const bool word_follows = k + 1 < count && text_starts_with_word(first[k + 1]);
        std::visit(
            [&](const auto& i) {
                using T = std::decay_t<decltype(i)>;
                if constexpr (std::is_same_v<T, doc::Run>)
                    marked_text(i, word_follows);
                else if constexpr (std::is_same_v<T, doc::LineBreak>)
                    line_break();
                else if constexpr (std::is_same_v<T, doc::Anchor>)
                    anchor(i, word_follows);  // referable again once the deletion is rejected
                else if constexpr (std::is_same_v<T, doc::CrossRef>)
                    cross_ref(i, word_follows);  // a live reference again once the deletion is rejected
                else if constexpr (std::is_same_v<T, doc::Footnote>)
                    footnote(i);  // deleted with the text around it, back once the deletion is rejected
                // A revision holds no page field (doc::change_of).
            },
            first[k]);
    }
}

void Story::change_id(std::string_view element, int id) {
    w_.start(element);
    w_.attr("text:change-id", change_name(id));
    w_.end();
}

void Story::paragraph(const doc::Paragraph& paragraph, layout::Placement placement) {
    const layout::ParagraphGroup* group = tracked_ ? tracked_->paragraphs.group(paragraph) : nullptr;
    if (group && group->change == doc::Change::deleted) {
        // Kept in its region; the next paragraph marks where it was.
        if (group->next && &paragraph == group->paragraphs.back())
            pending_.emplace_back("text:change", tracked_->id(group));
        return;
    }
    this->paragraph(
        ParagraphKey{paragraph.style, paragraph.align, paragraph.keep_with_next || placement.keep_with_next,
                     placement.break_before, paragraph.keep_together},
        paragraph.content, false, tracked_ ? &paragraph : nullptr);
}

void Story::opening_marks(const doc::Paragraph& p, const layout::ParagraphGroup* group) {
    for (const auto& [element, id] : pending_) change_id(element, id);
    pending_.clear();
    // An inserted paragraph's region runs from its start to the start of the next paragraph.
    if (group && group->next && &p == group->paragraphs.front())
        change_id("text:change-start", tracked_->id(group));
}

void Story::closing_marks(const doc::Paragraph& p, const layout::ParagraphGroup* group) {
    if (group && group->next && &p == group->paragraphs.back())
        pending_.emplace_back("text:change-end", tracked_->id(group));
    // The last paragraphs before a table or the end: anchored at the end of the one before,
    // their region takes in its paragraph end.
    if (const layout::ParagraphGroup* after = tracked_->paragraphs.after(p)) {
        int id = tracked_->id(after);
        change_id(after->change == doc::Change::inserted ? "text:change-start" : "text:change", id);
    }
    if (group && (group->previous || group->after_spacer_of) && &p == group->paragraphs.back())
        change_id("text:change-end", tracked_->id(group));
}

void Story::paragraph(doc::ParagraphStyle style, const doc::Inlines& content) {
    paragraph(ParagraphKey{.style = style}, content);
}

void Story::empty_paragraph(doc::ParagraphStyle style, bool break_before) {
    paragraph(ParagraphKey{.style = style, .break_before = break_before}, {});
}

void Story::paragraph(const ParagraphKey& key, const doc::Inlines& content, bool opens_note,
                      const doc::Paragraph* tree) {
    int outline_level = style::look(key.style).outline_level;
    xml::Element p(w_, outline_level > 0 ? "text:h" : "text:p");
    w_.attr("text:style-name", styles_.paragraph_style(key));
    if (outline_level > 0) w_.attr("text:outline-level", outline_level);
    // A note's text starts one space after its number, as the DOCX writes it (after
    // w:footnoteRef), so both formats lay the note out alike.
    if (opens_note) w_.empty("text:s");
    after_space_ = true;
    if (!tree) {
        inlines(content);
        return;
    }
    const layout::ParagraphGroup* group = tracked_->paragraphs.group(*tree);
    opening_marks(*tree, group);
    whole_ = group != nullptr;
    inlines(content);
    whole_ = false;
    closing_marks(*tree, group);
}

// A link's runs are one text:a (doc::link_stretch_end), as a w:hyperlink in the DOCX: a link
// whose text has a raised ordinal or a change is still one link for the reader.
void Story::inlines(const doc::Inlines& content) {
    for (std::size_t i = 0; i < content.size();) {
        const std::size_t end = doc::link_stretch_end(content, i);
        std::optional<xml::Element> link;
        if (const std::string* href = doc::link_of(content[i]))
            if (link_has_text(content, i, end, tracked_ && !whole_)) open_link(link, *href);
        revisions(content, i, end);
        i = end;
    }
}

void Story::open_link(std::optional<xml::Element>& link, const std::string& href) {
    link.emplace(w_, "text:a");
    w_.attr("xlink:type", "simple");
    w_.attr("xlink:href", href);
    w_.attr("text:style-name", hyperlink_style);
    // Without a visited style LibreOffice falls back to its own "Visited Internet Link".
    w_.attr("text:visited-style-name", hyperlink_style);
}

void Story::revisions(const doc::Inlines& content, std::size_t first, std::size_t last) {
    for (std::size_t n = first; n < last;) {
        // The region of inline content inserted or deleted; 0 inside a whole paragraph changed,
        // whose region covers it.
        const int id =
            whole_ || !tracked_ || !doc::opens_revision(content[n]) ? 0 : tracked_->id(&content[n]);
        if (id == 0) {
            inline_item(content, n++);
            continue;
        }
        // An inserted revision is written between the start and the end of its region, whatever
        // spans cut it; a deleted one only marks where its region (which holds its text) was.
        const std::size_t end = doc::revision_end(content, n, last);
        if (doc::change_of(content[n]) == doc::Change::deleted) {
            change_id("text:change", id);
        } else {
            change_id("text:change-start", id);
            for (std::size_t k = n; k < end; ++k) inline_item(content, k);
            change_id("text:change-end", id);
        }
        n = end;
    }
}

void Story::inline_item(const doc::Inlines& content, std::size_t n) {
    const bool word_follows = n + 1 < content.size() && starts_with_word(content[n + 1]);
    std::visit(
        [this, word_follows](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, doc::Run>)
                marked_text(i, word_follows);  // inside its link's text:a (inlines)
            else if constexpr (std::is_same_v<T, doc::LineBreak>)
                line_break();
            else if constexpr (std::is_same_v<T, doc::Footnote>)
                footnote(i);
            else if constexpr (std::is_same_v<T, doc::Anchor>)
                anchor(i, word_follows);
            else if constexpr (std::is_same_v<T, doc::CrossRef>)
                cross_ref(i, word_follows);
            else
                field(i);
        },
        content[n]);
}

void Story::marked_text(const doc::Run& run, bool word_follows) {
    if (run.text.empty()) return;
    std::string_view style = styles_.text_style(run.marks);
    if (style.empty()) {
        text(run.text, word_follows);
        return;
    }
    xml::Element span(w_, "text:span");
    w_.attr("text:style-name", style);
    text(run.text, word_follows);
}

void Story::footnote(const doc::Footnote& note) {
    // The body's notes were numbered by its first pass (TrackedChanges::notes), those its
    // deletion regions hold with them; a part without tracked changes numbers them as written.
    Length number = Length::integer(tracked_ ? tracked_->notes.at(&note) : ++notes_, "");
    xml::Element n(w_, "text:note");
    std::string id = "ftn";
    id += number.view();
    w_.attr("text:id", id);
    w_.attr("text:note-class", "footnote");
    {
        xml::Element citation(w_, "text:note-citation");
        w_.text(number);
    }
    xml::Element body(w_, "text:note-body");
    // A note inserted or deleted is inside its revision's region, which covers its text: the
    // text's own marks (doc::Footnote::change) are not written again as regions of their own.
    const bool was_whole = whole_;
    whole_ = whole_ || note.change != doc::Change::none;
    if (note.paragraphs.empty()) empty_paragraph(doc::ParagraphStyle::footnote);
    for (std::size_t i = 0; i < note.paragraphs.size(); ++i) {
        const doc::Paragraph& p = note.paragraphs[i];
        paragraph(ParagraphKey{p.style, p.align, p.keep_with_next, false, p.keep_together}, p.content,
                  i == 0);
    }
    whole_ = was_whole;
    // Whether readers collapse a space right after a note differs; text:s is safe in all.
    after_space_ = true;
}

// Its bookmark goes with it wherever it is written, in a deletion region too, under the name
// doc::AnchorBookmarks gives it, as in the DOCX.
void Story::anchor(const doc::Anchor& anchor, bool word_follows) {
    const std::string& name = tracked_ ? tracked_->bookmarks.of(anchor) : anchor.name;
    w_.start("text:bookmark-start");
    w_.attr("text:name", name);
    w_.end();
    raised_text(anchor, word_follows);
    w_.start("text:bookmark-end");
    w_.attr("text:name", name);
    w_.end();
}

void Story::raised_text(const doc::Anchor& anchor, bool word_follows) {
    // Its raised letters in a superscript span, the rest as text (most anchors: all of it).
    const std::string_view whole = anchor.text;
    doc::each_piece(whole.size(), anchor.raised, [&](std::size_t from, std::size_t to, bool raised) {
        std::optional<xml::Element> span;
        if (raised) {
            span.emplace(w_, "text:span");
            w_.attr("text:style-name", styles_.text_style(doc::Marks{.superscript = true}));
        }
        text(whole.substr(from, to - from), to < whole.size() || word_follows);
    });
}

void Story::cross_ref(const doc::CrossRef& ref, bool word_follows) {
    xml::Element r(w_, "text:bookmark-ref");
    w_.attr("text:reference-format", "text");
    w_.attr("text:ref-name", tracked_ ? tracked_->bookmarks.target(ref) : ref.name);
    text(ref.text, word_follows);
}

void Story::field(const doc::Field& field) {
    // The cached "1" is what a reader that does not lay out pages shows, as in DOCX.
    if (field.kind == doc::FieldKind::page_number) {
        xml::Element f(w_, "text:page-number");
        w_.attr("text:select-page", "current");
        w_.text("1");
    } else {
        xml::Element f(w_, "text:page-count");
        w_.text("1");
    }
    after_space_ = false;
}

void Story::line_break() {
    w_.empty("text:line-break");
    after_space_ = true;
}

void Story::spaces(std::size_t count) {
    w_.start("text:s");
    if (count > 1) w_.attr("text:c", static_cast<long long>(count));
    w_.end();
    after_space_ = true;
}

// Character data is written in as few pieces as possible: a run of ordinary text with
// single spaces between words is one text node; only white space that ODF would collapse
// or strip (repeated, leading, trailing) becomes an element.
void Story::text(std::string_view s, bool word_follows) {
    std::size_t start = 0;  // first byte not yet written
    std::size_t i = 0;
    auto flush = [&](std::size_t end) {
        if (end > start) {
            w_.text(s.substr(start, end - start));
            after_space_ = s[end - 1] == ' ';
        }
    };
    while (i < s.size()) {
        char c = s[i];
        if (!is_white(c)) {
            // On to the next byte that may be white space (all of it is at or below 0x20).
            const std::size_t next = doc::find_byte_below(s, 0x21, i + 1);
            i = next == std::string_view::npos ? s.size() : next;
            after_space_ = false;
            continue;
        }
        if (c == ' ') {
            std::size_t end = i;
            while (end < s.size() && s[end] == ' ') ++end;
            bool literal_first = !after_space_ && (end < s.size() ? !is_white(s[end]) : word_follows);
            if (literal_first && end - i == 1) {
                i = end;  // an ordinary space between words stays in the text node
                continue;
            }
            std::size_t count = end - i;
            if (literal_first) {
                flush(i + 1);
                --count;
            } else {
                flush(i);
            }
            spaces(count);
            start = i = end;
            continue;
        }
        flush(i);
        if (c == '\t') {
            w_.empty("text:tab");
            after_space_ = true;
        } else if (c == '\n') {
            line_break();
        }
        // '\r' is dropped: a line end is the '\n' that goes with it.
        start = ++i;
    }
    flush(s.size());
}

}  // namespace conventio::odt::detail
