// word/styles.xml: document defaults, one paragraph style per entry of style_sheet.hpp (all
// based on Normal), and the character styles runs refer to.
#include "document/layout.hpp"
#include "document/style_sheet.hpp"
#include "docx/docx_internal.hpp"

namespace conventio::docx::detail {
namespace {

// Single line spacing, written out rather than left to each reader's default.
void single_spacing(xml::Writer& w, int before, int after) {
    w.start("w:spacing");
    w.attr("w:before", before);
    w.attr("w:after", after);
    w.attr("w:line", 240);
    w.attr("w:lineRule", "auto");
    w.end();
}

void fonts(xml::Writer& w) {
    w.start("w:rFonts");
    w.attr("w:ascii", style::font_family);
    w.attr("w:hAnsi", style::font_family);
    w.attr("w:eastAsia", style::font_family);
    w.attr("w:cs", style::font_family);
    w.end();
}

void size(xml::Writer& w, int half_points) {
    val(w, "w:sz", half_points);
    val(w, "w:szCs", half_points);
}

void doc_defaults(xml::Writer& w, std::string_view language) {
    xml::Element defaults(w, "w:docDefaults");
    {
        xml::Element rd(w, "w:rPrDefault");
        xml::Element rpr(w, "w:rPr");
        fonts(w);
        size(w, style::look(doc::ParagraphStyle::body).font_size_half_points);
        val(w, "w:lang", language);
    }
    xml::Element pd(w, "w:pPrDefault");
    xml::Element ppr(w, "w:pPr");
    w.empty("w:widowControl");
    single_spacing(w, 0, 0);
}

// The default paragraph style every named style is based on; widow and orphan control (two
// lines, Word's only setting) is set here explicitly, as the ODT default style does.
void normal_style(xml::Writer& w) {
    xml::Element s(w, "w:style");
    w.attr("w:type", "paragraph");
    w.attr("w:default", "1");
    w.attr("w:styleId", "Normal");
    val(w, "w:name", "Normal");
    w.empty("w:qFormat");
    {
        xml::Element ppr(w, "w:pPr");
        w.empty("w:widowControl");
        single_spacing(w, 0, 0);
    }
    xml::Element rpr(w, "w:rPr");
    size(w, style::look(doc::ParagraphStyle::body).font_size_half_points);
}

bool is_heading_like(doc::ParagraphStyle id) {
    using enum doc::ParagraphStyle;
    return id == title || id == article || id == sub_article || id == annex_heading;
}

// Child order is the schema's: keepNext, pageBreakBefore, spacing, ind, jc, outlineLvl.
void look_paragraph_properties(xml::Writer& w, const style::ParagraphLook& look) {
    xml::Element ppr(w, "w:pPr");
    if (look.keep_with_next) w.empty("w:keepNext");
    if (look.page_break_before) w.empty("w:pageBreakBefore");
    single_spacing(w, look.space_before, look.space_after);
    if (look.indent_left > 0) {
        w.start("w:ind");
        w.attr("w:left", look.indent_left);
        w.end();
    }
    val(w, "w:jc", jc_value(look.align));
    // w:outlineLvl counts from 0 where the style sheet counts from 1.
    if (look.outline_level > 0) val(w, "w:outlineLvl", look.outline_level - 1);
}

void look_run_properties(xml::Writer& w, const style::ParagraphLook& look) {
    xml::Element rpr(w, "w:rPr");
    if (look.bold) {
        w.empty("w:b");
        w.empty("w:bCs");
    }
    if (look.italic) {
        w.empty("w:i");
        w.empty("w:iCs");
    }
    size(w, look.font_size_half_points);
}

void paragraph_style(xml::Writer& w, const style::ParagraphLook& look) {
    xml::Element s(w, "w:style");
    w.attr("w:type", "paragraph");
    w.attr("w:customStyle", "1");
    w.attr("w:styleId", look.internal_id);
    val(w, "w:name", look.name);
    val(w, "w:basedOn", "Normal");
    // After a heading or the title, Word continues in body text.
    val(w, "w:next",
        is_heading_like(look.id) ? style::look(doc::ParagraphStyle::body).internal_id : look.internal_id);
    w.empty("w:qFormat");
    look_paragraph_properties(w, look);
    look_run_properties(w, look);
}

void default_character_style(xml::Writer& w) {
    xml::Element s(w, "w:style");
    w.attr("w:type", "character");
    w.attr("w:default", "1");
    w.attr("w:styleId", "DefaultParagraphFont");
    val(w, "w:name", "Default Paragraph Font");
    val(w, "w:uiPriority", 1);
    w.empty("w:semiHidden");
    w.empty("w:unhideWhenUsed");
}

// The start of a character style Word knows by this id and name (so Word treats it as its
// own); the caller then writes its w:rPr.
void character_style_header(xml::Writer& w, std::string_view id, std::string_view name) {
    w.attr("w:type", "character");
    w.attr("w:styleId", id);
    val(w, "w:name", name);
    val(w, "w:basedOn", "DefaultParagraphFont");
    val(w, "w:uiPriority", 99);
    w.empty("w:unhideWhenUsed");
}

void hyperlink_style(xml::Writer& w) {
    xml::Element s(w, "w:style");
    character_style_header(w, "Hyperlink", "Hyperlink");
    xml::Element rpr(w, "w:rPr");
    val(w, "w:color", layout::hyperlink_colour);
    val(w, "w:u", "single");
}

void footnote_reference_style(xml::Writer& w) {
    xml::Element s(w, "w:style");
    character_style_header(w, "FootnoteReference", "footnote reference");
    xml::Element rpr(w, "w:rPr");
    val(w, "w:vertAlign", "superscript");
}

std::string build_styles_part(std::string_view language) {
    xml::Writer w;
    {
        xml::Element root(w, "w:styles");
        w.attr("xmlns:w", ns_w);
        doc_defaults(w, language);
        normal_style(w);
        default_character_style(w);
        for (const style::ParagraphLook& look : style::paragraph_looks) paragraph_style(w, look);
        hyperlink_style(w);
        footnote_reference_style(w);
    }
    return w.finish();
}

}  // namespace

// The same bytes for every document in one language (the only thing of it they read):
// built once per language.
const package::SharedPart& styles_part(std::string_view language) {
    static package::SharedParts made("docx word/styles.xml", build_styles_part);
    return made(language);
}

}  // namespace conventio::docx::detail
