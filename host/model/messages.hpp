// Helpers shared by the model's error messages, so every "invalid ..." reads the same way.
#pragma once

#include <string>
#include <string_view>

#include "config/i18n.hpp"
#include "config/utf8_prefix.hpp"

namespace conventio::detail {

/// " (field siret)" when a field name is given, "" otherwise.
inline std::string field_suffix(std::string_view field) {
    if (field.empty()) return {};
    return config::format(config::tr(" (field {})"), field);
}

/// The offending input as shown in a message: cut at 40 bytes (on a UTF-8 boundary) so a
/// pasted paragraph does not drown the message.
inline std::string shown(std::string_view text) {
    constexpr std::size_t limit = 40;
    if (text.size() <= limit) return std::string(text);
    return std::string(text.substr(0, config::utf8_prefix_size(text, limit))) + "\u2026";
}

}  // namespace conventio::detail
