// Line and column of a byte offset, as an editor shows them, for template and Markdown errors.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace conventio::tmpl::detail {

struct Position {
    int line = 1;
    int column = 1;
};

/// Columns count characters, not bytes: drafters write French, and "é" is one column in
/// their editor. A tab counts as one column.
inline int column_at(std::string_view text, std::size_t line_start, std::size_t offset) {
    int column = 1;
    for (std::size_t i = line_start; i < offset && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    return column;
}

/// Position of `offset` in `text`, counting lines from `first_line`. Linear: meant for error
/// paths and for scanners that keep their own running line count.
inline Position position_at(std::string_view text, std::size_t offset, int first_line = 1) {
    Position p{first_line, 1};
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') {
            ++p.line;
            line_start = i + 1;
        }
    p.column = column_at(text, line_start, offset);
    return p;
}

/// Positions of many offsets in one text: line starts are found once, then each lookup is a
/// binary search plus a walk along one line.
class LineIndex {
public:
    explicit LineIndex(std::string_view text) : text_(text) {
        starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') starts_.push_back(i + 1);
    }

    int line_of(std::size_t offset) const {
        return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin());
    }

    Position at(std::size_t offset) const {
        int line = line_of(offset);
        return {line, column_at(text_, starts_[static_cast<std::size_t>(line - 1)], offset)};
    }

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
};

}  // namespace conventio::tmpl::detail
