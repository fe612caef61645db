#include "lua/message_text.hpp"

#include <cstdint>
#include <cstdio>

#include "config/i18n.hpp"
#include "config/utf8_prefix.hpp"

namespace conventio::lua {

using config::tr;
namespace {

/// Length of the UTF-8 sequence starting at `i` and its code point, or 0 when the bytes
/// there are not UTF-8.
std::size_t decode(std::string_view s, std::size_t i, std::uint32_t& c) {
    auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = b0 < 0x80             ? 1
                      : (b0 & 0xE0) == 0xC0 ? 2
                      : (b0 & 0xF0) == 0xE0 ? 3
                      : (b0 & 0xF8) == 0xF0 ? 4
                                            : 0;
    if (len == 0 || i + len > s.size()) return 0;
    c = len == 1 ? b0 : len == 2 ? b0 & 0x1Fu : len == 3 ? b0 & 0x0Fu : b0 & 0x07u;
    for (std::size_t k = 1; k < len; ++k) {
        auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        c = (c << 6) | (b & 0x3Fu);
    }
    static constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < smallest[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    return len;
}

bool is_bidi_control(std::uint32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
           c == 0x061C;
}

}  // namespace

std::string cut_message(std::string_view text, std::size_t max_bytes) {
    // A message cut once already (when the error was raised) is not cut again when printed: its
    // note says the size of the whole, which a second cut would replace by the first cut's.
    constexpr std::size_t room_for_the_note = 80;
    if (text.size() <= max_bytes + room_for_the_note) return std::string(text);
    return std::string(text.substr(0, config::utf8_prefix_size(text, max_bytes))) + " " +
           config::format(tr("[... message cut: {} bytes in all]"), std::to_string(text.size()));
}

std::string printable_message(std::string_view text, std::size_t max_bytes) {
    std::string cut = cut_message(text, max_bytes);
    std::string out;
    out.reserve(cut.size());
    std::size_t i = 0;
    while (i < cut.size()) {
        std::uint32_t c = 0;
        std::size_t len = decode(cut, i, c);
        char buf[16];
        if (len == 0) {
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(cut[i]));
            out += buf;
            ++i;
            continue;
        }
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else if ((c >= 0x80 && c <= 0x9F) || is_bidi_control(c)) {
            std::snprintf(buf, sizeof buf, "\\u{%X}", c);
            out += buf;
        } else {
            out.append(cut, i, len);
        }
        i += len;
    }
    return out;
}

}  // namespace conventio::lua
