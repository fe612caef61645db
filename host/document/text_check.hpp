// Checks that text can go into an XML part: valid UTF-8, and only characters XML 1.0 allows.
// Text is checked where it enters the tree, so the error can name the script line.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace conventio::doc {

/// Why `text` cannot be written, or nothing when it can. The message names the byte offset
/// and the offending bytes or code point, e.g. "invalid UTF-8 at byte 4 (0xC3 0x28)".
std::optional<std::string> text_problem(std::string_view text);

}  // namespace conventio::doc
