// Compiles a clause template (front matter + Markdown with {{ }} and {% %} tags) to Lua.
//
// Body syntax:
//     {{ expr }}                      inserts the value of a Lua expression
//     {% if expr %} {% elseif expr %} {% else %} {% end %}
//     {% for x in expr %} {% for i, x in expr %} ... {% end %}   (array items, in order)
//     {# comment #}
// A line holding only {% %} or {# #} tags (and blanks) disappears with its newline, so
// Markdown lists and paragraphs written around tags stay intact. A literal "{{" is written
// {{ "{{" }}. Conditions follow Lua: only nil and false are false.
//
// Runtime contract of CompiledTemplate::lua_source: load it with chunkname "@" + path, call
// it with (env, place, v, at); it returns the Markdown in pieces, a list for table.concat.
//   env          every name in an expression is looked up in this table (it is the chunk's _ENV)
//   place        a table: before the chunk evaluates a tag's expression (a placeholder, an if,
//                elseif or for) it sets place.line and place.column to the expression's template
//                line and column, so an error raised meanwhile, wherever it comes from, can be
//                reported there (scripts/conventio/clauses.lua: a message positioned in the
//                chunk itself has that position replaced by the tag's; any other position, a
//                line of our library reached from the template, is kept after the tag's place)
//   v(place, x)  the Markdown a placeholder inserts for its value x, whatever its type; it must
//                return a string (the piece table.concat joins)
//   at(place, l, c) sets place.line, place.column to l, c and returns true (an elseif's
//                condition, before which no statement can stand)
// No closure and no protected call per placeholder: the runtime calls the chunk once, protected,
// and reads the place when it fails. The Lua code for template line N is on Lua line N, so a Lua
// error "path:N: ..." names the template line too. The chunk reads no global: it runs in any
// environment. An expression cannot name the chunk's own locals (__o, __n, __p...): names
// starting with "__" are refused where the template reads them.
#pragma once

#include <string>
#include <string_view>

#include "template/front_matter.hpp"

namespace conventio::tmpl {

/// How deeply {% if %} and {% for %} blocks may nest in one template.
inline constexpr std::size_t max_block_nesting = 100;

struct CompiledTemplate {
    FrontMatter front;
    /// The path messages name; the chunkname is "@" + path.
    std::string path;
    /// Lua 5.4 source text, see the runtime contract above.
    std::string lua_source;
    /// The same chunk compiled by this process's Lua (chunkname and lines kept): the runtime
    /// loads it (mode "b") instead of parsing the source again. Never written anywhere.
    std::string lua_bytecode;
};

/// Compiles the template `text` read from `path`. Throws TemplateError "path:line:col: ..."
/// for any syntax error, including an expression Lua cannot parse.
CompiledTemplate compile_template(std::string_view text, std::string path);

/// Reads and compiles the template file at `path` (named as given in messages).
CompiledTemplate compile_template_file(const std::string& path);

}  // namespace conventio::tmpl
