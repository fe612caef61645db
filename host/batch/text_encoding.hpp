// Row files as drafters export them: UTF-8 with or without a byte-order mark, or
// Windows-1252 (what Excel writes as "CSV (séparateur : point-virgule)" on a French Windows).
// Everything after this step is UTF-8.
#pragma once

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

/// The text of `bytes` as UTF-8, its BOM removed. Automatic: UTF-8 when the bytes are valid
/// UTF-8, else Windows-1252. A file declared UTF-8 that is not is an error naming
/// `file:line:col` of the first bad byte.
std::string to_utf8(std::string_view bytes, Encoding encoding, const std::string& file);

/// Whether `text` is well-formed UTF-8 (no overlongs, no surrogates); if not, `bad` is the
/// offset of the first byte that is not.
bool is_utf8(std::string_view text, std::size_t* bad = nullptr);

}  // namespace conventio::batch
