// Money: an exact amount of euros, stored as a whole number of cents, with French formatting.
//
// No floating point anywhere, parsing included: "0.1 + 0.2" has no place in a financial
// clause. Every operation that could leave the int64 range throws instead of wrapping.
#pragma once

#include <compare>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace conventio {

/// Thrown for an amount that cannot be parsed or an operation that would overflow.
/// Messages are lowercase and start with "invalid ..." or "cannot ...".
class MoneyError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// An immutable amount in euros, exact to the cent.
///
/// The range is symmetric: |cents| <= INT64_MAX (about 9.2 x 10^16 euros), so
/// negation never overflows.
class Money {
public:
    /// Zero euros.
    constexpr Money() = default;

    /// `euros` whole euros; throws MoneyError if that many cents do not fit.
    static Money euros(std::int64_t euros);

    /// `cents` cents (Money::cents(250) is 2,50 €); throws MoneyError for INT64_MIN.
    static Money cents(std::int64_t cents);

    /// Parses a decimal amount written the French or the programmer's way:
    /// "112403.60", "112 403,60", "112403,6", "6000000", "-5", "+5", "1 600 000 €".
    /// Thousands may be grouped by a space, U+00A0 or U+202F (then groups of exactly three
    /// digits); the decimal separator is ',' or '.', followed by one or two digits; a minus
    /// may be '-' or U+2212; a trailing "€" is allowed. Surrounding whitespace is ignored.
    /// Throws MoneyError naming `field` when given, e.g.
    /// `invalid amount "1.234" (field montant): more than two decimal digits`.
    static Money parse(std::string_view text, std::string_view field = {});

    /// The amount as a whole number of cents.
    [[nodiscard]] constexpr std::int64_t total_cents() const noexcept { return cents_; }
    [[nodiscard]] constexpr bool is_zero() const noexcept { return cents_ == 0; }
    [[nodiscard]] constexpr bool is_negative() const noexcept { return cents_ < 0; }

    /// French display with the euro sign: "6 000 000 €", "112 403,60 €", "0 €", "-5 €".
    /// Thousands are separated by U+00A0 and a U+00A0 precedes "€"; cents are shown (always
    /// two digits) only when the amount is not a whole number of euros.
    [[nodiscard]] std::string format() const;

    /// Same as format() without the euro sign: "6 000 000", "112 403,60".
    [[nodiscard]] std::string format_decimal() const;

    /// The amount in words, as in "la somme de ... (475 000 €)":
    /// "quatre cent soixante-quinze mille euros", "un euro", "zéro euro",
    /// "un million d'euros", "deux mille quatre cent quatorze euros et soixante centimes",
    /// "un centime", "moins cinq euros". Uses ICU's French spell-out rules, with the
    /// traditional spelling ("vingt et un", not ICU's "vingt-et-un") and "cents"/"vingts"
    /// agreed before million and milliard ("deux cents millions").
    [[nodiscard]] std::string spell_out() const;

    /// Unary minus.
    [[nodiscard]] Money operator-() const noexcept { return Money{-cents_}; }

    /// Overflow-checked arithmetic; throws MoneyError ("cannot add ...: result out of range").
    friend Money operator+(Money a, Money b);
    friend Money operator-(Money a, Money b);
    friend Money operator*(Money a, std::int64_t factor);
    friend Money operator*(std::int64_t factor, Money a) { return a * factor; }
    Money& operator+=(Money other) { return *this = *this + other; }
    Money& operator-=(Money other) { return *this = *this - other; }

    friend constexpr bool operator==(Money, Money) = default;
    friend constexpr std::strong_ordering operator<=>(Money, Money) = default;

private:
    constexpr explicit Money(std::int64_t cents) noexcept : cents_(cents) {}

    std::int64_t cents_ = 0;
};

}  // namespace conventio
