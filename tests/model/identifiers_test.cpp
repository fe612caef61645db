// Identifiers: every key printed in the seed agreements validates, and every one-digit change
// of each is caught.
#include "conventio/identifiers.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

using namespace conventio;

namespace {

/// Every variant of `value` with exactly one digit replaced by another digit.
std::vector<std::string> one_digit_changes(const std::string& value) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] < '0' || value[i] > '9') continue;
        for (char d = '0'; d <= '9'; ++d) {
            if (d == value[i]) continue;
            std::string changed = value;
            changed[i] = d;
            out.push_back(changed);
        }
    }
    return out;
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const IdentifierError& e) {
        return e.what();
    }
    return "(no error)";
}

// The keys of the seed agreements (/work/shared/seeds), with where they come from.
struct SeedKey {
    const char* where;
    const char* value;
};

const SeedKey seed_sirens[] = {
    {"003: ANCT, SIRENE 130 026 032", "130 026 032"},
    {"000: ANCT, SIREN of SIRET 13002603200016", "130026032"},
    {"003: Département de Seine-et-Marne, SIREN in the ACTES reference 077-227700010-...", "227700010"},
};

const SeedKey seed_sirets[] = {
    {"000: ANCT", "13002603200016"},
};

struct SeedRib {
    const char* where;
    const char* bank;
    const char* branch;
    const char* account;
    const char* key;
    const char* iban;
};

const SeedRib seed_ribs[] = {
    {"001 and 002: SCBCM services du Premier ministre", "30001", "00064", "00000092441", "40",
     "FR7630001000640000009244140"},
    {"002: Cerema (TP Lyon)", "10071", "69000", "00001004887", "50", "FR7610071690000000100488750"},
    {"001 and 003: ANCT (TP Lille)", "10071", "59000", "00001020148", "89", "FR7610071590000000102014889"},
    {"003: Département de Seine-et-Marne (Banque de France)", "30001", "00525", "C7700000000", "66",
     "FR573000100525C770000000066"},
};

}  // namespace

TEST_CASE("every SIREN and SIRET of the seeds validates; each one-digit change is caught") {
    for (const auto& key : seed_sirens) {
        CAPTURE(key.where);
        std::string siren = validate_siren(key.value, "siren");
        CHECK(siren.size() == 9);
        for (const auto& changed : one_digit_changes(siren)) {
            CAPTURE(changed);
            CHECK_THROWS_AS(validate_siren(changed, "siren"), IdentifierError);
        }
    }
    for (const auto& key : seed_sirets) {
        CAPTURE(key.where);
        CHECK(validate_siret(key.value, "siret") == key.value);
        for (const auto& changed : one_digit_changes(key.value)) {
            CAPTURE(changed);
            CHECK_THROWS_AS(validate_siret(changed, "siret"), IdentifierError);
        }
    }
}

TEST_CASE("SIREN and SIRET errors name the field and the reason") {
    struct Case {
        const char* input;
        const char* message;
    };
    const Case sirets[] = {
        {"13002603200017", "invalid SIRET 13002603200017 (field siret): Luhn check failed"},
        {"130 026 032 00017", "invalid SIRET 130 026 032 00017 (field siret): Luhn check failed"},
        {"1300260320001", "invalid SIRET 1300260320001 (field siret): expected 14 digits, got 13"},
        {"1300260320001A", "invalid SIRET 1300260320001A (field siret): only digits are allowed"},
        {"", "invalid SIRET (field siret): empty"},
        {"35600000000049",
         "invalid SIRET 35600000000049 (field siret): La Poste check failed (digit sum not a "
         "multiple of 5)"},
    };
    for (const auto& c : sirets) {
        CAPTURE(c.input);
        CHECK(error_of([&] { validate_siret(c.input, "siret"); }) == c.message);
    }
    CHECK(error_of([] { validate_siren("130026033", "siren"); }) ==
          "invalid SIREN 130026033 (field siren): Luhn check failed");
    CHECK(error_of([] { validate_siren("130026033"); }) == "invalid SIREN 130026033: Luhn check failed");
    CHECK(validate_siret(" 130\u00a0026\u00a0032\u202f00016 ") == "13002603200016");
}

TEST_CASE("La Poste SIRETs are checked by digit sum") {
    CHECK(validate_siret("35600000000048") == "35600000000048");  // head office, Luhn-valid
    // Digit sum 3+5+6+4+7 = 25, a multiple of 5, though not Luhn-valid.
    CHECK(validate_siret("35600000000047") == "35600000000047");
    CHECK_THROWS_AS(validate_siret("35600000000046"), IdentifierError);
    // The special rule is for La Poste only.
    CHECK_THROWS_AS(validate_siret("35600000100047"), IdentifierError);
}

TEST_CASE("every RIB of the seeds validates and gives the IBAN; each one-digit change is caught") {
    for (const auto& r : seed_ribs) {
        CAPTURE(r.where);
        CHECK(rib_key(r.bank, r.branch, r.account) == r.key);
        Rib rib = validate_rib(r.bank, r.branch, r.account, r.key, "rib");
        CHECK(rib == Rib{r.bank, r.branch, r.account, r.key});
        CHECK(iban_from_rib(rib) == r.iban);
        CHECK(validate_iban(r.iban, "iban") == r.iban);
        CHECK(rib_from_iban(r.iban) == rib);
        CHECK(parse_rib(std::string(r.bank) + " " + r.branch + " " + r.account + " " + r.key) == rib);

        const std::string whole = std::string(r.bank) + r.branch + r.account + r.key;
        for (const auto& changed : one_digit_changes(whole)) {
            CAPTURE(changed);
            CHECK_THROWS_AS(parse_rib(changed, "rib"), IdentifierError);
        }
        for (const auto& changed : one_digit_changes(r.iban)) {
            CAPTURE(changed);
            CHECK_THROWS_AS(validate_iban(changed, "iban"), IdentifierError);
        }
    }
}

TEST_CASE("the IBAN and BIC of the Département de Seine-et-Marne (seed 003)") {
    CHECK(validate_iban("FR57 3000 1005 25C7 7000 0000 066", "iban") == "FR573000100525C770000000066");
    CHECK(validate_iban("fr57 3000 1005 25c7 7000 0000 066") == "FR573000100525C770000000066");
    CHECK(format_iban("FR573000100525C770000000066", " ") == "FR57 3000 1005 25C7 7000 0000 066");
    CHECK(format_iban("FR573000100525C770000000066") ==
          "FR57\u00a03000\u00a01005\u00a025C7\u00a07000\u00a00000\u00a0066");
    CHECK(validate_bic("BDFEFRPPCCT", "bic") == "BDFEFRPPCCT");
    Rib rib = parse_rib("30001 00525 C7700000000 66");
    CHECK(iban_from_rib(rib, "FR57 3000 1005 25C7 7000 0000 066", "iban") == "FR573000100525C770000000066");
}

TEST_CASE("RIB errors") {
    struct Case {
        const char* bank;
        const char* branch;
        const char* account;
        const char* key;
        const char* message;
    };
    const Case cases[] = {
        {"30001", "00064", "00000092441", "41",
         "invalid RIB 30001 00064 00000092441 41 (field rib_dinum): key 41 does not match (expected "
         "40)"},
        {"3000", "00064", "00000092441", "40",
         "invalid RIB bank code 3000 (field rib_dinum): expected 5 digits"},
        {"30001", "0006A", "00000092441", "40",
         "invalid RIB branch code 0006A (field rib_dinum): expected 5 digits"},
        {"30001", "00064", "0000009244", "40",
         "invalid RIB account number 0000009244 (field rib_dinum): expected 11 digits or letters"},
        {"30001", "00064", "00000092441", "4", "invalid RIB key 4 (field rib_dinum): expected 2 digits"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.message);
        CHECK(error_of([&] { validate_rib(c.bank, c.branch, c.account, c.key, "rib_dinum"); }) == c.message);
    }
    CHECK(error_of([] { parse_rib("30001 00064 00000092441", "rib"); }) ==
          "invalid RIB 30001 00064 00000092441 (field rib): expected 23 characters (5 + 5 + 11 + 2)");
    // Letters in the account number use the banking table: C counts as 3.
    CHECK(rib_key("30001", "00525", "C7700000000") == rib_key("30001", "00525", "37700000000"));
    CHECK(rib_key("30001", "00525", "c7700000000") == "66");
}

TEST_CASE("IBAN errors") {
    struct Case {
        const char* input;
        const char* message;
    };
    const Case cases[] = {
        {"FR76 3000 1000 6400 0000 9244 141",
         "invalid IBAN FR76 3000 1000 6400 0000 9244 141 (field iban): check digits do not match (mod "
         "97)"},
        {"FR76 3000 1000 6400 0000 9244 14",
         "invalid IBAN FR76 3000 1000 6400 0000 9244 14 (field iban): expected 27 characters for FR, "
         "got 26"},
        {"FR76-3000", "invalid IBAN FR76-3000 (field iban): only letters and digits are allowed"},
        {"FR76", "invalid IBAN FR76 (field iban): expected 15 to 34 characters, got 4"},
        {"7630001000640000009244140",
         "invalid IBAN 7630001000640000009244140 (field iban): must start with a country code"},
        {"FRAB30001000640000009244140",
         "invalid IBAN FRAB30001000640000009244140 (field iban): check digits must be digits"},
        {"", "invalid IBAN (field iban): empty"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(error_of([&] { validate_iban(c.input, "iban"); }) == c.message);
    }
    // Not French: only the generic checks apply (a German IBAN from the ISO 13616 examples).
    CHECK(validate_iban("DE89 3704 0044 0532 0130 00") == "DE89370400440532013000");
    CHECK_THROWS_AS(validate_iban("DE89 3704 0044 0532 0130 01"), IdentifierError);
    CHECK(error_of([] { rib_from_iban("DE89370400440532013000", "iban"); }) ==
          "invalid IBAN DE89370400440532013000 (field iban): not a French account, it has no RIB");
}

TEST_CASE("an IBAN given with a RIB must be the RIB's") {
    Rib scbcm = validate_rib("30001", "00064", "00000092441", "40");
    CHECK(iban_from_rib(scbcm, "FR76 3000 1000 6400 0000 9244 140") == "FR7630001000640000009244140");
    // A valid IBAN, but of another account (the Cerema's).
    CHECK(error_of([&] { iban_from_rib(scbcm, "FR7610071690000000100488750", "iban"); }) ==
          "invalid IBAN FR7610071690000000100488750 (field iban): does not match the RIB 30001 00064 "
          "00000092441 40 (its IBAN is FR76 3000 1000 6400 0000 9244 140)");
    // An invalid RIB is refused before any IBAN is built.
    CHECK_THROWS_AS(iban_from_rib(Rib{"30001", "00064", "00000092441", "41"}), IdentifierError);
}

TEST_CASE("BIC") {
    struct Case {
        const char* input;
        const char* result;  // nullptr: refused
    };
    const Case cases[] = {
        {"BDFEFRPPCCT", "BDFEFRPPCCT"},    {"BDFEFRPP", "BDFEFRPP"},
        {"bdfe fr pp cct", "BDFEFRPPCCT"}, {"TRPUFRP1", "TRPUFRP1"},
        {"BDFEFRPPCC", nullptr},           {"BDFEFRP", nullptr},
        {"BDF1FRPPCCT", nullptr},          {"BDFEF1PPCCT", nullptr},
        {"BDFEFRP-CCT", nullptr},          {"", nullptr},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        if (c.result) {
            CHECK(validate_bic(c.input, "bic") == c.result);
        } else {
            CHECK_THROWS_AS(validate_bic(c.input, "bic"), IdentifierError);
        }
    }
    CHECK(error_of([] { validate_bic("BDFEFRPPCC", "bic"); }) ==
          "invalid BIC BDFEFRPPCC (field bic): expected 8 or 11 characters, got 10");
    CHECK(error_of([] { validate_bic("BDF1FRPPCCT", "bic"); }) ==
          "invalid BIC BDF1FRPPCCT (field bic): the bank code (4 first characters) must be letters");
}

TEST_CASE("SIREN and SIRET formatting") {
    CHECK(format_siren("130026032", " ") == "130 026 032");
    CHECK(format_siret("13002603200016", " ") == "130 026 032 00016");
    CHECK(format_siret("13002603200016") == "130\u00a0026\u00a0032\u00a000016");
}
