#include "template/markdown_to_tree.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>

#include "config/i18n.hpp"
#include "document/document_check.hpp"
#include "document/text_check.hpp"
#include "template/source_position.hpp"
#include "template/template_error.hpp"

namespace conventio::tmpl {

using config::format;
using config::tr;

namespace {

using doc::ParagraphStyle;

cmark_syntax_extension* table_extension() {
    // cmark-gfm registers its extensions without a lock; a function-local static has one.
    static cmark_syntax_extension* const extension = [] {
        cmark_gfm_core_extensions_ensure_registered();
        return cmark_find_syntax_extension("table");
    }();
    return extension;
}

struct ParserFree {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeFree {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};

std::string_view literal(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s ? s : "";
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// What to tell a drafter who wrote HTML. `alone` is for HTML on lines of its own.
std::string html_message(std::string_view html, bool alone) {
    if (html.starts_with("<!--"))
        return tr("HTML comments are not allowed in clause text: use {# ... #} in the template");
    std::size_t i = 1;
    bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    std::size_t start = i;
    while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-')) ++i;
    std::string name = lower(html.substr(start, i - start));
    if (name.empty()) {
        std::string_view shown = html.substr(0, std::min(html.find('\n'), std::size_t{40}));
        return format(tr("unsupported HTML '{}'"), shown);
    }
    std::string hint;
    if (name == "b" || name == "strong")
        hint = tr("use **bold**");
    else if (name == "i" || name == "em")
        hint = tr("use *italic*");
    else if (name == "a")
        hint = tr("use [text](address)");
    else if (name == "p" || name == "div")
        hint = tr("separate paragraphs with a blank line");
    else if (name == "ul" || name == "ol" || name == "li")
        hint = tr("start list items with '-' or '1.'");
    else if (name == "table" || name == "tr" || name == "td" || name == "th" || name == "thead" ||
             name == "tbody")
        hint = tr("use a Markdown table (| a | b |)");
    else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')
        hint = tr("headings come from the agreement's structure, not from clause text");
    else if (name == "img")
        hint = tr("images are not supported in clause text");
    else if (name == "sup" || name == "u" || name == "br")
        hint = alone ? format(tr("<{}> belongs inside a line of text, not on a line of its own"), name)
                     : format(tr("write <{}> without attributes"), name);
    else
        hint = tr("only <sup>, <u> and <br> are allowed");
    return format(tr("unsupported HTML <{}>: {}"), std::string(closing ? "/" : "") + name, hint);
}

class Converter {
public:
    Converter(std::string_view markdown, const MarkdownOptions& options)
        : markdown_(markdown), options_(options), may_decode_entities_(markdown.find('&') != markdown.npos) {}

    std::vector<doc::Block> convert(cmark_node* document) {
        // cmark-gfm numbers footnote references 1, 2... in order of first use and moves the
        // definitions, in that order, to the end of the document (unused ones are dropped).
        for (cmark_node* n = cmark_node_first_child(document); n; n = cmark_node_next(n))
            if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) footnotes_.push_back(n);
        std::vector<doc::Block> out;
        blocks(document, ParagraphStyle::body, 0, out);
        return out;
    }

private:
    /// Tags <sup> and <u> open in the paragraph being read. They are separate inline nodes in
    /// cmark, possibly at different nesting levels, so they are tracked per paragraph.
    struct Html {
        cmark_node* sup = nullptr;
        cmark_node* underline = nullptr;
    };

    [[noreturn]] void fail(cmark_node* n, std::string_view message) const {
        // Soft breaks and padded table cells carry no position; their parents do.
        while (n && (cmark_node_get_start_line(n) <= 0 || cmark_node_get_start_column(n) <= 0) &&
               cmark_node_parent(n))
            n = cmark_node_parent(n);
        int line = n ? std::max(cmark_node_get_start_line(n), 1) : 1;
        int byte_column = n ? std::max(cmark_node_get_start_column(n), 1) : 1;
        std::size_t line_start = 0;
        for (int l = 1; l < line; ++l) {
            std::size_t nl = markdown_.find('\n', line_start);
            if (nl == std::string_view::npos) break;
            line_start = nl + 1;
        }
        int column =
            detail::column_at(markdown_, line_start, line_start + static_cast<std::size_t>(byte_column - 1));
        throw TemplateError(options_.source_name, line, column, message);
    }

    // ---- blocks

    /// The blocks inside `parent`; `style` is for its paragraphs, `list_depth` the number of
    /// lists around them.
    void blocks(cmark_node* parent, ParagraphStyle style, int list_depth, std::vector<doc::Block>& out) {
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            switch (cmark_node_get_type(n)) {
                case CMARK_NODE_PARAGRAPH:
                    out.push_back(doc::Block{paragraph(n, style)});
                    break;
                case CMARK_NODE_LIST:
                    if (list_depth >= 2) fail(n, tr("lists nest at most two levels deep"));
                    out.push_back(doc::Block{list(n, list_depth + 1)});
                    break;
                case CMARK_NODE_FOOTNOTE_DEFINITION:
                    break;  // read where it is referenced
                case CMARK_NODE_HEADING:
                    if (options_.allow_headings && list_depth == 0 && style == ParagraphStyle::body &&
                        cmark_node_get_heading_level(n) <= 2) {
                        out.push_back(doc::Block{paragraph(n, cmark_node_get_heading_level(n) == 1
                                                                  ? ParagraphStyle::article
                                                                  : ParagraphStyle::sub_article)});
                        break;
                    }
                    fail(n, tr("headings come from the agreement's structure, not from clause text "
                               "(write \\# for a literal '#')"));
                case CMARK_NODE_THEMATIC_BREAK:
                    fail(n, tr("horizontal rules ('---', '***') are not allowed in clause text"));
                case CMARK_NODE_BLOCK_QUOTE:
                    fail(n, tr("block quotes ('>') are not allowed in clause text"));
                case CMARK_NODE_CODE_BLOCK:
                    fail(n, tr("code blocks (lines indented by 4 spaces, or fenced with ```) are not "
                               "allowed in clause text"));
                case CMARK_NODE_HTML_BLOCK:
                    fail(n, html_message(literal(n), true));
                default:
                    if (std::string_view(cmark_node_get_type_string(n)) != "table")
                        fail(n,
                             format(tr("unsupported Markdown element '{}'"), cmark_node_get_type_string(n)));
                    if (list_depth > 0) fail(n, tr("a table cannot be inside a list"));
                    out.push_back(doc::Block{table(n)});
            }
        }
    }

    doc::List list(cmark_node* n, int depth) {
        doc::List list;
        list.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
            doc::ListItem& li = list.items.emplace_back();
            blocks(item, ParagraphStyle::list, depth, li.blocks);
            if (li.blocks.empty()) {  // "- " alone: writers expect a paragraph in every item
                doc::Paragraph empty;
                empty.style = ParagraphStyle::list;
                li.blocks.push_back(doc::Block{std::move(empty)});
            }
        }
        return list;
    }

    doc::Table table(cmark_node* n) {
        const std::uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
        const std::uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(n);
        doc::Table table;
        table.header_row = true;
        table.column_weights.assign(columns, 1.0);
        for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
            const bool header = cmark_gfm_extensions_get_table_row_is_header(row) != 0;
            doc::Row& r = table.rows.emplace_back();
            r.cells.reserve(columns);
            std::size_t k = 0;
            for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell), ++k) {
                doc::Align align = doc::Align::inherit;
                switch (alignments && k < columns ? alignments[k] : 0) {
                    case 'l':
                        align = doc::Align::left;
                        break;
                    case 'c':
                        align = doc::Align::center;
                        break;
                    case 'r':
                        align = doc::Align::right;
                        break;
                    default:
                        break;
                }
                doc::Cell& c = r.cells.emplace_back();
                c.blocks.push_back(doc::Block{
                    paragraph(cell, header ? ParagraphStyle::table_header : ParagraphStyle::table, align)});
            }
        }
        return table;
    }

    // ---- paragraphs and inlines

    doc::Paragraph paragraph(cmark_node* n, ParagraphStyle style, doc::Align align = doc::Align::inherit) {
        doc::Paragraph p;
        p.style = style;
        p.align = align;
        p.origin = options_.origin;
        Html html;
        inlines(n, doc::Marks{}, {}, html, p.content);
        if (html.sup) fail(html.sup, tr("'<sup>' is not closed: expected '</sup>' in the same paragraph"));
        if (html.underline)
            fail(html.underline, tr("'<u>' is not closed: expected '</u>' in the same paragraph"));
        if (options_.text_filter) {
            for (doc::Inline& i : p.content) {
                auto* run = std::get_if<doc::Run>(&i);
                if (!run) continue;
                std::string filtered = options_.text_filter(run->text);
                // The run's text was judged already: only what the filter changed needs judging
                // (french_spacing leaves most runs as they are).
                if (filtered == run->text) continue;
                run->text = std::move(filtered);
                if (auto problem = doc::text_problem(run->text))
                    fail(n, format(tr("after the text filter: {}"), *problem));
            }
        }
        return p;
    }

    void inlines(cmark_node* parent, doc::Marks marks, std::string_view href, Html& html, doc::Inlines& out,
                 int depth = 0) {
        if (depth > max_inline_nesting)
            fail(parent,
                 format(tr("formatting nests more than {} levels deep"), std::to_string(max_inline_nesting)));
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            doc::Marks m = marks;
            m.superscript = m.superscript || html.sup;
            m.underline = m.underline || html.underline;
            switch (cmark_node_get_type(n)) {
                case CMARK_NODE_TEXT:
                case CMARK_NODE_CODE:  // clause text has no code: `x` is just x
                    text(n, literal(n), m, href, out);
                    break;
                case CMARK_NODE_SOFTBREAK:
                    text(n, " ", m, href, out);
                    break;
                case CMARK_NODE_LINEBREAK:
                    out.emplace_back(doc::LineBreak{});
                    break;
                case CMARK_NODE_EMPH:
                    m.italic = true;
                    inlines(n, m, href, html, out, depth + 1);
                    break;
                case CMARK_NODE_STRONG:
                    m.bold = true;
                    inlines(n, m, href, html, out, depth + 1);
                    break;
                case CMARK_NODE_LINK: {
                    std::string_view url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
                    if (url.starts_with("#ref:")) {
                        out.emplace_back(cross_ref(n, url.substr(5)));
                    } else {
                        if (auto problem = doc::url_problem(url)) fail(n, *problem);
                        inlines(n, marks, url, html, out, depth + 1);
                    }
                    break;
                }
                case CMARK_NODE_HTML_INLINE:
                    html_inline(n, html, out);
                    break;
                case CMARK_NODE_FOOTNOTE_REFERENCE:
                    out.emplace_back(footnote(n));
                    break;
                case CMARK_NODE_IMAGE:
                    fail(n, tr("images are not supported in clause text"));
                default:
                    fail(n, format(tr("unsupported Markdown element '{}'"), cmark_node_get_type_string(n)));
            }
        }
    }

    /// Appends text, extending the previous run when it has the same formatting: cmark splits
    /// text at every escape and entity, and writers (and the text filter) want whole runs.
    void text(cmark_node* n, std::string_view s, const doc::Marks& marks, std::string_view href,
              doc::Inlines& out) const {
        if (may_decode_entities_)
            if (auto problem = doc::text_problem(s)) fail(n, *problem);
        if (!out.empty())
            if (auto* run = std::get_if<doc::Run>(&out.back());
                run && run->marks == marks && run->href == href) {
                run->text += s;
                return;
            }
        out.emplace_back(doc::Run{std::string(s), marks, std::string(href)});
    }

    void html_inline(cmark_node* n, Html& html, doc::Inlines& out) const {
        std::string tag;
        for (char c : literal(n))
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') tag += c;
        tag = lower(tag);
        if (tag == "<br>" || tag == "<br/>") {
            out.emplace_back(doc::LineBreak{});
        } else if (tag == "<sup>" || tag == "<u>") {
            cmark_node*& open = tag == "<sup>" ? html.sup : html.underline;
            if (open) fail(n, format(tr("'{}' inside '{}'"), tag, tag));
            open = n;
        } else if (tag == "</sup>" || tag == "</u>") {
            cmark_node*& open = tag == "</sup>" ? html.sup : html.underline;
            if (!open) fail(n, format(tr("'{}' without an opening '<{}'"), tag, tag.substr(2)));
            open = nullptr;
        } else {
            fail(n, html_message(literal(n), false));
        }
    }

    doc::CrossRef cross_ref(cmark_node* link, std::string_view name) const {
        doc::CrossRef ref{std::string(name), {}};
        if (!doc::valid_anchor_name(ref.name))
            fail(link,
                 format(
                     tr("invalid cross-reference '#ref:{}': expected a letter, then letters, digits or '_'"),
                     ref.name));
        plain_text(link, ref.text);
        return ref;
    }

    /// The text of a cross-reference, which must equal the anchor's: no formatting to lose.
    void plain_text(cmark_node* parent, std::string& out, int depth = 0) const {
        if (depth > max_inline_nesting)
            fail(parent,
                 format(tr("formatting nests more than {} levels deep"), std::to_string(max_inline_nesting)));
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            switch (cmark_node_get_type(n)) {
                case CMARK_NODE_TEXT:
                case CMARK_NODE_CODE:
                    if (auto problem = doc::text_problem(literal(n))) fail(n, *problem);
                    out += literal(n);
                    break;
                case CMARK_NODE_SOFTBREAK:
                    out += ' ';
                    break;
                case CMARK_NODE_EMPH:
                case CMARK_NODE_STRONG:
                    plain_text(n, out, depth + 1);
                    break;
                default:
                    fail(n, tr("the text of a cross-reference must be plain text"));
            }
        }
    }

    doc::Footnote footnote(cmark_node* reference) {
        if (in_footnote_) fail(reference, tr("a footnote cannot contain another footnote"));
        long number = std::strtol(std::string(literal(reference)).c_str(), nullptr, 10);
        if (number < 1 || static_cast<std::size_t>(number) > footnotes_.size())
            fail(reference, tr("footnote reference without a definition"));
        doc::Footnote note;
        in_footnote_ = true;
        cmark_node* definition = footnotes_[static_cast<std::size_t>(number - 1)];
        for (cmark_node* n = cmark_node_first_child(definition); n; n = cmark_node_next(n)) {
            if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
                fail(n, tr("a footnote holds paragraphs only"));
            note.paragraphs.push_back(paragraph(n, ParagraphStyle::footnote));
        }
        in_footnote_ = false;
        return note;
    }

    std::string_view markdown_;
    const MarkdownOptions& options_;
    std::vector<cmark_node*> footnotes_;
    bool in_footnote_ = false;
    // Whether a text node can hold characters the input does not: only an entity or numeric
    // reference (&amp; &#1;) decodes into new ones; every other literal is a piece of the input,
    // cut at ASCII bytes, which check_input has already judged code point by code point. Without
    // an '&' the check of each node (37 templates' 260 nodes, a cold render) is skipped.
    bool may_decode_entities_;
};

/// Checks the whole input before cmark sees it: cmark silently turns NUL into U+FFFD, and
/// bytes that never reach a text run (in a link address) must be valid too.
void check_input(std::string_view markdown, const std::string& source_name) {
    auto problem = doc::text_problem(markdown);
    if (!problem) return;
    std::size_t offset = 0;
    constexpr std::string_view marker = "at byte ";
    if (std::size_t at = problem->find(marker); at != std::string::npos)
        offset = std::strtoul(problem->c_str() + at + marker.size(), nullptr, 10);
    auto p = detail::position_at(markdown, offset);
    throw TemplateError(source_name, p.line, p.column, *problem);
}

/// Whether the line ending at `at` (a '\n') is followed by a blank line: a paragraph ends there.
bool paragraph_ends(std::string_view markdown, std::size_t at) {
    std::size_t next = markdown.find('\n', at + 1);
    std::string_view line =
        markdown.substr(at + 1, next == std::string_view::npos ? std::string_view::npos : next - at - 1);
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

/// The code spans of `markdown` as CommonMark reads them, [begin, end) bytes: a run of backticks
/// opens one that the next run of the same length closes, within its paragraph; a backslash
/// escapes a backtick outside a span; a run that is never closed is text.
std::vector<std::pair<std::size_t, std::size_t>> code_spans(std::string_view markdown) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::size_t i = markdown.find_first_of("`\\");
    while (i < markdown.size()) {
        if (markdown[i] == '\\') {
            i += 2;
        } else if (markdown[i] != '`') {
            ++i;
        } else {
            std::size_t run_end = markdown.find_first_not_of('`', i);
            if (run_end == std::string_view::npos) break;
            const std::size_t length = run_end - i;
            std::size_t j = run_end;
            bool closed = false;
            while (j < markdown.size() && !closed) {
                if (markdown[j] == '\n' && paragraph_ends(markdown, j)) break;
                if (markdown[j] != '`') {
                    ++j;
                    continue;
                }
                std::size_t k = markdown.find_first_not_of('`', j);
                if (k == std::string_view::npos) k = markdown.size();
                if (k - j == length) {
                    spans.emplace_back(i, k);
                    closed = true;
                }
                j = k;
            }
            i = closed ? j : run_end;
        }
        if (i < markdown.size() && markdown[i] != '`' && markdown[i] != '\\') {
            std::size_t next = markdown.find_first_of("`\\", i);
            i = next == std::string_view::npos ? markdown.size() : next;
        }
    }
    return spans;
}

bool in_code_span(const std::vector<std::pair<std::size_t, std::size_t>>& spans, std::size_t at) {
    return std::any_of(spans.begin(), spans.end(),
                       [at](const auto& s) { return s.first <= at && at < s.second; });
}

/// Refuses a footnote reference ("texte[^1]") with no definition ("[^1]: la note") anywhere in
/// the text: cmark-gfm leaves it as the literal text "[^1]", which would be printed as such.
/// An escaped bracket ("\\[^1]") is text on purpose.
void check_footnotes_defined(std::string_view markdown, const std::string& source_name) {
    std::size_t first = markdown.find("[^");
    if (first == std::string_view::npos) return;  // most texts
    struct Reference {
        std::string_view label;
        std::size_t at;
    };
    std::vector<Reference> references;
    std::vector<std::string_view> definitions;
    const auto spans = code_spans(markdown);
    for (std::size_t at = first; at != std::string_view::npos; at = markdown.find("[^", at + 2)) {
        if (at > 0 && markdown[at - 1] == '\\') continue;
        std::size_t close = markdown.find(']', at + 2);
        if (close == std::string_view::npos) break;
        std::string_view label = markdown.substr(at + 2, close - at - 2);
        if (label.empty() || label.find_first_of(" \t\n[") != std::string_view::npos) continue;
        // A definition opens its line, after its indentation (one in a list item is indented);
        // a reference in a code span ("`[^x]`") is the code's text.
        std::size_t line = markdown.rfind('\n', at == 0 ? 0 : at - 1);
        line = line == std::string_view::npos || at == 0 ? 0 : line + 1;
        const std::string_view before = markdown.substr(line, at - line);
        const bool opens_line = before.find_first_not_of(" \t") == std::string_view::npos;
        if (opens_line && close + 1 < markdown.size() && markdown[close + 1] == ':')
            definitions.push_back(label);
        else if (!in_code_span(spans, at))
            references.push_back({label, at});
    }
    for (const Reference& r : references) {
        // Labels match as cmark matches them: without regard to case.
        auto same = [&r](std::string_view d) {
            return d.size() == r.label.size() &&
                   std::equal(d.begin(), d.end(), r.label.begin(), [](char a, char b) {
                       return std::tolower(static_cast<unsigned char>(a)) ==
                              std::tolower(static_cast<unsigned char>(b));
                   });
        };
        if (std::any_of(definitions.begin(), definitions.end(), same)) continue;
        auto p = detail::position_at(markdown, r.at);
        throw TemplateError(
            source_name, p.line, p.column,
            format(tr("footnote [^{}] has no definition: add a line \"[^{}]: the note's text\" "
                      "after the paragraph (or write \\[^{}] for the text itself)"),
                   std::string(r.label), std::string(r.label), std::string(r.label)));
    }
}

}  // namespace

std::vector<doc::Block> markdown_to_blocks(std::string_view markdown, const MarkdownOptions& options) {
    check_input(markdown, options.source_name);
    check_footnotes_defined(markdown, options.source_name);
    // One parser per thread: cmark_parser_finish resets it for the next text and keeps its
    // options and extensions, so making, attaching and freeing one per text was for nothing.
    thread_local const std::unique_ptr<cmark_parser, ParserFree> parser = [] {
        std::unique_ptr<cmark_parser, ParserFree> made(cmark_parser_new(CMARK_OPT_FOOTNOTES));
        if (!made) throw std::bad_alloc();
        cmark_parser_attach_syntax_extension(made.get(), table_extension());
        return made;
    }();
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, NodeFree> document(cmark_parser_finish(parser.get()));
    if (!document) throw std::bad_alloc();
    return Converter(markdown, options).convert(document.get());
}

}  // namespace conventio::tmpl
