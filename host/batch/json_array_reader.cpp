#include "batch/json_array_reader.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "batch/text_encoding.hpp"
#include "config/i18n.hpp"

namespace conventio::batch {

using config::tr;

namespace {

constexpr int end_of_file = std::char_traits<char>::eof();

bool is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Accepts every value and keeps the first error: nlohmann's acceptor without a document.
struct FirstError {
    std::size_t position = 0;
    std::string what;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(nlohmann::json::number_integer_t) { return true; }
    bool number_unsigned(nlohmann::json::number_unsigned_t) { return true; }
    bool number_float(nlohmann::json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(nlohmann::json::binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(std::string&) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t at, const std::string&, const nlohmann::json::exception& e) {
        position = at;
        what = e.what();
        return false;
    }
};

/// Bytes a sequence starting with `lead` takes (1 for a byte that starts none).
std::size_t sequence_length(unsigned char lead) {
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 1;
}

/// Line and column (in characters) after `text`, counted on from `line`, `col`.
void advance(std::string_view text, std::size_t& line, std::size_t& col) {
    for (char c : text) {
        if (c == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++col;
        }
    }
}

}  // namespace

std::string json_error_reason(const std::string& what) {
    if (auto p = what.find(": syntax error"); p != std::string::npos) return what.substr(p + 2);
    if (what.starts_with("[json.exception.")) {
        if (auto p = what.find("] "); p != std::string::npos) return what.substr(p + 2);
    }
    return what;
}

JsonArrayReader::JsonArrayReader(std::unique_ptr<std::istream> in, std::string name)
    : in_(std::move(in)), buf_(in_->rdbuf()), name_(std::move(name)) {
    check_utf8();
    buf_->pubseekpos(0, std::ios::in);
    if (peek() == 0xEF && buf_->snextc() == 0xBB && buf_->snextc() == 0xBF) base_ = 3;
    buf_->pubseekpos(base_, std::ios::in);
    skip_space();
    if (peek() != '[') fail(true);
    take();
}

int JsonArrayReader::peek() { return buf_->sgetc(); }

int JsonArrayReader::take() {
    int c = buf_->sbumpc();
    if (c == '\n') {
        ++line_;
        column_ = 1;
    } else if ((c & 0xC0) != 0x80) {  // a character's first byte (an end of file too: no matter)
        ++column_;
    }
    return c;
}

void JsonArrayReader::skip_space() {
    while (is_space(peek())) take();
}

/// Reads in blocks (a one-line export is as long as the file), holding back a sequence cut by
/// the block's end until the next block completes it.
void JsonArrayReader::check_utf8() {
    std::vector<char> block(1 << 16);
    std::string text;
    std::size_t line = 1, col = 1;
    bool first = true;
    for (;;) {
        in_->read(block.data(), static_cast<std::streamsize>(block.size()));
        auto got = static_cast<std::size_t>(in_->gcount());
        bool last = got < block.size();
        text.append(block.data(), got);
        if (first && text.size() >= 3) {
            if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
            first = false;
        }
        std::size_t keep = text.size();
        if (!last) {
            std::size_t lead = text.size();
            while (lead > 0 && text.size() - lead < 4 &&
                   (static_cast<unsigned char>(text[lead - 1]) & 0xC0) == 0x80)
                --lead;
            if (lead > 0 &&
                lead - 1 + sequence_length(static_cast<unsigned char>(text[lead - 1])) > text.size())
                keep = lead - 1;
        }
        std::size_t bad = 0;
        std::string_view checked(text.data(), keep);
        if (!is_utf8(checked, &bad)) {
            advance(checked.substr(0, bad), line, col);
            throw RowFileError(name_ + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " +
                               tr("not valid UTF-8 (JSON is UTF-8: export the file as UTF-8)"));
        }
        advance(checked, line, col);
        text.erase(0, keep);
        if (last) break;
    }
    in_->clear();
}

std::optional<JsonElement> JsonArrayReader::next() {
    if (state_ == State::done) return std::nullopt;
    skip_space();
    if (peek() == ']') {
        take();
        skip_space();
        if (peek() != end_of_file) fail();  // something after the array
        state_ = State::done;
        return std::nullopt;
    }
    if (state_ == State::after_element) {
        if (peek() != ',') fail();
        take();
        skip_space();
    }
    int c = peek();
    if (c == end_of_file || c == ']' || c == ',') fail();
    JsonElement element;
    element.line = line_;
    element.column = column_;
    element.text = scan_element();
    if (!nlohmann::json::accept(element.text)) fail();
    state_ = State::after_element;
    return element;
}

/// The bytes of one value: a bracketed one to its matching bracket (brackets inside strings
/// not counted), a string to its closing quote, anything else to the next delimiter. A broken
/// value's bytes are only checked, then parsed again whole.
std::string JsonArrayReader::scan_element() {
    std::string text;
    int c = peek();
    if (c != '{' && c != '[' && c != '"') {
        while ((c = peek()) != end_of_file && !is_space(c) && c != ',' && c != ']' && c != '}' && c != '[' &&
               c != '{' && c != '"')
            text += static_cast<char>(take());
        return text;
    }
    int depth = 0;
    bool in_string = false;
    while ((c = take()) != end_of_file) {
        text += static_cast<char>(c);
        if (in_string) {
            if (c == '\\') {
                if ((c = take()) == end_of_file) break;
                text += static_cast<char>(c);
            } else if (c == '"') {
                in_string = false;
                if (depth == 0) break;  // the element is a string
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            break;
        }
    }
    return text;
}

void JsonArrayReader::fail(bool not_array) {
    in_->clear();
    buf_->pubseekpos(base_, std::ios::in);
    FirstError error;
    if (nlohmann::json::sax_parse(*in_, &error)) {
        if (not_array) throw RowFileError(name_ + ":1:1: " + tr("expected an array of objects, one per row"));
        throw std::logic_error(name_ + ": the row scanner stopped where the JSON parser did not");
    }
    // nlohmann counts bytes read, the one at fault included: the place is that byte's.
    std::size_t before = error.position > 0 ? error.position - 1 : 0;
    in_->clear();
    buf_->pubseekpos(base_, std::ios::in);
    std::size_t line = 1, col = 1;
    std::vector<char> block(1 << 16);
    while (before > 0) {
        in_->read(block.data(), static_cast<std::streamsize>(std::min(before, block.size())));
        auto got = static_cast<std::size_t>(in_->gcount());
        if (got == 0) break;
        advance(std::string_view(block.data(), got), line, col);
        before -= got;
    }
    throw RowFileError(name_ + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " +
                       json_error_reason(error.what));
}

}  // namespace conventio::batch
