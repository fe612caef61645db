#include "check/data_review.hpp"

#include <array>

#include "check/pattern.hpp"
#include "config/i18n.hpp"

namespace conventio::check {
namespace {

using config::format;
using config::tr;

bool is_placeholder(std::string_view s) {
    // Caseless matching without UTF folds ASCII only: "é"/"É" and "à"/"À" are spelt both ways.
    static const Pattern placeholder(
        R"(^\s*(?:X{3,}|\[[^\]]*compl(?:\xc3\xa9|\xc3\x89|e)ter[^\]]*\]|\xe2\x80\xa6|\.\.\.|(?:\xc3\xa0|\xc3\x80|a) compl(?:\xc3\xa9|\xc3\x89|e)ter)\s*$)",
        Pattern::Case::ignored);
    return placeholder.whole(s).has_value();
}

/// A placeholder is short: a longer text is never one, and is not run through the pattern.
constexpr std::size_t longest_placeholder = 64;

/// Whether `text` holds, in any case, a piece each of the placeholder's forms has: most values
/// (names, addresses, identifiers) have none and are not run through the pattern, which is then
/// not even compiled when no value may be one (a cold Cerema render: 123 000 to 55 000). The
/// lower-case copy is on the stack: this runs for every text value of the data.
bool may_be_placeholder(std::string_view text) {
    if (text.size() > longest_placeholder) return false;
    std::array<char, longest_placeholder> buffer;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        buffer[i] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    }
    const std::string_view lower(buffer.data(), text.size());
    for (std::string_view piece : {"xxx", "compl", "\xe2\x80\xa6", "..."})
        if (lower.find(piece) != std::string_view::npos) return true;
    return false;
}

}  // namespace

std::optional<Diagnostic> review_data_value(const std::string& file, int line, int column,
                                            std::string_view field, std::string_view text) {
    // The field's name is copied only into a diagnostic: most values have none.
    if (text.find_first_not_of(" \t\n") == std::string_view::npos)
        return Diagnostic{
            Severity::warning, file, line, column, std::string(field), format(tr("{} is empty"), field)};
    if (may_be_placeholder(text) && is_placeholder(text))
        return Diagnostic{Severity::error,
                          file,
                          line,
                          column,
                          std::string(field),
                          format(tr("{} still holds the placeholder \"{}\": fill it in"), field, text)};
    return std::nullopt;
}

}  // namespace conventio::check
