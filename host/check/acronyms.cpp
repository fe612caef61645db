#include "check/acronyms.hpp"

namespace conventio::check {
namespace {

bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

/// A byte that would make a run of capitals part of a longer word.
bool joins_a_word(char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b >= 0x80;
}

}  // namespace

std::vector<std::string_view> standalone_capitals(std::string_view text) {
    std::vector<std::string_view> found;
    for (std::size_t i = 0; i < text.size();) {
        if (!is_capital(text[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < text.size() && is_capital(text[i])) ++i;
        // The run is whole: the byte before it is not a capital, and neither is the one after.
        if (i - start >= 3 && (start == 0 || !joins_a_word(text[start - 1])) &&
            (i == text.size() || !joins_a_word(text[i])))
            found.push_back(text.substr(start, i - start));
    }
    return found;
}

}  // namespace conventio::check
