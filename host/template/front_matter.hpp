// The header of a clause template: a small YAML subset between two '---' lines.
//
//     ---
//     key: montant            # required, [a-z][a-z0-9_]*
//     title: "Montant du financement"
//     params: [payeur, montant]
//     ---
//
// Supported: one `name: value` per line, values plain, "double-quoted" (escapes \" \\ \n \t)
// or 'single-quoted' ('' for a quote), one-line lists `[a, "b", c]`, `#` comments (at the
// start of a line or after a space, as in YAML). Nothing nested, nothing multi-line: the
// drafters who write these are not programmers, and every error names the line and column.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace conventio::tmpl {

struct FrontMatter {
    /// How scripts name the clause; an identifier [a-z][a-z0-9_]*.
    std::string key;
    /// Human title, may be empty.
    std::string title;
    /// Names the template reads; identifiers that are not Lua keywords. Informative for the
    /// runtime (missing parameters are its business, not the compiler's).
    std::vector<std::string> params;
    /// Any other `name: value`, value unquoted; a list value is kept as written ("[a, b]").
    std::map<std::string, std::string, std::less<>> other;
};

/// The front matter and what follows it.
struct FrontMatterSplit {
    FrontMatter front;
    /// The body after the closing '---' line: a view into the text given to parse_front_matter.
    std::string_view body;
    /// Byte offset of `body` in that text, and its first line number (1-based).
    std::size_t body_offset = 0;
    int body_line = 1;
};

/// Parses the front matter at the start of `text`. Throws TemplateError
/// "path:line:col: ..." naming what was expected.
FrontMatterSplit parse_front_matter(std::string_view text, std::string_view path);

/// Whether `name` is a Lua reserved word ("end", "for", "nil"...).
bool is_lua_keyword(std::string_view name);

}  // namespace conventio::tmpl
