// Makes a value (a partner's name, an amount) literal text inside clause Markdown.
#pragma once

#include <string>
#include <string_view>

namespace conventio::tmpl {

/// `value` written so that CommonMark (with the GFM table and footnote extensions) reads it
/// back as the same text, wherever it is inserted in a line: every ASCII punctuation character
/// that can start or end markup is backslash-escaped (so "1. x", "# x", "*x*", "<b>", "&amp;",
/// "[^1]", "a | b" in a table stay text), newlines become spaces, and blanks at either end
/// are written as character references so they are not dropped at a line's ends.
std::string markdown_escape(std::string_view value);

}  // namespace conventio::tmpl
