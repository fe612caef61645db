// Row files as drafters export them: UTF-8 with or without a byte-order mark, or
// Windows-1252 (what Excel writes as "CSV (séparateur : point-virgule)" on a French Windows).
// Everything after this step is UTF-8.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace conventio::batch {

enum class Encoding { automatic, utf8, windows1252 };

/// A row file that cannot be read or decoded; the message names the file and the place.
struct RowFileError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// "utf-8", "utf8", "windows-1252", "cp1252", "latin1"... (case-insensitive); throws
/// RowFileError with the accepted names otherwise.
Encoding parse_encoding(std::string_view name);

/// The text of `bytes` as UTF-8, its BOM removed, its encoding decided as EncodingScan does.
/// Throws RowFileError as EncodingScan does.
std::string to_utf8(std::string_view bytes, Encoding encoding, const std::string& file, bool json = false);

/// A first reading of a row file, a line at a time, which decides its encoding and checks what
/// must be UTF-8 (a file declared so, one with a BOM, JSON), so that its first bad byte is the
/// error, before any row. Automatic: UTF-8 when every line is, Windows-1252 when no line holds
/// UTF-8's letters; a file of both (a line pasted from elsewhere) is refused at its first bad
/// byte: read as Windows-1252, its every « é » came out « Ã© » without a word. A NUL byte is no
/// text's (a spreadsheet's own format, UTF-16 without its mark). Throws RowFileError
/// "file:line:col: reason".
class EncodingScan {
public:
    /// `json`: the file is JSON, UTF-8 whatever `asked` says.
    EncodingScan(Encoding asked, std::string file, bool json);
    /// The next physical line, without its \n (the first one's BOM is seen here).
    void line(std::string_view text);
    /// UTF-8 or Windows-1252, once every line was given.
    [[nodiscard]] Encoding decided() const;

private:
    Encoding asked_;
    std::string file_;
    bool json_;
    std::size_t number_ = 0;
    bool bom_ = false, utf8_letters_ = false;
    std::size_t bad_line_ = 0;  // the first line that is not UTF-8 (automatic), 0: none yet
    std::string bad_text_;
};

/// The error for the first byte of `text` (line `number` of `file`) that is not UTF-8, or none
/// when all of it is; `json`: the file is JSON; `mixed`: other lines of it are UTF-8.
std::optional<RowFileError> utf8_error(std::string_view text, std::size_t number, const std::string& file,
                                       bool json, bool mixed = false);

/// `bytes` as UTF-8 (with a UTF-8 byte-order mark) when they start with UTF-16's mark, either
/// byte order: what Excel writes as "Texte Unicode". None for any other file. An unpaired
/// surrogate is an error naming `file:line:col`.
std::optional<std::string> utf16_as_utf8(std::string_view bytes, const std::string& file);

/// Whether `text` is well-formed UTF-8 (no overlongs, no surrogates); if not, `bad` is the
/// offset of the first byte that is not.
bool is_utf8(std::string_view text, std::size_t* bad = nullptr);

}  // namespace conventio::batch
