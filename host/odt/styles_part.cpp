// styles.xml: everything style_sheet.hpp defines (default and named paragraph styles,
// character styles, list styles, notes configuration, page geometry) plus the master page
// that carries the header and footer.
#include "document/layout.hpp"
#include "document/style_sheet.hpp"
#include "odt/odt_internal.hpp"
#include "xml/built_once.hpp"

namespace conventio::odt::detail {
namespace {

// LibreOffice's smallest header or footer (0.1 cm). Its DOCX import builds Word's header
// and footer geometry out of it; the ODT does the same so both render alike.
constexpr int min_header_footer_height = 57;

void default_paragraph_style(xml::Writer& w, const layout::Language& language) {
    xml::Element s(w, "style:default-style");
    w.attr("style:family", "paragraph");
    {
        xml::Element p(w, "style:paragraph-properties");
        // Set explicitly, not left to the application, so both formats paginate alike.
        w.attr("fo:orphans", 2);
        w.attr("fo:widows", 2);
        w.attr("fo:line-height", "100%");
        w.attr("style:tab-stop-distance", Length::points(style::default_tab_stop));
        w.attr("style:writing-mode", "lr-tb");
    }
    xml::Element t(w, "style:text-properties");
    w.attr("style:font-name", style::font_family);
    w.attr("style:font-name-asian", style::font_family);
    w.attr("style:font-name-complex", style::font_family);
    Length size = Length::font_size(style::look(doc::ParagraphStyle::body).font_size_half_points);
    w.attr("fo:font-size", size);
    w.attr("style:font-size-asian", size);
    w.attr("style:font-size-complex", size);
    w.attr("fo:language", language.code);
    if (!language.country.empty()) w.attr("fo:country", language.country);
    w.attr("fo:hyphenate", "false");
}

void paragraph_properties(xml::Writer& w, const style::ParagraphLook& look) {
    xml::Element p(w, "style:paragraph-properties");
    w.attr("fo:margin-top", Length::points(look.space_before));
    w.attr("fo:margin-bottom", Length::points(look.space_after));
    // A zero margin is left unset so that a list style's indent still applies to list
    // paragraphs (an explicit paragraph indent would win over it).
    if (look.indent_left != 0) w.attr("fo:margin-left", Length::points(look.indent_left));
    w.attr("fo:text-align", text_align(look.align));
    if (look.align == doc::Align::justify) w.attr("fo:text-align-last", "start");
    if (look.keep_with_next) w.attr("fo:keep-with-next", "always");
    if (look.page_break_before) w.attr("fo:break-before", "page");
}

void paragraph_text_properties(xml::Writer& w, const style::ParagraphLook& look) {
    xml::Element t(w, "style:text-properties");
    Length size = Length::font_size(look.font_size_half_points);
    w.attr("fo:font-size", size);
    w.attr("style:font-size-asian", size);
    w.attr("style:font-size-complex", size);
    if (look.bold) {
        w.attr("fo:font-weight", "bold");
        w.attr("style:font-weight-asian", "bold");
        w.attr("style:font-weight-complex", "bold");
    }
    if (look.italic) {
        w.attr("fo:font-style", "italic");
        w.attr("style:font-style-asian", "italic");
        w.attr("style:font-style-complex", "italic");
    }
}

void paragraph_style(xml::Writer& w, const style::ParagraphLook& look) {
    xml::Element s(w, "style:style");
    w.attr("style:name", look.internal_id);
    if (look.name != look.internal_id) w.attr("style:display-name", look.name);
    w.attr("style:family", "paragraph");
    bool heading = look.outline_level > 0;
    if (heading || look.id == doc::ParagraphStyle::title) {
        w.attr("style:next-style-name", style::look(doc::ParagraphStyle::body).internal_id);
    }
    if (heading) w.attr("style:default-outline-level", look.outline_level);
    w.attr("style:class", heading ? "chapter" : "text");
    paragraph_properties(w, look);
    paragraph_text_properties(w, look);
}

void superscript_style(xml::Writer& w, std::string_view name, std::string_view display_name) {
    xml::Element s(w, "style:style");
    w.attr("style:name", name);
    w.attr("style:display-name", display_name);
    w.attr("style:family", "text");
    xml::Element t(w, "style:text-properties");
    w.attr("style:text-position", "super 58%");
}

void character_styles(xml::Writer& w) {
    {
        xml::Element s(w, "style:style");
        w.attr("style:name", hyperlink_style);
        w.attr("style:family", "text");
        xml::Element t(w, "style:text-properties");
        w.attr("fo:color", colour(layout::hyperlink_colour));
        w.attr("style:text-underline-style", "solid");
        w.attr("style:text-underline-width", "auto");
        w.attr("style:text-underline-color", "font-color");
    }
    // Both note numbers are superscript, as DOCX's FootnoteReference style makes them.
    superscript_style(w, note_reference_style, "Footnote reference");
    superscript_style(w, note_number_style, "Footnote number");
}

/// Level n (1-based) of a list: indented n * list_indent, the marker hanging by
/// list_hanging, followed by a tab to the text position.
void list_level_geometry(xml::Writer& w, int level) {
    xml::Element props(w, "style:list-level-properties");
    w.attr("text:list-level-position-and-space-mode", "label-alignment");
    w.start("style:list-level-label-alignment");
    Length indent = Length::points(level * style::list_indent);
    w.attr("text:label-followed-by", "listtab");
    w.attr("text:list-tab-stop-position", indent);
    w.attr("fo:text-indent", Length::points(-style::list_hanging));
    w.attr("fo:margin-left", indent);
    w.end();
}

void bullet_list_style(xml::Writer& w) {
    xml::Element s(w, "text:list-style");
    w.attr("style:name", detail::bullet_list_style);
    w.attr("style:display-name", "List bullet");
    for (int level = 1; level <= style::max_list_depth; ++level) {
        xml::Element l(w, "text:list-level-style-bullet");
        w.attr("text:level", level);
        w.attr("text:bullet-char", layout::bullet_levels[level - 1].bullet);
        list_level_geometry(w, level);
        w.start("style:text-properties");
        w.attr("style:font-name", style::font_family);
        w.end();
    }
}

/// style:num-format of a numbered level: ODF names a format by its first number.
std::string_view num_format(layout::Marker marker) {
    return marker == layout::Marker::lower_letter ? "a" : "1";
}

void number_list_style(xml::Writer& w) {
    xml::Element s(w, "text:list-style");
    w.attr("style:name", detail::number_list_style);
    w.attr("style:display-name", "List number");
    for (int level = 1; level <= style::max_list_depth; ++level) {
        xml::Element l(w, "text:list-level-style-number");
        w.attr("text:level", level);
        const layout::ListLevel& look = layout::ordered_levels[level - 1];
        w.attr("style:num-suffix", look.suffix);
        w.attr("style:num-format", num_format(look.marker));
        list_level_geometry(w, level);
    }
}

/// Headings carry outline levels (for navigation and the table of contents) but no
/// numbering: their numbers are text the model wrote. Without this, LibreOffice applies its
/// default outline numbering, whose label tab indents every heading.
void outline_style(xml::Writer& w) {
    xml::Element s(w, "text:outline-style");
    w.attr("style:name", "Outline");
    for (int level = 1; level <= 10; ++level) {
        xml::Element l(w, "text:outline-level-style");
        w.attr("text:level", level);
        w.attr("style:num-format", "");
        xml::Element props(w, "style:list-level-properties");
        w.attr("text:list-level-position-and-space-mode", "label-alignment");
        w.start("style:list-level-label-alignment");
        w.attr("text:label-followed-by", "nothing");
        w.attr("fo:text-indent", "0pt");
        w.attr("fo:margin-left", "0pt");
        w.end();
    }
}

void notes_configuration(xml::Writer& w) {
    xml::Element c(w, "text:notes-configuration");
    w.attr("text:note-class", "footnote");
    w.attr("text:citation-style-name", note_number_style);
    w.attr("text:citation-body-style-name", note_reference_style);
    w.attr("text:default-style-name", style::look(doc::ParagraphStyle::footnote).internal_id);
    w.attr("style:num-format", "1");
    w.attr("text:start-value", 0);
    w.attr("text:footnotes-position", "page");
    w.attr("text:start-numbering-at", "document");
}

void named_styles(xml::Writer& w, const layout::Language& language) {
    xml::Element styles(w, "office:styles");
    default_paragraph_style(w, language);
    for (const style::ParagraphLook& look : style::paragraph_looks) paragraph_style(w, look);
    character_styles(w);
    bullet_list_style(w);
    number_list_style(w);
    outline_style(w);
    notes_configuration(w);
}

void footnote_separator(xml::Writer& w) {
    xml::Element sep(w, "style:footnote-sep");
    w.attr("style:width", Length::points(layout::line_width));
    w.attr("style:rel-width", "25%");
    w.attr("style:color", colour(layout::text_colour));
    w.attr("style:line-style", "solid");
    w.attr("style:adjustment", "left");
    // LibreOffice's own distances, which its DOCX import also uses.
    w.attr("style:distance-before-sep", Length::points(min_header_footer_height));
    w.attr("style:distance-after-sep", Length::points(min_header_footer_height));
}

/// The header or footer box, as LibreOffice builds it from DOCX's: the page margin is
/// header_distance, the box (spacing included) fills the rest of the page margin, and the
/// spacing shrinks as the text grows. So the header text starts header_distance from the
/// top edge, the footer text ends header_distance from the bottom edge, and the body keeps
/// its margins unless the text is taller.
void header_footer_style(xml::Writer& w, std::string_view element, std::string_view spacing) {
    constexpr int box = style::margin_top - style::header_distance;
    static_assert(style::margin_bottom == style::margin_top, "one box serves header and footer");
    xml::Element s(w, element);
    w.start("style:header-footer-properties");
    w.attr("fo:min-height", Length::points(box));
    w.attr(spacing, Length::points(box - min_header_footer_height));
    w.attr("style:dynamic-spacing", "true");
    w.end();
}

void page_layout(xml::Writer& w, const doc::Document& document) {
    bool header = !document.header.empty();
    bool footer = !document.footer.empty();
    xml::Element layout(w, "style:page-layout");
    w.attr("style:name", "PageLayout");
    {
        xml::Element p(w, "style:page-layout-properties");
        w.attr("fo:page-width", Length::points(style::page_width));
        w.attr("fo:page-height", Length::points(style::page_height));
        w.attr("style:print-orientation", "portrait");
        // ODF page margins run to the header and footer boxes, not to the body text.
        w.attr("fo:margin-top", Length::points(header ? style::header_distance : style::margin_top));
        w.attr("fo:margin-bottom", Length::points(footer ? style::header_distance : style::margin_bottom));
        w.attr("fo:margin-left", Length::points(style::margin_left));
        w.attr("fo:margin-right", Length::points(style::margin_right));
        w.attr("style:writing-mode", "lr-tb");
        footnote_separator(w);
    }
    if (header) header_footer_style(w, "style:header-style", "fo:margin-bottom");
    if (footer) header_footer_style(w, "style:footer-style", "fo:margin-top");
}

void header_footer(xml::Writer& w, Story& text, std::string_view element, const doc::Inlines& content) {
    if (content.empty()) return;
    xml::Element e(w, element);
    text.paragraph(doc::ParagraphStyle::header_footer, content);
}

/// The fonts and the named styles: the same bytes for every document in one language (the
/// only thing of the document they read), so built once per language (built_once.hpp).
std::string_view fonts_and_named_styles(const layout::Language& language) {
    static xml::BuiltOnce<> built("odt styles.xml fonts and named styles", [](std::string_view tag) {
        doc::Metadata meta;
        meta.language = std::string(tag);
        xml::Writer w(xml::Writer::Fragment{});
        font_face_decls(w);
        named_styles(w, layout::language(meta));
        return w.finish();
    });
    return built(language.tag);
}

}  // namespace

std::string styles_part(const doc::Document& document) {
    AutoStyles automatic("M");
    automatic.add(document.header);
    automatic.add(document.footer);

    xml::Writer w;
    {
        xml::Element root(w, "office:document-styles");
        declare_namespaces(w, {Namespace::office, Namespace::style, Namespace::text, Namespace::table,
                               Namespace::fo, Namespace::xlink, Namespace::svg});
        w.attr("office:version", "1.3");
        w.raw(fonts_and_named_styles(layout::language(document.meta)));
        {
            xml::Element styles(w, "office:automatic-styles");
            automatic.write(w);
            page_layout(w, document);
        }
        xml::Element masters(w, "office:master-styles");
        xml::Element master(w, "style:master-page");
        w.attr("style:name", "Standard");
        w.attr("style:page-layout-name", "PageLayout");
        Story text(w, automatic);
        header_footer(w, text, "style:header", document.header);
        header_footer(w, text, "style:footer", document.footer);
    }
    return w.finish();
}

}  // namespace conventio::odt::detail
