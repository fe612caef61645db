#include "check/data_review.hpp"

#include "check/pattern.hpp"
#include "config/i18n.hpp"

namespace conventio::check {
namespace {

using config::format;
using config::tr;

bool is_placeholder(const std::string& s) {
    static const Pattern placeholder(
        R"(^\s*(?:X{3,}|\[[^\]]*compl(?:\xc3\xa9|e)ter[^\]]*\]|\xe2\x80\xa6|\.\.\.|(?:\xc3\xa0|a) compl(?:\xc3\xa9|e)ter)\s*$)",
        Pattern::Case::ignored);
    return placeholder.whole(s).has_value();
}

/// Whether `text` holds, in any case, a piece each of the placeholder's forms has: most values
/// (names, addresses, identifiers) have none and are not run through the pattern, which is then
/// not even compiled when no value may be one (a cold Cerema render: 123 000 to 55 000).
bool may_be_placeholder(std::string_view text) {
    std::string lower(text);
    for (char& ch : lower)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    for (const char* piece : {"xxx", "compl", "\xe2\x80\xa6", "..."})
        if (lower.find(piece) != std::string::npos) return true;
    return false;
}

}  // namespace

std::optional<Diagnostic> review_data_value(const std::string& file, int line, int column,
                                            std::string_view field, std::string_view text) {
    const std::string name(field);
    if (text.find_first_not_of(" \t\n") == std::string_view::npos)
        return Diagnostic{Severity::warning, file, line, column, name, format(tr("{} is empty"), name)};
    // A placeholder is short: a long text is never one, and is not run through the pattern.
    if (text.size() <= 64 && may_be_placeholder(text) && is_placeholder(std::string(text)))
        return Diagnostic{Severity::error,
                          file,
                          line,
                          column,
                          name,
                          format(tr("{} still holds the placeholder \"{}\": fill it in"), name, text)};
    return std::nullopt;
}

}  // namespace conventio::check
