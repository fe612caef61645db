// Checks that text can go into an XML part: valid UTF-8, and only characters XML 1.0 allows;
// and that what a signer reads is what is stored: the Unicode bidi controls (embeddings,
// overrides, isolates: U+202A..U+202E, U+2066..U+2069) can make text display in another order
// than it reads, so they are refused unless the run is for a right-to-left language.
// Text is checked where it enters the tree, so the error can name the script line.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace conventio::doc {

/// Why `text` cannot be written, or nothing when it can. The message names the byte offset
/// and the offending bytes or code point, e.g. "invalid UTF-8 at byte 4 (0xC3 0x28)".
std::optional<std::string> text_problem(std::string_view text);

/// Why `url` cannot be a link's target, or nothing: it must start with http:, https:, mailto: or
/// tel: (javascript:, file:, data:, a UNC path run code or reach the reader's disk or network
/// when clicked in Word or LibreOffice; a relative address means nothing in a document).
std::optional<std::string> url_problem(std::string_view url);

/// The offset of the first byte below `bound` (at most 0x80) in `text` at or after `from`,
/// or npos. In text text_problem accepts, the bytes below 0x20 are a tab, a line feed or a
/// carriage return, which the writers turn into elements of their own, and below 0x21 the
/// space too, which ODF collapses. Eight bytes at a time, as text_problem skips ordinary text.
std::size_t find_byte_below(std::string_view text, unsigned char bound, std::size_t from = 0);

/// find_byte_below(text, 0x20, from): the next tab or line end.
inline std::size_t find_control(std::string_view text, std::size_t from = 0) {
    return find_byte_below(text, 0x20, from);
}

/// While alive, text_problem on this thread accepts the bidi controls when `allowed` (a run
/// for a right-to-left language opts in; every other run refuses them). Scopes nest.
class BidiControlsScope {
public:
    explicit BidiControlsScope(bool allowed) noexcept;
    ~BidiControlsScope();
    BidiControlsScope(const BidiControlsScope&) = delete;
    BidiControlsScope& operator=(const BidiControlsScope&) = delete;

private:
    bool previous_;
};

}  // namespace conventio::doc
