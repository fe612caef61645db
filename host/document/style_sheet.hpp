// The one style set both writers render. Lengths are in twips (1/20 pt) so both formats
// get exact values: DOCX counts in twips and half-points, ODT gets "N.NNpt".
#pragma once

#include <array>
#include <string_view>

#include "conventio/document.hpp"

namespace conventio::style {

// The title's style is not named "Title": pandoc and other converters take a paragraph in a
// style of that name for the document's metadata and drop it from the text.
struct ParagraphLook {
    doc::ParagraphStyle id;
    std::string_view name;           // style name shown to the drafter in Word / LibreOffice
    std::string_view internal_id;    // ASCII id: DOCX w:styleId, ODT style:name
    int font_size_half_points = 22;  // 11 pt
    bool bold = false;
    bool italic = false;
    doc::Align align = doc::Align::justify;
    int space_before = 0;   // twips
    int space_after = 120;  // twips
    int indent_left = 0;    // twips
    bool keep_with_next = false;
    bool page_break_before = false;
    int outline_level = 0;  // 1-based heading level; 0 for body text
};

inline constexpr std::string_view font_family = "Liberation Sans";

// A4 portrait.
inline constexpr int page_width = 11906;
inline constexpr int page_height = 16838;
inline constexpr int margin_top = 1134;  // 2 cm
inline constexpr int margin_bottom = 1134;
inline constexpr int margin_left = 1418;  // 2.5 cm
inline constexpr int margin_right = 1418;
inline constexpr int header_distance = 567;  // 1 cm from the page edge to the header text
inline constexpr int text_width = page_width - margin_left - margin_right;

// List geometry: each nesting level indents by this much; the marker hangs in it.
inline constexpr int list_indent = 567;
inline constexpr int list_hanging = 284;
inline constexpr int max_list_depth = 2;

inline constexpr int table_cell_padding = 85;  // 0.15 cm

// What separates a table from the block after it: an empty paragraph this high (exactly),
// written the same way by both writers. Tables otherwise touch the next paragraph (Body has
// no space before), and Word joins two adjacent tables into one.
inline constexpr int table_spacer_height = 120;  // 6 pt

// The room left under each signatory's text in a signature block, for the signature and the
// body's stamp: without it a visa or a mention after the block sits right under the names.
inline constexpr int signing_space = 1701;  // 3 cm

// Default tab interval, 1.25 cm (LibreOffice's), the same in both formats.
inline constexpr int default_tab_stop = 709;

inline constexpr std::array<ParagraphLook, 12> paragraph_looks{{
    {doc::ParagraphStyle::body, "Body", "Body"},
    {doc::ParagraphStyle::title, "Agreement title", "AgreementTitle", 32, true, false, doc::Align::center,
     240, 360, 0, true, false, 0},
    {doc::ParagraphStyle::article, "Article", "Article", 24, true, false, doc::Align::left, 240, 120, 0, true,
     false, 1},
    {doc::ParagraphStyle::sub_article, "Sub-article", "SubArticle", 22, true, false, doc::Align::left, 180,
     100, 0, true, false, 2},
    {doc::ParagraphStyle::annex_heading, "Annex heading", "AnnexHeading", 26, true, false, doc::Align::center,
     0, 240, 0, true, true, 1},
    {doc::ParagraphStyle::list, "List", "List", 22, false, false, doc::Align::justify, 0, 60},
    {doc::ParagraphStyle::table, "Table", "TableText", 18, false, false, doc::Align::left, 0, 60},
    {doc::ParagraphStyle::table_header, "Table header", "TableHeader", 18, true, false, doc::Align::center, 0,
     60, 0, true},
    {doc::ParagraphStyle::table_list, "Table list", "TableList", 18, false, false, doc::Align::left, 0, 40},
    {doc::ParagraphStyle::footnote, "Footnote", "Footnote", 16, false, false, doc::Align::left, 0, 0},
    {doc::ParagraphStyle::header_footer, "Header and footer", "HeaderFooter", 16, false, false,
     doc::Align::center, 0, 0},
    // Not kept with the next paragraph by its style: which rows of a signature block stay
    // together is the layout's to say (layout::signature_rows_kept_together), and LibreOffice
    // would not let a table of paragraphs kept with the next break between its rows.
    {doc::ParagraphStyle::signature, "Signature", "Signature", 22, false, false, doc::Align::left, 0, 60},
}};

/// The look of a paragraph style; every ParagraphStyle has exactly one entry.
constexpr const ParagraphLook& look(doc::ParagraphStyle id) {
    for (const auto& l : paragraph_looks)
        if (l.id == id) return l;
    return paragraph_looks[0];
}

}  // namespace conventio::style
