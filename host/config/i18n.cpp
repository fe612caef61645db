#include "config/i18n.hpp"

#include <libintl.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>

#include "config/paths.hpp"

namespace conventio::config {
namespace {

Language chosen = Language::english;

// The first of the variables gettext itself consults, in its order of precedence.
Language language_of_locale() {
    for (const char* variable : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(variable);
        if (!value || !*value) continue;
        return std::string_view(value).starts_with("fr") ? Language::french : Language::english;
    }
    return Language::english;
}

}  // namespace

void set_language(std::string_view requested) {
    if (requested == "fr")
        chosen = Language::french;
    else if (requested == "en")
        chosen = Language::english;
    else if (requested.empty())
        chosen = language_of_locale();
    else
        throw std::invalid_argument(std::string(requested));
    if (chosen == Language::english) return;
    // Only messages follow the language: numbers keep the C locale, which Lua's tostring and
    // our parsers rely on. A machine without a generated French locale still gets French
    // messages: gettext reads LANGUAGE under any locale but "C", so C.UTF-8 is enough.
    if (!std::setlocale(LC_MESSAGES, "fr_FR.UTF-8")) std::setlocale(LC_MESSAGES, "C.UTF-8");
    setenv("LANGUAGE", "fr", 1);
    if (std::filesystem::path dir = locale_dir(); !dir.empty()) bindtextdomain("conventio", dir.c_str());
    bind_textdomain_codeset("conventio", "UTF-8");
}

Language language() { return chosen; }

std::string tr(const char* message) {
    if (chosen == Language::english) return message;
    return dgettext("conventio", message);
}

std::string tr_count(const char* singular, const char* plural, unsigned long n) {
    if (chosen == Language::english) return n == 1 ? singular : plural;
    return dngettext("conventio", singular, plural, n);
}

std::string decimal(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string out = buffer;
    if (chosen == Language::french)
        if (std::size_t point = out.find('.'); point != std::string::npos) out[point] = ',';
    return out;
}

std::string format(std::string_view pattern, std::initializer_list<std::string_view> arguments) {
    std::string out;
    auto next = arguments.begin();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' && next != arguments.end()) {
            out += *next++;
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

}  // namespace conventio::config
