// Messages built from what a script or a data file said: they reach a terminal, so control
// characters are escaped and a huge message is cut, whatever the script put in it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace conventio::lua {

/// Messages longer than this are cut (an error object of 64 MiB is not a message).
inline constexpr std::size_t max_message_bytes = 4096;

/// `text` cut to `max_bytes` at a character boundary, with a note giving the full size.
std::string cut_message(std::string_view text, std::size_t max_bytes = max_message_bytes);

/// `text` safe to print: cut as above; C0 and C1 control characters (except newline and tab),
/// DEL, Unicode bidi controls and bytes that are not UTF-8 are written as \x1B or \u{202E}, so
/// an error cannot move the cursor, recolour the terminal or reorder what it shows.
std::string printable_message(std::string_view text, std::size_t max_bytes = max_message_bytes);

}  // namespace conventio::lua
