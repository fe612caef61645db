// The header of a clause template: a small YAML subset between two '---' lines.
//
//     ---
//     key: montant            # required, [a-z][a-z0-9_]*, the file's name without .md
//     title: "Montant du financement"
//     params: [payeur, montant]       # parameters the template needs
//     optional: [plafond]             # parameters it reads when given
//     headings: true                  # its Markdown may hold headings (annexes)
//     ---
//
// Any other field is kept as data for scripts (structure/libelles.md holds the labels of the
// agreement's structure that way).
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

#include "template/source_position.hpp"

namespace conventio::tmpl {

/// A field the front matter does not define itself: a text, or a one-line list.
struct FrontField {
    bool is_list = false;
    std::string text;                // when !is_list, unquoted
    std::vector<std::string> items;  // when is_list, each unquoted
};

/// The front matter, parsed once: every consumer reads these fields, never the text again.
struct FrontMatter {
    /// How scripts name the clause; an identifier [a-z][a-z0-9_]*.
    std::string key;
    detail::Position key_at;
    /// Human title, may be empty.
    std::string title;
    /// Parameters the template needs: identifiers that are not Lua keywords. The runtime
    /// reports a missing one at params_at ("missing parameter" is its business).
    std::vector<std::string> params;
    detail::Position params_at;  // 1:1 when the template declares none
    /// Parameters it reads when given (nil otherwise); never also in `params`.
    std::vector<std::string> optional;
    /// Whether its Markdown may hold headings (annexes); false unless `headings: true`.
    bool headings = false;
    /// Every other field, for scripts.
    std::map<std::string, FrontField, std::less<>> other;
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
