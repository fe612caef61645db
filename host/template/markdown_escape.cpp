#include "template/markdown_escape.hpp"

namespace conventio::tmpl {
namespace {

/// ASCII punctuation that means something somewhere in CommonMark or GFM. Left out, because
/// nothing in our dialect gives them a meaning: , ; : ? / % @ $ (no autolink extension).
bool needs_escape(char c) {
    switch (c) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '{':
        case '}':
        case '[':
        case ']':
        case '<':
        case '>':
        case '(':
        case ')':
        case '#':
        case '+':
        case '-':
        case '.':
        case '!':
        case '|':
        case '~':
        case '"':
        case '\'':
        case '&':
        case '=':
        case '^':
            return true;
        default:
            return false;
    }
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::string markdown_escape(std::string_view value) {
    std::size_t first = 0;
    std::size_t last = value.size();
    while (first < last && is_blank(value[first])) ++first;
    while (last > first && is_blank(value[last - 1])) --last;

    std::string out;
    out.reserve(value.size() + value.size() / 4 + 8);
    // Leading and trailing blanks: a paragraph line drops them, and two trailing spaces
    // would make a hard line break. "&#32;" is a space no parser trims.
    auto blank = [&](std::size_t i) {
        if (value[i] == '\r' && i + 1 < value.size() && value[i + 1] == '\n') return;
        out += value[i] == '\t' ? "&#9;" : "&#32;";
    };
    for (std::size_t i = 0; i < first; ++i) blank(i);
    for (std::size_t i = first; i < last; ++i) {
        char c = value[i];
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < last && value[i + 1] == '\n') ++i;
            out += ' ';  // a value is one run of text: a newline would end a list item or a cell
        } else {
            if (needs_escape(c)) out += '\\';
            out += c;
        }
    }
    for (std::size_t i = last; i < value.size(); ++i) blank(i);
    return out;
}

}  // namespace conventio::tmpl
