// The name of each row's document: a pattern ("avenant-{departement}") or a column, made safe
// to write inside the output folder whatever the row holds.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace conventio::batch {

/// A pattern's parts: literal text and `{column}` fields (`{{` and `}}` are braces;
/// `{row}` is the row number, zero-padded to the width of the last one).
struct NamePattern {
    struct Part {
        std::string text;
        bool field = false;
    };
    std::vector<Part> parts;
};

/// Parses `pattern`; a trailing .odt/.docx is dropped (each format adds its own). Throws
/// RowFileError on an unclosed brace or an empty field.
NamePattern parse_name_pattern(std::string pattern);

/// The fields of `pattern` that are not among `columns` ("{row}" always is), each with the
/// nearest column as a suggestion: "unknown column 'departemnt' in --name (did you mean ...)".
std::optional<std::string> check_pattern_columns(const NamePattern& pattern,
                                                 const std::vector<std::string>& columns);

/// The row's file stem, or why it has none (a missing or empty field).
struct NameResult {
    std::string stem;
    std::string error;
};
NameResult expand_name(const NamePattern& pattern, const nlohmann::json& row, std::size_t number,
                       std::size_t total);

/// `raw` made safe as one file name: separators, `..`, control and Windows-forbidden
/// characters replaced by '-', leading and trailing dots and spaces dropped, a Windows device
/// name (CON, NUL, COM1...) prefixed with '_', at most `max_bytes` bytes (cut on a character
/// boundary). Empty when nothing usable is left.
std::string safe_file_stem(const std::string& raw, std::size_t max_bytes = 150);

/// The key two names collide under: Windows and macOS folders ignore case.
std::string collision_key(const std::string& name);

/// The Levenshtein-nearest of `candidates` when it is close, for "did you mean".
std::optional<std::string> nearest(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace conventio::batch
