#include "batch/text_encoding.hpp"

#include <array>
#include <cctype>

#include "config/i18n.hpp"

namespace conventio::batch {

using config::format;
using config::tr;
namespace {

// Windows-1252's 0x80..0x9F; the other bytes are ISO-8859-1, i.e. the code point itself.
// The five bytes Windows leaves undefined map to U+FFFD rather than failing the whole file.
constexpr std::array<char32_t, 32> cp1252_high = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string place_of(std::string_view text, std::size_t offset, const std::string& file) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++col;
        }
    }
    return file + ":" + std::to_string(line) + ":" + std::to_string(col);
}

}  // namespace

Encoding parse_encoding(std::string_view name) {
    std::string n;
    for (char c : name)
        if (c != '-' && c != '_') n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n == "auto") return Encoding::automatic;
    if (n == "utf8") return Encoding::utf8;
    if (n == "windows1252" || n == "cp1252" || n == "latin1" || n == "iso88591" || n == "ansi")
        return Encoding::windows1252;
    throw RowFileError(format(tr("unknown encoding '{}' (expected utf-8, windows-1252 or auto)"), name));
}

bool is_utf8(std::string_view text, std::size_t* bad) {
    std::size_t i = 0;
    auto fail = [&] {
        if (bad) *bad = i;
        return false;
    };
    while (i < text.size()) {
        auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = 0;
        char32_t c = 0;
        if ((b & 0xE0) == 0xC0) {
            n = 1;
            c = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            n = 2;
            c = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            n = 3;
            c = b & 0x07;
        } else {
            return fail();
        }
        if (i + n >= text.size()) return fail();  // truncated sequence
        for (std::size_t k = 1; k <= n; ++k) {
            auto cb = static_cast<unsigned char>(text[i + k]);
            if ((cb & 0xC0) != 0x80) return fail();
            c = (c << 6) | (cb & 0x3F);
        }
        bool overlong = (n == 1 && c < 0x80) || (n == 2 && c < 0x800) || (n == 3 && c < 0x10000);
        if (overlong || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return fail();
        i += n + 1;
    }
    return true;
}

std::string to_utf8(std::string_view bytes, Encoding encoding, const std::string& file) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    bool had_bom = bytes.starts_with(bom);
    if (had_bom) bytes.remove_prefix(bom.size());
    std::size_t bad = 0;
    bool valid = is_utf8(bytes, &bad);
    if (encoding == Encoding::utf8 || (encoding == Encoding::automatic && had_bom)) {
        if (!valid)
            throw RowFileError(
                place_of(bytes, bad, file) + ": " +
                tr("not valid UTF-8 (export the file as UTF-8, or give --encoding windows-1252)"));
        return std::string(bytes);
    }
    if (encoding == Encoding::automatic && valid) return std::string(bytes);
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char ch : bytes) {
        auto b = static_cast<unsigned char>(ch);
        if (b < 0x80)
            out += ch;
        else if (b < 0xA0)
            append_utf8(out, cp1252_high[b - 0x80]);
        else
            append_utf8(out, b);
    }
    return out;
}

}  // namespace conventio::batch
