// Identifiers: SIREN/SIRET (Luhn), RIB (clé RIB), IBAN (ISO 13616 mod 97), BIC (ISO 9362).
#include "conventio/identifiers.hpp"

#include <cstdint>

#include "config/i18n.hpp"
#include "model/messages.hpp"

namespace conventio {
namespace {

using config::format;
using config::tr;

constexpr std::string_view nbsp = "\u00a0";
constexpr std::string_view narrow_nbsp = "\u202f";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

[[noreturn]] void fail(std::string_view kind, std::string_view text, std::string_view field,
                       std::string_view why) {
    std::string what = std::string(kind);
    if (!text.empty()) what += " " + detail::shown(text);
    throw IdentifierError(format(tr("invalid {}{}: {}"), what, detail::field_suffix(field), why));
}

std::string_view trim(std::string_view s) {
    auto space_prefix = [](std::string_view t) -> std::size_t {
        if (t.starts_with(' ') || t.starts_with('\t') || t.starts_with('\n') || t.starts_with('\r')) {
            return 1;
        }
        if (t.starts_with(nbsp)) return nbsp.size();
        if (t.starts_with(narrow_nbsp)) return narrow_nbsp.size();
        return 0;
    };
    auto space_suffix = [](std::string_view t) -> std::size_t {
        if (t.ends_with(' ') || t.ends_with('\t') || t.ends_with('\n') || t.ends_with('\r')) return 1;
        if (t.ends_with(nbsp)) return nbsp.size();
        if (t.ends_with(narrow_nbsp)) return narrow_nbsp.size();
        return 0;
    };
    while (std::size_t n = space_prefix(s)) s.remove_prefix(n);
    while (std::size_t n = space_suffix(s)) s.remove_suffix(n);
    return s;
}

/// `text` without spaces (ordinary, U+00A0, U+202F), letters in upper case. Any other
/// byte is kept so the checks below can report it.
std::string compact(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == ' ' || text[i] == '\t') {
            ++i;
        } else if (text.substr(i, nbsp.size()) == nbsp) {
            i += nbsp.size();
        } else if (text.substr(i, narrow_nbsp.size()) == narrow_nbsp) {
            i += narrow_nbsp.size();
        } else {
            char c = text[i++];
            out += is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
        }
    }
    return out;
}

bool all_digits(std::string_view s) {
    for (char c : s) {
        if (!is_digit(c)) return false;
    }
    return true;
}

bool all_alnum(std::string_view s) {
    for (char c : s) {
        if (!is_digit(c) && !is_upper(c)) return false;
    }
    return true;
}

bool all_letters(std::string_view s) {
    for (char c : s) {
        if (!is_upper(c)) return false;
    }
    return true;
}

/// Luhn: from the right, every second digit doubled (minus 9 when above 9); valid if the
/// sum is a multiple of 10.
bool luhn_ok(std::string_view digits) {
    int sum = 0;
    bool doubled = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (doubled) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

std::string expect_digits(std::string_view kind, std::string_view text, std::string_view field,
                          std::size_t length) {
    std::string value = compact(text);
    if (value.empty()) fail(kind, trim(text), field, tr("empty"));
    if (!all_digits(value)) fail(kind, trim(text), field, tr("only digits are allowed"));
    if (value.size() != length) {
        fail(kind, trim(text), field,
             format(tr("expected {} digits, got {}"), std::to_string(length), std::to_string(value.size())));
    }
    return value;
}

/// Digit value of a RIB account character: digits as they are, letters by the banking
/// table A,J->1 B,K,S->2 C,L,T->3 D,M,U->4 E,N,V->5 F,O,W->6 G,P,X->7 H,Q,Y->8 I,R,Z->9.
int rib_digit(char c) {
    if (is_digit(c)) return c - '0';
    int index = c - 'A';
    if (c >= 'S') ++index;  // the table skips one value between R (9) and S (2)
    return index % 9 + 1;
}

/// ISO 7064 mod 97-10 remainder of an IBAN string already rotated (letters A=10 ... Z=35),
/// computed piecewise so no big integer is needed.
int mod97(std::string_view s) {
    int remainder = 0;
    for (char c : s) {
        if (is_digit(c)) {
            remainder = (remainder * 10 + (c - '0')) % 97;
        } else {
            remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
        }
    }
    return remainder;
}

bool is_french_format_country(std::string_view country) {
    // France and the territories whose IBAN is a French RIB (ECBS IBAN registry), plus Monaco.
    static constexpr std::string_view codes[] = {"FR", "GF", "GP", "MQ", "RE", "YT", "NC",
                                                 "PF", "PM", "TF", "WF", "BL", "MF", "MC"};
    for (auto code : codes) {
        if (code == country) return true;
    }
    return false;
}

std::string two_digits(int n) { return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)}; }

/// The RIB parts of a compact 23-character BBAN, shape-checked but without the key check.
Rib split_bban(std::string_view bban) {
    return Rib{std::string(bban.substr(0, 5)), std::string(bban.substr(5, 5)),
               std::string(bban.substr(10, 11)), std::string(bban.substr(21, 2))};
}

}  // namespace

std::string validate_siren(std::string_view text, std::string_view field) {
    std::string siren = expect_digits(tr("SIREN"), text, field, 9);
    if (!luhn_ok(siren)) fail(tr("SIREN"), trim(text), field, tr("Luhn check failed"));
    return siren;
}

std::string validate_siret(std::string_view text, std::string_view field) {
    std::string siret = expect_digits(tr("SIRET"), text, field, 14);
    if (luhn_ok(siret)) return siret;
    // La Poste numbers its establishments beyond what Luhn allows; INSEE validates them by
    // digit sum instead (its head office, 35600000000048, passes Luhn as usual).
    if (siret.starts_with("356000000")) {
        int sum = 0;
        for (char c : siret) sum += c - '0';
        if (sum % 5 == 0) return siret;
        fail(tr("SIRET"), trim(text), field, tr("La Poste check failed (digit sum not a multiple of 5)"));
    }
    fail(tr("SIRET"), trim(text), field, tr("Luhn check failed"));
}

std::string rib_key(std::string_view bank_code, std::string_view branch_code, std::string_view account_number,
                    std::string_view field) {
    std::string bank = compact(bank_code);
    std::string branch = compact(branch_code);
    std::string account = compact(account_number);
    if (bank.size() != 5 || !all_digits(bank)) {
        fail(tr("RIB bank code"), trim(bank_code), field, tr("expected 5 digits"));
    }
    if (branch.size() != 5 || !all_digits(branch)) {
        fail(tr("RIB branch code"), trim(branch_code), field, tr("expected 5 digits"));
    }
    if (account.size() != 11 || !all_alnum(account)) {
        fail(tr("RIB account number"), trim(account_number), field, tr("expected 11 digits or letters"));
    }
    std::int64_t account_value = 0;
    for (char c : account) account_value = account_value * 10 + rib_digit(c);
    std::int64_t sum = 89 * std::stoll(bank) + 15 * std::stoll(branch) + 3 * account_value;
    return two_digits(static_cast<int>(97 - sum % 97));
}

Rib validate_rib(std::string_view bank_code, std::string_view branch_code, std::string_view account_number,
                 std::string_view key, std::string_view field) {
    std::string expected = rib_key(bank_code, branch_code, account_number, field);
    std::string given = compact(key);
    if (given.size() != 2 || !all_digits(given))
        fail(tr("RIB key"), trim(key), field, tr("expected 2 digits"));
    Rib rib{compact(bank_code), compact(branch_code), compact(account_number), given};
    if (given != expected) {
        fail(tr("RIB"), rib.bank_code + " " + rib.branch_code + " " + rib.account_number + " " + rib.key,
             field, format(tr("key {} does not match (expected {})"), given, expected));
    }
    return rib;
}

Rib parse_rib(std::string_view text, std::string_view field) {
    std::string value = compact(text);
    if (value.empty()) fail(tr("RIB"), trim(text), field, tr("empty"));
    if (value.size() != 23 || !all_alnum(value)) {
        fail(tr("RIB"), trim(text), field, tr("expected 23 characters (5 + 5 + 11 + 2)"));
    }
    Rib parts = split_bban(value);
    return validate_rib(parts.bank_code, parts.branch_code, parts.account_number, parts.key, field);
}

std::string validate_iban(std::string_view text, std::string_view field) {
    std::string iban = compact(text);
    auto shown = trim(text);
    if (iban.empty()) fail(tr("IBAN"), shown, field, tr("empty"));
    if (!all_alnum(iban)) fail(tr("IBAN"), shown, field, tr("only letters and digits are allowed"));
    if (iban.size() < 15 || iban.size() > 34) {
        fail(tr("IBAN"), shown, field,
             format(tr("expected 15 to 34 characters, got {}"), std::to_string(iban.size())));
    }
    if (!all_letters(iban.substr(0, 2))) fail(tr("IBAN"), shown, field, tr("must start with a country code"));
    if (!all_digits(iban.substr(2, 2))) fail(tr("IBAN"), shown, field, tr("check digits must be digits"));
    std::string country = iban.substr(0, 2);
    if (is_french_format_country(country)) {
        if (iban.size() != 27) {
            fail(tr("IBAN"), shown, field,
                 format(tr("expected 27 characters for {}, got {}"), country, std::to_string(iban.size())));
        }
        std::string_view bban = std::string_view(iban).substr(4);
        if (!all_digits(bban.substr(0, 10)) || !all_digits(bban.substr(21, 2))) {
            fail(tr("IBAN"), shown, field, tr("not a French bank account (bank and branch codes, key)"));
        }
    }
    if (mod97(iban.substr(4) + iban.substr(0, 4)) != 1) {
        fail(tr("IBAN"), shown, field, tr("check digits do not match (mod 97)"));
    }
    if (is_french_format_country(country)) {
        // The mod 97 check misses some errors a second key catches; a real French IBAN
        // always carries a valid clé RIB.
        Rib rib = split_bban(std::string_view(iban).substr(4));
        if (rib_key(rib.bank_code, rib.branch_code, rib.account_number, field) != rib.key) {
            fail(tr("IBAN"), shown, field, tr("the RIB key inside does not match"));
        }
    }
    return iban;
}

std::string iban_from_rib(const Rib& rib, std::string_view given, std::string_view field) {
    Rib checked = validate_rib(rib.bank_code, rib.branch_code, rib.account_number, rib.key, field);
    std::string bban = checked.bank_code + checked.branch_code + checked.account_number + checked.key;
    std::string iban = "FR" + two_digits(98 - mod97(bban + "FR00")) + bban;
    if (!given.empty()) {
        std::string normalised = validate_iban(given, field);
        if (normalised != iban) {
            fail(tr("IBAN"), trim(given), field,
                 format(tr("does not match the RIB {} (its IBAN is {})"),
                        checked.bank_code + " " + checked.branch_code + " " + checked.account_number + " " +
                            checked.key,
                        format_iban(iban, " ")));
        }
    }
    return iban;
}

Rib rib_from_iban(std::string_view iban, std::string_view field) {
    std::string normalised = validate_iban(iban, field);
    if (!is_french_format_country(normalised.substr(0, 2))) {
        fail(tr("IBAN"), trim(iban), field, tr("not a French account, it has no RIB"));
    }
    return split_bban(std::string_view(normalised).substr(4));
}

std::string validate_bic(std::string_view text, std::string_view field) {
    std::string bic = compact(text);
    auto shown = trim(text);
    if (bic.empty()) fail(tr("BIC"), shown, field, tr("empty"));
    if (bic.size() != 8 && bic.size() != 11) {
        fail(tr("BIC"), shown, field,
             format(tr("expected 8 or 11 characters, got {}"), std::to_string(bic.size())));
    }
    if (!all_letters(bic.substr(0, 4))) {
        fail(tr("BIC"), shown, field, tr("the bank code (4 first characters) must be letters"));
    }
    if (!all_letters(bic.substr(4, 2))) {
        fail(tr("BIC"), shown, field, tr("the country code (characters 5-6) must be letters"));
    }
    if (!all_alnum(bic.substr(6))) {
        fail(tr("BIC"), shown, field, tr("location and branch must be letters or digits"));
    }
    return bic;
}

std::string format_iban(std::string_view iban, std::string_view separator) {
    std::string value = compact(iban);
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (i > 0 && i % 4 == 0) out += separator;
        out += value[i];
    }
    return out;
}

std::string format_siren(std::string_view siren, std::string_view separator) {
    std::string value = compact(siren);
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (i > 0 && i % 3 == 0 && i < 9) out += separator;
        out += value[i];
    }
    return out;
}

std::string format_siret(std::string_view siret, std::string_view separator) {
    std::string value = compact(siret);
    if (value.size() <= 9) return format_siren(value, separator);
    return format_siren(value.substr(0, 9), separator) + std::string(separator) + value.substr(9);
}

}  // namespace conventio
