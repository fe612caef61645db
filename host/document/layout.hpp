// The layout decisions both formats must agree on, taken here once, so the ODT and the DOCX
// writers only translate them into their own XML: column widths in twips, where page breaks
// and table spacers go, what is kept on one page with what follows it, rows that never split,
// the language and country, colours, list markers and number labels, the fixed date of
// reproducible output. A writer that computes one of these itself is a
// bug waiting for the other writer to round differently.
#pragma once

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "conventio/document.hpp"
#include "document/style_sheet.hpp"

namespace conventio::layout {

// ---------------------------------------------------------------- tables

/// Widths in twips of columns with relative `weights` spanning `total`: each rounded to the
/// nearest twip, the last taking what is left, so the widths add up to `total` exactly.
std::vector<int> column_widths(const std::vector<double>& weights, int total = style::text_width);

/// The equal columns of a signature block.
std::vector<int> signature_widths(std::size_t columns);

/// Signatories side by side, two a row: more would squeeze each block (a party joining by an
/// avenant is a third one), and a signatory on a row of its own can be tracked as a row.
constexpr std::size_t signatures_per_row = 2;

/// The most rows a table ending the text may have to be kept whole with the signatures: a
/// longer one is left to break where it falls. Rows, not height: a few rows of long cells
/// (which never split) may still leave a page part blank.
inline constexpr std::size_t longest_table_kept_with_signatures = 5;

/// The most signatory rows a signature block keeps on one page: three rows (six signatories),
/// with the place and date above them, take about half a page. Each signatory's cell leaves
/// style::signing_space below its text.
inline constexpr std::size_t most_signature_rows_kept_together = 3;

/// How many of the rows of `s` (signature_rows) stay on one page with the place and date above
/// them: all of them when they are few enough (ODT: style:may-break-between-rows="false"; DOCX:
/// keepNext on every row's paragraphs, Word's way of keeping rows together); else the first
/// only, and the block breaks between its other rows (a row never splits). Kept whole, a block
/// of seven signatories or more left most of the text's last page blank, and one filling a
/// page pushed the paragraph LibreOffice ends a document with onto a page of its own.
std::size_t signature_rows_kept_together(const doc::Signatures& s);

/// The paragraph that heads the signature block `blocks[i]`, or null: the paragraph right
/// before it (the place and date, « Fait à … le »), unless a heading or a paragraph starting a
/// page. The writers write it as the block's first row, across its columns, so that the place
/// and date cannot be parted from the signatures; and a paragraph kept with a table is a keep
/// LibreOffice honours where a chain of kept paragraphs may be left behind (the last alinéa on
/// one page, « Fait à » alone on the next, when the page ended between them).
const doc::Paragraph* signature_lead(const std::vector<doc::Block>& blocks, std::size_t i);

/// One row of a signature block: its columns (null: an empty cell completing the last row),
/// and the change of the row when every signatory on it is inserted (or deleted) as a whole
/// (a consolidated version: the row is then tracked as a row, like a table's).
struct SignatureRow {
    std::vector<const std::vector<doc::Paragraph>*> columns;
    doc::Change change = doc::Change::none;
};

/// The rows of `s`, signatures_per_row columns each (fewer when it has fewer signatories).
std::vector<SignatureRow> signature_rows(const doc::Signatures& s);

// ---------------------------------------------------------------- language

/// The document's language as both formats spell it: the BCP 47 tag for DOCX's w:lang and the
/// metadata, its two halves for ODF's fo:language and fo:country.
struct Language {
    std::string tag;      // "fr-FR"
    std::string code;     // "fr"
    std::string country;  // "FR"; empty when the tag names none ("fr")
};

/// The language of `meta`; French (France) when the script gave none.
Language language(const doc::Metadata& meta);

// ---------------------------------------------------------------- colours and lines

/// sRGB colours as six hex digits: DOCX writes them as they are, ODF after a '#'.
inline constexpr std::string_view text_colour = "000000";       // borders, the notes' separator
inline constexpr std::string_view header_cell_fill = "D9D9D9";  // a table's header row
inline constexpr std::string_view hyperlink_colour = "0563C1";  // Word's own hyperlink blue

/// Table borders and the footnote separator line: 0.5 pt.
inline constexpr int line_width = 10;  // twips

// ---------------------------------------------------------------- lists

/// How a list level marks its items.
enum class Marker { bullet, decimal, lower_letter };

struct ListLevel {
    Marker marker;
    std::string_view bullet;  // the bullet character, for Marker::bullet
    std::string_view suffix;  // what follows the number: "1." "a)"
};

/// Level 1, then level 2, of each kind of list: "•" then "–"; "1." then "a)".
inline constexpr std::array<ListLevel, style::max_list_depth> bullet_levels{{
    {Marker::bullet, "\u2022", ""},
    {Marker::bullet, "\u2013", ""},
}};
inline constexpr std::array<ListLevel, style::max_list_depth> ordered_levels{{
    {Marker::decimal, "", "."},
    {Marker::lower_letter, "", ")"},
}};

// ---------------------------------------------------------------- dates

/// The date of a document whose script gives none: 1980-01-01, the zip epoch the package
/// entries carry, so the same script and data always give the same bytes.
inline constexpr std::string_view fixed_date = "1980-01-01";

/// Midnight of the document's date, "YYYY-MM-DDT00:00:00" (no zone: writers add one if their
/// format wants it).
std::string date_time(const doc::Metadata& meta);

// ---------------------------------------------------------------- keeping together

/// A table row never splits across pages, in every table, signatures included: a row is read
/// across (a tranche, a party's duty in the GDPR matrix, a signatory), and a row cut in two
/// leaves its last words alone on the next page. Not a flag of the tree, because no table of
/// an agreement wants its rows split; a row taller than a page is split all the same, by
/// Word and LibreOffice alike. ODT: fo:keep-together on the row's style; DOCX: w:cantSplit.
inline constexpr bool rows_split = false;

/// Whether `p` introduces what follows it: its text (deleted runs aside) ends with a colon,
/// as « … la ligne « Total » est ainsi rédigée : » before a table or « s'engage à : » before a
/// list does. Such a paragraph is kept with the block after it.
bool introduces(const doc::Paragraph& p);

/// Whether the layout keeps `blocks[i]` on one page with the block after it, on top of what
/// the tree (doc::Paragraph::keep_with_next) and the styles (headings) say:
///
///  - a paragraph that introduces the next block (`introduces`): a lead-in alone at the foot
///    of a page, its table or list on the next, reads as a stray line;
///  - the two blocks before a signature block: the place and date of signature (« Fait à … le »,
///    written in the block when it heads it, signature_lead) and, before it, the end of the
///    text signed (its last paragraph; the last item of a list; a table, whole). A
///    signature page holding only the signatures could be attached to any text, so the usual
///    rule keeps at least the last alinéa with them;
///  - a signature block followed by a paragraph (a visa, a mention such as « Lu et approuvé »)
///    that is not a heading: it belongs to the signature page.
///
/// A page break between two blocks keeps nothing together.
bool keeps_with_next(const std::vector<doc::Block>& blocks, std::size_t i);

/// Where a paragraph goes on the page, beyond its style and the tree's own properties.
struct Placement {
    bool break_before = false;    // a PageBreak before it: it starts a new page
    bool keep_with_next = false;  // keeps_with_next (or the end of a block that keeps)
};

// ---------------------------------------------------------------- the block walk

/// Walks one sequence of blocks (the body, a list item's, a cell's) and tells `visitor`
/// what to write, with the page breaks, the table spacers and the keeps already placed:
///
///   visitor.paragraph(const doc::Paragraph&, layout::Placement)
///   visitor.break_paragraph()          an empty Body paragraph carrying a page break
///   visitor.list(const doc::List&, bool keep_with_next)
///   visitor.table(const doc::Table&, const std::vector<int>& widths, bool keep_with_next)
///   visitor.signatures(const doc::Signatures&, const std::vector<int>& widths,
///                      const doc::Paragraph* lead, bool keep_with_next)   lead: signature_lead
///   visitor.table_spacer(bool keep_with_next)   an empty paragraph style::table_spacer_height high
///
/// A PageBreak is carried by the next block when it is a paragraph, else by an empty Body
/// paragraph. A signature block's lead paragraph is handed over with it, not before it. A table or signature
/// block followed by anything gets a spacer: the next paragraph would touch its border, and Word joins two
/// adjacent tables into one. A table without rows (document_check refuses one) is left out.
///
/// `keep_last`: the sequence's last block keeps with what follows the sequence, as the last
/// item of a list that keeps with the next block does. A writer walking a list or a table
/// that keeps passes it for the item or the cells whose end is the block's end.
template <class Visitor>
void each_block(const std::vector<doc::Block>& blocks, Visitor& visitor, bool keep_last = false) {
    bool break_pending = false;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const auto& value = blocks[i].value;
        const bool last = i + 1 == blocks.size();
        const bool keep = (last && keep_last) || keeps_with_next(blocks, i);
        if (std::holds_alternative<doc::PageBreak>(value)) {
            if (!last && std::holds_alternative<doc::Paragraph>(blocks[i + 1].value))
                break_pending = true;
            else
                visitor.break_paragraph();
        } else if (const auto* p = std::get_if<doc::Paragraph>(&value)) {
            if (!last && std::holds_alternative<doc::Signatures>(blocks[i + 1].value) &&
                signature_lead(blocks, i + 1) == p)
                continue;  // written in the signature block (signature_lead)
            visitor.paragraph(*p, Placement{break_pending, keep});
            break_pending = false;
        } else if (const auto* l = std::get_if<doc::List>(&value)) {
            visitor.list(*l, keep);
        } else if (const auto* t = std::get_if<doc::Table>(&value)) {
            if (t->rows.empty()) continue;  // neither format has a table without rows
            visitor.table(*t, column_widths(t->column_weights), keep);
            if (!last) visitor.table_spacer(keep);
        } else if (const auto* s = std::get_if<doc::Signatures>(&value)) {
            visitor.signatures(*s, signature_widths(std::min(s->columns.size(), signatures_per_row)),
                               signature_lead(blocks, i), keep);
            if (!last) visitor.table_spacer(keep);
        }
    }
}

/// Whether `body` ends with a table or a signature block (with rows: each_block writes it).
bool ends_with_table(const std::vector<doc::Block>& body);

/// each_block on a document's body, closed by a table spacer when it ends with a table or a
/// signature block. Both formats need a paragraph after a table that ends a document, and a
/// reader adds its own when there is none, in its default look: a line of 11 pt or more, which
/// a block ending at the foot of a page pushed onto a blank page (LibreOffice with an ODT).
/// The spacer is style::table_spacer_height high, as after any other table.
template <class Visitor>
void each_body_block(const std::vector<doc::Block>& body, Visitor& visitor) {
    each_block(body, visitor);
    if (ends_with_table(body)) visitor.table_spacer(false);
}

}  // namespace conventio::layout
