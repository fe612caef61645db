// Internals shared by the DOCX part writers: the story emitters (paragraphs and runs, used by
// the body, the footnotes, the header and the footer), and what the body walk collects for
// the other parts (footnotes, hyperlink relationships, list instances).
#pragma once

#include <compare>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "conventio/document.hpp"
#include "document/anchor_bookmarks.hpp"
#include "package/shared_part.hpp"
#include "xml/xml_writer.hpp"

namespace conventio::docx::detail {

inline constexpr std::string_view ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr std::string_view ns_r =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The prefix shared by the officeDocument relationship types ("..." + "styles", "hyperlink").
inline constexpr std::string_view rel_base =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/// `<name w:val="value"/>`, the shape of most WordprocessingML properties.
void val(xml::Writer& w, std::string_view name, std::string_view value);
void val(xml::Writer& w, std::string_view name, long long value);

/// The w:jc value of an alignment; Word spells "justify" as "both".
std::string_view jc_value(doc::Align align);

/// Hyperlink targets of one part, in first-use order. Each becomes an External relationship
/// of that part, so a link in a footnote is declared in footnotes.xml.rels, not in the body's.
class Links {
public:
    /// The relationship id of `target` ("rIdLink1", ...), allocated on first use; the same
    /// target always gets the same id within a part.
    const std::string& id(std::string_view target);
    /// Targets in id order: targets()[i] has id "rIdLink<i+1>".
    const std::vector<std::string>& targets() const { return targets_; }
    const std::vector<std::string>& ids() const { return ids_; }

private:
    std::vector<std::string> targets_;
    std::vector<std::string> ids_;
    std::map<std::string, std::size_t, std::less<>> index_;
};

/// The w:num instances the body uses. Bulleted lists all share one; each ordered list gets its
/// own, with a start override on its level, so every ordered list restarts at 1 in Word too
/// (instances of one abstractNum otherwise continue each other's count).
class NumberingPlan {
public:
    static constexpr int bullet_abstract_id = 0;
    static constexpr int ordered_abstract_id = 1;
    static constexpr int bullet_num_id = 1;

    struct OrderedInstance {
        int num_id;
        int level;  // 0-based w:ilvl the list's items use
    };

    /// A fresh w:num for an ordered list whose items sit at `level` (0-based).
    int new_ordered_list(int level);
    const std::vector<OrderedInstance>& ordered() const { return ordered_; }

private:
    std::vector<OrderedInstance> ordered_;
};

class FootnotesPart;

/// State shared by every story of one document: bookmark ids are unique across parts.
struct DocumentState {
    int next_bookmark_id = 0;  // also the ids of tracked changes: w:id is unique across both
    NumberingPlan numbering;
    doc::Revision revision;  // who made the tracked changes, and when
    /// The bookmark of each anchor and the target of each reference (a renumbered anchor's
    /// deleted number has one of its own, so that no two bookmarks share a name).
    doc::AnchorBookmarks bookmarks;
    /// Paragraph marks tracked as inserted or deleted (see tracked_paragraph_marks):
    /// accepting or rejecting then removes the paragraph itself, not only its text.
    std::unordered_map<const doc::Paragraph*, doc::Change> tracked_marks;
    /// The marks of the spacer paragraphs after tables (by their Table or Signatures) that a
    /// change is anchored at (layout::ParagraphGroup::after_spacer_of).
    std::unordered_map<const void*, doc::Change> spacer_marks;
    /// The last paragraph of a group anchored before a paragraph of another look
    /// (layout::ParagraphGroup::restyled): the paragraph whose look it has once every change is
    /// accepted, and the one whose look it has once they are rejected (w:pPrChange).
    struct Restyled {
        const doc::Paragraph* accepted;
        const doc::Paragraph* rejected;
    };
    std::unordered_map<const doc::Paragraph*, Restyled> restyled;
};

/// The attributes of a tracked change (w:id, w:author, w:date) on the element just started.
void revision_attributes(xml::Writer& w, DocumentState& state);

/// `<w:ins .../>` or `<w:del .../>`: a paragraph mark or a table row inserted or deleted.
void change_mark(xml::Writer& w, DocumentState& state, doc::Change change);

/// The paragraph marks of `blocks` to track (layout::tracked_paragraphs): those of inserted or
/// deleted paragraphs followed by another paragraph. Word and LibreOffice cannot delete the
/// body's last mark, and pandoc carries text merged across a table into its first cell, so
/// when the last paragraph before a table or the end is inserted or deleted, the mark of the
/// paragraph before it is tracked instead (the two merge, keeping the look they share).
void tracked_paragraph_marks(const std::vector<doc::Block>& blocks, DocumentState& state);

/// What a paragraph has on top of its style, from its container or from the tree.
struct ParagraphExtras {
    bool page_break_before = false;
    bool keep_with_next = false;           // w:keepNext on top of the tree's (layout::keeps_with_next)
    bool keep_together = false;            // w:keepLines: never split across pages
    bool in_list = false;                  // a list item's paragraph: gets a w:numPr
    int num_id = 0;                        // its list instance; 0 for an item's later paragraphs (no marker)
    int list_level = 0;                    // w:ilvl
    int indent_left = 0;                   // > 0: direct left indent (a list item's later paragraphs)
    bool footnote_ref = false;             // starts with the w:footnoteRef mark (a note's first paragraph)
    doc::Change mark = doc::Change::none;  // the paragraph mark inserted or deleted (tracked)
    const doc::Paragraph* rejected_look = nullptr;  // the look once changes are rejected (w:pPrChange)
    // A key of the property blocks written once per process (story.cpp).
    friend auto operator<=>(const ParagraphExtras&, const ParagraphExtras&) = default;
};

/// Writes paragraphs and inline content into one part ("story" in Word's terms): the body, a
/// header, a footer or a footnote. Hyperlinks go to that part's Links; footnotes go to
/// `notes`, or are left out where Word cannot hold them (headers and footers).
class Story {
public:
    Story(xml::Writer& w, Links& links, DocumentState& state, FootnotesPart* notes)
        : w_(w), links_(links), state_(state), notes_(notes) {}

    /// A w:p with its style, the tree's overrides and the container's extras.
    void paragraph(const doc::Paragraph& p, const ParagraphExtras& extras = {});
    /// A w:p in `style` holding `content`, as a page header or footer is.
    void paragraph(doc::ParagraphStyle style, const doc::Inlines& content);
    /// A w:p with no content: the one a table cell needs, or a page break's carrier.
    void empty_paragraph(doc::ParagraphStyle style, const ParagraphExtras& extras = {});
    /// Inline content; consecutive runs with the same href share one w:hyperlink.
    void inlines(const doc::Inlines& content);

private:
    void paragraph(doc::ParagraphStyle style, doc::Align align, bool keep_with_next,
                   const doc::Inlines* content, const ParagraphExtras& extras);
    void paragraph_properties(doc::ParagraphStyle style, doc::Align align, bool keep_with_next,
                              const ParagraphExtras& extras);
    void revisions(const doc::Inlines& content, std::size_t first, std::size_t last, bool in_hyperlink);
    void inline_item(const doc::Inline& item, bool in_hyperlink);
    void run(const doc::Run& r, bool in_hyperlink);
    void run_properties(const doc::Marks& marks, std::string_view character_style);
    void run_text(std::string_view text, bool deleted = false);
    void text_element(std::string_view text, bool deleted = false);
    void line_break();
    void footnote(const doc::Footnote& note);
    void footnote_mark();
    void anchor(const doc::Anchor& a);
    void cross_reference(const doc::CrossRef& ref);
    void field(const doc::Field& f);
    void complex_field(std::string_view instruction, std::string_view cached, bool deleted = false);
    void field_char(std::string_view type);

    xml::Writer& w_;
    Links& links_;
    DocumentState& state_;
    FootnotesPart* notes_;
};

/// footnotes.xml, written while the body is walked: a note is rendered where the body meets
/// it, so ids follow reading order and the tree is walked once.
class FootnotesPart {
public:
    explicit FootnotesPart(DocumentState& state);
    /// Renders `note` and returns its w:id (1, 2, 3...).
    int add(const doc::Footnote& note);
    /// The finished part; call once, after the body.
    std::string finish();
    const Links& links() const { return links_; }

private:
    void separator(int id, std::string_view type, std::string_view mark);

    xml::Writer w_;
    Links links_;
    DocumentState& state_;
    int count_ = 0;
};

/// What the body walk found that other parts refer to.
struct BodyPart {
    std::string xml;
    Links links;
};

/// word/document.xml. `header_rel` / `footer_rel` are the relationship ids for the final
/// section's references; empty means no header / footer.
BodyPart document_part(const doc::Document& document, DocumentState& state, FootnotesPart& notes,
                       std::string_view header_rel, std::string_view footer_rel);

/// word/header1.xml (`root` "w:hdr") or word/footer1.xml ("w:ftr"): one paragraph.
std::string header_footer_part(std::string_view root, const doc::Inlines& content, DocumentState& state,
                               Links& links);

/// word/styles.xml: the document defaults, the paragraph styles of style_sheet.hpp and the
/// Hyperlink and FootnoteReference character styles. The same for every document in one
/// language: made once (package/shared_part.hpp).
const package::SharedPart& styles_part(std::string_view language);

/// word/numbering.xml: one abstractNum per list kind, then the instances of `plan`.
std::string numbering_part(const NumberingPlan& plan);

/// word/settings.xml; its footnotePr names the separator notes of footnotes.xml. Made once per
/// language.
const package::SharedPart& settings_part(std::string_view language);

/// word/fontTable.xml, declaring style::font_family. Made once.
const package::SharedPart& font_table_part();

struct Relationship {
    std::string id;
    std::string type;    // full relationship type URI
    std::string target;  // relative to the part's folder, or a URI when external
    bool external = false;
};

/// A .rels part.
std::string relationships_part(const std::vector<Relationship>& relationships);

/// The External hyperlink relationships of `links`.
std::vector<Relationship> hyperlink_relationships(const Links& links);

struct ContentType {
    std::string part_name;  // "/word/document.xml"
    std::string content_type;
};

/// [Content_Types].xml: defaults for .rels and .xml, an override for each of `overrides`.
/// Made once per list (the lists vary only with the header's and footer's presence).
const package::SharedPart& content_types_part(const std::vector<ContentType>& overrides);

/// docProps/core.xml.
std::string core_properties_part(const doc::Metadata& meta);
/// docProps/app.xml. Made once.
const package::SharedPart& app_properties_part();

/// The document's date as W3CDTF in UTC: "YYYY-MM-DDT00:00:00Z" (layout::date_time).
std::string w3cdtf(const doc::Metadata& meta);

}  // namespace conventio::docx::detail
