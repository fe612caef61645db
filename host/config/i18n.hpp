// The language of conventio's messages, through gettext (catalogs in po/, compiled to
// LANG/LC_MESSAGES/conventio.mo). English is the source language; French is chosen by
// --lang fr or a French locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace conventio::config {

enum class Language { english, french };

/// Chooses the language: `requested` ("fr" or "en", from --lang) when not empty, else the
/// locale's. Throws std::invalid_argument for another requested language.
void set_language(std::string_view requested = {});

Language language();

/// The message in the chosen language. xgettext extracts every tr("...") (po/update).
std::string tr(const char* message);

/// The message for a count of `n` in the chosen language, singular or plural by the language's
/// rule (French: 0 and 1 take the singular). xgettext extracts every tr_count("...", "...").
std::string tr_count(const char* singular, const char* plural, unsigned long n);

/// `value` with `decimals` digits after the language's decimal mark: « 0,13 » in French.
std::string decimal(double value, int decimals);

/// `pattern` with each "{}" replaced by the next argument, in order: translations keep the
/// placeholders, and may not reorder them.
std::string format(std::string_view pattern, std::initializer_list<std::string_view> arguments);

template <class... Arguments>
std::string format(std::string_view pattern, const Arguments&... arguments) {
    return format(pattern, {std::string_view(arguments)...});
}

}  // namespace conventio::config
