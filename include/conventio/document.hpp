// The document tree: everything an agreement contains, in a form both writers render.
//
// The tree is plain values (no pointers, no back-references) so a script's document can be
// copied, compared in tests and handed to a writer on another thread. Text is UTF-8 and has
// already been checked (see text_check.hpp) by whoever built the tree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace conventio::doc {

struct Paragraph;
struct Block;

/// Character formatting of a run. Plain aggregates so `Marks{.bold = true}` reads well.
struct Marks {
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool superscript = false;
    friend bool operator==(const Marks&, const Marks&) = default;
};

/// A tracked change (a revision mark): what the consolidated version of an agreement shows
/// an avenant inserted or deleted. Accepting every change gives the amended agreement,
/// rejecting every change the agreement as it stood.
enum class Change { none, inserted, deleted };

/// A stretch of text sharing one formatting; `href` makes it a hyperlink.
/// Non-breaking spaces (U+00A0, U+202F) are ordinary characters here and are kept as such.
struct Run {
    std::string text;
    Marks marks;
    std::string href;
    Change change = Change::none;  // inserted or deleted text of a consolidated version
};

struct LineBreak {
    Change change = Change::none;  // a line break inside inserted or deleted text
};

/// A footnote, anchored where it appears in the text. Writers number notes in reading order.
struct Footnote {
    std::vector<Paragraph> paragraphs;
    /// A note inserted or deleted with the text around it: its call is part of that revision
    /// (its paragraphs' text is marked too), so accepting or rejecting removes the whole note.
    Change change = Change::none;
};

/// A named, referable span of text (for example the "6" of "Article 6").
/// Cross-references to it display the same text.
struct Anchor {
    std::string name;
    std::string text;
    Change change = Change::none;  // an anchor inserted or deleted with its text (still referable)
    /// Byte ranges [first, second) of `text` set in superscript: the « er » of « Article 1er »
    /// (doc::raise_letters finds them). A reference repeats the text as plain text.
    std::vector<std::pair<std::size_t, std::size_t>> raised = {};
};

/// A live reference to an Anchor. `text` is the cached result a reader shows before any
/// field update, so it must equal the anchor's text (Document::check verifies this).
struct CrossRef {
    std::string name;
    std::string text;
    Change change = Change::none;  // a reference inserted or deleted (still a live reference)
};

/// Page fields for headers and footers.
enum class FieldKind { page_number, page_count };
struct Field {
    FieldKind kind;
};

using Inline = std::variant<Run, LineBreak, Footnote, Anchor, CrossRef, Field>;
using Inlines = std::vector<Inline>;

/// The named paragraph styles. Both writers derive their style definitions from
/// style_sheet.hpp, so a style looks the same in ODT and DOCX.
enum class ParagraphStyle {
    body,
    title,
    article,        // heading level 1
    sub_article,    // heading level 2
    annex_heading,  // starts on a new page
    list,           // paragraphs inside list items
    table,          // paragraphs inside table cells
    table_header,
    table_list,  // paragraphs of lists inside table cells
    footnote,
    header_footer,
    signature,
};

enum class Align { inherit, left, center, right, justify };

struct Paragraph {
    ParagraphStyle style = ParagraphStyle::body;
    Align align = Align::inherit;
    bool keep_with_next = false;
    Inlines content;
    bool keep_together = false;  // never split across pages (a bank details block, an address)
    /// The whole paragraph inserted or deleted: its paragraph mark is tracked too, so that
    /// accepting (or rejecting) the change removes the paragraph, not only its text. Its runs
    /// carry the same change.
    Change mark = Change::none;
    /// The template file the paragraph's text came from, when known (a clause's Markdown):
    /// `conventio check` names it in its findings. Writers ignore it.
    std::string origin = {};
};

struct ListItem {
    std::vector<Block> blocks;  // paragraphs and at most one more level of lists
};

struct List {
    bool ordered = false;
    std::vector<ListItem> items;
};

struct Cell {
    int column_span = 1;        // > 1 merges this cell with the next ones horizontally
    std::vector<Block> blocks;  // paragraphs and lists
};

struct Row {
    std::vector<Cell> cells;
    Change change = Change::none;  // a row inserted or deleted; its cells' runs carry it too
};

struct Table {
    std::vector<double> column_weights;  // relative widths; the table spans the text width
    bool header_row = false;             // first row repeats on each page and is emphasised
    bool borders = true;
    std::vector<Row> rows;
};

struct PageBreak {};

/// The parties' signatures, side by side: one column per signatory.
struct Signatures {
    std::vector<std::vector<Paragraph>> columns;
};

struct Block {
    std::variant<Paragraph, List, Table, PageBreak, Signatures> value;
};

struct Metadata {
    std::string title;
    std::string subject;
    std::vector<std::string> keywords;
    std::string language = "fr-FR";
    std::string creator = "conventio";
    /// ISO 8601 date ("2023-01-31"); empty means the fixed reproducible epoch.
    std::string date;
};

/// What the agreement's model states, so that `conventio check` can compare the text with it.
/// Stated by the agreement library (Agreement:document); a document built without it states
/// nothing, and the checks that need these facts are skipped.
struct StatedFacts {
    bool stated = false;
    std::vector<std::string> party_names;  // every name of every party: "Cerema", its legal name
    std::vector<std::string> cited_names;  // acronyms the text may cite that name no party (CNIL)
    std::vector<std::string> amounts;      // every amount the model printed: "475 000,00 €"
    /// An avenant: its article numbers are the amended agreement's (computed from it) and its
    /// amounts that agreement's, which this document's model does not hold.
    bool amends = false;
};

/// Who made the tracked changes of a document, and when: "Avenant n° 2", ISO 8601 date.
struct Revision {
    std::string author;
    std::string date;  // "2024-05-15"
};

struct Document {
    Metadata meta;
    StatedFacts facts;
    Revision revision;  // used when the document holds tracked changes
    Inlines header;
    Inlines footer;
    std::vector<Block> body;
};

}  // namespace conventio::doc
