#include "document/text_check.hpp"

#include <bit>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "config/i18n.hpp"
#include "config/utf8_prefix.hpp"

namespace conventio::doc {

using config::format;
using config::tr;

namespace {

thread_local bool t_bidi_controls_allowed = false;

bool is_bidi_control(std::uint32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }

bool xml_allowed(std::uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

std::string hex_bytes(std::string_view text, std::size_t at, std::size_t count) {
    std::string out;
    for (std::size_t i = at; i < at + count && i < text.size(); ++i) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%s0x%02X", out.empty() ? "" : " ",
                      static_cast<unsigned char>(text[i]));
        out += buf;
    }
    return out;
}

/// The length of the sequence at `i` when it is one of the ordinary ones the skip below stops
/// at (a tab or line end, a two-byte letter such as "é" or a no-break space, a three-byte
/// character from U+1000 to U+CFFF other than a bidirectional control, such as "’", "€" or a
/// narrow no-break space), all of which are valid and allowed; 0 for anything the full
/// decoding must judge. JSON's indentation and French accents stopped the skip every few bytes,
/// and each stop cost the whole decoding.
std::size_t ordinary_sequence(std::string_view text, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 == '\n' || b0 == '\t' || b0 == '\r') return 1;
    const std::size_t left = text.size() - i;
    auto continuation = [&](std::size_t k) {
        return (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    };
    // 0xC0 and 0xC1 would be overlong forms; 0xC2 to 0xDF give U+0080 to U+07FF.
    if (b0 >= 0xC2 && b0 <= 0xDF) return left >= 2 && continuation(1) ? 2 : 0;
    // 0xE0 can be overlong, 0xED leads surrogates and 0xEE-0xEF reach U+FFFE: left to the decoding.
    if (b0 >= 0xE1 && b0 <= 0xEC && left >= 3 && continuation(1) && continuation(2)) {
        const std::uint32_t c = ((b0 & 0x0Fu) << 12) |
                                ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                                (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
        return is_bidi_control(c) ? 0 : 3;
    }
    return 0;
}

}  // namespace

std::optional<std::string> text_problem(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        // Nearly all of a French text is printable ASCII, which needs no decoding: skipped eight
        // bytes at a time while none is a control character (below 0x20) or outside ASCII
        // (0x80 and above), which the loop below decodes and judges one by one. This check ran
        // on every text the tree receives and was 1.6 M of a cold render's instructions.
        while (text.size() - i >= 8) {
            std::uint64_t v;
            std::memcpy(&v, text.data() + i, 8);
            constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
            // A byte below 0x20 borrows when 0x20 is taken from it, setting its high bit. A
            // borrow can mark the more significant bytes too, never a less significant one: on
            // a little-endian machine the lowest mark is the first byte to decode, and the bytes
            // before it need none (stepping through them one by one was most of this check's
            // time on JSON's indentation and accented words).
            if (const std::uint64_t marks = ((v - 0x20 * ones) | v) & highs) {
                if constexpr (std::endian::native == std::endian::little)
                    i += static_cast<std::size_t>(std::countr_zero(marks)) / 8;
                break;
            }
            i += 8;
        }
        if (i == text.size()) break;
        if (const std::size_t ordinary = ordinary_sequence(text, i)) {
            i += ordinary;
            continue;
        }
        auto b0 = static_cast<unsigned char>(text[i]);
        std::uint32_t c = 0;
        std::size_t len = 0;
        std::uint32_t min = 0;
        if (b0 < 0x80) {
            c = b0;
            len = 1;
        } else if ((b0 & 0xE0) == 0xC0) {
            c = b0 & 0x1F;
            len = 2;
            min = 0x80;
        } else if ((b0 & 0xF0) == 0xE0) {
            c = b0 & 0x0F;
            len = 3;
            min = 0x800;
        } else if ((b0 & 0xF8) == 0xF0) {
            c = b0 & 0x07;
            len = 4;
            min = 0x10000;
        } else
            return format(tr("invalid UTF-8 at byte {} ({})"), std::to_string(i), hex_bytes(text, i, 1));

        if (i + len > text.size())
            return format(tr("truncated UTF-8 sequence at byte {} ({})"), std::to_string(i),
                          hex_bytes(text, i, text.size() - i));
        for (std::size_t k = 1; k < len; ++k) {
            auto b = static_cast<unsigned char>(text[i + k]);
            if ((b & 0xC0) != 0x80)
                return format(tr("invalid UTF-8 at byte {} ({})"), std::to_string(i),
                              hex_bytes(text, i, k + 1));
            c = (c << 6) | (b & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return format(tr("invalid UTF-8 at byte {} ({})"), std::to_string(i), hex_bytes(text, i, len));
        if (!xml_allowed(c)) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "U+%04X", c);
            return format(tr("character {} at byte {} is not allowed in a document (XML 1.0)"), buf,
                          std::to_string(i));
        }
        if (is_bidi_control(c) && !t_bidi_controls_allowed) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "U+%04X", c);
            return format(
                tr("character {} at byte {} is a bidirectional control, which can make text display "
                   "otherwise than it is stored: not allowed in a document unless the run is for a "
                   "right-to-left language"),
                buf, std::to_string(i));
        }
        i += len;
    }
    return std::nullopt;
}

std::size_t find_byte_below(std::string_view text, unsigned char bound, std::size_t from) {
    if (from >= text.size()) return std::string_view::npos;
    std::size_t i = from;
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    const std::uint64_t bounds = bound * ones;
    while (text.size() - i >= 8) {
        std::uint64_t v;
        std::memcpy(&v, text.data() + i, 8);
        // As in text_problem, without the bytes of 0x80 and above (~v keeps their high bit
        // out): the lowest mark is the first byte below the bound.
        if (const std::uint64_t marks = (v - bounds) & ~v & highs) {
            if constexpr (std::endian::native == std::endian::little)
                return i + static_cast<std::size_t>(std::countr_zero(marks)) / 8;
            break;
        }
        i += 8;
    }
    for (; i < text.size(); ++i)
        if (static_cast<unsigned char>(text[i]) < bound) return i;
    return std::string_view::npos;
}

BidiControlsScope::BidiControlsScope(bool allowed) noexcept : previous_(t_bidi_controls_allowed) {
    t_bidi_controls_allowed = allowed;
}

BidiControlsScope::~BidiControlsScope() { t_bidi_controls_allowed = previous_; }

std::optional<std::string> url_problem(std::string_view url) {
    // Only an address whose scheme is one of these, written first: a leading space, a UNC path
    // (\\host\share, fetched over SMB by Word), a "//host" or a relative path resolve to
    // what the reader's system makes of them.
    std::size_t end = 0;
    while (end < url.size() && std::isalpha(static_cast<unsigned char>(url[end]))) ++end;
    std::string scheme(url.substr(0, end));
    for (char& ch : scheme) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (end < url.size() && url[end] == ':')
        for (std::string_view allowed : {"http", "https", "mailto", "tel"})
            if (scheme == allowed) return std::nullopt;
    if (end < url.size() && url[end] == ':' && end > 0)
        return config::format(
            config::tr("a link to a '{}:' address: only http, https, mailto and tel links are taken"),
            scheme);
    // The two a drafter most often means: a place in the document, a site typed without its scheme.
    if (url.starts_with("#"))
        return config::tr(
            "a link to a place in the document: write a reference to the article instead "
            "({{ ref(\"key\") }} in a template, conventio.Ref in a script)");
    // The whole address, when short enough to be shown: a cut one would be suggested as another.
    const bool www = url.size() >= 4 && std::tolower(static_cast<unsigned char>(url[0])) == 'w' &&
                     std::tolower(static_cast<unsigned char>(url[1])) == 'w' &&
                     std::tolower(static_cast<unsigned char>(url[2])) == 'w' && url[3] == '.';
    if (www && url.size() <= 120)
        return config::format(config::tr("a link to '{}': write it https://{}"), std::string(url),
                              std::string(url));
    return config::format(
        config::tr("a link to '{}': give an address starting with https://, http://, mailto: or tel:"),
        std::string(url.substr(0, config::utf8_prefix_size(url, 60))));
}

}  // namespace conventio::doc
