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
// it with (env, t, v):
//   env        every name in an expression is looked up in this table (it is the chunk's _ENV)
//   t(s)       appends literal Markdown text s
//   v(l, c, f) appends the value of f() (f is `function() return (expr) end`); l:c is the
//              template line and column of the expression, for the runtime's messages
// The Lua code for template line N is on Lua line N, so a Lua error "path:N: ..." names the
// template line. The chunk reads no global: it runs in any environment.
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
