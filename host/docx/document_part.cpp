// word/document.xml: the body's blocks (paragraphs, lists, tables, signatures, page breaks)
// and the final section properties that set the page and name the header and footer.
#include "document/inline_revisions.hpp"
#include "document/layout.hpp"
#include "document/style_sheet.hpp"
#include "docx/docx_internal.hpp"
#include "xml/built_once.hpp"

namespace conventio::docx::detail {
namespace {

/// What a cell's w:tcPr is written from: the same few values in every row of a table.
struct CellLook {
    int width;
    int span;
    bool header;
    bool flush;  // no margins: a signature block's lead lines up with the body's text
    friend auto operator<=>(const CellLook&, const CellLook&) = default;
};

class BodyWriter {
public:
    BodyWriter(xml::Writer& w, Links& links, DocumentState& state, FootnotesPart& notes)
        : w_(w), state_(state), story_(w, links, state, &notes) {}

    void blocks(const std::vector<doc::Block>& blocks, bool keep_last = false);
    void section_properties(std::string_view header_rel, std::string_view footer_rel);

    // What layout::each_block calls.
    void paragraph(const doc::Paragraph& p, layout::Placement placement);
    void break_paragraph();
    void list(const doc::List& l, bool keep_with_next);
    void table(const doc::Table& t, const std::vector<int>& widths, bool keep_with_next);
    void signatures(const doc::Signatures& s, const std::vector<int>& widths, const doc::Paragraph* lead,
                    bool keep_with_next);
    void table_spacer(bool keep_with_next);

private:
    // The list item whose paragraphs are being written: its first paragraph carries the
    // marker, the later ones are indented to the item's text.
    struct Item {
        int num_id;
        int level;
        bool marked = false;
    };

    void table_properties(bool borders, bool signatures);
    static void table_borders(xml::Writer& w, bool borders);
    void table_grid(const std::vector<int>& widths);
    void row(const doc::Row& r, const std::vector<int>& widths, bool header, bool keep_with_next);
    static void row_properties(xml::Writer& w);
    void cell_properties(int width, int span, bool header, bool flush = false);
    void header_reference(std::string_view element, std::string_view rel);

    xml::Writer& w_;
    DocumentState& state_;
    Story story_;
    Item* item_ = nullptr;
    int list_depth_ = 0;
    const void* last_table_ = nullptr;  // the Table or Signatures the next spacer follows
};

// Page breaks and table spacers are placed by layout::each_block, the walk the ODT writer
// uses too, so both formats break and space at the same places.
void BodyWriter::blocks(const std::vector<doc::Block>& blocks, bool keep_last) {
    layout::each_block(blocks, *this, keep_last);
}

void BodyWriter::break_paragraph() {
    story_.empty_paragraph(doc::ParagraphStyle::body, {.page_break_before = true});
}

void BodyWriter::paragraph(const doc::Paragraph& p, layout::Placement placement) {
    ParagraphExtras extras{.page_break_before = placement.break_before,
                           .keep_with_next = placement.keep_with_next};
    if (item_) {
        extras.in_list = true;
        extras.list_level = item_->level;
        if (item_->marked)
            extras.indent_left = (item_->level + 1) * style::list_indent;
        else
            extras.num_id = item_->num_id;
        item_->marked = true;
    }
    story_.paragraph(p, extras);
}

void BodyWriter::list(const doc::List& l, bool keep_with_next) {
    int level = list_depth_;
    int num_id = l.ordered ? state_.numbering.new_ordered_list(level) : NumberingPlan::bullet_num_id;
    Item* outer = item_;
    ++list_depth_;
    for (std::size_t i = 0; i < l.items.size(); ++i) {
        const doc::ListItem& entry = l.items[i];
        Item item{num_id, level};
        item_ = &item;
        // An item with no blocks still shows its marker, on an empty paragraph.
        if (entry.blocks.empty())
            story_.empty_paragraph(doc::ParagraphStyle::list,
                                   {.in_list = true, .num_id = num_id, .list_level = level});
        // The last item's end is the list's: it keeps with the next block when the list does.
        blocks(entry.blocks, keep_with_next && i + 1 == l.items.size());
    }
    --list_depth_;
    item_ = outer;
}

void BodyWriter::table(const doc::Table& t, const std::vector<int>& widths, bool keep_with_next) {
    last_table_ = &t;
    xml::Element tbl(w_, "w:tbl");
    table_properties(t.borders, false);
    table_grid(widths);
    // Word keeps a row with the next one through its paragraphs' keepNext: on every row, the
    // table moves whole with the next block, as LibreOffice moves an ODT table whose style keeps
    // with the next (its last row alone would leave the others on the page before).
    for (std::size_t i = 0; i < t.rows.size(); ++i)
        row(t.rows[i], widths, t.header_row && i == 0, keep_with_next);
}

// The properties every row has: it never splits across pages (layout::rows_split). CT_TrPr
// is a choice of these in any order, then the row's change mark.
void BodyWriter::row_properties(xml::Writer& w) {
    if (!layout::rows_split) w.empty("w:cantSplit");
}

void BodyWriter::row(const doc::Row& r, const std::vector<int>& widths, bool header, bool keep_with_next) {
    xml::Element tr(w_, "w:tr");
    {
        // A row inserted or deleted: marked on the row (Word, LibreOffice) and on its cells' runs
        // (pandoc reads only those); the mark comes after the other row properties (CT_TrPr).
        xml::Element trpr(w_, "w:trPr");
        row_properties(w_);
        if (header) w_.empty("w:tblHeader");
        if (r.change != doc::Change::none) change_mark(w_, state_, r.change);
    }
    std::size_t column = 0;
    for (const doc::Cell& c : r.cells) {
        int width = 0;
        for (int k = 0; k < c.column_span && column < widths.size(); ++k) width += widths[column++];
        xml::Element tc(w_, "w:tc");
        cell_properties(width, c.column_span, header);
        // Both formats require a paragraph in every cell.
        if (c.blocks.empty())
            story_.empty_paragraph(header ? doc::ParagraphStyle::table_header : doc::ParagraphStyle::table,
                                   {.keep_with_next = keep_with_next});
        blocks(c.blocks, keep_with_next);
    }
}

// A table is followed by an empty paragraph of exactly style::table_spacer_height, as in the
// ODT: it keeps the next paragraph off the table's border, and keeps Word and LibreOffice from
// joining two adjacent w:tbl into one table.
void BodyWriter::table_spacer(bool keep_with_next) {
    xml::Element p(w_, "w:p");
    xml::Element ppr(w_, "w:pPr");
    val(w_, "w:pStyle", style::look(doc::ParagraphStyle::body).internal_id);
    // Between a table that keeps with the next block and that block (layout::keeps_with_next).
    if (keep_with_next) w_.empty("w:keepNext");
    w_.start("w:spacing");
    w_.attr("w:before", 0);
    w_.attr("w:after", 0);
    w_.attr("w:line", style::table_spacer_height);
    w_.attr("w:lineRule", "exact");
    w_.end();
    // A paragraph inserted or deleted alone after the table: the spacer's mark is tracked, so
    // one empty paragraph stays where the spacer was.
    if (auto tracked = state_.spacer_marks.find(last_table_); tracked != state_.spacer_marks.end()) {
        xml::Element rpr(w_, "w:rPr");
        change_mark(w_, state_, tracked->second);
    }
}

// Signatories side by side: a borderless table with equal columns, two a row
// (layout::signature_rows); a row whose signatories are all inserted or deleted is tracked.
// keepNext on a row's paragraphs keeps it with the next row, Word's way of keeping rows
// together: on every row of a short block, and the last keeps the block with its spacer (and
// what follows, layout::keeps_with_next); a long block leaves it off the rows a page may end
// after (layout::signature_rows_kept_together). So `keep_with_next` needs nothing more here.
void BodyWriter::signatures(const doc::Signatures& s, const std::vector<int>& widths,
                            const doc::Paragraph* lead, bool) {
    last_table_ = &s;
    xml::Element tbl(w_, "w:tbl");
    table_properties(false, true);
    table_grid(widths);
    // The place and date across the columns (layout::signature_lead), kept with the row below.
    if (lead) {
        xml::Element tr(w_, "w:tr");
        {
            xml::Element trpr(w_, "w:trPr");
            row_properties(w_);
        }
        xml::Element tc(w_, "w:tc");
        cell_properties(style::text_width, static_cast<int>(widths.size()), false, true);
        story_.paragraph(*lead, {.keep_with_next = true});
    }
    const std::vector<layout::SignatureRow> rows = layout::signature_rows(s);
    const std::size_t kept = layout::signature_rows_kept_together(s);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const layout::SignatureRow& row = rows[r];
        const ParagraphExtras extras{.keep_with_next = r + 1 < kept || r + 1 == rows.size()};
        xml::Element tr(w_, "w:tr");
        {
            xml::Element trpr(w_, "w:trPr");
            row_properties(w_);
            if (row.change != doc::Change::none) change_mark(w_, state_, row.change);
        }
        for (std::size_t i = 0; i < row.columns.size(); ++i) {
            xml::Element tc(w_, "w:tc");
            cell_properties(widths[i], 1, false);
            const std::vector<doc::Paragraph>* column = row.columns[i];
            if (!column || column->empty()) story_.empty_paragraph(doc::ParagraphStyle::signature, extras);
            // The row's paragraph marks but the cell's last are tracked too: a reader that only
            // reads the runs (pandoc) then leaves one empty paragraph in the cell, not several.
            if (column && row.change != doc::Change::none)
                for (std::size_t k = 0; k + 1 < column->size(); ++k)
                    state_.tracked_marks[&(*column)[k]] = row.change;
            if (column)
                for (const doc::Paragraph& p : *column) story_.paragraph(p, extras);
        }
    }
}

/// What a table's w:tblPr is written from.
struct TableLook {
    bool borders;
    bool signatures;  // the room to sign below each signatory (style::signing_space)
    friend auto operator<=>(const TableLook&, const TableLook&) = default;
};

// A fixed layout at exactly the text width, starting at the margin: LibreOffice and Word
// then both use the grid widths as they are instead of fitting columns to the content.
void BodyWriter::table_properties(bool borders, bool signatures) {
    // The same three fragments in every table: built once per process.
    static xml::BuiltOnce<TableLook> built([](const TableLook& look) {
        xml::Writer w(xml::Writer::Fragment{});
        {
            xml::Element tblpr(w, "w:tblPr");
            w.start("w:tblW");
            w.attr("w:w", style::text_width);
            w.attr("w:type", "dxa");
            w.end();
            w.start("w:tblInd");
            w.attr("w:w", 0);
            w.attr("w:type", "dxa");
            w.end();
            table_borders(w, look.borders);
            w.start("w:tblLayout");
            w.attr("w:type", "fixed");
            w.end();
            xml::Element margins(w, "w:tblCellMar");
            for (std::string_view side : {"w:top", "w:left", "w:bottom", "w:right"}) {
                const bool room = look.signatures && side == "w:bottom";
                w.start(side);
                w.attr("w:w", style::table_cell_padding + (room ? style::signing_space : 0));
                w.attr("w:type", "dxa");
                w.end();
            }
        }
        return w.finish();
    });
    w_.raw(built(TableLook{borders, signatures}));
}

// layout::line_width (0.5 pt) is w:sz="4". "nil" rather than nothing, so that no table
// style or reader default can add lines to a borderless table.
void BodyWriter::table_borders(xml::Writer& w, bool borders) {
    xml::Element b(w, "w:tblBorders");
    for (std::string_view side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
        w.start(side);
        if (borders) {
            w.attr("w:val", "single");
            w.attr("w:sz", layout::line_width * 8 / 20);  // eighths of a point
            w.attr("w:space", 0);
            w.attr("w:color", layout::text_colour);
        } else {
            w.attr("w:val", "nil");
        }
        w.end();
    }
}

void BodyWriter::table_grid(const std::vector<int>& widths) {
    xml::Element grid(w_, "w:tblGrid");
    for (int width : widths) {
        w_.start("w:gridCol");
        w_.attr("w:w", width);
        w_.end();
    }
}

void BodyWriter::cell_properties(int width, int span, bool header, bool flush) {
    // Every row of a table repeats its cells' properties: each is built once per process.
    static xml::BuiltOnce<CellLook> built([](const CellLook& look) {
        xml::Writer w(xml::Writer::Fragment{});
        {
            xml::Element tcpr(w, "w:tcPr");
            w.start("w:tcW");
            w.attr("w:w", look.width);
            w.attr("w:type", "dxa");
            w.end();
            if (look.span > 1) val(w, "w:gridSpan", look.span);
            if (look.header) {
                w.start("w:shd");
                w.attr("w:val", "clear");
                w.attr("w:color", "auto");
                w.attr("w:fill", layout::header_cell_fill);
                w.end();
            }
            if (look.flush) {
                xml::Element margins(w, "w:tcMar");
                for (std::string_view side : {"w:top", "w:left", "w:bottom", "w:right"}) {
                    w.start(side);
                    w.attr("w:w", 0);
                    w.attr("w:type", "dxa");
                    w.end();
                }
            }
        }
        return w.finish();
    });
    w_.raw(built(CellLook{width, span, header, flush}));
}

// The header and footer sit header_distance from the page edge, inside the margins.
void BodyWriter::section_properties(std::string_view header_rel, std::string_view footer_rel) {
    xml::Element sect(w_, "w:sectPr");
    if (!header_rel.empty()) header_reference("w:headerReference", header_rel);
    if (!footer_rel.empty()) header_reference("w:footerReference", footer_rel);
    w_.start("w:pgSz");
    w_.attr("w:w", style::page_width);
    w_.attr("w:h", style::page_height);
    w_.end();
    w_.start("w:pgMar");
    w_.attr("w:top", style::margin_top);
    w_.attr("w:right", style::margin_right);
    w_.attr("w:bottom", style::margin_bottom);
    w_.attr("w:left", style::margin_left);
    w_.attr("w:header", style::header_distance);
    w_.attr("w:footer", style::header_distance);
    w_.attr("w:gutter", 0);
    w_.end();
}

void BodyWriter::header_reference(std::string_view element, std::string_view rel) {
    w_.start(element);
    w_.attr("w:type", "default");
    w_.attr("r:id", rel);
    w_.end();
}

}  // namespace

BodyPart document_part(const doc::Document& document, DocumentState& state, FootnotesPart& notes,
                       std::string_view header_rel, std::string_view footer_rel) {
    BodyPart part;
    xml::Writer w;
    {
        xml::Element root(w, "w:document");
        w.attr("xmlns:w", ns_w);
        w.attr("xmlns:r", ns_r);
        xml::Element body(w, "w:body");
        tracked_paragraph_marks(document.body, state);
        state.bookmarks = doc::AnchorBookmarks(document.body);
        BodyWriter writer(w, part.links, state, notes);
        layout::each_body_block(document.body, writer);
        writer.section_properties(header_rel, footer_rel);
    }
    part.xml = w.finish();
    return part;
}

}  // namespace conventio::docx::detail
