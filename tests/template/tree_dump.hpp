// A compact text form of document blocks, so tests compare a whole tree in one line.
//
//   body{"Le " b:"Cerema" i:"x"->https://a.fr / ref(art_6,"6") note[footnote{"n"}]}
//   ul[{list{"a"} ol[{list{"b"}}]} {list{"c"}}]
//   table(1,1)[table_header{"a"}|table_header{"b"} / table@right{"1"}|table{""}]
// Marks: b bold, i italic, u underline, ^ superscript; "/" is a line break.
#pragma once

#include <string>
#include <vector>

#include "conventio/document.hpp"

namespace conventio::test {

inline std::string dump(const std::vector<doc::Block>& blocks, const char* separator = "\n");

inline const char* style_name(doc::ParagraphStyle s) {
    switch (s) {
        case doc::ParagraphStyle::body:
            return "body";
        case doc::ParagraphStyle::list:
            return "list";
        case doc::ParagraphStyle::table:
            return "table";
        case doc::ParagraphStyle::table_header:
            return "table_header";
        case doc::ParagraphStyle::footnote:
            return "footnote";
        default:
            return "other";
    }
}

inline std::string dump(const doc::Paragraph& p) {
    std::string out = style_name(p.style);
    switch (p.align) {
        case doc::Align::left:
            out += "@left";
            break;
        case doc::Align::center:
            out += "@center";
            break;
        case doc::Align::right:
            out += "@right";
            break;
        case doc::Align::justify:
            out += "@justify";
            break;
        case doc::Align::inherit:
            break;
    }
    out += '{';
    bool first = true;
    for (const doc::Inline& i : p.content) {
        if (!first) out += ' ';
        first = false;
        if (auto* r = std::get_if<doc::Run>(&i)) {
            std::string marks;
            if (r->marks.bold) marks += 'b';
            if (r->marks.italic) marks += 'i';
            if (r->marks.underline) marks += 'u';
            if (r->marks.superscript) marks += '^';
            if (!marks.empty()) out += marks + ':';
            out += '"' + r->text + '"';
            if (!r->href.empty()) out += "->" + r->href;
        } else if (std::holds_alternative<doc::LineBreak>(i)) {
            out += '/';
        } else if (auto* f = std::get_if<doc::Footnote>(&i)) {
            out += "note[";
            for (std::size_t k = 0; k < f->paragraphs.size(); ++k)
                out += (k ? " " : "") + dump(f->paragraphs[k]);
            out += ']';
        } else if (auto* c = std::get_if<doc::CrossRef>(&i)) {
            out += "ref(" + c->name + ",\"" + c->text + "\")";
        } else {
            out += '?';
        }
    }
    return out + '}';
}

inline std::string dump(const doc::Block& b) {
    if (auto* p = std::get_if<doc::Paragraph>(&b.value)) return dump(*p);
    if (auto* l = std::get_if<doc::List>(&b.value)) {
        std::string out = l->ordered ? "ol[" : "ul[";
        for (std::size_t k = 0; k < l->items.size(); ++k)
            out += (k ? " {" : "{") + dump(l->items[k].blocks, " ") + "}";
        return out + ']';
    }
    if (auto* t = std::get_if<doc::Table>(&b.value)) {
        std::string out = "table(";
        for (std::size_t k = 0; k < t->column_weights.size(); ++k)
            out += (k ? "," : "") + std::to_string(static_cast<int>(t->column_weights[k]));
        out += t->header_row ? ")[" : ")nohead[";
        for (std::size_t r = 0; r < t->rows.size(); ++r) {
            if (r) out += " / ";
            for (std::size_t c = 0; c < t->rows[r].cells.size(); ++c)
                out += (c ? "|" : "") + dump(t->rows[r].cells[c].blocks, " ");
        }
        return out + ']';
    }
    return "?";
}

inline std::string dump(const std::vector<doc::Block>& blocks, const char* separator) {
    std::string out;
    for (std::size_t k = 0; k < blocks.size(); ++k) out += (k ? separator : "") + dump(blocks[k]);
    return out;
}

}  // namespace conventio::test
