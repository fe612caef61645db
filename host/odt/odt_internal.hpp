// Internals shared by the ODT package parts: lengths, namespaces, the font declaration,
// automatic style naming, and the paragraph writer that both content.xml (body, notes) and
// styles.xml (header, footer) need.
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "conventio/document.hpp"
#include "document/anchor_bookmarks.hpp"
#include "document/layout.hpp"
#include "document/tracked_paragraphs.hpp"
#include "package/shared_part.hpp"
#include "xml/xml_writer.hpp"

namespace conventio::odt::detail {

// ---------------------------------------------------------------- lengths

/// A formatted length ("28.35pt") held in place, so writing an attribute allocates nothing.
class Length {
public:
    /// `twips` as points with at most two decimals: a twip is exactly 0.05 pt.
    static Length points(int twips);
    /// A font size in half-points (DOCX's unit) as points: 22 -> "11pt", 17 -> "8.5pt".
    static Length font_size(int half_points) { return points(half_points * 10); }
    /// A bare integer followed by `suffix` ("9070*" for relative column widths).
    static Length integer(int value, std::string_view suffix);

    std::string_view view() const { return {buffer_.data(), size_}; }
    operator std::string_view() const { return view(); }

private:
    void append(std::string_view s);
    void append_int(int value);
    std::array<char, 24> buffer_{};
    std::size_t size_ = 0;
};

/// fo:text-align for an alignment other than inherit.
std::string_view text_align(doc::Align align);

/// An ODF colour ("#D9D9D9") from layout's six hex digits.
std::string colour(std::string_view rgb);

/// fo:border of a bordered cell: layout::line_width, solid, layout::text_colour.
std::string border();

// ---------------------------------------------------------------- shared XML pieces

/// The namespaces an office document root may use; each part declares the ones it needs.
enum class Namespace { office, style, text, table, fo, xlink, svg, dc, meta };

/// Writes xmlns:prefix="uri" for each of `used`.
void declare_namespaces(xml::Writer& w, std::initializer_list<Namespace> used);

/// office:font-face-decls with the one font every style uses; content.xml and styles.xml
/// both need it (each part is a separate document for ODF).
void font_face_decls(xml::Writer& w);

/// style:text-properties for run marks (bold, italic, underline, superscript).
void marks_properties(xml::Writer& w, const doc::Marks& marks);

// ---------------------------------------------------------------- automatic styles

/// What makes a paragraph need its own automatic style: overrides on top of its named style.
struct ParagraphKey {
    doc::ParagraphStyle style = doc::ParagraphStyle::body;
    doc::Align align = doc::Align::inherit;
    bool keep_with_next = false;
    bool break_before = false;
    bool keep_together = false;

    /// Whether the named style alone renders this paragraph.
    bool plain() const {
        return align == doc::Align::inherit && !keep_with_next && !break_before && !keep_together;
    }
    friend bool operator==(const ParagraphKey&, const ParagraphKey&) = default;
};

/// The automatic paragraph and text styles of one part. Names are given in order of first
/// use ("P1", "T1"...; styles.xml uses "MP1", "MT1" so the two parts never look alike), so
/// the same tree always gives the same names. A part first registers everything it will
/// write (a collecting pass over the tree), then writes the styles, then the text, which
/// only looks names up: ODF wants automatic styles before the body.
class AutoStyles {
public:
    explicit AutoStyles(std::string_view prefix) : prefix_(prefix) {}

    void add(const ParagraphKey& key);
    void add(const doc::Marks& marks);
    /// Registers the styles `paragraph`, placed by the layout, and every paragraph of its
    /// notes need.
    void add(const doc::Paragraph& paragraph, layout::Placement placement);
    /// Registers the text styles of `content` and of the paragraphs of its notes.
    void add(const doc::Inlines& content);

    /// The style a paragraph is written with: its named style when it has no override.
    std::string_view paragraph_style(const ParagraphKey& key) const;
    /// The automatic text style for `marks`; empty when the marks are all off.
    std::string_view text_style(const doc::Marks& marks) const;

    /// The style:style elements of every registered automatic style, in naming order.
    void write(xml::Writer& w) const;

private:
    std::string prefix_;
    std::vector<std::pair<ParagraphKey, std::string>> paragraphs_;
    std::vector<std::pair<doc::Marks, std::string>> texts_;
};

// ---------------------------------------------------------------- text

/// Writes paragraphs and their inline content. Keeps what spans paragraphs of one part:
/// the footnote counter (notes are numbered in reading order).
/// A change an avenant made, in the order the body meets it: each is one
/// text:changed-region of the body's text:tracked-changes. Either inline content inserted or
/// deleted (one revision however formatting cuts it: doc::revision_end), or whole paragraphs
/// (layout::tracked_paragraphs).
struct TrackedText {
    doc::Change change;
    const doc::Inline* content = nullptr;                // the first inline of the revision
    const layout::ParagraphGroup* paragraphs = nullptr;  // or whole paragraphs
    std::size_t count = 0;                               // content[0, count): the revision's inlines
};

/// The revisions of `content` (and of its notes), in writing order.
void collect_tracked(const doc::Inlines& content, std::vector<TrackedText>& out);

/// The tracked changes of a body: the regions in order, and each change's region number
/// (1-based) by the run, line break or paragraph group it marks.
struct TrackedChanges {
    layout::TrackedParagraphs paragraphs;
    std::vector<TrackedText> regions;
    std::unordered_map<const void*, int> ids;
    /// The bookmark of each anchor and the target of each reference (a renumbered anchor's
    /// deleted number has one of its own).
    doc::AnchorBookmarks bookmarks;
    /// Each note's number (text:note-citation), in reading order: a deleted note counts where
    /// its words were, as LibreOffice shows it, though its region is written before the body.
    std::unordered_map<const doc::Footnote*, int> notes;

    /// Numbers the regions collected so far, in order.
    void number();
    int id(const void* change) const;
    /// Gives the notes of `content` the next numbers.
    void number_notes(const doc::Inlines& content);
};

class Story {
public:
    Story(xml::Writer& w, const AutoStyles& styles, const TrackedChanges* tracked = nullptr)
        : w_(w), styles_(styles), tracked_(tracked) {}

    /// text:tracked-changes, the first child of office:text: one region per change, with who
    /// made it and when; a deletion holds the deleted text. The body then marks where each
    /// change is, in the same order (change-start/end around inserted text, text:change
    /// where deleted text was).
    void tracked_changes(const TrackedChanges& changes, const doc::Revision& revision);

    /// text:p, or text:h for heading styles, where the layout placed it (a new page, kept
    /// with the next block).
    void paragraph(const doc::Paragraph& paragraph, layout::Placement placement = {});
    /// An empty paragraph in `style`, e.g. for a table cell with no blocks.
    void empty_paragraph(doc::ParagraphStyle style, bool break_before = false);
    /// A paragraph in a named style with no override (the page header and footer).
    void paragraph(doc::ParagraphStyle style, const doc::Inlines& content);
    /// A change mark (text:change, text:change-start or -end) naming region `id`.
    void change_id(std::string_view element, int id);

private:
    void paragraph(const ParagraphKey& key, const doc::Inlines& content, bool opens_note = false,
                   const doc::Paragraph* tree = nullptr);
    // The marks of whole paragraphs inserted or deleted, at the start and end of `p`.
    void opening_marks(const doc::Paragraph& p, const layout::ParagraphGroup* group);
    void closing_marks(const doc::Paragraph& p, const layout::ParagraphGroup* group);
    void inlines(const doc::Inlines& content);
    // `word_follows`: the next inline starts with a visible character, so a single space
    // ending this one can stay an ordinary character.
    // A run's text in a span of its formatting (its link's text:a is opened around its stretch).
    void marked_text(const doc::Run& run, bool word_follows);
    // text:a to `href` started in `link`: what follows is inside until `link` is reset.
    void open_link(std::optional<xml::Element>& link, const std::string& href);
    // The inlines [first, last) of one link stretch (doc::link_stretch_end), each revision in
    // its region's marks.
    void revisions(const doc::Inlines& content, std::size_t first, std::size_t last);
    void footnote(const doc::Footnote& note);
    void anchor(const doc::Anchor& anchor, bool word_follows);
    void cross_ref(const doc::CrossRef& ref, bool word_follows);
    // An anchor's text, its raised letters in a superscript span.
    void raised_text(const doc::Anchor& anchor, bool word_follows);
    // The inline `content[n]` as the body shows it.
    void inline_item(const doc::Inlines& content, std::size_t n);
    // The text of a deleted revision, with its formatting, as its deletion region holds it.
    void deleted_inlines(const doc::Inline* first, std::size_t count);
    void field(const doc::Field& field);
    void line_break();
    void text(std::string_view utf8, bool word_follows);
    void spaces(std::size_t count);

    xml::Writer& w_;
    const AutoStyles& styles_;
    const TrackedChanges* tracked_;
    int notes_ = 0;
    // Inside a whole paragraph inserted or deleted (or a deletion region): its runs are
    // written as text, the paragraph's region covers them.
    bool whole_ = false;
    // Marks due at the start of the next paragraph written: the end of an inserted
    // paragraph's region, the place of deleted paragraphs.
    std::vector<std::pair<std::string_view, int>> pending_;
    // ODF collapses white space in character data; while the last thing written was
    // white space (or nothing), a space must be written as text:s to survive.
    bool after_space_ = true;
};

// ---------------------------------------------------------------- parts

/// The named list styles, shared by styles.xml (definitions) and content.xml (references).
inline constexpr std::string_view bullet_list_style = "ListBullet";
inline constexpr std::string_view number_list_style = "ListNumber";
inline constexpr std::string_view hyperlink_style = "Hyperlink";
inline constexpr std::string_view note_reference_style = "FootnoteReference";
/// The note's number at the start of its text. LibreOffice ignores a notes configuration
/// that gives this number the reference's own style, so it has a twin.
inline constexpr std::string_view note_number_style = "FootnoteNumber";

inline constexpr std::string_view mimetype = "application/vnd.oasis.opendocument.text";

/// content.xml: automatic styles, then the body.
std::string content_part(const doc::Document& document);
/// styles.xml: fonts, named styles, list styles, notes configuration, page layout and the
/// master page with the header and footer.
std::string styles_part(const doc::Document& document);
/// meta.xml from the document's metadata.
std::string meta_part(const doc::Metadata& meta);
/// META-INF/manifest.xml listing the package's parts. Made once (package/shared_part.hpp).
const package::SharedPart& manifest_part();

/// settings.xml: LibreOffice layout settings matching its DOCX import (see settings_part.cpp).
/// Made once.
const package::SharedPart& settings_part();

}  // namespace conventio::odt::detail
