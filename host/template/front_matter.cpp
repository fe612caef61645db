#include "template/front_matter.hpp"

#include <algorithm>

#include "config/i18n.hpp"
#include "config/nearest_name.hpp"
#include "template/source_position.hpp"
#include "template/template_error.hpp"

namespace conventio::tmpl {
namespace {

using config::format;
using config::tr;

constexpr std::string_view lua_keywords[] = {
    "and", "break", "do",  "else", "elseif", "end",    "false",  "for",  "function", "goto",  "if",
    "in",  "local", "nil", "not",  "or",     "repeat", "return", "then", "true",     "until", "while"};

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return is_lower(c) || (c >= 'A' && c <= 'Z') || c == '_'; }

bool is_key(std::string_view s) {
    if (s.empty() || !is_lower(s[0])) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return is_lower(c) || is_digit(c) || c == '_'; });
}

bool is_lua_name(std::string_view s) {
    if (s.empty() || !is_letter(s[0])) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return is_letter(c) || is_digit(c); });
}

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && (is_blank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

/// One value after "name:", with where its parts start (byte offsets in the line) so that
/// validation errors can point at them.
struct Value {
    bool is_list = false;
    std::size_t at = 0;
    std::string scalar;
    std::vector<std::string> items;
    std::vector<std::size_t> item_at;
};

class Parser {
public:
    explicit Parser(std::string_view path) : path_(path) {}

    FrontMatterSplit parse(std::string_view text) {
        std::size_t pos = 0;
        if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // editors on Windows add a BOM
        if (!next_line(text, pos) || trim_right(line_) != "---")
            fail(0, tr("expected '---' on the first line to open the front matter"));
        for (;;) {
            if (!next_line(text, pos))
                throw TemplateError(path_, 1, 1,
                                    tr("front matter is not closed: expected a line '---' after it"));
            if (trim_right(line_) == "---") break;
            entry();
        }
        check_misspelt_directives();
        if (front_.key.empty())
            throw TemplateError(path_, 1, 1,
                                tr("missing 'key' in the front matter: expected a line like 'key: montant'"));
        check_params();
        FrontMatterSplit split;
        split.front = std::move(front_);
        split.body_offset = pos;
        split.body = text.substr(pos);
        split.body_line = line_no_ + 1;
        return split;
    }

private:
    /// Reads the line starting at `pos` into line_ (without its newline); false at the end.
    bool next_line(std::string_view text, std::size_t& pos) {
        if (pos >= text.size()) return false;
        std::size_t nl = text.find('\n', pos);
        std::size_t end = nl == std::string_view::npos ? text.size() : nl;
        line_ = text.substr(pos, end - pos);
        if (!line_.empty() && line_.back() == '\r') line_.remove_suffix(1);
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
        ++line_no_;
        return true;
    }

    [[noreturn]] void fail(std::size_t at, const std::string& message) const {
        throw TemplateError(path_, line_no_, detail::column_at(line_, 0, at), message);
    }

    bool at_comment(std::size_t i) const {
        return i < line_.size() && line_[i] == '#' && (i == 0 || is_blank(line_[i - 1]));
    }

    std::size_t skip_blanks(std::size_t i) const {
        while (i < line_.size() && is_blank(line_[i])) ++i;
        return i;
    }

    void entry() {
        std::size_t i = skip_blanks(0);
        if (i == line_.size() || line_[i] == '#') return;  // blank line or comment
        if (i > 0)
            fail(i, tr("unexpected indentation: expected 'name: value' at the start of the line "
                       "(nested values are not supported)"));
        while (i < line_.size() && (is_letter(line_[i]) || is_digit(line_[i]) || line_[i] == '-')) ++i;
        if (i == 0 || is_digit(line_[0]) || line_[0] == '-') fail(0, tr("expected 'name: value'"));
        std::string_view name = line_.substr(0, i);
        std::size_t colon = skip_blanks(i);
        if (colon == line_.size() || line_[colon] != ':')
            fail(i, format(tr("expected ':' after '{}'"), name));
        store(name, value(colon + 1));
    }

    Value value(std::size_t i) {
        Value v;
        i = skip_blanks(i);
        v.at = i;
        if (i == line_.size() || at_comment(i)) return v;
        if (line_[i] == '[') {
            list(i, v);
        } else if (line_[i] == '"' || line_[i] == '\'') {
            v.scalar = quoted(i);
            end_of_line(i);
        } else {
            std::size_t end = i;
            while (end < line_.size() && !at_comment(end)) ++end;
            v.scalar = trim_right(line_.substr(i, end - i));
        }
        return v;
    }

    void list(std::size_t i, Value& v) {
        v.is_list = true;
        ++i;
        for (;;) {
            i = skip_blanks(i);
            if (i < line_.size() && line_[i] == ']') break;  // "[]" and a trailing comma
            if (i == line_.size() || at_comment(i))
                fail(i, tr("expected a list item and ']' to close the list"));
            v.item_at.push_back(i);
            if (line_[i] == '"' || line_[i] == '\'') {
                v.items.push_back(quoted(i));
            } else {
                if (line_[i] == '[') fail(i, tr("nested lists are not supported"));
                std::size_t end = i;
                while (end < line_.size() && line_[end] != ',' && line_[end] != ']' && !at_comment(end))
                    ++end;
                std::string_view item = trim_right(line_.substr(i, end - i));
                if (item.empty()) fail(i, tr("expected a list item"));
                v.items.emplace_back(item);
                i = end;
            }
            i = skip_blanks(i);
            if (i < line_.size() && line_[i] == ']') break;
            if (i == line_.size() || line_[i] != ',') fail(i, tr("expected ',' or ']' after the list item"));
            ++i;
        }
        ++i;
        end_of_line(i);
    }

    /// A quoted scalar starting at `i`; leaves `i` after the closing quote.
    std::string quoted(std::size_t& i) {
        const char quote = line_[i];
        const std::size_t open = i++;
        std::string out;
        for (;;) {
            if (i >= line_.size())
                fail(open, format(tr("unclosed quote: expected {} before the end of the line"),
                                  std::string(1, quote)));
            char c = line_[i];
            if (c == quote) {
                if (quote == '\'' && i + 1 < line_.size() && line_[i + 1] == '\'') {
                    out += '\'';
                    i += 2;
                    continue;
                }
                ++i;
                return out;
            }
            if (c == '\\' && quote == '"') {
                char e = i + 1 < line_.size() ? line_[i + 1] : '\0';
                switch (e) {
                    case '"':
                        out += '"';
                        break;
                    case '\\':
                        out += '\\';
                        break;
                    case 'n':
                        out += '\n';
                        break;
                    case 't':
                        out += '\t';
                        break;
                    default:
                        fail(i, tr("unknown escape in quotes: expected \\\" \\\\ \\n or \\t after '\\'"));
                }
                i += 2;
                continue;
            }
            out += c;
            ++i;
        }
    }

    void end_of_line(std::size_t i) {
        i = skip_blanks(i);
        if (i < line_.size() && line_[i] != '#')
            fail(i, tr("unexpected text after the value: expected the end of the line or a # comment"));
    }

    void store(std::string_view name, Value v) {
        auto [it, inserted] = seen_.emplace(std::string(name), line_no_);
        if (!inserted)
            fail(0, format(tr("duplicate '{}' (already set on line {})"), name, std::to_string(it->second)));
        const detail::Position at{line_no_, 1};
        if (name == "key") {
            if (v.is_list) fail(v.at, tr("'key' must be one identifier, not a list"));
            if (v.scalar.empty()) fail(v.at, tr("'key' needs a value: expected an identifier like montant"));
            if (!is_key(v.scalar))
                fail(v.at, format(tr("'key' must be an identifier ([a-z][a-z0-9_]*), got '{}'"), v.scalar));
            front_.key = std::move(v.scalar);
            front_.key_at = {line_no_, detail::column_at(line_, 0, v.at)};
        } else if (name == "title") {
            if (v.is_list) fail(v.at, tr("'title' must be text, not a list"));
            front_.title = std::move(v.scalar);
        } else if (name == "params" || name == "optional") {
            if (!v.is_list) fail(v.at, format(tr("'{}' must be a list like [payeur, montant]"), name));
            for (std::size_t k = 0; k < v.items.size(); ++k) param(v, k);
            if (name == "params") {
                front_.params = std::move(v.items);
                front_.params_at = at;
            } else {
                front_.optional = std::move(v.items);
                optional_line_ = line_no_;
            }
        } else if (name == "headings") {
            if (v.is_list || (v.scalar != "true" && v.scalar != "false"))
                fail(v.at, tr("'headings' must be true or false"));
            front_.headings = v.scalar == "true";
        } else {
            FrontField field;
            field.is_list = v.is_list;
            field.text = std::move(v.scalar);
            field.items = std::move(v.items);
            front_.other.emplace(std::string(name), std::move(field));
        }
    }

    /// Any field other than the directives is the template's own data (a form, words for the
    /// script); one a typo away from a directive the front matter lacks ("parms" without
    /// "params") would silently leave the template without it. Beside the directive itself
    /// ("titre" and "title") it is data.
    void check_misspelt_directives() const {
        static constexpr std::string_view directives[] = {"key", "title", "params", "optional", "headings"};
        // In the file's order: the first such line is the one reported.
        std::vector<std::pair<int, std::string>> in_order;
        for (const auto& [name, line] : seen_) in_order.emplace_back(line, name);
        std::sort(in_order.begin(), in_order.end());
        for (const auto& [line, name] : in_order) {
            if (std::find(std::begin(directives), std::end(directives), name) != std::end(directives))
                continue;
            const std::string near = config::nearest_name(name, directives);
            if (!near.empty() && !seen_.contains(near))
                throw TemplateError(path_, line, 1,
                                    format(tr("unknown field '{}' (did you mean {}?)"), name, near));
        }
    }

    /// A parameter both required and optional is a contradiction the drafter must resolve.
    void check_params() const {
        for (const std::string& p : front_.optional)
            if (std::find(front_.params.begin(), front_.params.end(), p) != front_.params.end())
                throw TemplateError(path_, optional_line_, 1,
                                    format(tr("parameter '{}' is in both 'params' and 'optional'"), p));
    }

    void param(const Value& v, std::size_t k) const {
        const std::string& p = v.items[k];
        const std::size_t at = v.item_at[k];
        if (!is_lua_name(p))
            fail(at,
                 format(
                     tr("'{}' is not a parameter name: expected letters, digits and '_' like montant_total"),
                     p));
        if (is_lua_keyword(p))
            fail(at, format(tr("'{}' is a Lua keyword and cannot be a parameter name"), p));
        if (p.starts_with("__") || p == "_ENV")
            fail(at, format(tr("'{}' is reserved: parameter names cannot start with '__' or be _ENV"), p));
        if (std::find(v.items.begin(), v.items.begin() + static_cast<std::ptrdiff_t>(k), p) !=
            v.items.begin() + static_cast<std::ptrdiff_t>(k))
            fail(at, format(tr("parameter '{}' is listed twice"), p));
    }

    std::string_view path_;
    std::string_view line_;
    int line_no_ = 0;
    FrontMatter front_;
    int optional_line_ = 0;
    std::map<std::string, int, std::less<>> seen_;
};

}  // namespace

bool is_lua_keyword(std::string_view name) {
    return std::find(std::begin(lua_keywords), std::end(lua_keywords), name) != std::end(lua_keywords);
}

FrontMatterSplit parse_front_matter(std::string_view text, std::string_view path) {
    return Parser(path).parse(text);
}

}  // namespace conventio::tmpl
