// Cutting text for a message or a name without cutting a character in two: every place that
// shortens UTF-8 text to a number of bytes (messages, excerpts, file names) cuts here.
#pragma once

#include <cstddef>
#include <string_view>

namespace conventio::config {

/// The size of the longest start of `text` of at most `max` bytes that ends on a character's
/// boundary (all of `text` when it is no longer).
inline std::size_t utf8_prefix_size(std::string_view text, std::size_t max) {
    if (text.size() <= max) return text.size();
    while (max > 0 && (static_cast<unsigned char>(text[max]) & 0xC0) == 0x80) --max;
    return max;
}

}  // namespace conventio::config
