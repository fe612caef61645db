// Money: parsing, French display, spell-out and overflow, on the amounts of the seed agreements.
#include "conventio/money.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>

using conventio::Money;
using conventio::MoneyError;

// Written with the escapes so a reader sees which space is which.
#define NBSP "\u00a0"

namespace {

std::string parse_error_of(const std::string& text, std::string_view field = {}) {
    try {
        Money::parse(text, field);
    } catch (const MoneyError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("Money::parse accepts the ways amounts are written") {
    struct Case {
        const char* text;
        std::int64_t cents;
    };
    const Case cases[] = {
        {"112403.60", 11240360},
        {"112 403,60", 11240360},
        {"112" NBSP "403,60", 11240360},
        {"112\u202f403,60", 11240360},
        {"112403,6", 11240360},
        {"6000000", 600000000},
        {"6 000 000", 600000000},
        {"-5", -500},
        {"\u22125", -500},
        {"+5", 500},
        {"0", 0},
        {"-0", 0},
        {"0,01", 1},
        {"1,01", 101},
        {"2 414,60", 241460},
        {"487 372,52 €", 48737252},
        {"200 000€", 20000000},
        {"  1 600 000 " NBSP "€ ", 160000000},
        {"92233720368547758.07", std::numeric_limits<std::int64_t>::max()},
        {"-92233720368547758.07", -std::numeric_limits<std::int64_t>::max()},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(Money::parse(c.text).total_cents() == c.cents);
    }
}

TEST_CASE("Money::parse refuses malformed amounts with a message naming the field") {
    struct Case {
        const char* text;
        const char* message;
    };
    const Case cases[] = {
        {"1.234",
         "invalid amount \"1.234\" (field montant): \".\" cannot group thousands: group them with spaces and "
         "give the cents after a comma (\"12 000,50\", or \"12000.50\")"},
        {"1,234",
         "invalid amount \"1,234\" (field montant): \",\" cannot group thousands: group them with spaces and "
         "give the cents after a comma (\"12 000,50\", or \"12000.50\")"},
        {"abc", "invalid amount \"abc\" (field montant): not a number"},
        {"", "invalid amount \"\" (field montant): empty"},
        {"   ", "invalid amount \"   \" (field montant): empty"},
        {"12a", "invalid amount \"12a\" (field montant): not a number"},
        {"1.", "invalid amount \"1.\" (field montant): no digit after the decimal separator"},
        {",5", "invalid amount \",5\" (field montant): not a number"},
        {"1 00", "invalid amount \"1 00\" (field montant): digit groups must have three digits"},
        {"1234 567", "invalid amount \"1234 567\" (field montant): digit groups must have three digits"},
        {"1 000 00,5", "invalid amount \"1 000 00,5\" (field montant): digit groups must have three digits"},
        {"1  000", "invalid amount \"1  000\" (field montant): misplaced space"},
        {"1.000,00",
         "invalid amount \"1.000,00\" (field montant): \".\" cannot group thousands: group them with spaces "
         "and give the cents after a comma (\"12 000,50\", or \"12000.50\")"},
        {"--5", "invalid amount \"--5\" (field montant): not a number"},
        {"5-", "invalid amount \"5-\" (field montant): not a number"},
        {"92233720368547758.08",
         "invalid amount \"92233720368547758.08\" (field montant): too large (the limit is "
         "92 233 720 368 547 758,07 €)"},
        {"99999999999999999999",
         "invalid amount \"99999999999999999999\" (field montant): too large (the limit is "
         "92 233 720 368 547 758,07 €)"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(parse_error_of(c.text, "montant") == c.message);
    }
    CHECK(parse_error_of("1.2345") == "invalid amount \"1.2345\": more than two decimal digits");
    CHECK(parse_error_of("1,234.56").find("\",\" cannot group thousands") != std::string::npos);
    CHECK(parse_error_of("12,000").find("\",\" cannot group thousands") != std::string::npos);
    // A currency in letters is not a misplaced space nor "not a number".
    for (const char* text : {"300 000 EUR", "12 000 euros", "5 Euro"})
        CHECK(parse_error_of(text).find("write the currency as €, or leave it out") != std::string::npos);
    CHECK(parse_error_of("12 abc").find("misplaced space") != std::string::npos);
}

TEST_CASE("Money::format writes French amounts with non-breaking spaces") {
    struct Case {
        Money amount;
        const char* with_sign;
        const char* decimal;
    };
    const Case cases[] = {
        {Money::euros(6'000'000), "6" NBSP "000" NBSP "000" NBSP "€", "6" NBSP "000" NBSP "000"},
        {Money::cents(11'240'360), "112" NBSP "403,60" NBSP "€", "112" NBSP "403,60"},
        {Money{}, "0" NBSP "€", "0"},
        {Money::cents(241'460), "2" NBSP "414,60" NBSP "€", "2" NBSP "414,60"},
        {Money::euros(-5), "-5" NBSP "€", "-5"},
        {Money::cents(-1), "-0,01" NBSP "€", "-0,01"},
        {Money::cents(5), "0,05" NBSP "€", "0,05"},
        {Money::euros(999), "999" NBSP "€", "999"},
        {Money::euros(1000), "1" NBSP "000" NBSP "€", "1" NBSP "000"},
        {Money::euros(475'000), "475" NBSP "000" NBSP "€", "475" NBSP "000"},
        {Money::cents(std::numeric_limits<std::int64_t>::max()),
         "92" NBSP "233" NBSP "720" NBSP "368" NBSP "547" NBSP "758,07" NBSP "€",
         "92" NBSP "233" NBSP "720" NBSP "368" NBSP "547" NBSP "758,07"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.with_sign);
        CHECK(c.amount.format() == c.with_sign);
        CHECK(c.amount.format_decimal() == c.decimal);
    }
}

TEST_CASE("Money::spell_out follows French grammar for euro, d'euros and centimes") {
    struct Case {
        std::int64_t cents;
        const char* words;
    };
    const Case cases[] = {
        {0, "zéro euro"},
        {100, "un euro"},
        {200, "deux euros"},
        {8'000, "quatre-vingts euros"},
        {8'100, "quatre-vingt-un euros"},
        {10'000, "cent euros"},
        {20'000, "deux cents euros"},
        {20'100, "deux cent un euros"},
        {2'100, "vingt et un euros"},
        {7'100, "soixante et onze euros"},
        {2'100'000, "vingt et un mille euros"},
        {8'000'000, "quatre-vingt mille euros"},
        {20'000'000, "deux cent mille euros"},
        {47'500'000, "quatre cent soixante-quinze mille euros"},
        {100'000'000, "un million d'euros"},
        {200'000'000, "deux millions d'euros"},
        {600'000'000, "six millions d'euros"},
        {120'000'000, "un million deux cent mille euros"},
        {160'000'000, "un million six cent mille euros"},
        {100'000'100, "un million un euros"},
        {8'000'000'000, "quatre-vingts millions d'euros"},
        {20'000'000'000, "deux cents millions d'euros"},
        {20'100'000'000, "deux cent un millions d'euros"},
        {100'000'000'000, "un milliard d'euros"},
        {200'030'000'000, "deux milliards trois cent mille euros"},
        {241'460, "deux mille quatre cent quatorze euros et soixante centimes"},
        {48'978'712,
         "quatre cent quatre-vingt-neuf mille sept cent quatre-vingt-sept euros et douze centimes"},
        {101, "un euro et un centime"},
        {1, "un centime"},
        {80, "quatre-vingts centimes"},
        {100'000'001, "un million d'euros et un centime"},
        {-500, "moins cinq euros"},
        {-1, "moins un centime"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.cents);
        CHECK(Money::cents(c.cents).spell_out() == c.words);
    }
    CHECK(Money::cents(std::numeric_limits<std::int64_t>::max()).spell_out() ==
          "quatre-vingt-douze billiards deux cent trente-trois billions sept cent vingt milliards "
          "trois cent soixante-huit millions cinq cent quarante-sept mille sept cent "
          "cinquante-huit euros et sept centimes");
}

TEST_CASE("Money arithmetic is exact and overflow-checked") {
    const Money reported = Money::parse("112 403,60");
    const Money engaged = Money::euros(109'989);
    const Money carried = reported - engaged;
    CHECK(carried == Money::parse("2 414,60"));
    CHECK(carried + Money::parse("487 372,52") == Money::parse("489 787,12"));
    CHECK(Money::euros(400'000) * 2 + Money::euros(800'000) == Money::euros(1'600'000));
    CHECK(3 * Money::euros(7'500) == Money::euros(22'500));
    CHECK(-Money::euros(5) == Money::parse("-5"));
    CHECK(Money::parse("0.1") + Money::parse("0.2") == Money::parse("0.3"));

    Money total;
    total += Money::euros(10);
    total -= Money::cents(1);
    CHECK(total.total_cents() == 999);

    const Money max = Money::cents(std::numeric_limits<std::int64_t>::max());
    CHECK_THROWS_WITH_AS(max + Money::cents(1),
                         "cannot add 92 233 720 368 547 758,07 € and 0,01 €: result out of range",
                         MoneyError);
    CHECK_THROWS_WITH_AS(-max - Money::cents(1),
                         "cannot subtract 0,01 € from -92 233 720 368 547 758,07 €: result out of range",
                         MoneyError);
    CHECK_THROWS_AS(max * 2, MoneyError);
    CHECK_THROWS_AS(max * -1 * 2, MoneyError);
    CHECK((max * -1).total_cents() == -std::numeric_limits<std::int64_t>::max());
    CHECK_THROWS_WITH_AS(Money::euros(std::numeric_limits<std::int64_t>::max() / 10),
                         "cannot make an amount of 922337203685477580 euros: out of range", MoneyError);
    CHECK_THROWS_AS(Money::cents(std::numeric_limits<std::int64_t>::min()), MoneyError);
}

TEST_CASE("Money compares by value") {
    CHECK(Money::euros(5) == Money::cents(500));
    CHECK(Money::euros(5) != Money::cents(501));
    CHECK(Money::cents(-1) < Money{});
    CHECK(Money::euros(1'000'000) > Money::parse("999 999,99"));
    CHECK(Money::euros(2) <= Money::euros(2));
    CHECK((Money::euros(1) <=> Money::euros(2)) == std::strong_ordering::less);
    CHECK(Money{}.is_zero());
    CHECK(Money::euros(-1).is_negative());
}
