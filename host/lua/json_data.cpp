#include "lua/json_data.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "config/i18n.hpp"
#include "document/text_check.hpp"
#include "lua/binding_support.hpp"
#include "lua/text_memo.hpp"

namespace conventio::lua {

using config::format;
using config::tr;
namespace {

/// Line and column (1-based) of byte `offset` in `text`, whose first line is `first_line` of
/// its file (a batch row's object inside the row file).
std::string position(std::string_view text, std::size_t offset, std::size_t first_line) {
    std::size_t line = first_line, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++column;
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

/// An input iterator over the text that records how far the parser has read: nlohmann's SAX
/// events carry no position, and a refusal must name the line.
struct ReadingIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* at = nullptr;
    const char** furthest = nullptr;

    reference operator*() const { return *at; }
    ReadingIterator& operator++() {
        *furthest = ++at;
        return *this;
    }
    ReadingIterator operator++(int) {
        ReadingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const ReadingIterator& other) const { return at == other.at; }
    bool operator!=(const ReadingIterator& other) const { return at != other.at; }
};

/// Builds Lua values on the stack from nlohmann's SAX events.
class LuaBuilder {
public:
    using number_integer_t = nlohmann::json::number_integer_t;
    using number_unsigned_t = nlohmann::json::number_unsigned_t;
    using number_float_t = nlohmann::json::number_float_t;
    using string_t = nlohmann::json::string_t;
    using binary_t = nlohmann::json::binary_t;

    LuaBuilder(lua_State* L, std::string_view text, const std::string& name, std::size_t first_line,
               const char* const& read_to, const DataTextObserver* observer)
        : L_(L),
          text_(text),
          name_(name),
          first_line_(first_line),
          read_to_(read_to),
          observer_(observer),
          // text_problem judges each code point alone, and the whole text has been judged:
          // without a backslash, every string and key is a piece of it, unchanged. Only an
          // escape ("\u0000", "\u202e", "\b") makes characters the text does not hold.
          strings_checked_(text.find('\\') == std::string_view::npos),
          seen_line_(first_line) {}

    bool null() { return attach_nil(); }
    bool boolean(bool value) {
        lua_pushboolean(L_, value);
        return attach();
    }
    bool number_integer(number_integer_t value) {
        if (observer_ && *observer_) observe_number();
        lua_pushinteger(L_, static_cast<lua_Integer>(value));
        return attach();
    }
    bool number_unsigned(number_unsigned_t value) {
        if (value > static_cast<number_unsigned_t>(std::numeric_limits<lua_Integer>::max()))
            fail(number_start(),
                 format(tr("integer {} is out of range (at most 9223372036854775807; write large "
                           "identifiers and amounts as strings)"),
                        std::to_string(value)));
        if (observer_ && *observer_) observe_number();
        lua_pushinteger(L_, static_cast<lua_Integer>(value));
        return attach();
    }
    bool number_float(number_float_t value, const string_t& written) {
        if (!std::isfinite(value)) fail(number_start(), format(tr("number {} is out of range"), written));
        if (written.find_first_of(".eE") == string_t::npos)
            fail(number_start(),
                 format(tr("integer {} is out of range (at most 9223372036854775807; write large "
                           "identifiers and amounts as strings)"),
                        written));
        if (observer_ && *observer_) observe_number();
        lua_pushnumber(L_, value);
        return attach();
    }
    bool string(string_t& value) {
        check_text(value, [] { return tr("text"); });
        if (observer_ && *observer_) observe(value);
        lua_pushlstring(L_, value.data(), value.size());
        return attach();
    }
    bool binary(binary_t&) { return false; }  // not produced by the JSON reader

    bool start_object(std::size_t) {
        open(true);
        return true;
    }
    bool key(string_t& key) {
        if (key.find('\0') != string_t::npos)
            fail(string_start(), format(tr("key \"{}\" holds a NUL character (\\u0000)"), printable(key)));
        check_text(key, [] { return tr("key"); });
        if (!levels_.back().keys.insert(key).second)
            fail(string_start(), format(tr("key \"{}\" appears twice in the same object"), key));
        levels_.back().key = key;
        lua_pushlstring(L_, key.data(), key.size());
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t) {
        open(false);
        return true;
    }
    bool end_array() { return close(); }

    bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& e) {
        // e.what() is "[json.exception.parse_error.101] parse error at line 3, column 8: reason"
        // or "[json.exception.out_of_range.406] number overflow parsing '1e309'".
        std::string what = e.what();
        std::string reason = what;
        if (auto column = what.find(", column "); column != std::string::npos) {
            if (auto colon = what.find(": ", column); colon != std::string::npos)
                reason = what.substr(colon + 2);
        } else if (auto bracket = what.find("] ");
                   what.starts_with("[json.exception") && bracket != std::string::npos) {
            reason = what.substr(bracket + 2);
        }
        // `byte` is one past the character that failed; a number that overflows is named from
        // its first digit.
        std::size_t at = byte > 0 ? byte - 1 : 0;
        if (e.id == 406) at = number_start(std::min(byte, text_.size()));
        // A word processor's quotes where JSON needs straight ones: the reader stops at their
        // first byte and says "invalid literal".
        for (std::size_t i = at > 0 ? at - 1 : 0; i <= at + 1 && i < text_.size(); ++i) {
            for (std::string_view quote : {"\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb"}) {
                if (std::string_view(text_).substr(i, quote.size()) == quote) {
                    fail(i, format(tr("invalid JSON: {} is not a JSON quote: write texts and keys between "
                                      "straight quotes \"...\" (a word processor changes them; edit the file "
                                      "in a text editor)"),
                                   std::string(quote)));
                }
            }
        }
        fail(at, format(tr("invalid JSON: {}"), reason));
    }

private:
    struct Level {
        bool object;
        lua_Integer next_index = 0;
        std::unordered_set<std::string> keys;
        std::string key = {};  // an object's key being read
    };

    /// Hands the text value just read to the observer, with its field and place. Places are
    /// counted on from the previous one (values come in the file's order): one pass in all.
    void observe(std::string_view value) {
        const std::size_t start = string_start();
        const std::size_t end = offset_read() > 0 ? offset_read() - 1 : 0;  // the closing quote
        observe(
            value, start, false,
            end > start ? std::string_view(text_).substr(start + 1, end - start - 1) : std::string_view{});
    }

    /// The number just read, handed to the observer as written: it has a place too ("cost":
    /// 300000.5 refused by the library is shown where it is), and no text to review.
    void observe_number() {
        const std::size_t start = number_start();
        std::size_t end = start;
        while (end < text_.size() && in_number(text_[end])) ++end;
        const std::string_view written = std::string_view(text_).substr(start, end - start);
        observe(written, start, true, written);
    }

    void observe(std::string_view value, std::size_t start, bool number, std::string_view written) {
        // Written into one buffer, kept from value to value: the field's name was built of a
        // temporary string per level (66 values of the Cerema data, 2 400 instructions each).
        std::string& field = field_;
        field.clear();
        for (const Level& level : levels_) {
            if (level.object) {
                if (!field.empty()) field += '.';
                field += level.key;
            } else {
                char digits[24];
                char* end = std::to_chars(digits, digits + sizeof digits, level.next_index + 1).ptr;
                field += '[';
                field.append(digits, static_cast<std::size_t>(end - digits));
                field += ']';
            }
        }
        for (; seen_offset_ < start && seen_offset_ < text_.size(); ++seen_offset_) {
            if (text_[seen_offset_] == '\n') {
                ++seen_line_;
                seen_column_ = 1;
            } else if ((static_cast<unsigned char>(text_[seen_offset_]) & 0xC0) != 0x80) {
                ++seen_column_;
            }
        }
        (*observer_)(DataText{field, value, seen_line_, seen_column_, number, written});
    }

    [[noreturn]] void fail(std::size_t offset, const std::string& message) const {
        throw ScriptError(name_ + ":" + position(text_, offset, first_line_) + ": " + message);
    }

    static std::string printable(const std::string& s) {
        std::string out;
        for (char c : s) out += c == '\0' ? std::string("\\u0000") : std::string(1, c);
        return out;
    }

    std::size_t offset_read() const { return static_cast<std::size_t>(read_to_ - text_.data()); }

    /// Where the string just read (key or value) starts: its opening quote.
    std::size_t string_start() const {
        std::size_t i = offset_read();
        if (i >= 1) --i;  // the closing quote
        while (i > 0) {
            --i;
            if (text_[i] != '"') continue;
            std::size_t backslashes = 0;
            while (backslashes < i && text_[i - 1 - backslashes] == '\\') ++backslashes;
            if (backslashes % 2 == 0) return i;
        }
        return 0;
    }

    /// Whether `c` can be part of a JSON number as written.
    static bool in_number(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    }

    /// Where the number just read (ending before `end`) starts: the reader has looked one
    /// character past it.
    std::size_t number_start() const { return number_start(offset_read()); }
    std::size_t number_start(std::size_t end) const {
        while (end > 0 && !in_number(text_[end - 1])) --end;
        while (end > 0 && in_number(text_[end - 1])) --end;
        return end;
    }

    /// `what` gives the translated word ("text", "key") only for a message: a render reads a
    /// hundred values and keys, each of which looked its word up in the catalog.
    template <class Word>
    void check_text(const std::string& s, Word what) const {
        if (strings_checked_) return;
        if (auto problem = doc::text_problem(s)) fail(string_start(), what() + ": " + *problem);
    }

    void open(bool object) {
        if (levels_.size() >= max_data_depth)
            fail(offset_read() > 0 ? offset_read() - 1 : 0,
                 format(tr("objects and arrays nest more than {} levels deep"),
                        std::to_string(max_data_depth)));
        luaL_checkstack(L_, 4, "data nested too deeply");
        lua_newtable(L_);
        levels_.push_back(Level{object, 0, {}});
    }

    bool close() {
        levels_.pop_back();
        return attach();
    }

    bool attach_nil() {
        lua_pushnil(L_);
        return attach();
    }

    /// Puts the value on top of the stack into the object or array being read.
    bool attach() {
        if (levels_.empty()) return true;  // the whole document: it stays on the stack
        Level& level = levels_.back();
        if (level.object)
            lua_rawset(L_, -3);  // [table key value]
        else
            lua_rawseti(L_, -2, ++level.next_index);
        return true;
    }

    lua_State* L_;
    std::string_view text_;
    const std::string& name_;
    std::size_t first_line_;
    const char* const& read_to_;
    const DataTextObserver* observer_;
    bool strings_checked_;
    std::size_t seen_offset_ = 0, seen_line_, seen_column_ = 1;
    std::vector<Level> levels_;
    std::string field_;  // the field of the text value being observed
};

struct Load {
    std::string_view text;
    const std::string* name;
    std::size_t first_line;
    const DataTextObserver* observer;
};

/// Parses `text` onto L's stack; throws ScriptError, or raises Lua's memory error.
void parse_onto(lua_State* L, std::string_view text, const std::string& name, std::size_t first_line = 1,
                const DataTextObserver* observer = nullptr, bool text_checked = false) {
    if (auto problem = text_checked ? std::nullopt : doc::text_problem(text)) {
        std::size_t offset = 0;
        constexpr std::string_view marker = "at byte ";
        if (std::size_t at = problem->find(marker); at != std::string::npos)
            offset = std::strtoul(problem->c_str() + at + marker.size(), nullptr, 10);
        std::string message = *problem;
        // Most often a file saved by a spreadsheet or a word processor in Windows-1252.
        if (problem->starts_with("invalid UTF-8"))
            message +=
                tr(": the file is not in UTF-8; save it as UTF-8 (a spreadsheet or a word processor may "
                   "have saved it as Windows-1252)");
        throw ScriptError(name + ":" + position(text, offset, first_line) + ": " + message);
    }
    const char* read_to = text.data();
    LuaBuilder builder(L, text, name, first_line, read_to, observer);
    ReadingIterator first{text.data(), &read_to}, last{text.data() + text.size(), &read_to};
    nlohmann::json::sax_parse(first, last, &builder);
}

// The memo (lua/text_memo.hpp) of the data files conventio.load_data read in this state: path
// -> { text, data }, the text it found free of problems and, once the same text was loaded
// twice, a copy of the tables it gave (never handed to a script). The data file an avenant's
// row script loads for every row is checked once (a scan of every byte) and parsed twice, then
// copied at each row (a fifth of a parse).
char loaded_files_key;
// Texts longer than this are checked and parsed each time rather than kept.
constexpr std::size_t max_kept_text = 1u << 20;

/// Keeps `text` for `path`, with a copy of the data at the stack's top when `with_data`.
void keep(lua_State* L, const std::string& path, std::string_view text, bool with_data) {
    if (text.size() > max_kept_text) return;
    if (!with_data) return text_memo::keep(L, &loaded_files_key, path, text, 0);
    push_data_copy(L, -1);
    text_memo::keep(L, &loaded_files_key, path, text, -1);
    lua_pop(L, 1);
}

int load_text(lua_State* L) {
    auto* load = static_cast<Load*>(lua_touserdata(L, 1));
    lua_settop(L, 0);
    parse_onto(L, load->text, *load->name, load->first_line, load->observer);
    return 1;
}

}  // namespace

void push_data_text(State& state, std::string_view text, const std::string& name, std::size_t first_line,
                    const DataTextObserver* observer) {
    Load load{text, &name, first_line, observer};
    state.set_current_file(name);
    state.protected_call(protect<load_text>, &load, 1);
}

void push_data_in_binding(lua_State* L, const std::filesystem::path& path) {
    std::string text = State::read_source(path, owner(L).options().max_file_bytes);
    std::string name = path.string();
    bool kept =
        text_memo::push_entry(L, &loaded_files_key, name, text);  // [entry] when the text is the one kept
    if (kept && lua_rawgeti(L, -1, 2) == LUA_TTABLE) {
        push_data_copy(L, -1);  // [entry data copy]
        lua_replace(L, -3);
        lua_pop(L, 1);
        return;
    }
    if (kept) lua_pop(L, 2);
    parse_onto(L, text, name, 1, nullptr, kept);
    // The data is on the stack's top. A text loaded once is kept to skip its check; loaded
    // again, with its data, to skip the parse too (a render loads a file once: no copy).
    keep(L, name, text, kept);
}

void push_data_copy(lua_State* L, int index) {
    luaL_checkstack(L, 4, "data nested too deeply");
    int source = lua_absindex(L, index);
    // Sized for all its entries at once: filled from empty, the copy would be rehashed at every
    // power of two its keys pass. Counting them is a walk without allocation.
    const auto sequence = static_cast<int>(lua_rawlen(L, source));
    int entries = 0;
    lua_pushnil(L);
    while (lua_next(L, source)) {
        lua_pop(L, 1);
        ++entries;
    }
    lua_createtable(L, sequence, entries > sequence ? entries - sequence : 0);
    lua_pushnil(L);
    while (lua_next(L, source)) {  // [copy key value]
        if (lua_type(L, -1) == LUA_TTABLE) {
            push_data_copy(L, -1);  // [copy key value value']
            lua_remove(L, -2);
        }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
}

void push_data_file(State& state, const std::filesystem::path& path, const DataTextObserver* observer) {
    std::string text = State::read_source(path, state.options().max_file_bytes);
    push_data_text(state, text, path.string(), 1, observer);
}

}  // namespace conventio::lua
