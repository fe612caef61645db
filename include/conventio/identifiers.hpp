// Identifiers printed in agreements: SIREN, SIRET, RIB, IBAN, BIC.
//
// Each validate_* function returns the normalised value (spaces removed, letters in upper
// case) or throws IdentifierError, so a mistyped key never reaches a signed document.
// `field` names where the value came from (a script field, a CSV column) and is quoted in
// the message: "invalid SIRET 13002603200017 (field siret): Luhn check failed".
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace conventio {

/// Thrown for an identifier that is malformed or whose check digits do not match.
class IdentifierError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

/// A French bank account in the RIB form (relevé d'identité bancaire), normalised:
/// digits, and upper-case letters in the account number.
struct Rib {
    std::string bank_code;       ///< code banque, 5 digits
    std::string branch_code;     ///< code guichet, 5 digits
    std::string account_number;  ///< numéro de compte, 11 digits or letters
    std::string key;             ///< clé RIB, 2 digits

    friend bool operator==(const Rib&, const Rib&) = default;
};

/// A SIREN (9 digits, Luhn key). Spaces (ordinary or non-breaking) are allowed:
/// "130 026 032" -> "130026032".
std::string validate_siren(std::string_view text, std::string_view field = {});

/// A SIRET (14 digits: SIREN + NIC, Luhn key over all 14). La Poste's establishments
/// (SIREN 356000000) use another rule, digit sum a multiple of 5, and are accepted by it.
std::string validate_siret(std::string_view text, std::string_view field = {});

/// The clé RIB of the three codes: 97 - ((89 * bank + 15 * branch + 3 * account) mod 97),
/// letters in the account converted the standard way (A, J -> 1; B, K, S -> 2; ...).
/// Throws IdentifierError if a code has the wrong length or characters.
std::string rib_key(std::string_view bank_code, std::string_view branch_code, std::string_view account_number,
                    std::string_view field = {});

/// A RIB given as its four parts (spaces allowed in each); checks lengths and the key.
Rib validate_rib(std::string_view bank_code, std::string_view branch_code, std::string_view account_number,
                 std::string_view key, std::string_view field = {});

/// A RIB written on one line, "30001 00525 C7700000000 66" or without spaces (23 characters).
Rib parse_rib(std::string_view text, std::string_view field = {});

/// An IBAN (spaces allowed, letters in any case): country, 2 check digits, mod 97 == 1.
/// French IBANs (FR and the overseas codes that share the French format) must have 27
/// characters and their embedded RIB key must check too. Returns it without spaces.
std::string validate_iban(std::string_view text, std::string_view field = {});

/// The French IBAN of `rib` ("FR76 3000 1000 6400 0000 9244 140" without spaces).
/// When `given` is not empty it is validated and must be that IBAN, so an agreement that
/// prints both never shows two different accounts.
std::string iban_from_rib(const Rib& rib, std::string_view given = {}, std::string_view field = {});

/// The RIB inside a French IBAN; throws IdentifierError for an invalid or non-French IBAN.
Rib rib_from_iban(std::string_view iban, std::string_view field = {});

/// A BIC (SWIFT code): 4 letters (bank), 2 letters (country), 2 letters or digits
/// (location), optionally 3 letters or digits (branch). Returns it without spaces, in
/// upper case.
std::string validate_bic(std::string_view text, std::string_view field = {});

/// An IBAN in groups of four as printed on a RIB: "FR57 3000 1005 25C7 7000 0000 066".
/// Spaces in the input are ignored; `separator` defaults to U+00A0 so a line never breaks
/// inside the number. No validation: call validate_iban first.
std::string format_iban(std::string_view iban, std::string_view separator = "\u00a0");

/// A SIREN "130 026 032" or SIRET "130 026 032 00016" in the usual groups (U+00A0 by default).
/// No validation.
std::string format_siren(std::string_view siren, std::string_view separator = "\u00a0");
std::string format_siret(std::string_view siret, std::string_view separator = "\u00a0");

}  // namespace conventio
