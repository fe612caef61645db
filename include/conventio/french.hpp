// French grammar and typography every clause needs: articles and agreement for the names of
// the parties, non-breaking spaces, dates written out, ordinals.
//
// All text is UTF-8. The model decides the words; writers only lay them out, so the
// non-breaking spaces produced here (U+00A0, U+202F) are kept as characters.
#pragma once

#include <compare>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace conventio {

/// The apostrophe of elided forms ("l'ANCT", "d'euros"). The agreements we reproduce use
/// the ASCII apostrophe; this is the one place to change for U+2019.
inline constexpr std::string_view apostrophe = "'";

enum class Gender { masculine, feminine };
enum class GrammaticalNumber { singular, plural };

/// Whether "le"/"la"/"de" elide before a name.
/// `automatic` decides from the first letter: a vowel (accented or not) elides, "h" elides
/// unless the word is one of the known aspirated ones ("hameau", "handicap", "Hauts-de-France",
/// "Havre", ...), an acronym in capitals starting with H does not ("la HAS"), "y" elides
/// only before a consonant ("l'Yser", "l'Yonne" but "le yaourt"), and "onze", "oui" do
/// not elide.
/// `always`/`never` override this, e.g. for an acronym read as letters or a name read
/// some other way than it is spelled.
enum class Elision { automatic, always, never };

/// Thrown for an invalid grammatical value (an empty name, a date that does not exist, ...).
class FrenchError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

/// How a party (or any noun) is referred to in running text: "le Cerema", "de la DINUM",
/// "à l'ANCT", "aux collectivités", "de Seine-et-Marne".
class NounPhrase {
public:
    /// `name` is the bare noun as written ("Cerema", "collectivités", "Orléans");
    /// `definite_article` false for names used without article (place names such as
    /// "Seine-et-Marne", "Orléans"). Throws FrenchError for an empty name.
    explicit NounPhrase(std::string name, Gender gender = Gender::masculine,
                        GrammaticalNumber number = GrammaticalNumber::singular, bool definite_article = true,
                        Elision elision = Elision::automatic);

    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    [[nodiscard]] Gender gender() const noexcept { return gender_; }
    [[nodiscard]] GrammaticalNumber number() const noexcept { return number_; }
    [[nodiscard]] bool has_article() const noexcept { return definite_article_; }
    [[nodiscard]] Elision elision() const noexcept { return elision_; }

    /// Whether a preceding "le", "la" or "de" becomes "l'" or "d'" (after the override).
    [[nodiscard]] bool elides() const;

    /// With the definite article: "le Cerema", "la DINUM", "l'ANCT", "les collectivités";
    /// without: the bare name.
    [[nodiscard]] std::string le() const;
    /// le() with a capital, for the start of a sentence: "Le Cerema", "L'ANCT".
    [[nodiscard]] std::string Le() const;

    /// "du Cerema", "de la DINUM", "de l'ANCT", "des collectivités";
    /// without article: "de Seine-et-Marne", "d'Orléans".
    [[nodiscard]] std::string de() const;
    /// de() with a capital: "Du Cerema", "D'Orléans".
    [[nodiscard]] std::string De() const;

    /// "au Cerema", "à la DINUM", "à l'ANCT", "aux collectivités"; without article:
    /// "à Orléans".
    [[nodiscard]] std::string a() const;
    /// a() with a capital: "Au Cerema", "À la DINUM".
    [[nodiscard]] std::string A() const;

    /// Picks the form agreeing in gender: agree("dénommé", "dénommée"). The number is
    /// ignored; use the four-form overload for a noun that may be plural.
    [[nodiscard]] std::string agree(std::string_view masculine, std::string_view feminine) const;

    /// Picks the form agreeing in gender and number:
    /// agree("représenté", "représentée", "représentés", "représentées").
    [[nodiscard]] std::string agree(std::string_view masculine, std::string_view feminine,
                                    std::string_view masculine_plural,
                                    std::string_view feminine_plural) const;

    friend bool operator==(const NounPhrase&, const NounPhrase&) = default;

private:
    std::string name_;
    Gender gender_;
    GrammaticalNumber number_;
    bool definite_article_;
    Elision elision_;
};

/// Whether `word` elides a preceding "le"/"la"/"de" by the rules of Elision::automatic.
[[nodiscard]] bool starts_with_vowel_sound(std::string_view word);

/// `text` with its first letter in upper case ("à la DINUM" -> "À la DINUM").
[[nodiscard]] std::string capitalize(std::string_view text);

/// French quotation marks with U+202F inside: guillemets("ANCT") -> "« ANCT »".
/// Ordinary spaces at either end of `text` are dropped.
[[nodiscard]] std::string guillemets(std::string_view text);

/// French spacing of punctuation: before ":" a U+00A0, before ";", "!", "?" and "»" (and
/// after "«") a U+202F, replacing ordinary spaces or inserted when missing; "n° 1"/"n°1"
/// -> "n° 1" with U+00A0; "20 %", "6 000 000 €" get a U+00A0 before the unit.
/// Left alone: anything inside a URL or e-mail address ("https://x.fr/?a=1",
/// "mailto:"), times and ratios between digits ("14:30"), and the second of two
/// punctuation marks ("?!").
[[nodiscard]] std::string french_spacing(std::string_view text);

/// `utf8` in Unicode's composed form (NFC): « é » as one code point, as French keyboards type
/// it, whichever form a file exported on another system wrote (a decomposed « e » and accent
/// looks the same and is other bytes). Text that is not UTF-8 comes back as it is.
[[nodiscard]] std::string composed(std::string_view utf8);

/// `utf8` composed and case-folded (Unicode's simple folding): equal for two names a
/// case-insensitive file system takes for one file, « Œuvre » and « œuvre », « ÉTÉ » and
/// « été ». Text that is not UTF-8 comes back lower-cased in ASCII only.
[[nodiscard]] std::string case_folded(std::string_view utf8);

/// An ordinal as digits with its French suffix: (1, masculine) -> "1er",
/// (1, feminine) -> "1re", (2, either) -> "2e". Throws FrenchError for n < 1.
/// The suffix is plain text: ordinal_suffixes finds it wherever it is printed.
[[nodiscard]] std::string ordinal(int n, Gender gender = Gender::masculine);

/// A stretch of a UTF-8 text: bytes [begin, end).
struct ByteRange {
    std::size_t begin;
    std::size_t end;
    friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

/// The letters of `text` French typography sets in superscript (Imprimerie nationale's rules),
/// in the order of the text:
/// - the suffixes of ordinals written with digits: « 1er », « 1re », « 1ers », « 1res », « 2e »,
///   « 2es » (the « er » of « le 1er janvier », of « l'article 1er »; both of « du 2e-3e »), and
///   second's after « 2 »: « 2d », « 2de », « 2nd », « 2nde », « 2ds », « 2des », « 2nds »,
///   « 2ndes ». Only as a word of its own: not « A1e », « 1e5 », « #1e1e1e », an identifier or
///   number joined to what precedes (« lot A-2e », « 3.2e », « 12/3e »), an exponent (« 3e-2 »);
/// - the suffixes of ordinals in roman numerals: « XIXe siècle », « XXIe », « Ve République »,
///   « IIe », « Titre Ier », « Ire partie », « XIXe-XXe ». So that no word reads as one: a
///   numeral of the capitals I, V, X, L, C in its usual form from 1 to 399 (not « IIII »; D and
///   M are left out, or « De », « Me », « Mme » would be numerals); « L » and « C » alone take no
///   suffix (« Le », « Ce », « Les », « Ces »); « I » alone takes « er », « re », « ers », « res »,
///   the others « e », « es », in lower case (« CIE », « VIE », « XIE » in capitals are words);
///   starting the text or after white space, an opening bracket or quotation mark (« ( [ “ ' " »),
///   the apostrophe of an elided word (« l'IIe », « d’Ier », « qu'Ire »: l d j n s c alone or a
///   word ending in « qu »), or a dash (« XIXe–XXe »); not inside a word (« aXIXe ») nor an
///   identifier (« A-IIe », « A‑IIe », « lot_IIe »). What stays read as a numeral: « Xe »
///   (xenon's symbol) and « Ire » (ire, at a sentence's start);
/// - both kinds end the same way: at the end, white space or punctuation (« le 1er. », « IIe) »),
///   not a letter, a digit or an accent (« XIXeme », « 1erement »), nor « _ . / , » or a hyphen
///   joining them to a word (« 2e.pdf », « IIe.pdf », « IIe_b », « 2e-A »); the hyphens are the
///   ASCII one, U+2010 and U+2011. A hyphen, a comma or a slash between two ordinals joins a range
///   or a list (« 2e-3e », « XIXe‑XXe », « XIXe,XXe », « 2e/3e »);
/// - nothing inside a URL or an e-mail address; a decomposed accent after a suffix (« 1e » and
///   U+0300) goes on with the word.
/// Left as they are: « 2ème », « 1ère », « IIème » (not French forms), « 3d » (not an ordinal).
[[nodiscard]] std::vector<ByteRange> ordinal_suffixes(std::string_view text);

/// A whole number 0 <= n < 10^18 in words, masculine, traditional spelling: 24 -> "vingt-quatre",
/// 180000 -> "cent quatre-vingt mille" (durations: "vingt-quatre mois"). Shares the ICU
/// spell-out of Money::spell_out (host/model/money.cpp); throws std::invalid_argument for a
/// negative number.
[[nodiscard]] std::string spell_cardinal(long long n);

/// A calendar date (proleptic Gregorian, years 1 to 9999), immutable and comparable.
class Date {
public:
    /// Throws FrenchError if the date does not exist ("invalid date 2023-02-29: ...").
    Date(int year, int month, int day);

    /// Parses exactly "YYYY-MM-DD"; throws FrenchError naming `field` when given, e.g.
    /// `invalid date "2022-13-01" (field date_signature): month 13 out of range`.
    static Date parse(std::string_view text, std::string_view field = {});

    [[nodiscard]] static bool is_leap_year(int year) noexcept;
    /// Days in `month` of `year` (28 to 31); 0 for a month outside 1..12.
    [[nodiscard]] static int days_in_month(int year, int month) noexcept;

    [[nodiscard]] int year() const noexcept { return year_; }
    [[nodiscard]] int month() const noexcept { return month_; }
    [[nodiscard]] int day() const noexcept { return day_; }

    /// "2022-07-13".
    [[nodiscard]] std::string iso() const;
    /// "13 juillet 2022", "1er janvier 2023" (month names from ICU, locale fr), with U+00A0
    /// between day and month so the date does not break after the day number.
    [[nodiscard]] std::string long_form() const;
    /// "le 13 juillet 2022", "le 1er janvier 2023".
    [[nodiscard]] std::string le() const;

    friend bool operator==(const Date&, const Date&) = default;
    friend std::strong_ordering operator<=>(const Date&, const Date&) = default;

private:
    // Declared in this order so the defaulted <=> compares year, then month, then day.
    int year_;
    int month_;
    int day_;
};

}  // namespace conventio
