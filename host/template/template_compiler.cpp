#include "template/template_compiler.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <tuple>
#include <utility>
#include <vector>

#include "config/i18n.hpp"
#include "template/lua_syntax.hpp"
#include "template/source_position.hpp"
#include "template/template_error.hpp"

namespace conventio::tmpl {

using config::format;
using config::tr;
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

/// Level of the Lua long bracket "[==[" opening at `i`, or npos if `i` opens none.
std::size_t long_bracket_level(std::string_view s, std::size_t i) {
    std::size_t j = i + 1;
    while (j < s.size() && s[j] == '=') ++j;
    return j < s.size() && s[j] == '[' ? j - i - 1 : npos;
}

/// Offset after the long bracket of `level` opening at `i`, or npos if it never closes.
std::size_t skip_long_bracket(std::string_view s, std::size_t i, std::size_t level) {
    std::string close = "]" + std::string(level, '=') + "]";
    std::size_t at = s.find(close, i + level + 2);
    return at == npos ? npos : at + close.size();
}

/// Offset after the quoted Lua string opening at `i`; an unfinished string stops at the end
/// of its line (Lua then reports it).
std::size_t skip_short_string(std::string_view s, std::size_t i) {
    const char quote = s[i++];
    while (i < s.size() && s[i] != quote && s[i] != '\n') i += s[i] == '\\' ? 2 : 1;
    return i < s.size() && s[i] == quote ? i + 1 : std::min(i, s.size());
}

/// Where the string or comment starting at `i` of Lua code `s` ends (the index after it; npos when
/// it runs to the end), or `i` itself when none starts there.
std::size_t skip_string_or_comment(std::string_view s, std::size_t i) {
    char c = s[i];
    if (c == '"' || c == '\'') return skip_short_string(s, i);
    if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
        std::size_t level = i + 2 < s.size() && s[i + 2] == '[' ? long_bracket_level(s, i + 2) : npos;
        return level != npos ? skip_long_bracket(s, i + 2, level) : s.find('\n', i);
    }
    if (c == '[') {
        std::size_t level = long_bracket_level(s, i);
        if (level != npos) return skip_long_bracket(s, i, level);
    }
    return i;
}

/// The first index from `i` on of Lua code `s` that is outside every string and comment, or npos
/// (the end, or a string or comment running to it).
std::size_t next_code(std::string_view s, std::size_t i) {
    while (i < s.size()) {
        std::size_t after = skip_string_or_comment(s, i);
        if (after == i) return i;
        i = after;
    }
    return npos;
}

/// Whether every bracket an expression closes, it opened. "a) or (b" is valid Lua inside
/// "return (...)" but would break out of the code generated around it. (Brackets left open are
/// for Lua to report.)
bool closes_only_its_brackets(std::string_view s) {
    int depth = 0;
    for (std::size_t i = next_code(s, 0); i != npos; i = next_code(s, i + 1)) {
        char c = s[i];
        if (c == '(' || c == '[' || c == '{') ++depth;
        if ((c == ')' || c == ']' || c == '}') && --depth < 0) return false;
    }
    return true;
}

/// Where in expression `s` a name starting with "__" is read as a variable (not a field after '.'
/// or ':', not in a string or a comment), or npos. The compiled chunk's own locals (__o, __n, __p,
/// __v, __at, __each, __list, __k) share the expression's scope: read or assigned from a template, they
/// would move its error places or break its output.
std::size_t reserved_name_at(std::string_view s) {
    std::size_t i = next_code(s, 0);
    while (i != npos) {
        if (!is_name_char(s[i])) {
            i = next_code(s, i + 1);
            continue;
        }
        std::size_t start = i;
        while (i < s.size() && is_name_char(s[i])) ++i;
        if (s.substr(start, 2) == "__") {
            std::size_t before = start;
            while (before > 0 && is_blank(s[before - 1])) --before;
            bool field = before > 0 && (s[before - 1] == ':' ||
                                        (s[before - 1] == '.' && (before < 2 || s[before - 2] != '.')));
            if (!field) return start;
        }
        i = next_code(s, i);
    }
    return npos;
}

/// Appends `text` as a Lua quoted string that reads back byte for byte. A newline is written
/// as a backslash followed by a real newline, which Lua reads as "\n" while counting the
/// line: the generated code stays on the template's line numbers.
void append_lua_string(std::string& out, std::string_view text) {
    out += '"';
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '"':
                out += "\\\"";
                break;
            case '\n':
                out += "\\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    char buf[5] = {'\\', static_cast<char>('0' + c / 100),
                                   static_cast<char>('0' + c / 10 % 10), static_cast<char>('0' + c % 10), 0};
                    out += buf;
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
}

enum class TagKind { expression, statement, comment };

struct Tag {
    TagKind kind;
    std::size_t begin;  // at "{{", "{%" or "{#"
    std::size_t end;    // after "}}", "%}" or "#}"
};

struct Span {
    std::size_t begin;
    std::size_t end;
};

enum class BlockKind { if_block, for_block };

struct OpenBlock {
    BlockKind kind;
    std::size_t at;  // the opening tag
    bool has_else = false;
};

class Compiler {
public:
    Compiler(std::string_view text, std::string_view path, std::size_t body_offset)
        : text_(text),
          path_(path),
          body_offset_(body_offset),
          index_(text),
          lua_(LuaSyntax::of_this_thread()) {}

    /// The Lua source and its bytecode.
    std::pair<std::string, std::string> compile() {
        scan_tags();
        find_text();
        generate();
        std::string bytecode = check_chunk();
        return {std::move(out_), std::move(bytecode)};
    }

private:
    // ---- errors

    [[noreturn]] void fail(std::size_t at, std::string_view message) const {
        auto p = index_.at(at);
        throw TemplateError(path_, p.line, p.column, message);
    }

    // ---- pass 1: where the tags are

    void scan_tags() {
        std::size_t pos = body_offset_;
        for (;;) {
            std::size_t open = text_.find('{', pos);
            if (open == npos || open + 1 >= text_.size()) return;
            char c = text_[open + 1];
            if (c == '#') {
                std::size_t close = text_.find("#}", open + 2);
                if (close == npos) fail(open, tr("unclosed '{#': expected '#}'"));
                tags_.push_back({TagKind::comment, open, close + 2});
            } else if (c == '{' || c == '%') {
                std::size_t close = code_end(open);
                tags_.push_back({c == '{' ? TagKind::expression : TagKind::statement, open, close + 2});
            } else {
                pos = open + 1;
                continue;
            }
            pos = tags_.back().end;
        }
    }

    /// Offset of the "}}" or "%}" closing the tag opened at `open`. Lua strings are skipped, and
    /// "}}" only closes outside table braces, so {{ "}}" }} and {{ {a={1}} }} work.
    std::size_t code_end(std::size_t open) const {
        const bool expression = text_[open + 1] == '{';
        auto unclosed = [&] {
            fail(open, expression ? tr("unclosed '{{': expected '}}'") : tr("unclosed '{%': expected '%}'"));
        };
        int depth = 0;
        std::size_t i = open + 2;
        while (i < text_.size()) {
            char c = text_[i];
            char next = i + 1 < text_.size() ? text_[i + 1] : '\0';
            if (c == '"' || c == '\'') {
                i = skip_short_string(text_, i);
                continue;
            }
            if (c == '[') {
                std::size_t level = long_bracket_level(text_, i);
                if (level != npos) {
                    i = skip_long_bracket(text_, i, level);
                    if (i == npos) unclosed();
                    continue;
                }
            }
            if (c == '{') {
                // Another tag before this one closed: the closing delimiter is missing. Saying
                // so here beats swallowing text up to some later tag.
                if (next == '{' || next == '%') unclosed();
                ++depth;
            } else if (c == '}') {
                if (expression && next == '}' && depth == 0) return i;
                if (depth > 0) --depth;
            } else if (c == '%' && !expression && next == '}') {
                return i;
            }
            ++i;
        }
        unclosed();
        return npos;
    }

    // ---- pass 2: the literal text, without the lines that only hold {% %} or {# #} tags

    void find_text() {
        const std::size_t n = text_.size();
        const std::size_t count = tags_.size();
        texts_.resize(count + 1);
        for (std::size_t k = 0; k <= count; ++k)
            texts_[k] = {k == 0 ? body_offset_ : tags_[k - 1].end, k == count ? n : tags_[k].begin};

        std::size_t line_start = body_offset_;
        std::size_t t = 0;  // first tag at or after the scan position
        while (line_start < n) {
            std::size_t c = line_start;
            const std::size_t first = t;
            bool has_tag = false;
            bool only_tags = true;
            for (;;) {
                while (c < n && (text_[c] == ' ' || text_[c] == '\t')) ++c;
                if (t < count && tags_[t].begin == c) {
                    if (tags_[t].kind == TagKind::expression) {
                        only_tags = false;
                        break;
                    }
                    has_tag = true;
                    c = tags_[t++].end;
                    continue;
                }
                if (c == n || text_[c] == '\n' || (text_[c] == '\r' && c + 1 < n && text_[c + 1] == '\n'))
                    break;
                only_tags = false;
                break;
            }
            if (only_tags && has_tag) {
                std::size_t line_end = c == n ? n : text_.find('\n', c) + 1;
                texts_[first].end = line_start;
                for (std::size_t k = first + 1; k < t; ++k) texts_[k].end = texts_[k].begin;
                texts_[t].begin = line_end;
                line_start = line_end;
                continue;
            }
            // On to the next line; a newline inside a tag does not end a line of text.
            for (;;) {
                std::size_t nl = text_.find('\n', c);
                std::size_t line_end = nl == npos ? n : nl;
                if (t < count && tags_[t].begin < line_end) {
                    c = tags_[t++].end;
                    continue;
                }
                line_start = nl == npos ? n : nl + 1;
                break;
            }
        }
    }

    // ---- pass 3: Lua code, line for line

    void generate() {
        out_.reserve(text_.size() * 2 + 64);
        emit_text(texts_[0]);
        for (std::size_t k = 0; k < tags_.size(); ++k) {
            emit_tag(tags_[k]);
            emit_text(texts_[k + 1]);
        }
        if (!blocks_.empty()) {
            const OpenBlock& b = blocks_.back();
            fail(b.at, b.kind == BlockKind::if_block ? tr("'{% if %}' is not closed: expected '{% end %}'")
                                                     : tr("'{% for %}' is not closed: expected '{% end %}'"));
        }
        out_ += "return __o";
        // The output table is made with room for every piece outside loops (a constructor of
        // nils, which Lua loads with one instruction): grown piece by piece, it was resized
        // again and again, in every render. On line 1, before the code of line 1.
        std::string head = "local _ENV, __p, __v, __at, __each = ... local __n, __o = 0, {";
        head.reserve(head.size() + pieces_outside_loops_ * 4 + 2);
        for (std::size_t k = 0; k < pieces_outside_loops_; ++k) head += "nil,";
        head += "} ";
        out_.insert(0, head);
    }

    /// Moves the output to the template line of `at`. Output never runs ahead of the template:
    /// literal text and expressions carry exactly the newlines they have in the template.
    void go_to_line_of(std::size_t at) {
        const int line = index_.line_of(at);
        while (lua_line_ < line) {
            out_ += '\n';
            ++lua_line_;
        }
    }

    /// Records in the output table the template line and column of the code evaluated next,
    /// where the runtime reports an error raised before the next mark (see the contract).
    void mark_place(std::size_t at) {
        auto p = index_.at(at);
        out_ += "__p.line=" + std::to_string(p.line) + " __p.column=" + std::to_string(p.column) + " ";
    }

    /// Copies template code (an expression) as is; a lone CR becomes a blank so that Lua, which
    /// counts it as a line end, agrees with the template's line numbers.
    void emit_code(std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            char c = text_[i];
            if (c == '\n') ++lua_line_;
            out_ += c == '\r' ? ' ' : c;
        }
    }

    void emit_text(Span span) {
        if (span.begin >= span.end) return;
        go_to_line_of(span.begin);
        std::string_view text = text_.substr(span.begin, span.end - span.begin);
        out_ += "__n=__n+1 __o[__n]=";
        append_lua_string(out_, text);
        if (!inside_loop()) ++pieces_outside_loops_;
        out_ += ' ';
        lua_line_ += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    }

    void emit_tag(const Tag& tag) {
        if (tag.kind == TagKind::comment) return;
        std::size_t b = tag.begin + 2;
        std::size_t e = tag.end - 2;
        while (b < e && is_blank(text_[b])) ++b;
        while (e > b && is_blank(text_[e - 1])) --e;
        if (tag.kind == TagKind::expression) {
            if (b == e) fail(tag.begin, tr("empty '{{ }}': expected an expression"));
            check_expression(b, e);
            go_to_line_of(b);
            mark_place(b);
            out_ += "__n=__n+1 __o[__n]=__v(__p,(";
            if (!inside_loop()) ++pieces_outside_loops_;
            emit_code(b, e);
            out_ += ")) ";
            return;
        }
        statement(tag, b, e);
    }

    void statement(const Tag& tag, std::size_t b, std::size_t e) {
        std::size_t kw_end = b;
        while (kw_end < e && is_name_char(text_[kw_end])) ++kw_end;
        std::string_view keyword = text_.substr(b, kw_end - b);
        std::size_t rest = kw_end;
        while (rest < e && is_blank(text_[rest])) ++rest;
        const bool has_rest = rest < e;

        if (keyword == "if" || keyword == "elseif") {
            if (keyword == "elseif") {
                if (blocks_.empty() || blocks_.back().kind != BlockKind::if_block)
                    fail(tag.begin, tr("'{% elseif %}' outside '{% if %}'"));
                if (blocks_.back().has_else) fail(tag.begin, tr("'{% elseif %}' after '{% else %}'"));
            }
            if (!has_rest)
                fail(tag.begin, keyword == "if"
                                    ? tr("'{% if %}' needs a condition: '{% if expr %}'")
                                    : tr("'{% elseif %}' needs a condition: '{% elseif expr %}'"));
            check_expression(rest, e);
            go_to_line_of(rest);
            if (keyword == "if") {
                mark_place(rest);
                out_ += "if (";
            } else {
                // No statement can stand before an elseif's condition: a call marks its place.
                auto p = index_.at(rest);
                out_ +=
                    "elseif __at(__p," + std::to_string(p.line) + "," + std::to_string(p.column) + ") and (";
            }
            emit_code(rest, e);
            out_ += ") then ";
            if (keyword == "if") open_block(BlockKind::if_block, tag.begin);
        } else if (keyword == "else") {
            if (has_rest) fail(rest, tr("'{% else %}' takes no condition: use '{% elseif expr %}'"));
            if (blocks_.empty() || blocks_.back().kind != BlockKind::if_block)
                fail(tag.begin, tr("'{% else %}' outside '{% if %}'"));
            if (blocks_.back().has_else) fail(tag.begin, tr("second '{% else %}' in the same '{% if %}'"));
            blocks_.back().has_else = true;
            go_to_line_of(b);
            out_ += "else ";
        } else if (keyword == "end") {
            if (has_rest) fail(rest, tr("'{% end %}' takes nothing after 'end'"));
            if (blocks_.empty())
                fail(tag.begin, tr("'{% end %}' without an opening '{% if %}' or '{% for %}'"));
            go_to_line_of(b);
            out_ += blocks_.back().kind == BlockKind::for_block ? "end end " : "end ";
            blocks_.pop_back();
        } else if (keyword == "for") {
            for_loop(tag, rest, e);
        } else if (b == e) {
            fail(tag.begin, tr("empty '{% %}': expected if, elseif, else, end or for"));
        } else {
            std::string shown = keyword.empty() ? std::string(text_.substr(b, e - b)) : std::string(keyword);
            std::string message =
                format(tr("unknown tag '{% {} %}': expected if, elseif, else, end or for"), shown);
            if (keyword == "endif" || keyword == "endfor" || keyword == "fi")
                message += tr(" (every block closes with '{% end %}')");
            fail(b, message);
        }
    }

    /// Blocks nest at most max_block_nesting deep: Lua's parser, which reads the generated
    /// code, recurses once per block and would fail without naming the place.
    /// Whether the code generated now runs inside a '{% for %}' (its pieces are not counted in
    /// the room the output table is made with).
    bool inside_loop() const {
        return std::any_of(blocks_.begin(), blocks_.end(),
                           [](const OpenBlock& b) { return b.kind == BlockKind::for_block; });
    }

    void open_block(BlockKind kind, std::size_t at) {
        if (blocks_.size() >= max_block_nesting)
            fail(at, format(tr("'{% if %}' and '{% for %}' nest more than {} levels deep"),
                            std::to_string(max_block_nesting)));
        blocks_.push_back({kind, at});
    }

    std::string_view read_name(std::size_t& i, std::size_t e) const {
        std::size_t start = i;
        if (i < e && is_name_start(text_[i]))
            while (i < e && is_name_char(text_[i])) ++i;
        return text_.substr(start, i - start);
    }

    void skip_blanks(std::size_t& i, std::size_t e) const {
        while (i < e && is_blank(text_[i])) ++i;
    }

    /// {% for x in expr %} or {% for i, x in expr %}
    void for_loop(const Tag& tag, std::size_t i, std::size_t e) {
        auto malformed = [&] {
            fail(tag.begin, tr("malformed '{% for %}': expected '{% for x in list %}' or "
                               "'{% for i, x in list %}'"));
        };
        std::size_t first_at = i;
        std::string_view first = read_name(i, e);
        if (first.empty()) malformed();
        skip_blanks(i, e);
        std::string_view second;
        std::size_t second_at = i;
        if (i < e && text_[i] == ',') {
            ++i;
            skip_blanks(i, e);
            second_at = i;
            second = read_name(i, e);
            if (second.empty()) malformed();
            skip_blanks(i, e);
        }
        std::size_t in_end = i;
        if (read_name(in_end, e) != "in") malformed();
        std::size_t expr = in_end;
        skip_blanks(expr, e);
        if (expr == e) malformed();
        loop_variable(first, first_at);
        if (!second.empty()) {
            loop_variable(second, second_at);
            if (second == first) fail(second_at, tr("the index and the item need different names"));
        }
        check_expression(expr, e);

        std::string_view item = second.empty() ? first : second;
        go_to_line_of(expr);
        out_ += "do ";
        mark_place(expr);
        // __each refuses what is not a list (a text, a record would give no item, silently).
        out_ += "local __list = __each(__p, (";
        emit_code(expr, e);
        // Plain Lua, no ipairs: the chunk reads no global. The place is marked again at each
        // item: the body's tags have marked theirs meanwhile, and reading the next item can
        // fail (a list whose __index refuses what it lacks).
        out_ += ")) for __k = 1, 0x7fffffffffffffff do ";
        mark_place(expr);
        out_ += "local ";
        out_ += item;
        out_ += " = __list[__k] if ";
        out_ += item;
        out_ += " == nil then break end ";
        if (!second.empty()) {
            out_ += "local ";
            out_ += first;
            out_ += " = __k ";
        }
        open_block(BlockKind::for_block, tag.begin);
    }

    void loop_variable(std::string_view name, std::size_t at) const {
        if (is_lua_keyword(name))
            fail(at, format(tr("'{}' is a Lua keyword and cannot name a loop variable"), name));
        if (name.starts_with("__") || name == "_ENV")
            fail(at,
                 format(tr("loop variable '{}' is reserved: names cannot start with '__' or be _ENV"), name));
    }

    // ---- Lua checks

    /// Loads "return expr" in the throwaway state: the message then reads as the drafter wrote
    /// it ("near <eof>"), and points at the template line and column of the expression.
    void check_expression(std::size_t b, std::size_t e) {
        std::string_view expr = text_.substr(b, e - b);
        auto not_single = [&] {
            fail(b, format(tr("invalid expression: expected a single expression, got '{}'"), expr));
        };
        if (!closes_only_its_brackets(expr)) not_single();
        // The common case in one parse: "(expr)" loading means expr is one whole expression
        // (it closes no bracket it did not open, and an unclosed string or comment would
        // swallow the ')'), so "return expr" loads too. Only a failure needs both, to tell
        // Lua's message from "not a single expression".
        std::string chunk = "return (";
        chunk += expr;
        chunk += ")";
        if (!lua_.error(chunk, "=expression")) {
            // A whole expression: what it reads must not be the chunk's own locals.
            if (std::size_t at = reserved_name_at(expr); at != npos) {
                std::size_t end = at;
                while (end < expr.size() && is_name_char(expr[end])) ++end;
                fail(b + at, format(tr("'{}' is reserved: names in a template cannot start with '__'"),
                                    expr.substr(at, end - at)));
            }
            return;
        }
        chunk = "return ";
        chunk += expr;
        if (auto error = lua_.error(chunk, "=expression")) {
            std::string message = std::move(*error);
            // "expression:2: unexpected symbol near 'x'" -> line 2 of the expression
            std::size_t line = 1;
            std::string_view m = message;
            constexpr std::string_view prefix = "expression:";
            if (m.starts_with(prefix)) {
                m.remove_prefix(prefix.size());
                std::size_t digits = 0;
                line = 0;
                while (digits < m.size() && m[digits] >= '0' && m[digits] <= '9')
                    line = line * 10 + static_cast<std::size_t>(m[digits++] - '0');
                m.remove_prefix(digits);
                if (m.starts_with(": ")) m.remove_prefix(2);
            }
            std::size_t at = b;
            for (std::size_t l = 1; l < line && at < e; ++l) {
                std::size_t nl = text_.find('\n', at);
                if (nl == npos || nl >= e) break;
                at = nl + 1;
                while (at < e && is_blank(text_[at])) ++at;
            }
            fail(at, format(tr("invalid expression: {}"), m));
        }
        not_single();  // "return expr" loads, "return (expr)" does not: a list such as "a, b"
    }

    /// The generated chunk must load; this catches what no single tag shows (for example more
    /// nested loops than Lua allows locals). Its bytecode spares the runtime a second parse.
    std::string check_chunk() {
        LuaSyntax::Compiled chunk = lua_.compile(out_, "@" + std::string(path_));
        if (chunk.error) throw TemplateError(*chunk.error);
        return std::move(chunk.bytecode);
    }

    std::string_view text_;
    std::string_view path_;
    std::size_t body_offset_;
    detail::LineIndex index_;
    LuaSyntax& lua_;
    std::vector<Tag> tags_;
    std::vector<Span> texts_;
    std::vector<OpenBlock> blocks_;
    std::string out_;
    int lua_line_ = 1;
    std::size_t pieces_outside_loops_ = 0;
};

}  // namespace

CompiledTemplate compile_template(std::string_view text, std::string path) {
    CompiledTemplate compiled;
    auto split = parse_front_matter(text, path);
    compiled.front = std::move(split.front);
    std::tie(compiled.lua_source, compiled.lua_bytecode) = Compiler(text, path, split.body_offset).compile();
    compiled.path = std::move(path);
    return compiled;
}

CompiledTemplate compile_template_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw TemplateError(path + ": " + tr("cannot open the template file"));
    std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw TemplateError(path + ": " + tr("cannot read the template file"));
    return compile_template(content, path);
}

}  // namespace conventio::tmpl
