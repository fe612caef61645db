// Where a line of a template's rendered Markdown was written in the template file. The Markdown
// a clause renders is the template's text with its tags evaluated: a block tag on its own line
// disappears with its line, a loop repeats lines, and the front matter comes before. A problem
// the Markdown reader finds (a heading, raw HTML, an undefined footnote) is at a line of that
// output; the drafter must be sent to the line of the file they edit.
#pragma once

#include <optional>
#include <string_view>

#include "template/source_position.hpp"

namespace conventio::tmpl {

/// The place in `body` (the template's text after its front matter, starting at line
/// `body_line` of the file) of the rendered line `rendered_line`, whose column `column` is
/// concerned; `estimate` is where the line would be if no tag changed the line count (the
/// rendered line number plus the front matter's lines): of several template lines that could
/// have written it, the nearest to it. A template line could have written it when its literal
/// text (the line with its tags taken out) is in the rendered line, piece by piece, in order;
/// the one with the most literal text wins. nullopt when no line could have.
std::optional<detail::Position> rendered_place(std::string_view body, int body_line,
                                               std::string_view rendered_line, int column, int estimate);

}  // namespace conventio::tmpl
