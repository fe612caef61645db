#include "template/rendered_place.hpp"

#include <cstdlib>
#include <string>
#include <vector>

namespace conventio::tmpl {
namespace {

/// The literal pieces of a template line: its text between tags ({{ }}, {% %}, {# #}),
/// without the blanks around them. A tag left open on the line ends it.
std::vector<std::string_view> literal_pieces(std::string_view line) {
    std::vector<std::string_view> pieces;
    auto keep = [&pieces](std::string_view piece) {
        std::size_t first = piece.find_first_not_of(" \t\r");
        if (first == std::string_view::npos) return;
        std::size_t last = piece.find_last_not_of(" \t\r");
        pieces.push_back(piece.substr(first, last - first + 1));
    };
    std::size_t at = 0;
    while (at < line.size()) {
        std::size_t open = std::string_view::npos;
        for (std::size_t i = at; i + 1 < line.size(); ++i)
            if (line[i] == '{' && (line[i + 1] == '{' || line[i + 1] == '%' || line[i + 1] == '#')) {
                open = i;
                break;
            }
        if (open == std::string_view::npos) {
            keep(line.substr(at));
            break;
        }
        keep(line.substr(at, open - at));
        const char closer = line[open + 1] == '{' ? '}' : line[open + 1];
        std::size_t close = line.find(std::string{closer, '}'}, open + 2);
        if (close == std::string_view::npos) break;
        at = close + 2;
    }
    return pieces;
}

/// How much literal text of `line` is in `rendered`, piece by piece in order; 0 when a piece
/// is missing.
std::size_t literal_match(std::string_view line, std::string_view rendered) {
    std::size_t matched = 0;
    std::size_t from = 0;
    for (std::string_view piece : literal_pieces(line)) {
        std::size_t found = rendered.find(piece, from);
        if (found == std::string_view::npos) return 0;
        from = found + piece.size();
        matched += piece.size();
    }
    return matched;
}

/// The byte where column `column` (counted in characters) of `line` starts.
std::size_t byte_of_column(std::string_view line, int column) {
    std::size_t at = 0;
    for (int c = 1; c < column && at < line.size(); ++c) {
        ++at;
        while (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) ++at;
    }
    return at;
}

}  // namespace

std::optional<detail::Position> rendered_place(std::string_view body, int body_line,
                                               std::string_view rendered_line, int column, int estimate) {
    // The text at the problem's column: a line whose literal text holds it wrote the problem; a
    // line matching only around it may have had it from a parameter's value.
    const std::string_view at_column =
        rendered_line.substr(byte_of_column(rendered_line, column)).substr(0, 8);
    std::optional<detail::Position> best;
    std::size_t best_match = 0;
    int line_number = body_line;
    for (std::size_t start = 0; start <= body.size(); ++line_number) {
        std::size_t end = body.find('\n', start);
        if (end == std::string_view::npos) end = body.size();
        std::string_view line = body.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::size_t match = literal_match(line, rendered_line);
        std::size_t written_at = std::string_view::npos;  // where the line's literal text holds it
        if (match > 0 && !at_column.empty())
            for (std::string_view piece : literal_pieces(line))
                if (piece.find(at_column) != std::string_view::npos) {
                    written_at = static_cast<std::size_t>(piece.data() - line.data()) + piece.find(at_column);
                    break;
                }
        // The column's text first, then the most literal text, then the line nearest the estimate.
        if (match > 0 && written_at != std::string_view::npos) match += rendered_line.size() + 1;
        if (match > best_match || (match > 0 && match == best_match &&
                                   std::abs(line_number - estimate) < std::abs(best->line - estimate))) {
            best_match = match;
            // The same column when the line was written as it is; otherwise where the text at
            // the column starts in the template line, if it is literal there.
            int at = 1;
            if (line == rendered_line)
                at = column;
            else if (written_at != std::string_view::npos)
                at = detail::column_at(line, 0, written_at);
            best = detail::Position{line_number, at};
        }
        if (end == body.size()) break;
        start = end + 1;
    }
    return best;
}

}  // namespace conventio::tmpl
