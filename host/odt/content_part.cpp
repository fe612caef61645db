// content.xml: the body (paragraphs, headings, lists, tables, signatures, page breaks) and
// the automatic styles it uses.
#include <string>
#include <vector>

#include "document/inline_revisions.hpp"
#include "document/layout.hpp"
#include "document/style_sheet.hpp"
#include "odt/odt_internal.hpp"

namespace conventio::odt::detail {
namespace {

/// The automatic style of the paragraph that follows a table (see style::table_spacer_height),
/// and of one that keeps the table with the block after it (layout::keeps_with_next).
constexpr std::string_view table_spacer_style = "TableSpacer";
constexpr std::string_view kept_table_spacer_style = "TableSpacerKept";

void table_spacer_style_definition(xml::Writer& w, bool keep_with_next) {
    xml::Element s(w, "style:style");
    w.attr("style:name", keep_with_next ? kept_table_spacer_style : table_spacer_style);
    w.attr("style:family", "paragraph");
    w.attr("style:parent-style-name", style::look(doc::ParagraphStyle::body).internal_id);
    w.start("style:paragraph-properties");
    w.attr("fo:margin-top", "0pt");
    w.attr("fo:margin-bottom", "0pt");
    w.attr("fo:line-height", Length::points(style::table_spacer_height));
    if (keep_with_next) w.attr("fo:keep-with-next", "always");
    w.end();
    w.start("style:text-properties");
    w.attr("fo:font-size", "1pt");
    w.end();
}

/// The look of a table cell: everything its automatic style depends on.
struct CellLook {
    bool borders;
    bool header;
};

std::string_view cell_style_name(CellLook look) {
    if (look.borders) return look.header ? "CellBorderHeader" : "CellBorder";
    return look.header ? "CellPlainHeader" : "CellPlain";
}

/// A signatory's cell: borderless, with the room to sign below the text. The lead's cell, across
/// the columns, has no padding: its text lines up with the body's, as a paragraph's would.
constexpr std::string_view signature_cell_style = "CellSignature";
constexpr std::string_view signature_lead_cell_style = "CellSignatureLead";

/// What a table's own automatic style depends on.
struct TableLook {
    std::vector<int> widths;  // twips
    bool borders = false;
    bool keep_with_next = false;  // layout::keeps_with_next
    bool rows_together = false;   // never breaks between its rows (layout::signature_rows_kept_together)
};

/// First pass: which automatic styles the body needs, in order of first use.
class Collector {
public:
    AutoStyles styles{""};
    std::vector<TableLook> tables;  // one entry per table, in body order (a long signature block is two)
    bool cell_looks[2][2] = {};     // [borders][header]
    bool signature_cells = false;
    bool signature_lead_cells = false;
    TrackedChanges tracked;     // the tracked changes, in the order written
    bool rows_tracked = false;  // a table row inserted or deleted
    bool spacer_used[2] = {};   // [keep_with_next]

    void blocks(const std::vector<doc::Block>& b, bool keep_last = false) {
        layout::each_block(b, *this, keep_last);
    }
    void paragraph(const doc::Paragraph& p, layout::Placement placement) {
        styles.add(p, placement);
        tracked.number_notes(p.content);
        // A whole paragraph changed is one region, met at its group's first paragraph.
        if (const layout::ParagraphGroup* g = tracked.paragraphs.group(p)) {
            if (&p == g->paragraphs.front()) tracked.regions.push_back({g->change, nullptr, g});
            return;
        }
        collect_tracked(p.content, tracked.regions);
    }
    void break_paragraph() { styles.add(ParagraphKey{.break_before = true}); }
    void table_spacer(bool keep_with_next) { spacer_used[keep_with_next] = true; }

    void list(const doc::List& l, bool keep_with_next) {
        for (std::size_t i = 0; i < l.items.size(); ++i)
            blocks(l.items[i].blocks, keep_with_next && i + 1 == l.items.size());
    }

    void table(const doc::Table& t, const std::vector<int>& widths, bool keep_with_next) {
        tables.push_back({widths, t.borders, keep_with_next, false});
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            cell_looks[t.borders][t.header_row && r == 0] = true;
            if (t.rows[r].change != doc::Change::none) rows_tracked = true;
            for (const doc::Cell& cell : t.rows[r].cells) blocks(cell.blocks);
        }
    }

    void signatures(const doc::Signatures& s, const std::vector<int>& widths, const doc::Paragraph* lead,
                    bool keep_with_next) {
        // A long block is two tables (BodyWriter::signatures): the rows kept together, then the
        // rest, which may break between its rows. Not kept with each other: LibreOffice then
        // moved both to the next page whole, leaving the text's last page half blank.
        if (layout::signature_rows_kept_together(s) < layout::signature_rows(s).size()) {
            tables.push_back({widths, false, false, true});
            tables.push_back({widths, false, keep_with_next, false});
        } else {
            tables.push_back({widths, false, keep_with_next, true});
        }
        signature_cells = true;
        if (lead) {
            signature_lead_cells = true;
            paragraph(*lead, layout::Placement{});
        }
        for (const layout::SignatureRow& row : layout::signature_rows(s))
            if (row.change != doc::Change::none) rows_tracked = true;
        for (const auto& column : s.columns)
            for (const doc::Paragraph& p : column) {
                styles.add(p, layout::Placement{});
                tracked.number_notes(p.content);
                collect_tracked(p.content, tracked.regions);
            }
    }
};

/// "Table3": the table:name LibreOffice shows, and the name of the table's style.
std::string table_name(int index) {
    std::string name = "Table";
    name += Length::integer(index, "").view();
    return name;
}

/// "Table3.C2": the style of a column of one table (tables differ in their widths).
std::string column_style_name(const std::string& table, std::size_t column) {
    std::string name = table;
    name += ".C";
    name += Length::integer(static_cast<int>(column + 1), "").view();
    return name;
}

void table_styles(xml::Writer& w, int index, const TableLook& look) {
    std::string name = table_name(index);
    const std::vector<int>& widths = look.widths;
    {
        xml::Element s(w, "style:style");
        w.attr("style:name", name);
        w.attr("style:family", "table");
        w.start("style:table-properties");
        w.attr("style:width", Length::points(style::text_width));
        w.attr("table:align", "margins");
        // A bordered DOCX table ends half a point lower in LibreOffice (its last border sits
        // outside the rows); the same space after the ODT table keeps what follows aligned.
        if (look.borders) w.attr("fo:margin-bottom", "0.5pt");
        if (look.keep_with_next) w.attr("fo:keep-with-next", "always");
        if (look.rows_together) w.attr("style:may-break-between-rows", "false");
        w.end();
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
        xml::Element s(w, "style:style");
        w.attr("style:name", column_style_name(name, c));
        w.attr("style:family", "table-column");
        w.start("style:table-column-properties");
        w.attr("style:column-width", Length::points(widths[c]));
        w.attr("style:rel-column-width", Length::integer(widths[c], "*"));
        w.end();
    }
}

void cell_style(xml::Writer& w, CellLook look) {
    xml::Element s(w, "style:style");
    w.attr("style:name", cell_style_name(look));
    w.attr("style:family", "table-cell");
    xml::Element props(w, "style:table-cell-properties");
    // Word measures a cell's margins from the middle of its borders, ODF from their inner
    // edges, and LibreOffice's DOCX import shares each border between neighbouring cells. These
    // paddings (measured against LibreOffice's rendering of the same DOCX) put the text where
    // the DOCX has it and give rows the same height, so both formats break pages alike.
    const int pad = style::table_cell_padding;
    if (look.borders) {
        w.attr("fo:padding-top", Length::points(pad));
        w.attr("fo:padding-bottom", Length::points(pad - 10));
        w.attr("fo:padding-left", Length::points(pad - 5));
        w.attr("fo:padding-right", Length::points(pad - 15));
    } else {
        w.attr("fo:padding", Length::points(pad));
    }
    w.attr("fo:border", look.borders ? border() : std::string("none"));
    if (look.header) w.attr("fo:background-color", colour(layout::header_cell_fill));
}

/// A signatory's cell: the plain cell's padding, and the room to sign below its text.
void signature_cell_style_definition(xml::Writer& w) {
    xml::Element s(w, "style:style");
    w.attr("style:name", signature_cell_style);
    w.attr("style:family", "table-cell");
    xml::Element props(w, "style:table-cell-properties");
    const int pad = style::table_cell_padding;
    w.attr("fo:padding-top", Length::points(pad));
    w.attr("fo:padding-bottom", Length::points(pad + style::signing_space));
    w.attr("fo:padding-left", Length::points(pad));
    w.attr("fo:padding-right", Length::points(pad));
    w.attr("fo:border", "none");
}

void signature_lead_cell_style_definition(xml::Writer& w) {
    xml::Element s(w, "style:style");
    w.attr("style:name", signature_lead_cell_style);
    w.attr("style:family", "table-cell");
    xml::Element props(w, "style:table-cell-properties");
    w.attr("fo:padding", "0pt");
    w.attr("fo:border", "none");
}

/// The style of every table row: it never splits across pages (layout::rows_split).
constexpr std::string_view row_style = "TableRow";

/// A row style: kept on one page, and (`tracked`) a row whose insertion or deletion is tracked.
void row_style_definition(xml::Writer& w, std::string_view name, bool tracked);

void row_style_definition(xml::Writer& w) { row_style_definition(w, row_style, false); }

/// The style of a row inserted or deleted. ODF tracks only the cells' text; LibreOffice (7.2+)
/// removes the row itself on accept/reject (and exports it as a DOCX row change) only when
/// the row's style says its changes are not text-only. Foreign (loext) markup: a strict ODF
/// 1.3 validation rejects it, and without it the row would stay behind, empty.
constexpr std::string_view tracked_row_style = "TrackedRow";
constexpr std::string_view loext_namespace =
    "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0";

void row_style_definition(xml::Writer& w, std::string_view name, bool tracked) {
    xml::Element s(w, "style:style");
    w.attr("style:name", name);
    w.attr("style:family", "table-row");
    w.start("style:table-row-properties");
    if (!layout::rows_split) w.attr("fo:keep-together", "always");
    if (tracked) w.attr("loext:text-changes-only", "false");
    w.end();
}

void tracked_row_style_definition(xml::Writer& w) { row_style_definition(w, tracked_row_style, true); }

void automatic_styles(xml::Writer& w, const Collector& used) {
    xml::Element styles(w, "office:automatic-styles");
    used.styles.write(w);
    for (bool keep : {false, true})
        if (used.spacer_used[keep]) table_spacer_style_definition(w, keep);
    if (!used.tables.empty()) row_style_definition(w);
    if (used.rows_tracked) tracked_row_style_definition(w);
    int index = 0;
    for (const TableLook& table : used.tables) table_styles(w, ++index, table);
    for (bool borders : {true, false})
        for (bool header : {false, true})
            if (used.cell_looks[borders][header]) cell_style(w, CellLook{borders, header});
    if (used.signature_cells) signature_cell_style_definition(w);
    if (used.signature_lead_cells) signature_lead_cell_style_definition(w);
}

/// Second pass: the body itself.
class BodyWriter {
public:
    BodyWriter(xml::Writer& w, const AutoStyles& styles, const TrackedChanges& tracked)
        : w_(w), tracked_(tracked), text_(w, styles, &tracked) {}

    void blocks(const std::vector<doc::Block>& b, bool keep_last = false) {
        layout::each_block(b, *this, keep_last);
    }
    void tracked_changes(const TrackedChanges& changes, const doc::Revision& revision) {
        text_.tracked_changes(changes, revision);
    }
    void paragraph(const doc::Paragraph& p, layout::Placement placement) { text_.paragraph(p, placement); }
    void break_paragraph() { text_.empty_paragraph(doc::ParagraphStyle::body, true); }
    void table_spacer(bool keep_with_next) {
        w_.start("text:p");
        w_.attr("text:style-name", keep_with_next ? kept_table_spacer_style : table_spacer_style);
        // A paragraph inserted or deleted alone after the table: its region takes in the
        // spacer's paragraph end (as at the end of a previous paragraph, story.cpp).
        if (const layout::ParagraphGroup* g = tracked_.paragraphs.after_spacer(last_table_))
            text_.change_id(g->change == doc::Change::inserted ? "text:change-start" : "text:change",
                            tracked_.id(g));
        w_.end();
    }

    void list(const doc::List& l, bool keep_with_next) {
        // The last item's end is the list's: it keeps with the next block when the list does.
        auto keep_last = [&](std::size_t i) { return keep_with_next && i + 1 == l.items.size(); };
        // A list (or item) whose paragraphs are all deleted as a whole is kept in their
        // regions only: left in the body it would be an empty list once accepted.
        // Its paragraphs still go through the story, which marks where they were.
        if (removed(l)) {
            for (std::size_t i = 0; i < l.items.size(); ++i) blocks(l.items[i].blocks, keep_last(i));
            return;
        }
        xml::Element list(w_, "text:list");
        // A nested list names its own style too, so a bulleted list inside a numbered one
        // gets dashes; and every text:list restarts its numbering (no continue-numbering).
        w_.attr("text:style-name", l.ordered ? number_list_style : bullet_list_style);
        for (std::size_t i = 0; i < l.items.size(); ++i) {
            const doc::ListItem& item = l.items[i];
            if (!item.blocks.empty() && removed(item.blocks)) {
                blocks(item.blocks, keep_last(i));
                continue;
            }
            xml::Element li(w_, "text:list-item");
            if (item.blocks.empty()) text_.empty_paragraph(doc::ParagraphStyle::list);
            blocks(item.blocks, keep_last(i));
        }
    }

    // The table's own style keeps it with the next block (content.xml's table_styles).
    void table(const doc::Table& t, const std::vector<int>&, bool) {
        last_table_ = &t;
        start_table(t.column_weights.size());
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            bool header = t.header_row && r == 0;
            // Header rows repeat at the top of each page the table runs onto.
            if (header) w_.start("table:table-header-rows");
            row(t.rows[r], CellLook{t.borders, header});
            if (header) w_.end();
        }
        w_.end();
    }

    void signatures(const doc::Signatures& s, const std::vector<int>& widths, const doc::Paragraph* lead,
                    bool) {
        last_table_ = &s;
        start_table(widths.size());
        if (lead) {
            xml::Element tr(w_, "table:table-row");
            w_.attr("table:style-name", row_style);
            start_cell(signature_lead_cell_style);
            if (widths.size() > 1)
                w_.attr("table:number-columns-spanned", static_cast<long long>(widths.size()));
            text_.paragraph(*lead);
            w_.end();
            for (std::size_t covered = 1; covered < widths.size(); ++covered)
                w_.empty("table:covered-table-cell");
        }
        // ODF keeps rows together only as a whole table: the rows of a long block after those
        // kept with the place and date go into a second table, which may break between them.
        const std::vector<layout::SignatureRow> rows = layout::signature_rows(s);
        const std::size_t kept = layout::signature_rows_kept_together(s);
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (r == kept) {
                w_.end();
                start_table(widths.size());
            }
            xml::Element tr(w_, "table:table-row");
            w_.attr("table:style-name", rows[r].change != doc::Change::none ? tracked_row_style : row_style);
            for (const std::vector<doc::Paragraph>* column : rows[r].columns) {
                start_cell(signature_cell_style);
                if (!column || column->empty()) text_.empty_paragraph(doc::ParagraphStyle::signature);
                if (column)
                    for (const doc::Paragraph& p : *column) text_.paragraph(p);
                w_.end();
            }
        }
        w_.end();
    }

private:
    bool removed(const doc::List& l) const {
        for (const doc::ListItem& item : l.items)
            if (item.blocks.empty() || !removed(item.blocks)) return false;
        return true;
    }
    bool removed(const std::vector<doc::Block>& blocks) const {
        for (const doc::Block& b : blocks) {
            const auto* p = std::get_if<doc::Paragraph>(&b.value);
            const auto* l = std::get_if<doc::List>(&b.value);
            const layout::ParagraphGroup* g = p ? tracked_.paragraphs.group(*p) : nullptr;
            if (!(g && g->change == doc::Change::deleted) && !(l && removed(*l))) return false;
        }
        return true;
    }

    void start_table(std::size_t columns) {
        std::string name = table_name(++tables_);
        w_.start("table:table");
        w_.attr("table:name", name);
        w_.attr("table:style-name", name);
        for (std::size_t c = 0; c < columns; ++c) {
            w_.start("table:table-column");
            w_.attr("table:style-name", column_style_name(name, c));
            w_.end();
        }
    }

    void row(const doc::Row& row, CellLook look) {
        xml::Element tr(w_, "table:table-row");
        w_.attr("table:style-name", row.change != doc::Change::none ? tracked_row_style : row_style);
        for (const doc::Cell& cell : row.cells) {
            start_cell(cell_style_name(look));
            if (cell.column_span > 1) w_.attr("table:number-columns-spanned", cell.column_span);
            // Both formats need a paragraph in every cell.
            if (cell.blocks.empty())
                text_.empty_paragraph(look.header ? doc::ParagraphStyle::table_header
                                                  : doc::ParagraphStyle::table);
            blocks(cell.blocks);
            w_.end();
            for (int covered = 1; covered < cell.column_span; ++covered) w_.empty("table:covered-table-cell");
        }
    }

    void start_cell(std::string_view style) {
        w_.start("table:table-cell");
        w_.attr("table:style-name", style);
        w_.attr("office:value-type", "string");
    }

    xml::Writer& w_;
    const TrackedChanges& tracked_;
    const void* last_table_ = nullptr;  // the Table or Signatures the next spacer follows
    Story text_;
    int tables_ = 0;
};

}  // namespace

std::string content_part(const doc::Document& document) {
    Collector used;
    used.tracked.paragraphs = layout::tracked_paragraphs(document.body);
    layout::each_body_block(document.body, used);
    used.tracked.number();
    used.tracked.bookmarks = doc::AnchorBookmarks(document.body);

    xml::Writer w;
    {
        xml::Element root(w, "office:document-content");
        declare_namespaces(w, {Namespace::office, Namespace::style, Namespace::text, Namespace::table,
                               Namespace::fo, Namespace::xlink, Namespace::svg, Namespace::dc});
        if (used.rows_tracked) w.attr("xmlns:loext", loext_namespace);
        w.attr("office:version", "1.3");
        font_face_decls(w);
        automatic_styles(w, used);
        xml::Element body(w, "office:body");
        xml::Element text(w, "office:text");
        BodyWriter body_writer(w, used.styles, used.tracked);
        body_writer.tracked_changes(used.tracked, document.revision);
        layout::each_body_block(document.body, body_writer);
    }
    return w.finish();
}

}  // namespace conventio::odt::detail
