// French grammar: articles and elision for the parties of the seeds, typography, dates, ordinals.
#include "conventio/french.hpp"

#include <doctest/doctest.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include <string>

using namespace conventio;

#define NBSP "\u00a0"
#define NNBSP "\u202f"

namespace {

constexpr auto m = Gender::masculine;
constexpr auto f = Gender::feminine;
constexpr auto sg = GrammaticalNumber::singular;
constexpr auto pl = GrammaticalNumber::plural;

}  // namespace

TEST_CASE("NounPhrase articles: le, de, à, capitalised") {
    struct Case {
        NounPhrase noun;
        const char* le;
        const char* Le;
        const char* de;
        const char* a;
        const char* A;
    };
    const Case cases[] = {
        // masculine, feminine
        {NounPhrase("Cerema", m), "le Cerema", "Le Cerema", "du Cerema", "au Cerema", "Au Cerema"},
        {NounPhrase("DINUM", f), "la DINUM", "La DINUM", "de la DINUM", "à la DINUM", "À la DINUM"},
        {NounPhrase("Département de Seine-et-Marne", m), "le Département de Seine-et-Marne",
         "Le Département de Seine-et-Marne", "du Département de Seine-et-Marne",
         "au Département de Seine-et-Marne", "Au Département de Seine-et-Marne"},
        {NounPhrase("collectivité", f), "la collectivité", "La collectivité", "de la collectivité",
         "à la collectivité", "À la collectivité"},
        // vowels, accented vowels, acronyms starting with a vowel
        {NounPhrase("ANCT", f), "l'ANCT", "L'ANCT", "de l'ANCT", "à l'ANCT", "À l'ANCT"},
        {NounPhrase("Agence", f), "l'Agence", "L'Agence", "de l'Agence", "à l'Agence", "À l'Agence"},
        {NounPhrase("État", m), "l'État", "L'État", "de l'État", "à l'État", "À l'État"},
        {NounPhrase("établissement", m), "l'établissement", "L'établissement", "de l'établissement",
         "à l'établissement", "À l'établissement"},
        {NounPhrase("INSEE", m), "l'INSEE", "L'INSEE", "de l'INSEE", "à l'INSEE", "À l'INSEE"},
        {NounPhrase("Union européenne", f), "l'Union européenne", "L'Union européenne",
         "de l'Union européenne", "à l'Union européenne", "À l'Union européenne"},
        {NounPhrase("Œuvre", f), "l'Œuvre", "L'Œuvre", "de l'Œuvre", "à l'Œuvre", "À l'Œuvre"},
        // mute h
        {NounPhrase("hôpital", m), "l'hôpital", "L'hôpital", "de l'hôpital", "à l'hôpital", "À l'hôpital"},
        {NounPhrase("Hérault", m), "l'Hérault", "L'Hérault", "de l'Hérault", "à l'Hérault", "À l'Hérault"},
        {NounPhrase("habitat", m), "l'habitat", "L'habitat", "de l'habitat", "à l'habitat", "À l'habitat"},
        // aspirated h
        {NounPhrase("hameau", m), "le hameau", "Le hameau", "du hameau", "au hameau", "Au hameau"},
        {NounPhrase("handicap", m), "le handicap", "Le handicap", "du handicap", "au handicap",
         "Au handicap"},
        {NounPhrase("Haute Autorité de santé", f), "la Haute Autorité de santé", "La Haute Autorité de santé",
         "de la Haute Autorité de santé", "à la Haute Autorité de santé", "À la Haute Autorité de santé"},
        {NounPhrase("HAS", f), "la HAS", "La HAS", "de la HAS", "à la HAS", "À la HAS"},
        {NounPhrase("Havre", m), "le Havre", "Le Havre", "du Havre", "au Havre", "Au Havre"},
        // y
        {NounPhrase("yaourt", m), "le yaourt", "Le yaourt", "du yaourt", "au yaourt", "Au yaourt"},
        {NounPhrase("Yonne", f), "l'Yonne", "L'Yonne", "de l'Yonne", "à l'Yonne", "À l'Yonne"},
        // plural
        {NounPhrase("collectivités", f, pl), "les collectivités", "Les collectivités", "des collectivités",
         "aux collectivités", "Aux collectivités"},
        {NounPhrase("Hauts-de-Seine", m, pl), "les Hauts-de-Seine", "Les Hauts-de-Seine",
         "des Hauts-de-Seine", "aux Hauts-de-Seine", "Aux Hauts-de-Seine"},
        {NounPhrase("établissements", m, pl), "les établissements", "Les établissements",
         "des établissements", "aux établissements", "Aux établissements"},
        // no article
        {NounPhrase("Seine-et-Marne", f, sg, false), "Seine-et-Marne", "Seine-et-Marne", "de Seine-et-Marne",
         "à Seine-et-Marne", "À Seine-et-Marne"},
        {NounPhrase("Orléans", m, sg, false), "Orléans", "Orléans", "d'Orléans", "à Orléans", "À Orléans"},
        {NounPhrase("Hauts-de-France", m, pl, false), "Hauts-de-France", "Hauts-de-France",
         "de Hauts-de-France", "à Hauts-de-France", "À Hauts-de-France"},
        {NounPhrase("écoles", f, pl, false), "écoles", "Écoles", "d'écoles", "à écoles", "À écoles"},
        // explicit overrides: an acronym spelled letter by letter ("ache-cé-...") and the
        // rare word whose vowel does not elide
        {NounPhrase("HCERES", m, sg, true, Elision::always), "l'HCERES", "L'HCERES", "de l'HCERES",
         "à l'HCERES", "À l'HCERES"},
        {NounPhrase("uhlan", m, sg, true, Elision::never), "le uhlan", "Le uhlan", "du uhlan", "au uhlan",
         "Au uhlan"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.noun.name());
        CHECK(c.noun.le() == c.le);
        CHECK(c.noun.Le() == c.Le);
        CHECK(c.noun.de() == c.de);
        CHECK(c.noun.a() == c.a);
        CHECK(c.noun.A() == c.A);
    }
    CHECK(NounPhrase("DINUM", f).De() == "De la DINUM");
    CHECK(NounPhrase("Orléans", m, sg, false).De() == "D'Orléans");
}

TEST_CASE("elision of words that look like vowels or h") {
    struct Case {
        const char* word;
        bool elides;
    };
    const Case cases[] = {
        {"ANCT", true},
        {"Île-de-France", true},
        {"Âge", true},
        {"Agence", true},
        {"île", true},
        {"Ô", true},
        {"union", true},
        {"onze", false},
        {"onzième", false},
        {"oui", false},
        {"homme", true},
        {"huître", true},
        {"huit", false},
        {"huitième", false},
        {"héros", false},
        {"héroïne", true},
        {"hall", false},
        {"hallucination", true},
        {"Hauts-de-France", false},
        {"Haute-Garonne", false},
        {"Haut-Rhin", false},
        {"hauteur", false},
        {"handicapées", false},
        {"hasard", false},
        {"Hongrie", false},
        {"Hollande", false},
        {"HCERES", false},
        {"Yser", true},
        {"Yvelines", true},
        {"yoga", false},
        {"Cerema", false},
        {"DINUM", false},
        {"", false},
        {"1er", false},
    };
    for (const auto& c : cases) {
        CAPTURE(c.word);
        CHECK(starts_with_vowel_sound(c.word) == c.elides);
    }
}

TEST_CASE("NounPhrase agreement") {
    const NounPhrase anct("ANCT", f);
    const NounPhrase cerema("Cerema", m);
    const NounPhrase collectivites("collectivités", f, pl);
    const NounPhrase departements("départements", m, pl);
    CHECK(anct.agree("dénommé", "dénommée") == "dénommée");
    CHECK(cerema.agree("dénommé", "dénommée") == "dénommé");
    CHECK(collectivites.agree("dénommé", "dénommée") == "dénommée");

    struct Case {
        const NounPhrase* noun;
        const char* form;
    };
    const Case cases[] = {
        {&cerema, "représenté"},
        {&anct, "représentée"},
        {&departements, "représentés"},
        {&collectivites, "représentées"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.noun->name());
        CHECK(c.noun->agree("représenté", "représentée", "représentés", "représentées") == c.form);
    }
    CHECK(anct.Le() + " " + anct.agree("s'engage", "s'engage", "s'engagent", "s'engagent") ==
          "L'ANCT s'engage");
}

TEST_CASE("NounPhrase defaults and errors") {
    const NounPhrase cerema("Cerema");
    CHECK(cerema.gender() == Gender::masculine);
    CHECK(cerema.number() == GrammaticalNumber::singular);
    CHECK(cerema.has_article());
    CHECK(cerema.elision() == Elision::automatic);
    CHECK_FALSE(cerema.elides());
    CHECK(NounPhrase("ANCT", f).elides());
    CHECK(NounPhrase("Cerema") == cerema);
    CHECK_THROWS_WITH_AS(NounPhrase(""), "invalid noun phrase: empty name", FrenchError);
}

TEST_CASE("capitalize") {
    CHECK(capitalize("à la DINUM") == "À la DINUM");
    CHECK(capitalize("état") == "État");
    CHECK(capitalize("œuvre") == "Œuvre");
    CHECK(capitalize("l'ANCT") == "L'ANCT");
    CHECK(capitalize("Déjà") == "Déjà");
    CHECK(capitalize("") == "");
}

TEST_CASE("guillemets use narrow no-break spaces") {
    CHECK(guillemets("ANCT") == "«" NNBSP "ANCT" NNBSP "»");
    CHECK(guillemets(" la DINUM ") == "«" NNBSP "la DINUM" NNBSP "»");
}

TEST_CASE("french_spacing") {
    struct Case {
        const char* input;
        const char* output;
    };
    const Case cases[] = {
        // colon: U+00A0, replacing a space or inserted
        {"Article 2 : Obligations", "Article 2" NBSP ": Obligations"},
        {"Article 2: Obligations", "Article 2" NBSP ": Obligations"},
        {"SIRET: 13002603200016", "SIRET" NBSP ": 13002603200016"},
        {"**Code Banque** : 10071", "**Code Banque**" NBSP ": 10071"},
        {"Adresse" NBSP ": Paris", "Adresse" NBSP ": Paris"},
        {"Adresse  : Paris", "Adresse" NBSP ": Paris"},
        // ; ! ? : U+202F
        {"les indicateurs ; la page", "les indicateurs" NNBSP "; la page"},
        {"les indicateurs; la page", "les indicateurs" NNBSP "; la page"},
        {"Pourquoi ?", "Pourquoi" NNBSP "?"},
        {"Noë; Zoé", "Noë" NNBSP "; Zoé"},
        {"Pourquoi?!", "Pourquoi" NNBSP "?!"},
        {"Enfin !", "Enfin" NNBSP "!"},
        // guillemets
        {"dénommée « la DINUM »", "dénommée «" NNBSP "la DINUM" NNBSP "»"},
        {"dénommée «la DINUM»", "dénommée «" NNBSP "la DINUM" NNBSP "»"},
        // URLs and e-mail addresses are left alone, text around them is not
        {"la page https://beta.gouv.fr/approche/", "la page https://beta.gouv.fr/approche/"},
        {"voir : https://x.fr/?a=1;b=2!", "voir" NBSP ": https://x.fr/?a=1;b=2!"},
        {"mailto:contact@beta.gouv.fr", "mailto:contact@beta.gouv.fr"},
        {"<https://beta.gouv.fr>", "<https://beta.gouv.fr>"},
        // times and ratios
        {"à 14:30", "à 14:30"},
        // n°
        {"l'avenant n° 1", "l'avenant n°" NBSP "1"},
        {"décret n°2019-1088", "décret n°" NBSP "2019-1088"},
        {"N°Compte : 00000092441", "N°" NBSP "Compte" NBSP ": 00000092441"},
        {"à 20°", "à 20°"},
        // units
        // an amount's digit groups, typed with spaces, never break apart (as Money writes them)
        {"200 000€ TTC", "200" NNBSP "000" NBSP "€ TTC"},
        {"6 000 000 €", "6" NNBSP "000" NNBSP "000" NBSP "€"},
        {"soit 1 234,50 €", "soit 1" NNBSP "234,50" NBSP "€"},
        {"20 %", "20" NBSP "%"},
        {"12,5 %", "12,5" NBSP "%"},
        // not groups of an amount: a year then a number, a group of two, a code
        {"en 2024 500 €", "en 2024 500" NBSP "€"},
        // numbers in groups of three, whatever follows them: never broken across lines
        {"plus de 12 000 personnes", "plus de 12" NNBSP "000 personnes"},
        {"1 412 516 habitants", "1" NNBSP "412" NNBSP "516 habitants"},
        {"1 234,5 km", "1" NNBSP "234,5 km"},
        {"en 2024 500 dossiers", "en 2024 500 dossiers"},  // two numbers
        {"au 01 23 45 67 89", "au 01 23 45 67 89"},        // a telephone number
        {"SIRET 130 018 310 00016", "SIRET 130" NNBSP "018" NNBSP "310 00016"},
        {"de 12 0000", "de 12 0000"},
        {"12 34 €", "12 34" NBSP "€"},
        {"1234 567 €", "1234 567" NBSP "€"},
        {"le €", "le €"},
        // nothing to do
        {"", ""},
        {"Le Cerema", "Le Cerema"},
        {": début", ": début"},
        // a piece of text that follows a footnote or a reference keeps its opening space
        {" ; la suite", NNBSP "; la suite"},
        {" : Objet", NBSP ": Objet"},
        {"d'« ", "d'«" NNBSP},
        {"d'«", "d'«"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(french_spacing(c.input) == c.output);
    }
    // Applying it twice changes nothing more.
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(french_spacing(c.output) == c.output);
    }
}

TEST_CASE("ordinal") {
    CHECK(ordinal(1) == "1er");
    CHECK(ordinal(1, Gender::masculine) == "1er");
    CHECK(ordinal(1, Gender::feminine) == "1re");
    CHECK(ordinal(2) == "2e");
    CHECK(ordinal(2, Gender::feminine) == "2e");
    CHECK(ordinal(21) == "21e");
    CHECK_THROWS_WITH_AS(ordinal(0), "invalid ordinal 0: must be at least 1", FrenchError);
}

namespace {
/// The texts ordinal_suffixes finds in `text`.
std::vector<std::string> raised(std::string_view text) {
    std::vector<std::string> out;
    for (const ByteRange& r : ordinal_suffixes(text)) out.emplace_back(text.substr(r.begin, r.end - r.begin));
    return out;
}
}  // namespace

TEST_CASE("ordinal_suffixes: the letters of an ordinal written with digits") {
    using V = std::vector<std::string>;
    CHECK(raised("le 1er janvier 2024") == V{"er"});
    CHECK(raised("l'article 1er.") == V{"er"});
    CHECK(raised("la 1re année, les 1ers versements, les 1res échéances") == V{"re", "ers", "res"});
    CHECK(raised("au 2e alinéa du 21e article ; les 3es") == V{"e", "e", "es"});
    CHECK(raised("(1er)") == V{"er"});
    CHECK(raised("le 12\u202f000e") == V{"e"});  // a number in groups
    CHECK(raised("n°\u00a01er") == V{"er"});
    // Where the byte ranges fall: after the digits, as many bytes as the suffix.
    const auto ranges = ordinal_suffixes("à 1er");
    REQUIRE(ranges.size() == 1);
    CHECK(ranges[0] == ByteRange{4, 6});  // « à » is two bytes
    // Not ordinals: a word goes on before or after, a number in another notation, an address.
    CHECK(raised("A1e B2er 1e5 1eme 2ème 1ère 3D #1e1e1e 0x1e") == V{});
    CHECK(raised("1erement 1ex éé1er") == V{});
    CHECK(raised("https://example.fr/1er-janvier contact1er@x.fr www.x.fr/2e") == V{});
    CHECK(raised("sans chiffres, ni rien") == V{});
    // Identifiers and other notations (review r8): joined to a word before, or an exponent.
    CHECK(raised("lot A-2e, ABC_2e, ABC.2e, version 3.2e, 1.5e, dossier 12/3e, référence 2020-1e") == V{});
    CHECK(raised("annexe-1er.pdf, taux de 3e-2 ou 1e+5") == V{});
    CHECK(raised("du 2e-3e étage, le 1er.") == V{"e", "e", "er"});
    // The rule the roman numerals follow (review r12): a suffix joined by « _ . / , » or a
    // hyphen to a word after it is part of a name (« 2e.pdf »), but a full stop ending a
    // sentence is punctuation, and a hyphen or a comma may join two ordinals.
    CHECK(raised("2e.pdf 1er.doc 2e_b 2e/3 2e,3 2e-A") == V{});
    CHECK(raised("le 1er. Puis le 1er.) Enfin le 1er.") == V{"er", "er", "er"});
    CHECK(raised("les 2e,3e et 4e\u2011 5e\u20116e") == V{"e", "e", "e", "e", "e"});
    // A slash between two ordinals joins them too, as « 2e/3e » is written for « 2e ou 3e »: both
    // are raised, as both of « 2e-3e » are; « 2e/3 » and « 12/3e » stay identifiers.
    CHECK(raised("le 2e/3e étage, les 1ers/2es versements, la 1re/2de") ==
          V{"e", "e", "ers", "es", "re", "de"});
    CHECK(raised("2e/3 12/3e 2e/A") == V{});
    // U+2010 and U+2011 are hyphens: they join an identifier as the ASCII one does.
    CHECK(raised("lot A\u20112e, A\u20102e, A\u20111er") == V{});
    CHECK(raised("(2e)-3") == V{"e"});
    // A decomposed accent (as pasted from some systems) goes on with the word: « 1ère » is
    // not « 1e » followed by a floating accent.
    CHECK(raised("1e\u0300re, 2e\u0300me, 1e\u0301tage") == V{});
    CHECK(raised("e\u03011er") == V{});  // « é1er », the é decomposed
    CHECK(raised("") == V{});
}

TEST_CASE("ordinal_suffixes: « 2d » and its forms, second's abbreviations") {
    using V = std::vector<std::string>;
    CHECK(raised("le 2d alinéa, la 2de chambre, le 2nd, la 2nde") == V{"d", "de", "nd", "nde"});
    CHECK(raised("les 2ds, les 2des, les 2nds, les 2ndes.") == V{"ds", "des", "nds", "ndes"});
    CHECK(raised("(2d) « 2nde »") == V{"d", "nde"});
    // Only after 2 alone, as a word of its own.
    CHECK(raised("3d 12d 22nde 1nd 2D 2ND 2dx 2nde5 A2d lot-2d 2.2d 2d-3 2nde.pdf") == V{});
    CHECK(raised("2d3 x2nd https://x.fr/2nd") == V{});
}

TEST_CASE("ordinal_suffixes: roman numerals, as Imprimerie nationale writes them") {
    using V = std::vector<std::string>;
    CHECK(raised("au XIXe siècle, au XXIe, la Ve République") == V{"e", "e", "e"});
    CHECK(raised("Titre Ier, la Ire partie, le IIe, les IIIes, les Iers") == V{"er", "re", "e", "es", "ers"});
    CHECK(raised("les XIXe-XXe siècles, du IIe-3e, les XVIIe\u2013XVIIIe") == V(6, "e"));
    CHECK(raised("IVe IXe XLe XCe CXCIXe CCCXCIXe LXe CIe CCe VIIIe") == V(10, "e"));
    CHECK(raised("(XVIe), « XVIIe », [IIe]. Ve;") == V{"e", "e", "e", "e"});
    CHECK(raised("le\u00a0XXe, le\u202fXXe") == V{"e", "e"});
    const auto ranges = ordinal_suffixes("à XIXe");
    REQUIRE(ranges.size() == 1);
    CHECK(ranges[0] == ByteRange{6, 7});
    // Words that are not numerals: L and C alone, D and M, lower case or capital suffixes.
    CHECK(raised("Le Ce Les Ces De Des Me Mme MMe Mes DIe Ie Ies Vers Ive Vie Cie") == V{});
    CHECK(raised("CIE LIEUE VIE XIE VE IIE IER CIVIL VIDE LIVE") == V{});
    // Not numerals in their usual form.
    CHECK(raised("IIIIe VXe ILe XXXXe LLe CCCCe IXIe VIVe") == V{});
    // Inside words and identifiers, addresses, and followed by a word.
    CHECK(raised("aCIVe A-IIe lot_IIe 12/IIe réf.IIe aXIXe 3XIXe éXIXe") == V{});
    CHECK(raised("IIe.pdf IIe_b IIe-A IIe-3 IIe-XX IIe3 XIXeme IIème XIXes2 Ier1") == V{});
    CHECK(raised("https://example.fr/XIXe-siecle www.x.fr/IIe contact.IIe@x.fr") == V{});
    // After an elided word's apostrophe (l d j n s c, or a word ending in « qu »), ASCII or
    // typographic, and inside ASCII quotation marks (review r12).
    CHECK(raised("l'IIe, l\u2019IIe, d'Ier, L'IIe, D\u2019Ire, qu'Ier, jusqu'Ier, s'IIe") ==
          V{"e", "e", "er", "e", "re", "er", "er", "e"});
    CHECK(raised("'IIe' \"IIe\" ('XXe')") == V{"e", "e", "e"});
    CHECK(raised("a'IIe al'IIe Aujourd'IIe t'IIe x\u2019IIe \"a\"IIe") == V{});
    // A comma or a hyphen between two ordinals, any of the three hyphens; not before a word.
    CHECK(raised("XIXe,XXe XIXe\u2011XXe XIXe\u2010XXe IIe\u20113e") == V(8, "e"));
    CHECK(raised("lot A\u2011IIe, A\u2010IIe, IIe\u2011A, IIe,3, IIe,A") == V{});
    CHECK(raised("les XIXe/XXe siècles, IIe/3e") == V(4, "e"));  // a slash too
    CHECK(raised("IIe/A IIe/3 12/IIe") == V{});
    CHECK(raised("Ve\u0301 XIXe\u0300") == V{});  // a decomposed accent goes on with the word
}

TEST_CASE("Date: every month's name is ICU's French format name") {
    // The names are read from ICU's calendar data directly: the oracle is the formatting API.
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols symbols(icu::Locale("fr"), status);
    std::int32_t count = 0;
    const icu::UnicodeString* months =
        symbols.getMonths(count, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
    REQUIRE(U_SUCCESS(status));
    REQUIRE(count == 12);
    const char* expected[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                              "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    for (int month = 1; month <= 12; ++month) {
        std::string name;
        months[month - 1].toUTF8String(name);
        CAPTURE(month);
        CHECK(name == expected[month - 1]);
        CHECK(Date(2025, month, 2).long_form() == "2" NBSP + name + " 2025");
    }
}

TEST_CASE("Date: long form, le, iso") {
    struct Case {
        const char* iso;
        const char* long_form;
    };
    const Case cases[] = {
        {"2022-07-13", "13" NBSP "juillet 2022"},  {"2023-01-01", "1er" NBSP "janvier 2023"},
        {"2020-05-11", "11" NBSP "mai 2020"},      {"2019-12-23", "23" NBSP "décembre 2019"},
        {"2021-02-01", "1er" NBSP "février 2021"}, {"2024-02-29", "29" NBSP "février 2024"},
        {"2022-08-31", "31" NBSP "août 2022"},     {"0001-01-01", "1er" NBSP "janvier 1"},
        {"9999-12-31", "31" NBSP "décembre 9999"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.iso);
        Date d = Date::parse(c.iso);
        CHECK(d.long_form() == c.long_form);
        CHECK(d.le() == std::string("le ") + c.long_form);
        CHECK(d.iso() == c.iso);
    }
    const Date d(2022, 7, 13);
    CHECK(d.year() == 2022);
    CHECK(d.month() == 7);
    CHECK(d.day() == 13);
}

TEST_CASE("Date: leap years and invalid dates") {
    CHECK(Date::is_leap_year(2024));
    CHECK(Date::is_leap_year(2000));
    CHECK_FALSE(Date::is_leap_year(1900));
    CHECK_FALSE(Date::is_leap_year(2023));
    CHECK(Date::days_in_month(2024, 2) == 29);
    CHECK(Date::days_in_month(2023, 2) == 28);
    CHECK(Date::days_in_month(2100, 2) == 28);
    CHECK(Date::days_in_month(2023, 4) == 30);
    CHECK(Date::days_in_month(2023, 13) == 0);

    struct Case {
        const char* text;
        const char* message;
    };
    const Case cases[] = {
        {"2023-02-29",
         "invalid date \"2023-02-29\" (field signature): day 29 out of range (28 days in that month)"},
        {"1900-02-29",
         "invalid date \"1900-02-29\" (field signature): day 29 out of range (28 days in that month)"},
        {"2022-04-31",
         "invalid date \"2022-04-31\" (field signature): day 31 out of range (30 days in that month)"},
        {"2022-13-01", "invalid date \"2022-13-01\" (field signature): month 13 out of range"},
        {"2022-00-10", "invalid date \"2022-00-10\" (field signature): month 0 out of range"},
        {"2022-01-00",
         "invalid date \"2022-01-00\" (field signature): day 0 out of range (31 days in that month)"},
        {"0000-01-01", "invalid date \"0000-01-01\" (field signature): year 0 out of range (1 to 9999)"},
        {"2022-7-13", "invalid date \"2022-7-13\" (field signature): expected YYYY-MM-DD"},
        {"13/07/2022", "invalid date \"13/07/2022\" (field signature): expected YYYY-MM-DD"},
        {"2022-07-13 ", "invalid date \"2022-07-13 \" (field signature): expected YYYY-MM-DD"},
        {"", "invalid date \"\" (field signature): expected YYYY-MM-DD"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK_THROWS_WITH_AS(Date::parse(c.text, "signature"), c.message, FrenchError);
    }
    CHECK_THROWS_WITH_AS(Date(2023, 2, 29),
                         "invalid date 2023-02-29: day 29 out of range (28 days in that month)", FrenchError);
    CHECK_NOTHROW(Date(2024, 2, 29));
}

TEST_CASE("Date comparison") {
    CHECK(Date(2020, 5, 11) < Date(2021, 1, 22));
    CHECK(Date(2022, 7, 13) == Date::parse("2022-07-13"));
    CHECK(Date(2022, 7, 13) != Date(2022, 7, 14));
    CHECK(Date(2022, 12, 31) < Date(2023, 1, 1));
    CHECK(Date(2022, 2, 1) > Date(2022, 1, 31));
    CHECK((Date(2022, 1, 1) <=> Date(2022, 1, 1)) == std::strong_ordering::equal);
}
