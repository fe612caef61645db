// A `.json` rows file (an array of objects) read one element at a time from a stream, so a
// batch holds the row in flight, not the file nor the parsed array. nlohmann's parser reports
// no positions of values and parses a whole document at once, so a scanner finds each
// element's bytes (following strings, escapes and nesting); nlohmann then checks the element.
// Anything wrong is parsed again by nlohmann from the file's start, without building it, so
// the message and its place are the ones reading the whole text gives.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>

namespace conventio::batch {

/// One element of the array: its text (valid JSON) and the line it starts on.
struct JsonElement {
    std::string text;
    std::size_t line = 0;
    std::size_t column = 0;
};

/// The reason in a message of nlohmann's, without its exception id and byte count (our
/// messages give the place as file:line:col themselves).
std::string json_error_reason(const std::string& what);

class JsonArrayReader {
public:
    /// Checks the whole stream is UTF-8 first (its first bad byte is the error, before any
    /// element, as for JSON Lines), then reads up to the array's `[`. `in` must be seekable: an
    /// error is parsed again from the start. Throws RowFileError "name:line:col: reason".
    JsonArrayReader(std::unique_ptr<std::istream> in, std::string name);

    /// The next element in file order, or none after the array's `]` (and nothing but
    /// whitespace after it). Elements before a syntax error are given; the error is thrown
    /// when the reader reaches it.
    std::optional<JsonElement> next();

private:
    int peek();
    int take();
    void skip_space();
    std::string scan_element();
    void check_utf8();
    /// Throws the first error nlohmann finds in the whole stream (`not_array`: a valid
    /// document that is not an array).
    [[noreturn]] void fail(bool not_array = false);

    std::unique_ptr<std::istream> in_;
    std::streambuf* buf_ = nullptr;
    std::string name_;
    std::streamoff base_ = 0;  // where the text starts: after a BOM
    std::size_t line_ = 1;     // of the next byte
    std::size_t column_ = 1;   // of the next byte, in characters
    enum class State { first, after_element, done } state_ = State::first;
};

}  // namespace conventio::batch
