// Money: exact parsing, overflow-checked arithmetic, French display and spell-out.
#include "conventio/money.hpp"

#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <cctype>
#include <limits>
#include <memory>
#include <vector>

#include "config/i18n.hpp"
#include "conventio/french.hpp"
#include "model/messages.hpp"

namespace conventio {
namespace {

constexpr std::int64_t max_cents = std::numeric_limits<std::int64_t>::max();
constexpr std::string_view nbsp = "\u00a0";

[[noreturn]] void parse_error(std::string_view text, std::string_view field, std::string_view why) {
    throw MoneyError(config::format(config::tr("invalid amount \"{}\"{}: {}"), detail::shown(text),
                                    detail::field_suffix(field), why));
}

/// Length in bytes of a grouping space (ASCII space, U+00A0, U+202F) at `at`, or 0.
std::size_t group_space_at(std::string_view s, std::size_t at) {
    if (s.substr(at, 1) == " ") return 1;
    if (s.substr(at, 2) == "\u00a0") return 2;
    if (s.substr(at, 3) == "\u202f") return 3;
    return 0;
}

std::string_view trim(std::string_view s) {
    for (;;) {
        if (!s.empty() && (s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
            s.remove_prefix(1);
        } else if (std::size_t n = s.empty() ? 0 : group_space_at(s, 0)) {
            s.remove_prefix(n);
        } else {
            break;
        }
    }
    for (;;) {
        if (!s.empty() && (s.back() == '\t' || s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) {
            s.remove_suffix(1);
        } else if (s.ends_with("\u00a0")) {
            s.remove_suffix(2);
        } else if (s.ends_with("\u202f")) {
            s.remove_suffix(3);
        } else {
            break;
        }
    }
    return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Digits of `value` grouped by three with U+00A0: 6000000 -> "6 000 000".
std::string group_thousands(std::uint64_t value) {
    std::string digits = std::to_string(value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += nbsp;
        out += digits[i];
    }
    return out;
}

/// ICU's French cardinal spell-out of 0 <= n < 10^6, one formatter per thread
/// because ICU formatters are not meant to be shared between threads.
std::string icu_spell(std::int64_t n) {
    thread_local std::unique_ptr<icu::RuleBasedNumberFormat> format = [] {
        UErrorCode status = U_ZERO_ERROR;
        auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("fr"), status);
        if (U_SUCCESS(status)) f->setDefaultRuleSet(u"%spellout-cardinal-masculine", status);
        if (U_FAILURE(status)) {
            throw MoneyError(std::string("cannot spell out amounts: ICU French spell-out rules "
                                         "unavailable (") +
                             u_errorName(status) + ")");
        }
        return f;
    }();
    icu::UnicodeString text;
    format->format(n, text);
    std::string out;
    text.toUTF8String(out);
    // ICU mixes the two spellings: 1990 hyphens in "vingt-et-un" but traditional spaces in
    // "deux cent un". Agreements use the traditional spelling throughout.
    for (std::size_t at; (at = out.find("-et-")) != std::string::npos;) out.replace(at, 4, " et ");
    return out;
}

/// Words for a non-negative whole number. Million, milliard, billion, billiard are nouns, so the
/// number before them is spelled standalone ("deux cents millions", "quatre-vingts
/// millions"), which ICU gets wrong ("deux cent millions"); below a million ICU is right
/// ("deux cent mille", "quatre-vingt mille").
std::string spell_whole(std::int64_t n) {
    struct Scale {
        std::int64_t value;
        const char* singular;
        const char* plural;
    };
    static constexpr Scale scales[] = {
        {1'000'000'000'000'000, "billiard", "billiards"},
        {1'000'000'000'000, "billion", "billions"},
        {1'000'000'000, "milliard", "milliards"},
        {1'000'000, "million", "millions"},
    };
    if (n == 0) return icu_spell(0);
    std::vector<std::string> parts;
    for (const Scale& scale : scales) {
        std::int64_t count = n / scale.value;
        if (count == 0) continue;
        parts.push_back(icu_spell(count) + " " + (count > 1 ? scale.plural : scale.singular));
        n %= scale.value;
    }
    if (n > 0) parts.push_back(icu_spell(n));
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty()) out += ' ';
        out += part;
    }
    return out;
}

/// An amount as shown in an error message: plain spaces, since messages go to terminals
/// and logs where a U+00A0 only gets in the way of searching.
std::string for_message(const Money& amount) {
    std::string out = amount.format();
    for (std::size_t at; (at = out.find(nbsp)) != std::string::npos;) out.replace(at, nbsp.size(), " ");
    return out;
}

}  // namespace

Money Money::euros(std::int64_t euros) {
    std::int64_t cents = 0;
    if (__builtin_mul_overflow(euros, 100, &cents) || cents == std::numeric_limits<std::int64_t>::min()) {
        throw MoneyError(config::format(config::tr("cannot make an amount of {} euros: out of range"),
                                        std::to_string(euros)));
    }
    return Money{cents};
}

Money Money::cents(std::int64_t cents) {
    if (cents == std::numeric_limits<std::int64_t>::min()) {
        throw MoneyError(config::format(config::tr("cannot make an amount of {} cents: out of range"),
                                        std::to_string(cents)));
    }
    return Money{cents};
}

namespace {

/// Whether `s` ends with a currency in letters after its number: "EUR", "euro", "euros" in any case.
bool names_a_currency(std::string_view s) {
    std::size_t letters = s.size();
    while (letters > 0 && std::isalpha(static_cast<unsigned char>(s[letters - 1]))) --letters;
    if (letters == s.size() || letters == 0) return false;
    std::string word(s.substr(letters));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return word == "eur" || word == "euro" || word == "euros";
}

}  // namespace

Money Money::parse(std::string_view text, std::string_view field) {
    std::string_view s = trim(text);
    if (s.empty()) parse_error(text, field, config::tr("empty"));
    if (s.ends_with("€")) s = trim(s.substr(0, s.size() - std::string_view("€").size()));
    // "300 000 EUR", "12 000 euros": a currency written in letters, which the error on its first
    // letter would call a misplaced space or not a number.
    if (names_a_currency(s))
        parse_error(text, field,
                    config::tr("write the currency as €, or leave it out (\"300 000\", \"300 000 €\")"));

    bool negative = false;
    if (s.starts_with("-") || s.starts_with("+")) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    } else if (s.starts_with("\u2212")) {
        negative = true;
        s.remove_prefix(3);
    }
    if (s.empty() || !is_digit(s.front())) parse_error(text, field, config::tr("not a number"));

    // Whole euros, possibly grouped by three; the accumulator holds cents from the start so
    // the same overflow check covers both parts.
    std::uint64_t units = 0;
    auto push_digit = [&](char c) {
        if (units > (static_cast<std::uint64_t>(max_cents) - (c - '0')) / 10) {
            parse_error(text, field, config::tr("too large (the limit is 92 233 720 368 547 758,07 €)"));
        }
        units = units * 10 + static_cast<std::uint64_t>(c - '0');
    };
    std::size_t i = 0;
    std::size_t group_length = 0;
    bool grouped = false;
    while (i < s.size()) {
        if (is_digit(s[i])) {
            push_digit(s[i]);
            ++group_length;
            ++i;
        } else if (std::size_t n = group_space_at(s, i)) {
            if ((grouped && group_length != 3) || group_length > 3) {
                parse_error(text, field, config::tr("digit groups must have three digits"));
            }
            grouped = true;
            group_length = 0;
            i += n;
            if (i == s.size() || !is_digit(s[i])) parse_error(text, field, config::tr("misplaced space"));
        } else {
            break;
        }
    }
    if (grouped && group_length != 3)
        parse_error(text, field, config::tr("digit groups must have three digits"));

    int decimals = 0;
    if (i < s.size() && (s[i] == ',' || s[i] == '.')) {
        const char separator = s[i];
        ++i;
        // Three digits after the separator, then the end or another separator: thousands grouped
        // the English or the German way ("12,000", "12.000,00", "1,234.56"), not cents.
        const bool thousands = i + 3 <= s.size() && is_digit(s[i]) && is_digit(s[i + 1]) &&
                               is_digit(s[i + 2]) &&
                               (i + 3 == s.size() || s[i + 3] == ',' || s[i + 3] == '.');
        if (thousands)
            parse_error(
                text, field,
                config::format(config::tr("\"{}\" cannot group thousands: group them with spaces and give "
                                          "the cents after a comma (\"12 000,50\", or \"12000.50\")"),
                               std::string(1, separator)));
        while (i < s.size() && is_digit(s[i])) {
            if (++decimals > 2) parse_error(text, field, config::tr("more than two decimal digits"));
            push_digit(s[i]);
            ++i;
        }
        if (decimals == 0) parse_error(text, field, config::tr("no digit after the decimal separator"));
    }
    if (i != s.size()) parse_error(text, field, config::tr("not a number"));
    for (; decimals < 2; ++decimals) push_digit('0');

    auto cents = static_cast<std::int64_t>(units);
    return Money{negative ? -cents : cents};
}

std::string Money::format_decimal() const {
    // |cents_| never overflows: the class invariant keeps INT64_MIN out.
    auto magnitude = static_cast<std::uint64_t>(cents_ < 0 ? -cents_ : cents_);
    std::string out = cents_ < 0 ? "-" : "";
    out += group_thousands(magnitude / 100);
    if (std::uint64_t rest = magnitude % 100) {
        out += ',';
        out += static_cast<char>('0' + rest / 10);
        out += static_cast<char>('0' + rest % 10);
    }
    return out;
}

std::string Money::format() const { return format_decimal() + std::string(nbsp) + "€"; }

std::string Money::spell_out() const {
    std::int64_t magnitude = cents_ < 0 ? -cents_ : cents_;
    std::int64_t euros = magnitude / 100;
    std::int64_t cents = magnitude % 100;

    std::string out = cents_ < 0 ? "moins " : "";
    if (euros > 0 || cents == 0) {
        out += spell_whole(euros);
        // "un million d'euros" but "un million deux cent mille euros": after a bare
        // million/milliard/... (nouns), the unit takes "de".
        if (euros >= 1'000'000 && euros % 1'000'000 == 0) {
            out += " d";
            out += apostrophe;
            out += "euros";
        } else {
            out += euros > 1 ? " euros" : " euro";
        }
        if (cents > 0) out += " et ";
    }
    if (cents > 0) {
        out += spell_whole(cents);
        out += cents > 1 ? " centimes" : " centime";
    }
    return out;
}

Money operator+(Money a, Money b) {
    std::int64_t sum = 0;
    if (__builtin_add_overflow(a.cents_, b.cents_, &sum) || sum == std::numeric_limits<std::int64_t>::min()) {
        throw MoneyError(config::format(config::tr("cannot add {} and {}: result out of range"),
                                        for_message(a), for_message(b)));
    }
    return Money{sum};
}

Money operator-(Money a, Money b) {
    std::int64_t difference = 0;
    if (__builtin_sub_overflow(a.cents_, b.cents_, &difference) ||
        difference == std::numeric_limits<std::int64_t>::min()) {
        throw MoneyError(config::format(config::tr("cannot subtract {} from {}: result out of range"),
                                        for_message(b), for_message(a)));
    }
    return Money{difference};
}

Money operator*(Money a, std::int64_t factor) {
    std::int64_t product = 0;
    if (__builtin_mul_overflow(a.cents_, factor, &product) ||
        product == std::numeric_limits<std::int64_t>::min()) {
        throw MoneyError(config::format(config::tr("cannot multiply {} by {}: result out of range"),
                                        for_message(a), std::to_string(factor)));
    }
    return Money{product};
}

/// Declared with the French grammar (conventio/french.hpp); defined here beside the ICU
/// spell-out it shares with amounts.
std::string spell_cardinal(long long n) {
    if (n < 0) throw std::invalid_argument("spell_cardinal: a negative number has no French cardinal here");
    return spell_whole(n);
}

}  // namespace conventio
