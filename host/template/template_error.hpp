// The one error type of clause templates: compile errors, Markdown errors, with the place.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace conventio::tmpl {

/// A problem in a template or in the Markdown it produced. what() is already formatted
/// "name:line:col: message" so the command line prints it as is; line() and column() are 0
/// when the problem has no position (for example an unreadable file).
class TemplateError : public std::runtime_error {
public:
    TemplateError(std::string_view name, int line, int column, std::string_view message)
        : std::runtime_error(format(name, line, column, message)),
          line_(line),
          column_(column),
          message_(message) {}

    /// A message formatted elsewhere (for example a Lua message, already "path:line: ...").
    explicit TemplateError(const std::string& formatted)
        : std::runtime_error(formatted), message_(formatted) {}

    int line() const { return line_; }
    int column() const { return column_; }
    /// The message without its place.
    const std::string& message() const { return message_; }

private:
    static std::string format(std::string_view name, int line, int column, std::string_view message) {
        std::string s(name);
        s += ':';
        s += std::to_string(line);
        s += ':';
        s += std::to_string(column);
        s += ": ";
        s += message;
        return s;
    }

    int line_ = 0;
    int column_ = 0;
    std::string message_;
};

}  // namespace conventio::tmpl
