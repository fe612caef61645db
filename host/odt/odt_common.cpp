// Helpers every ODT part uses: lengths, namespaces, the font face and automatic styles.
#include <stdexcept>

#include "document/layout.hpp"
#include "document/style_sheet.hpp"
#include "odt/odt_internal.hpp"

namespace conventio::odt::detail {

void Length::append(std::string_view s) {
    for (char c : s) buffer_[size_++] = c;
}

void Length::append_int(int value) {
    std::array<char, 12> digits{};
    std::size_t n = 0;
    unsigned magnitude = value < 0 ? 0u - static_cast<unsigned>(value) : static_cast<unsigned>(value);
    if (value < 0) buffer_[size_++] = '-';
    do {
        digits[n++] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    while (n > 0) buffer_[size_++] = digits[--n];
}

Length Length::points(int twips) {
    Length l;
    if (twips < 0) l.buffer_[l.size_++] = '-';
    unsigned magnitude = twips < 0 ? 0u - static_cast<unsigned>(twips) : static_cast<unsigned>(twips);
    l.append_int(static_cast<int>(magnitude / 20));
    // A twip is 0.05 pt, so two decimals are always exact.
    unsigned hundredths = (magnitude % 20) * 5;
    if (hundredths != 0) {
        l.buffer_[l.size_++] = '.';
        l.buffer_[l.size_++] = static_cast<char>('0' + hundredths / 10);
        if (hundredths % 10 != 0) l.buffer_[l.size_++] = static_cast<char>('0' + hundredths % 10);
    }
    l.append("pt");
    return l;
}

Length Length::integer(int value, std::string_view suffix) {
    Length l;
    l.append_int(value);
    l.append(suffix);
    return l;
}

std::string_view text_align(doc::Align align) {
    switch (align) {
        case doc::Align::left:
            return "start";
        case doc::Align::center:
            return "center";
        case doc::Align::right:
            return "end";
        case doc::Align::justify:
            return "justify";
        case doc::Align::inherit:
            break;
    }
    return "start";
}

std::string colour(std::string_view rgb) {
    std::string c = "#";
    c += rgb;
    return c;
}

std::string border() {
    std::string b(Length::points(layout::line_width).view());
    b += " solid ";
    b += colour(layout::text_colour);
    return b;
}

void declare_namespaces(xml::Writer& w, std::initializer_list<Namespace> used) {
    for (Namespace ns : used) {
        switch (ns) {
            case Namespace::office:
                w.attr("xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0");
                break;
            case Namespace::style:
                w.attr("xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0");
                break;
            case Namespace::text:
                w.attr("xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0");
                break;
            case Namespace::table:
                w.attr("xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0");
                break;
            case Namespace::fo:
                w.attr("xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0");
                break;
            case Namespace::xlink:
                w.attr("xmlns:xlink", "http://www.w3.org/1999/xlink");
                break;
            case Namespace::svg:
                w.attr("xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0");
                break;
            case Namespace::dc:
                w.attr("xmlns:dc", "http://purl.org/dc/elements/1.1/");
                break;
            case Namespace::meta:
                w.attr("xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0");
                break;
        }
    }
}

void font_face_decls(xml::Writer& w) {
    xml::Element decls(w, "office:font-face-decls");
    w.start("style:font-face");
    w.attr("style:name", style::font_family);
    // svg:font-family is a CSS family list, so a name with a space is quoted.
    std::string quoted;
    quoted.reserve(style::font_family.size() + 2);
    quoted.append("'").append(style::font_family).append("'");
    w.attr("svg:font-family", quoted);
    w.attr("style:font-family-generic", "swiss");
    w.attr("style:font-pitch", "variable");
    w.end();
}

void marks_properties(xml::Writer& w, const doc::Marks& marks) {
    xml::Element props(w, "style:text-properties");
    if (marks.bold) w.attr("fo:font-weight", "bold");
    if (marks.italic) w.attr("fo:font-style", "italic");
    if (marks.underline) {
        w.attr("style:text-underline-style", "solid");
        w.attr("style:text-underline-width", "auto");
        w.attr("style:text-underline-color", "font-color");
    }
    if (marks.superscript) w.attr("style:text-position", "super 58%");
}

// ---------------------------------------------------------------- AutoStyles

void AutoStyles::add(const ParagraphKey& key) {
    if (key.plain()) return;
    for (const auto& [k, name] : paragraphs_)
        if (k == key) return;
    paragraphs_.emplace_back(key, prefix_ + "P" + std::to_string(paragraphs_.size() + 1));
}

void AutoStyles::add(const doc::Marks& marks) {
    if (marks == doc::Marks{}) return;
    for (const auto& [m, name] : texts_)
        if (m == marks) return;
    texts_.emplace_back(marks, prefix_ + "T" + std::to_string(texts_.size() + 1));
}

void AutoStyles::add(const doc::Paragraph& paragraph, layout::Placement placement) {
    add(ParagraphKey{paragraph.style, paragraph.align, paragraph.keep_with_next || placement.keep_with_next,
                     placement.break_before, paragraph.keep_together});
    add(paragraph.content);
}

void AutoStyles::add(const doc::Inlines& content) {
    for (const doc::Inline& i : content) {
        if (const auto* run = std::get_if<doc::Run>(&i)) {
            if (!run->text.empty()) add(run->marks);
        } else if (const auto* anchor = std::get_if<doc::Anchor>(&i); anchor && !anchor->raised.empty()) {
            add(doc::Marks{.superscript = true});
        } else if (const auto* note = std::get_if<doc::Footnote>(&i)) {
            for (const doc::Paragraph& p : note->paragraphs) add(p, layout::Placement{});
        }
    }
}

std::string_view AutoStyles::paragraph_style(const ParagraphKey& key) const {
    if (key.plain()) return style::look(key.style).internal_id;
    for (const auto& [k, name] : paragraphs_)
        if (k == key) return name;
    // The collecting pass and the writing pass walk the same tree; a miss is our bug.
    throw std::logic_error("odt: paragraph style used but never registered");
}

std::string_view AutoStyles::text_style(const doc::Marks& marks) const {
    if (marks == doc::Marks{}) return {};
    for (const auto& [m, name] : texts_)
        if (m == marks) return name;
    throw std::logic_error("odt: text style used but never registered");
}

void AutoStyles::write(xml::Writer& w) const {
    for (const auto& [key, name] : paragraphs_) {
        xml::Element s(w, "style:style");
        w.attr("style:name", name);
        w.attr("style:family", "paragraph");
        w.attr("style:parent-style-name", style::look(key.style).internal_id);
        xml::Element props(w, "style:paragraph-properties");
        if (key.align != doc::Align::inherit) {
            w.attr("fo:text-align", text_align(key.align));
            // Without it the last line of a justified paragraph would follow the parent's.
            if (key.align == doc::Align::justify) w.attr("fo:text-align-last", "start");
        }
        if (key.keep_with_next) w.attr("fo:keep-with-next", "always");
        if (key.break_before) w.attr("fo:break-before", "page");
        if (key.keep_together) w.attr("fo:keep-together", "always");
    }
    for (const auto& [marks, name] : texts_) {
        xml::Element s(w, "style:style");
        w.attr("style:name", name);
        w.attr("style:family", "text");
        marks_properties(w, marks);
    }
}

}  // namespace conventio::odt::detail
