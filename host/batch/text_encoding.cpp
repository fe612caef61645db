#include "batch/text_encoding.hpp"

#include <algorithm>
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
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

/// How many characters the first `bytes` bytes of UTF-8 `text` hold (a column's count).
std::size_t characters(std::string_view text, std::size_t bytes) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < bytes && i < text.size(); ++i)
        n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return n;
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

std::optional<RowFileError> utf8_error(std::string_view text, std::size_t number, const std::string& file,
                                       bool json, bool mixed) {
    std::size_t bad = 0;
    if (is_utf8(text, &bad)) return std::nullopt;
    // JSON is UTF-8 whatever --encoding says; a CSV may be declared Windows-1252.
    const std::string advice =
        mixed  ? tr("not valid UTF-8, where other lines are: the file mixes two encodings (export it again "
                     "as UTF-8, or give --encoding windows-1252 if it is all Windows-1252)")
        : json ? tr("not valid UTF-8 (JSON is UTF-8: export the file as UTF-8)")
               : tr("not valid UTF-8 (export the file as UTF-8, or give --encoding windows-1252)");
    return RowFileError(file + ":" + std::to_string(number) + ":" +
                        std::to_string(characters(text, bad) + 1) + ": " + advice);
}

EncodingScan::EncodingScan(Encoding asked, std::string file, bool json)
    : asked_(json ? Encoding::utf8 : asked), file_(std::move(file)), json_(json) {}

void EncodingScan::line(std::string_view text) {
    if (asked_ == Encoding::windows1252) return;
    if (++number_ == 1 && text.starts_with("\xEF\xBB\xBF")) {
        bom_ = true;
        text.remove_prefix(3);
    }
    if (std::size_t nul = text.find('\0'); nul != std::string_view::npos)
        throw RowFileError(file_ + ":" + std::to_string(number_) + ":" +
                           std::to_string(characters(text, nul) + 1) + ": " +
                           tr("a NUL byte: this is not a text file (save the sheet as CSV UTF-8)"));
    if (asked_ == Encoding::automatic && !bom_) {
        if (!is_utf8(text)) {
            if (bad_line_ == 0) {
                bad_line_ = number_;
                bad_text_ = text;
            }
        } else if (!utf8_letters_) {
            utf8_letters_ = std::any_of(text.begin(), text.end(), [](char c) { return c & 0x80; });
        }
        if (bad_line_ != 0 && utf8_letters_) throw *utf8_error(bad_text_, bad_line_, file_, json_, true);
        return;
    }
    if (auto error = utf8_error(text, number_, file_, json_)) throw *error;
}

Encoding EncodingScan::decided() const {
    if (asked_ != Encoding::automatic) return asked_;
    return bom_ || bad_line_ == 0 ? Encoding::utf8 : Encoding::windows1252;
}

std::string to_utf8(std::string_view bytes, Encoding encoding, const std::string& file, bool json) {
    // Declared Windows-1252 (a batch decodes each line so), there is nothing to decide or check.
    if (encoding != Encoding::windows1252 || json) {
        EncodingScan scan(encoding, file, json);
        for (std::size_t start = 0; start <= bytes.size();) {
            const std::size_t end = std::min(bytes.find('\n', start), bytes.size());
            scan.line(bytes.substr(start, end - start));
            start = end + 1;
        }
        encoding = scan.decided();
    }
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (encoding == Encoding::utf8) return std::string(bytes);
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

std::optional<std::string> utf16_as_utf8(std::string_view bytes, const std::string& file) {
    const bool little = bytes.starts_with("\xFF\xFE"), big = bytes.starts_with("\xFE\xFF");
    if (!little && !big) return std::nullopt;
    std::string out = "\xEF\xBB\xBF";  // a UTF-8 file with its mark: the reader takes it as such
    out.reserve(bytes.size());
    std::size_t line = 1, col = 1;
    auto unit = [&](std::size_t at) {
        auto a = static_cast<unsigned char>(bytes[at]), b = static_cast<unsigned char>(bytes[at + 1]);
        return static_cast<char32_t>(little ? (b << 8 | a) : (a << 8 | b));
    };
    auto bad = [&] {
        return RowFileError(file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " +
                            tr("not valid UTF-16 (export the file as CSV UTF-8)"));
    };
    for (std::size_t at = 2; at < bytes.size(); at += 2) {
        if (at + 1 >= bytes.size()) throw bad();
        char32_t c = unit(at);
        if (c >= 0xD800 && c <= 0xDBFF) {  // a pair's first half: the second follows
            if (at + 3 >= bytes.size()) throw bad();
            const char32_t low = unit(at + 2);
            if (low < 0xDC00 || low > 0xDFFF) throw bad();
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            at += 2;
        } else if (c >= 0xDC00 && c <= 0xDFFF) {
            throw bad();
        }
        append_utf8(out, c);
        if (c == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
    return out;
}

}  // namespace conventio::batch
