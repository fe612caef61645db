// French grammar and typography: articles and elision, agreement, spacing, dates, ordinals.
#include "conventio/french.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include "config/i18n.hpp"
#include "model/messages.hpp"

namespace conventio {
namespace {

constexpr std::string_view nbsp = "\u00a0";
constexpr std::string_view narrow_nbsp = "\u202f";

/// Code point at byte `at` of `s` and its length; U+FFFD for invalid UTF-8.
std::pair<UChar32, std::size_t> code_point_at(std::string_view s, std::size_t at) {
    auto i = static_cast<std::int32_t>(at);
    UChar32 c = 0;
    U8_NEXT(s.data(), i, static_cast<std::int32_t>(s.size()), c);
    if (c < 0) c = 0xFFFD;
    return {c, static_cast<std::size_t>(i) - at};
}

/// The byte where the code point that ends `text` before byte `at` starts (`at` > 0).
std::size_t code_point_before(std::string_view text, std::size_t at) {
    std::size_t start = at - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return start;
}

void append_code_point(std::string& out, UChar32 c) {
    char buf[U8_MAX_LENGTH];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(buf, length, c);  // buf holds any code point
    out.append(buf, static_cast<std::size_t>(length));
}

std::string lowercase(std::string_view s) {
    std::string out;
    icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())))
        .toLower(icu::Locale("fr"))
        .toUTF8String(out);
    return out;
}

// Words whose h is aspirated: no elision ("le hameau", "la Haute-Garonne"). An entry ending
// in '*' is a stem covering its derivatives ("handicap*": handicapé, handicapées). Stems are
// chosen so they do not swallow mute-h words ("hall" but not "hallucination", "huit" but
// not "huître", "héros" but not "héroïne").
constexpr std::string_view aspirated_h[] = {
    "hach*",     "haie",    "haies",     "haillon*", "haine*",   "hainaut",   "hall",      "halls",
    "halle",     "halles",  "halte*",    "hamac*",   "hameau*",  "hamster*",  "hanche*",   "handball*",
    "handicap*", "hangar*", "hant*",     "happ*",    "harangu*", "haras",     "harass*",   "harcel*",
    "harcèl*",   "hardi*",  "harem*",    "hareng*",  "hargn*",   "haricot*",  "harnais",   "harpe*",
    "hasard*",   "hâte*",   "hâti*",     "hauban*",  "hausse*",  "haut*",     "havane*",   "havre",
    "hayon*",    "hennir",  "hérisson*", "hernie*",  "héron*",   "héros",     "hêtre*",    "heurt*",
    "hibou*",    "hideu*",  "hiérarch*", "hiss*",    "hockey*",  "holding*",  "hollande*", "hollandais*",
    "homard*",   "hongr*",  "honte*",    "hont*",    "hoquet*",  "hors",      "hotte*",    "houill*",
    "houle*",    "housse*", "houx",      "hublot*",  "huit",     "huitième*", "huitaine*", "hurl*",
    "hutte*",
};

// Vowel-initial words that do not elide ("le onze", "le oui") and y-vowel words that do.
constexpr std::string_view vowel_no_elision[] = {"onze", "onzième", "onzièmes", "oui", "ouistiti"};
constexpr std::string_view y_elision[] = {"yonne", "yeuse", "yeux"};

template <std::size_t N>
bool listed(const std::string_view (&list)[N], std::string_view word) {
    for (std::string_view entry : list) {
        if (entry.ends_with('*') ? word.starts_with(entry.substr(0, entry.size() - 1)) : word == entry) {
            return true;
        }
    }
    return false;
}

bool is_vowel(UChar32 c) {
    static constexpr std::u32string_view vowels = U"aàâäæeéèêëiîïoôöœuùûü";
    return c > 0 && vowels.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

/// The first word of a name: up to a space, hyphen or apostrophe ("Hauts" of "Hauts-de-France").
std::string_view first_word(std::string_view name) {
    // Multi-byte separators are searched as strings: their bytes also occur inside letters
    // (0xA0 is the last byte of "à").
    std::size_t end = name.find_first_of(" -'");
    for (std::string_view separator : {nbsp, narrow_nbsp, std::string_view("\u2019")}) {
        end = std::min(end, name.find(separator));
    }
    return name.substr(0, end);
}

bool is_acronym(std::string_view word) {
    int letters = 0;
    for (std::size_t i = 0; i < word.size();) {
        auto [c, n] = code_point_at(word, i);
        if (u_isalpha(c)) {
            if (!u_isupper(c)) return false;
            ++letters;
        } else if (!u_isdigit(c)) {
            return false;
        }
        i += n;
    }
    return letters >= 2;
}

std::string with_elision(std::string_view article, bool elides, std::string_view name) {
    // "le", "la", "de" all lose their final vowel.
    std::string out(article);
    if (elides) {
        out.pop_back();
        out += apostrophe;
    } else {
        out += ' ';
    }
    out += name;
    return out;
}

bool is_space_like(std::string_view s, std::size_t at, std::size_t* length) {
    // Called for every byte of every text: answer the common cases from the first byte.
    const auto first = static_cast<unsigned char>(s[at]);
    if (first == ' ') {
        *length = 1;
        return true;
    }
    if (first != 0xC2 && first != 0xE2) return false;  // the lead bytes of the three others
    for (std::string_view space : {std::string_view(" "), nbsp, narrow_nbsp, std::string_view("\u2009")}) {
        if (s.substr(at, space.size()) == space) {
            *length = space.size();
            return true;
        }
    }
    return false;
}

/// The size of `s` without its trailing ordinary and non-breaking spaces.
std::size_t size_without_trailing_spaces(std::string_view s) {
    for (;;) {
        if (s.ends_with(' ')) {
            s.remove_suffix(1);
        } else if (s.ends_with(nbsp)) {
            s.remove_suffix(nbsp.size());
        } else if (s.ends_with(narrow_nbsp) || s.ends_with("\u2009")) {
            s.remove_suffix(3);
        } else {
            return s.size();
        }
    }
}

/// Removes trailing ordinary and non-breaking spaces from `out`.
void strip_trailing_spaces(std::string& out) { out.resize(size_without_trailing_spaces(out)); }

bool ends_with_digit(const std::string& s) { return !s.empty() && s.back() >= '0' && s.back() <= '9'; }

bool ends_with_letter(std::string_view s) {
    return !s.empty() && u_isalpha(code_point_at(s, code_point_before(s, s.size())).first);
}

/// Byte ranges of `text` that french_spacing must not touch: whitespace-separated tokens
/// that are URLs or e-mail addresses.
std::vector<bool> protected_bytes(std::string_view text) {
    std::vector<bool> out(text.size(), false);
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t n = 0;
        if (is_space_like(text, i, &n) || text[i] == '\n' || text[i] == '\t' || text[i] == '\r') {
            i += n ? n : 1;
            continue;
        }
        std::size_t start = i;
        while (i < text.size() && !is_space_like(text, i, &n) && text[i] != '\n' && text[i] != '\t' &&
               text[i] != '\r') {
            ++i;
        }
        std::string_view token = text.substr(start, i - start);
        bool url =
            token.find("://") != std::string_view::npos || token.find("www.") != std::string_view::npos ||
            token.find("mailto:") != std::string_view::npos || token.find('@') != std::string_view::npos;
        if (url) {
            std::fill(out.begin() + static_cast<std::ptrdiff_t>(start),
                      out.begin() + static_cast<std::ptrdiff_t>(i), true);
        }
    }
    return out;
}

const std::array<std::string, 12>& month_names() {
    // Read straight from ICU's French calendar data: icu::DateFormatSymbols loads every symbol
    // of every width and context first (0.45 M instructions, a fifteenth of a cold render).
    static const std::array<std::string, 12> names = [] {
        UErrorCode status = U_ZERO_ERROR;
        struct Closer {
            void operator()(UResourceBundle* r) const { ures_close(r); }
        };
        // calendar/gregorian/monthNames/format/wide of the French data, one key at a time (the
        // public API has no lookup by path).
        std::unique_ptr<UResourceBundle, Closer> months(ures_open(nullptr, "fr", &status));
        for (const char* key : {"calendar", "gregorian", "monthNames", "format", "wide"}) {
            std::unique_ptr<UResourceBundle, Closer> inner(
                ures_getByKey(months.get(), key, nullptr, &status));
            months = std::move(inner);
        }
        std::array<std::string, 12> out;
        if (U_SUCCESS(status) && ures_getSize(months.get()) >= 12) {
            for (std::int32_t i = 0; i < 12 && U_SUCCESS(status); ++i) {
                std::int32_t length = 0;
                const UChar* name = ures_getStringByIndex(months.get(), i, &length, &status);
                if (U_SUCCESS(status))
                    icu::UnicodeString(false, name, length).toUTF8String(out[static_cast<std::size_t>(i)]);
            }
        }
        if (U_FAILURE(status) || out[11].empty()) {
            throw FrenchError(std::string("cannot load French month names from ICU (") + u_errorName(status) +
                              ")");
        }
        return out;
    }();
    return names;
}

std::optional<std::string> date_problem(int year, int month, int day) {
    if (year < 1 || year > 9999)
        return config::format(config::tr("year {} out of range (1 to 9999)"), std::to_string(year));
    if (month < 1 || month > 12)
        return config::format(config::tr("month {} out of range"), std::to_string(month));
    int days = Date::days_in_month(year, month);
    if (day < 1 || day > days) {
        return config::format(config::tr("day {} out of range ({} days in that month)"), std::to_string(day),
                              std::to_string(days));
    }
    return std::nullopt;
}

std::string iso_text(int year, int month, int day) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

}  // namespace

// --- NounPhrase -------------------------------------------------------------------------

NounPhrase::NounPhrase(std::string name, Gender gender, GrammaticalNumber number, bool definite_article,
                       Elision elision)
    : name_(std::move(name)),
      gender_(gender),
      number_(number),
      definite_article_(definite_article),
      elision_(elision) {
    if (name_.empty()) throw FrenchError("invalid noun phrase: empty name");
}

bool starts_with_vowel_sound(std::string_view word) {
    std::string_view first = first_word(word);
    if (first.empty()) return false;
    std::string lower = lowercase(first);
    auto [c, n] = code_point_at(lower, 0);
    if (is_vowel(c)) return !listed(vowel_no_elision, lower);
    if (c == U'h') {
        // Acronyms with H mostly stand for "Haut(e)": "la HAS", "le HCERES".
        if (is_acronym(first)) return false;
        return !listed(aspirated_h, lower);
    }
    if (c == U'y' || c == U'ÿ') {
        if (listed(y_elision, lower)) return true;
        if (n >= lower.size()) return false;
        return !is_vowel(code_point_at(lower, n).first);
    }
    return false;
}

bool NounPhrase::elides() const {
    switch (elision_) {
        case Elision::always:
            return true;
        case Elision::never:
            return false;
        case Elision::automatic:
            break;
    }
    return starts_with_vowel_sound(name_);
}

std::string NounPhrase::le() const {
    if (!definite_article_) return name_;
    if (number_ == GrammaticalNumber::plural) return "les " + name_;
    return with_elision(gender_ == Gender::masculine ? "le" : "la", elides(), name_);
}

std::string NounPhrase::de() const {
    if (!definite_article_) return with_elision("de", elides(), name_);
    if (number_ == GrammaticalNumber::plural) return "des " + name_;
    if (elides()) return "de " + with_elision("la", true, name_);
    return gender_ == Gender::masculine ? "du " + name_ : "de la " + name_;
}

std::string NounPhrase::a() const {
    if (!definite_article_) return "à " + name_;
    if (number_ == GrammaticalNumber::plural) return "aux " + name_;
    if (elides()) return "à " + with_elision("la", true, name_);
    return gender_ == Gender::masculine ? "au " + name_ : "à la " + name_;
}

std::string NounPhrase::Le() const { return capitalize(le()); }
std::string NounPhrase::De() const { return capitalize(de()); }
std::string NounPhrase::A() const { return capitalize(a()); }

std::string NounPhrase::agree(std::string_view masculine, std::string_view feminine) const {
    return std::string(gender_ == Gender::masculine ? masculine : feminine);
}

std::string NounPhrase::agree(std::string_view masculine, std::string_view feminine,
                              std::string_view masculine_plural, std::string_view feminine_plural) const {
    if (number_ == GrammaticalNumber::plural) {
        return std::string(gender_ == Gender::masculine ? masculine_plural : feminine_plural);
    }
    return agree(masculine, feminine);
}

// --- Typography -------------------------------------------------------------------------

std::string capitalize(std::string_view text) {
    if (text.empty()) return {};
    auto [c, n] = code_point_at(text, 0);
    std::string out;
    append_code_point(out, u_toupper(c));
    out += text.substr(n);
    return out;
}

std::string guillemets(std::string_view text) {
    while (text.starts_with(' ')) text.remove_prefix(1);
    while (text.ends_with(' ')) text.remove_suffix(1);
    std::string out = "«";
    out += narrow_nbsp;
    out += text;
    out += narrow_nbsp;
    out += "»";
    return out;
}

namespace {

/// The first byte of every mark french_spacing spaces (: ; ! ? % and, led by 0xC2 or 0xE2,
/// « » ° €): any other byte is copied as it is.
constexpr bool leads_a_mark(char c) {
    switch (c) {
        case ':':
        case ';':
        case '!':
        case '?':
        case '%':
        case '\xC2':
        case '\xE2':
            return true;
        default:
            return false;
    }
}

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// An amount typed with ordinary spaces between its digit groups ("375 000 €", "1 234,50 %"),
/// which `out` ends with: the spaces made narrow no-break ones, as conventio.Money writes them,
/// so that the amount never breaks across lines.
void join_digit_groups(std::string& out) {
    auto digits_before = [&](std::size_t at) {
        std::size_t n = 0;
        while (n < at && is_digit(out[at - n - 1])) ++n;
        return n;
    };
    std::size_t end = out.size();
    const std::size_t tail = digits_before(end);
    if (tail < end && out[end - tail - 1] == ',') end -= tail + 1;  // the cents come after the groups
    // The spaces between groups, right to left: every group after the first has three digits,
    // the first one to three ("2024 500 €" is two numbers, left as they are).
    std::vector<std::size_t> spaces;
    for (;;) {
        const std::size_t group = digits_before(end);
        if (group == 0 || group > 3) return;
        if (end - group >= 2 && out[end - group - 1] == ' ' && is_digit(out[end - group - 2])) {
            if (group != 3) return;
            spaces.push_back(end - group - 1);
            end -= group + 1;
            continue;
        }
        break;  // the first group
    }
    for (std::size_t at : spaces) out.replace(at, 1, narrow_nbsp);  // right to left: earlier places stay
}

/// Whether `text` has a digit, a space and a digit in a row: a number typed in groups may be
/// there. Most texts have none and are not read again.
bool may_hold_digit_groups(std::string_view text) {
    for (std::size_t at = text.find(' '); at != std::string_view::npos; at = text.find(' ', at + 1))
        if (at > 0 && at + 1 < text.size() && is_digit(text[at - 1]) && is_digit(text[at + 1])) return true;
    return false;
}

/// Numbers typed with ordinary spaces between groups of three ("12 000 personnes", "1 412 516
/// habitants"): the spaces made narrow no-break ones, as amounts have, so that a number never
/// breaks across lines. A first group of more than three digits, or a group after it of other
/// than three, is another number ("2024 500", "01 23 45 67").
void join_number_groups(std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1]))) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < s.size() && is_digit(s[end])) ++end;
        if (end - i > 3) {
            i = end;
            continue;
        }
        std::vector<std::size_t> spaces;
        while (end + 4 <= s.size() && s[end] == ' ' && is_digit(s[end + 1]) && is_digit(s[end + 2]) &&
               is_digit(s[end + 3]) && (end + 4 == s.size() || !is_digit(s[end + 4]))) {
            spaces.push_back(end);
            end += 4;
        }
        // Right to left, so that the places still to replace stay where they were.
        for (auto at = spaces.rbegin(); at != spaces.rend(); ++at) s.replace(*at, 1, narrow_nbsp);
        i = end + spaces.size() * (narrow_nbsp.size() - 1);
    }
}

/// The spaces French puts around : ; ! ? « » % € and after n°.
std::string spaced_marks(std::string_view text) {
    // Most pieces of text hold none of the marks it spaces (: ; ! ? % « » ° €, the last four
    // led by 0xC2 or 0xE2): they come back unchanged without a scan of their tokens. Batch
    // runs call this for every run of every clause.
    if (std::none_of(text.begin(), text.end(), leads_a_mark)) return std::string(text);
    // A URL or an address needs one of these in its token; without any, no byte is protected
    // and the token scan (every byte of the text) is not needed.
    const bool may_hold_address =
        text.find('@') != std::string_view::npos || text.find("://") != std::string_view::npos ||
        text.find("www.") != std::string_view::npos || text.find("mailto:") != std::string_view::npos;
    const std::vector<bool> keep =
        may_hold_address ? protected_bytes(text) : std::vector<bool>(text.size(), false);
    std::string out;
    out.reserve(text.size() + 16);
    auto next_is_digit = [&](std::size_t at) {
        return at < text.size() && text[at] >= '0' && text[at] <= '9';
    };
    // A space goes before the mark unless the mark opens the line or follows another mark
    // ("?!", "(:").
    auto space_before = [&](std::string_view space) {
        bool had_space = !out.empty();
        strip_trailing_spaces(out);
        // Text often comes in pieces (a run that follows a footnote or a reference): a
        // space that opens the piece belongs to the word before it, so it is kept, made
        // non-breaking. A mark that opens the text with no space gets none.
        if (out.empty()) {
            if (had_space) out += space;
            return;
        }
        if (out.ends_with('\n')) return;
        // ASCII only: a byte such as 0xAB ends both "«" and "ë".
        static constexpr std::string_view no_space_after = ":;!?([";
        if (no_space_after.find(out.back()) != std::string_view::npos || out.ends_with("«")) return;
        out += space;
    };

    std::size_t i = 0;
    while (i < text.size()) {
        // Bytes that lead no mark are copied as they are, protected or not: a stretch at once
        // rather than a byte and five comparisons at a time.
        std::size_t next = i;
        while (next < text.size() && !leads_a_mark(text[next])) ++next;
        if (next > i) {
            out.append(text.substr(i, next - i));
            i = next;
            continue;
        }
        if (keep[i]) {
            out += text[i++];
            continue;
        }
        char c = text[i];
        if (c == ':') {
            bool between_digits = ends_with_digit(out) && next_is_digit(i + 1);
            if (!between_digits && text.substr(i + 1, 2) != "//") space_before(nbsp);
            out += c;
            ++i;
        } else if (c == ';' || c == '!' || c == '?') {
            space_before(narrow_nbsp);
            out += c;
            ++i;
        } else if (text.substr(i, 2) == "»") {
            space_before(narrow_nbsp);
            out += "»";
            i += 2;
        } else if (text.substr(i, 2) == "«") {
            out += "«";
            i += 2;
            std::size_t n = 0;
            std::size_t after_mark = i;
            while (i < text.size() && is_space_like(text, i, &n)) i += n;
            // At the end of a piece of text ("d'« " before a bold word), the space given
            // belongs to what follows: keep it, non-breaking.
            bool at_end = i == text.size();
            if (at_end ? i > after_mark : text.substr(i, 2) != "»") out += narrow_nbsp;
        } else if (text.substr(i, 2) == "°" && (out.ends_with('n') || out.ends_with('N')) &&
                   !ends_with_letter(std::string_view(out).substr(0, out.size() - 1))) {
            // "n° 1": the number never goes to the next line without its "n°".
            out += "°";
            i += 2;
            std::size_t n = 0;
            std::size_t after = i;
            while (after < text.size() && is_space_like(text, after, &n)) after += n;
            if (after < text.size() && (std::isalnum(static_cast<unsigned char>(text[after])) != 0)) {
                out += nbsp;
                i = after;
            }
        } else if (text.substr(i, 3) == "€" || c == '%') {
            std::size_t length = c == '%' ? 1 : 3;
            // Looked at in place: copying the output for every "%" made long texts quadratic.
            const std::size_t kept = size_without_trailing_spaces(out);
            if (kept > 0 && out[kept - 1] >= '0' && out[kept - 1] <= '9') {
                out.resize(kept);
                join_digit_groups(out);
                out += nbsp;
            }
            out += text.substr(i, length);
            i += length;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

}  // namespace

std::string french_spacing(std::string_view text) {
    std::string spaced = spaced_marks(text);
    if (may_hold_digit_groups(spaced)) join_number_groups(spaced);
    return spaced;
}

std::string composed(std::string_view utf8) {
    // Most text is ASCII, composed by definition.
    if (std::all_of(utf8.begin(), utf8.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; }))
        return std::string(utf8);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return std::string(utf8);
    const icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    if (nfc->isNormalized(text, status) && U_SUCCESS(status)) return std::string(utf8);
    status = U_ZERO_ERROR;
    const icu::UnicodeString normal = nfc->normalize(text, status);
    if (U_FAILURE(status)) return std::string(utf8);
    std::string out;
    normal.toUTF8String(out);
    return out;
}

std::string case_folded(std::string_view utf8) {
    std::string ascii(utf8);
    for (char& c : ascii)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (std::all_of(utf8.begin(), utf8.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; }))
        return ascii;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return ascii;
    icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    if (text.indexOf(static_cast<char16_t>(0xFFFD)) >= 0 && ascii.find("\xEF\xBF\xBD") == std::string::npos)
        return ascii;  // not UTF-8: ICU replaced its bad bytes
    // Simple folding, a code point for a code point, as case-insensitive file systems (NTFS,
    // APFS, ext4's casefold) compare names: full folding made « Straße » one with « Strasse ».
    // Composed before and after, so two spellings of one name meet.
    const icu::UnicodeString normal = nfc->normalize(text, status);
    icu::UnicodeString folded;
    for (int32_t i = 0; i < normal.length();) {
        const UChar32 c = normal.char32At(i);
        folded.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
        i += U16_LENGTH(c);
    }
    folded = nfc->normalize(folded, status);
    if (U_FAILURE(status)) return ascii;
    std::string out;
    folded.toUTF8String(out);
    return out;
}

std::string ordinal(int n, Gender gender) {
    if (n < 1) throw FrenchError("invalid ordinal " + std::to_string(n) + ": must be at least 1");
    if (n == 1) return gender == Gender::masculine ? "1er" : "1re";
    return std::to_string(n) + "e";
}

namespace {

/// A letter, a digit or a combining mark (the accent of an « é » typed as « e » and U+0301):
/// a word goes on through it.
bool is_word_character(UChar32 c) { return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

/// Whether the code point that ends `text` before byte `at` is a word character (false at the
/// start).
bool word_goes_on_before(std::string_view text, std::size_t at) {
    return at > 0 && is_word_character(code_point_at(text, code_point_before(text, at)).first);
}

/// Whether the code point at byte `at` of `text` is a word character (false at the end).
bool word_goes_on_at(std::string_view text, std::size_t at) {
    return at < text.size() && is_word_character(code_point_at(text, at).first);
}

/// The length of the ordinal suffix `rest` starts with after the digits `number`, the longest
/// first (« ers » before « er » before « e »); 0 for none. « 2 » takes second's too: « 2d »,
/// « 2de », « 2nd », « 2nde » and their plurals.
std::size_t ordinal_suffix_length(std::string_view number, std::string_view rest) {
    if (number == "2")
        for (std::string_view suffix : {"ndes", "nds", "nde", "nd", "des", "ds", "de", "d"})
            if (rest.starts_with(suffix)) return suffix.size();
    for (std::string_view suffix : {"ers", "res", "er", "re", "es", "e"})
        if (rest.starts_with(suffix)) return suffix.size();
    return 0;
}

/// Whether `c` is a hyphen: the ASCII one, U+2010 (hyphen) or U+2011 (non-breaking hyphen).
constexpr bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

/// The length in bytes of the character that joins an ordinal to a word beside it when it sits
/// between the two with no space: « _ . / , » or a hyphen (« lot A-2e », « 3.2e », « 12/3e »,
/// « IIe.pdf », « A‑IIe »); 0 for any other character. `start` is the character's first byte.
std::size_t joint_length(std::string_view text, std::size_t start) {
    const char c = text[start];
    if (c == '_' || c == '.' || c == '/' || c == ',' || c == '-') return 1;
    if (static_cast<unsigned char>(c) < 0x80) return 0;
    const auto [code, length] = code_point_at(text, start);
    return is_hyphen(code) ? length : 0;
}

/// Whether the joint at `start` may stand between two ordinals of a range or a list (« 2e-3e »,
/// « XIXe‑XXe », « XIXe,XXe », « 2e/3e »): a hyphen, a comma or a slash.
bool joins_ordinals(std::string_view text, std::size_t start) {
    return text[start] == ',' || text[start] == '/' || is_hyphen(code_point_at(text, start).first);
}

/// Whether the digits at `number` are the end of an identifier or a number in another notation:
/// joined (joint_length) to a word before them (« lot A-2e », « 3.2e », « 12/3e », « 2020-1e »,
/// « annexe-1er »), unless what comes before is an ordinal of a range or a list
/// (`after_ordinal`: the byte where the last one found ends, for « 2e-3e »).
bool joined_to_a_word(std::string_view text, std::size_t number, std::size_t after_ordinal) {
    if (number < 2) return false;
    const std::size_t joint = code_point_before(text, number);
    if (joint_length(text, joint) == 0 || !word_goes_on_before(text, joint)) return false;
    return !(joint == after_ordinal && joins_ordinals(text, joint));
}

/// Whether the suffix ending at byte `end` is an exponent's « e » (« 3e-2 », « 1e+5 »): a sign
/// and digits follow that are not an ordinal themselves (« 2e-3e » is a range).
bool exponent_follows(std::string_view text, std::size_t end) {
    if (end + 1 >= text.size() || (text[end] != '-' && text[end] != '+') || !is_digit(text[end + 1]))
        return false;
    std::size_t after = end + 1;
    while (after < text.size() && is_digit(text[after])) ++after;
    const std::size_t suffix =
        ordinal_suffix_length(text.substr(end + 1, after - end - 1), text.substr(after));
    return suffix == 0 || word_goes_on_at(text, after + suffix);
}

/// The letters roman ordinals are written with. D and M are left out: « De », « Me » (Maître),
/// « Mme » would read as numerals, and no agreement counts its titles or centuries past 399.
constexpr bool is_roman_letter(char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C'; }

/// Whether `letters` (I, V, X, L, C) is a roman numeral in its usual form, 1 to 399: hundreds
/// C{0,3}, tens XC, XL or L?X{0,3}, units IX, IV or V?I{0,3}. Not « IIII », « VX », « IL ».
bool is_roman_numeral(std::string_view letters) {
    std::size_t i = 0;
    auto repeated = [&](char c, std::size_t most) {
        for (std::size_t n = 0; n < most && i < letters.size() && letters[i] == c; ++n) ++i;
    };
    auto pair = [&](std::string_view two) {
        if (letters.substr(i, 2) != two) return false;
        i += 2;
        return true;
    };
    auto tens_or_units = [&](char one, char five, char ten) {
        const char nine[] = {one, ten}, four[] = {one, five};
        if (pair({nine, 2}) || pair({four, 2})) return;
        if (i < letters.size() && letters[i] == five) ++i;
        repeated(one, 3);
    };
    repeated('C', 3);
    tens_or_units('X', 'L', 'C');
    tens_or_units('I', 'V', 'X');
    return !letters.empty() && i == letters.size();
}

/// The length of the ordinal suffix `rest` starts with after the roman numeral `numeral`: « er »,
/// « re » and their plurals after « I » alone (« Titre Ier », « Ire partie »: « Ie » is not
/// written), « e » and « es » after the others (« XIXe », « Ve », « IIe »); 0 for none. « L »
/// and « C » alone take none: « Le », « Ce », « Les », « Ces » are words.
std::size_t roman_suffix_length(std::string_view numeral, std::string_view rest) {
    if (numeral == "L" || numeral == "C" || !is_roman_numeral(numeral)) return 0;
    if (numeral == "I") {
        for (std::string_view suffix : {"ers", "res", "er", "re"})
            if (rest.starts_with(suffix)) return suffix.size();
        return 0;
    }
    for (std::string_view suffix : {"es", "e"})
        if (rest.starts_with(suffix)) return suffix.size();
    return 0;
}

/// Whether the apostrophe at byte `quote` opens a quotation (nothing of a word before it:
/// « 'IIe' ») or ends an elided word (« l'IIe », « d'Ier », « qu'Ire », « jusqu'au »'s « qu »):
/// « l d j n s c » alone, or a word ending in « qu ».
bool opens_or_elides(std::string_view text, std::size_t quote) {
    if (!word_goes_on_before(text, quote)) return true;
    auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); };
    const char last = lower(text[quote - 1]);
    if (std::string_view("ldjnsc").find(last) != std::string_view::npos &&
        !word_goes_on_before(text, quote - 1))
        return true;
    return quote >= 2 && last == 'u' && lower(text[quote - 2]) == 'q';
}

/// Whether a roman numeral may start at byte `at`: at the start of the text, or after white
/// space (no-break spaces included), an opening bracket or quotation mark (« ( [ “ ' " »), the
/// apostrophe of an elided word (« l'IIe », « d’Ier »), a dash (« XIXe–XXe »), or the hyphen,
/// comma or slash between two ordinals (`after_ordinal`, « XIXe-XXe », « XIXe,XXe », « XIXe/XXe »).
/// Not inside a word (« aCIVe ») nor an identifier (« A-IIe », « A‑IIe », « lot_IIe », « 12/IIe »,
/// « réf.IIe »): a hyphen (ASCII, U+2010, U+2011) is a dash only after an ordinal.
bool numeral_may_start(std::string_view text, std::size_t at, std::size_t after_ordinal) {
    if (at == 0) return true;
    const std::size_t start = code_point_before(text, at);
    if (joins_ordinals(text, start)) return start == after_ordinal;
    // ASCII answered without ICU: most capitals follow a space or another letter.
    const auto before = static_cast<unsigned char>(text[start]);
    if (before == '\'') return opens_or_elides(text, start);
    if (before == '"') return !word_goes_on_before(text, start);
    if (before < 0x80)
        return before == ' ' || (before >= '\t' && before <= '\r') || before == '(' || before == '[' ||
               before == '{';
    const UChar32 c = code_point_at(text, start).first;
    if (c == 0x2019) return opens_or_elides(text, start);  // the typographic apostrophe
    return u_isUWhiteSpace(c) || (U_GET_GC_MASK(c) & (U_GC_PS_MASK | U_GC_PI_MASK | U_GC_PD_MASK)) != 0;
}

/// Whether digits or a roman numeral and an ordinal suffix start at byte `at` (the end of a range).
bool ordinal_follows(std::string_view text, std::size_t at) {
    std::size_t end = at;
    if (is_digit(text[at])) {
        while (end < text.size() && is_digit(text[end])) ++end;
        return ordinal_suffix_length(text.substr(at, end - at), text.substr(end)) > 0;
    }
    while (end < text.size() && is_roman_letter(text[end])) ++end;
    return roman_suffix_length(text.substr(at, end - at), text.substr(end)) > 0;
}

/// Whether the ordinal (digits or a roman numeral) ending at byte `end` ends there: the text
/// ends, or white space or punctuation follows; not a letter, a digit or an accent (« XIXeme »,
/// « IIe3 »), nor a joint (joint_length) to a word (« IIe.pdf », « 2e.pdf », « IIe_b »,
/// « IIe-A »), save the hyphen, comma or slash before another ordinal (« XIXe-XXe », « IIe-3e »,
/// « XIXe,XXe », « 2e/3e »). A full stop ending a sentence (« le 1er. Puis ») is punctuation.
bool ordinal_ends_word(std::string_view text, std::size_t end) {
    if (end == text.size()) return true;
    if (word_goes_on_at(text, end)) return false;
    const std::size_t joint = joint_length(text, end);
    if (joint == 0 || !word_goes_on_at(text, end + joint)) return true;
    return joins_ordinals(text, end) && ordinal_follows(text, end + joint);
}

/// The bytes an ordinal starts with, a digit or a roman numeral's letter: the scan steps over
/// the others one table look-up each (most of a text).
constexpr auto may_start_ordinal = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c)
        table[c] = is_digit(static_cast<char>(c)) || is_roman_letter(static_cast<char>(c));
    return table;
}();

}  // namespace

std::vector<ByteRange> ordinal_suffixes(std::string_view text) {
    std::vector<ByteRange> found;
    std::vector<bool> in_address;  // read only when an ordinal is found (most texts have none)
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !may_start_ordinal[static_cast<unsigned char>(text[i])]) ++i;
        if (i == text.size()) break;
        const std::size_t after_ordinal = found.empty() ? std::string_view::npos : found.back().end;
        const std::size_t number = i;  // digits or a roman numeral
        std::size_t suffix = 0;
        if (is_digit(text[i])) {
            while (i < text.size() && is_digit(text[i])) ++i;
            suffix = ordinal_suffix_length(text.substr(number, i - number), text.substr(i));
            if (suffix == 0 || word_goes_on_before(text, number) || !ordinal_ends_word(text, i + suffix))
                continue;
            if (joined_to_a_word(text, number, after_ordinal) || exponent_follows(text, i + suffix)) continue;
        } else if (numeral_may_start(text, i, after_ordinal)) {
            while (i < text.size() && is_roman_letter(text[i])) ++i;
            suffix = roman_suffix_length(text.substr(number, i - number), text.substr(i));
            if (suffix == 0 || !ordinal_ends_word(text, i + suffix)) continue;
        } else {
            ++i;
            continue;
        }
        if (in_address.empty()) in_address = protected_bytes(text);
        if (!in_address[number]) found.push_back({i, i + suffix});
        i += suffix;
    }
    return found;
}

// --- Date -------------------------------------------------------------------------------

bool Date::is_leap_year(int year) noexcept { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int Date::days_in_month(int year, int month) noexcept {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && is_leap_year(year)) return 29;
    return days[month - 1];
}

Date::Date(int year, int month, int day) : year_(year), month_(month), day_(day) {
    if (auto problem = date_problem(year, month, day)) {
        throw FrenchError(
            config::format(config::tr("invalid date {}: {}"), iso_text(year, month, day), *problem));
    }
}

Date Date::parse(std::string_view text, std::string_view field) {
    auto fail = [&](const std::string& why) {
        throw FrenchError(config::format(config::tr("invalid date \"{}\"{}: {}"), detail::shown(text),
                                         detail::field_suffix(field), why));
    };
    bool shape = text.size() == 10 && text[4] == '-' && text[7] == '-';
    for (std::size_t i = 0; shape && i < text.size(); ++i) {
        if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) shape = false;
    }
    if (!shape) fail(config::tr("expected YYYY-MM-DD"));
    auto number = [&](std::size_t at, std::size_t length) {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i) value = value * 10 + (text[i] - '0');
        return value;
    };
    int year = number(0, 4);
    int month = number(5, 2);
    int day = number(8, 2);
    if (auto problem = date_problem(year, month, day)) fail(*problem);
    return Date(year, month, day);
}

std::string Date::iso() const { return iso_text(year_, month_, day_); }

std::string Date::long_form() const {
    std::string out = day_ == 1 ? ordinal(1) : std::to_string(day_);
    out += nbsp;
    out += month_names()[static_cast<std::size_t>(month_ - 1)];
    out += ' ';
    out += std::to_string(year_);
    return out;
}

std::string Date::le() const { return "le " + long_form(); }

}  // namespace conventio
