#include "check/text_review.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

namespace doc = conventio::doc;
using conventio::check::Diagnostic;
using conventio::check::review_text;
using conventio::check::Severity;

namespace {

doc::Inline run(std::string text) {
    doc::Run r;
    r.text = std::move(text);
    return r;
}

doc::Block para(doc::Inlines content, doc::ParagraphStyle style = doc::ParagraphStyle::body) {
    doc::Paragraph p;
    p.style = style;
    p.content = std::move(content);
    return doc::Block{std::move(p)};
}

doc::Block article(const std::string& number, const std::string& title) {
    return para({run("Article "), doc::Anchor{"a" + number, number}, run("\u00a0: " + title)},
                doc::ParagraphStyle::article);
}

doc::Document agreement(std::vector<doc::Block> body) {
    doc::Document d;
    d.facts.stated = true;
    d.facts.party_names = {"Cerema", "Centre d'études et d'expertise (Cerema)", "DINUM"};
    d.facts.cited_names = {"RGPD"};
    d.facts.amounts = {"475\u202f000,00\u00a0€"};
    d.body = std::move(body);
    return d;
}

std::vector<std::string> messages(const std::vector<Diagnostic>& found, Severity severity) {
    std::vector<std::string> out;
    for (const auto& d : found)
        if (d.severity == severity) out.push_back(d.message);
    return out;
}

}  // namespace

TEST_CASE("review: a typed article number is a warning when the article exists, an error when not") {
    auto found = review_text(agreement({article("1", "Objet"), article("2", "Durée"),
                                        para({run("Selon l'article 2 et l\u2019article 7.")})}),
                             "x.lua");
    REQUIRE(found.size() == 2);
    CHECK(found[0].severity == Severity::warning);
    CHECK(found[0].message.find("\"article 2\" is typed as text") == 0);
    CHECK(found[0].field == "Article 2\u00a0: Durée");
    CHECK(found[0].file == "x.lua");
    CHECK(found[1].severity == Severity::error);
    CHECK(found[1].message.find("\"article 7\" refers to an article the agreement does not have") == 0);
}

TEST_CASE("review: every way of typing a reference is found, with either apostrophe and space") {
    // The pattern runs only on paragraphs where "article" follows one of its openings and comes
    // before a space and a digit: each of these must still reach it.
    for (const char* text :
         {"L'article 9.", "L\u2019article 9.", "l\u2019article\u00a09.", "aux articles 9 et 8.",
          "des articles\u00a09 et 8.", "les articles 9 et 8.", "Vu son article 6 et l'article 9."}) {
        CAPTURE(text);
        auto errors = messages(review_text(agreement({article("1", "Objet"), para({run(text)})}), "x.lua"),
                               Severity::error);
        REQUIRE_FALSE(errors.empty());
        CHECK(errors[0].find("\"article") != std::string::npos);
        CHECK(errors[0].find(" 9\" refers to an article") != std::string::npos);
    }
}

TEST_CASE("review: a typed reference followed by the agreement's own name is ours") {
    // "de la loi" names another text; "de la présente convention" names this one, the most
    // common way of typing a reference.
    for (const char* text :
         {"Voir l'article 2 de la présente convention.", "selon l'article 2 du présent contrat,",
          "aux articles 2 de cette convention", "l\u2019article\u00a02 de la pr\u00e9sente"}) {
        CAPTURE(text);
        auto found = review_text(agreement({article("1", "Objet"), article("2", "Durée"), para({run(text)})}),
                                 "x.lua");
        REQUIRE(found.size() == 1u);
        CHECK(found[0].severity == Severity::warning);
        CHECK(found[0].message.find(" 2\" is typed as text") != std::string::npos);
    }
    auto missing = review_text(
        agreement({article("1", "Objet"), para({run("Voir l'article 9 de la présente convention.")})}),
        "x.lua");
    REQUIRE(missing.size() == 1u);
    CHECK(missing[0].severity == Severity::error);
}

TEST_CASE("review: live references and other texts' articles are left alone") {
    auto found = review_text(
        agreement({article("1", "Objet"), para({run("Voir l'article "), doc::CrossRef{"a1", "1"}, run(".")}),
                   para({run("Vu l'article 10 de la loi n° 2000-321, l'article 9-1 de la loi, son article 6, "
                             "l'article 4.1 « Montant » de la convention, chapitre 74, article 7473, pour la "
                             "compléter.")})}),
        "x.lua");
    CHECK(found.empty());
}

TEST_CASE("review: placeholders are errors, an elision or an etc. is not") {
    auto found = review_text(
        agreement({article("1", "Objet"), para({run("Montant : XXX ; contact [à compléter] ; du … au ….")}),
                   para({run("« [...] l'agence [...] », (RGS, RGAA, ...) ; etc...")})}),
        "x.lua");
    auto errors = messages(found, Severity::error);
    REQUIRE(errors.size() == 4);
    CHECK(errors[0] == "placeholder \"XXX\" left in the text: fill it in the data or the template");
    CHECK(errors[1].find("\"[à compléter]\"") != std::string::npos);
    CHECK(errors[2].find("\"…\"") != std::string::npos);
}

TEST_CASE("review: a placeholder in capitals, accents included") {
    // Caseless matching folds ASCII only: "É" and "À" must be in the pattern itself.
    for (const char* text : {"contact [À COMPLÉTER] ;", "Montant : À COMPLÉTER.", "[A COMPLÉTER]"}) {
        auto found = review_text(agreement({article("1", "Objet"), para({run(text)})}), "x.lua");
        CHECK_MESSAGE(messages(found, Severity::error).size() == 1u, text);
    }
}

TEST_CASE("review: an ellipsis is a placeholder alone, first or after a space, before a space or a stop") {
    // Each paragraph holds one ellipsis or none that the pattern takes: the paragraphs it is
    // not run on (an ellipsis closing a word or a list) must be the ones it finds nothing in.
    const std::vector<std::pair<std::string, bool>> texts = {{"\u2026 au 1er mars", true},
                                                             {"du 1er au \u2026", true},
                                                             {"du \u2026, au 1er", true},
                                                             {"d\u00e9lai : ...:", true},
                                                             {"un\t...\nautre", true},
                                                             {"durées de conservation...", false},
                                                             {"(RGS, RGAA, ...)", false},
                                                             {"etc\u2026 et \u2026x", false},
                                                             {"a ..b", false},
                                                             {"[\u2026]", false},
                                                             {"....", true}};
    for (const auto& [text, placeholder] : texts) {
        CAPTURE(text);
        auto found = review_text(agreement({article("1", "Objet"), para({run(text)})}), "x.lua");
        CHECK(messages(found, Severity::error).size() == (placeholder ? 1u : 0u));
    }
}

TEST_CASE("review: a body named that is not a party, once per acronym, in the articles only") {
    auto found = review_text(agreement({para({run("L'ANCT a vu le projet.")}), article("1", "Objet"),
                                        para({run("L'ANCT et l'ANCT, le Cerema, la DINUM, le RGPD.")})}),
                             "x.lua");
    auto warnings = messages(found, Severity::warning);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("the text names ANCT, which is not a party") == 0);
}

TEST_CASE("review: an amount in an article that the model did not state") {
    auto found =
        review_text(agreement({article("1", "Montant"),
                               para({run("475 000 € soit 475\u202f000,00\u00a0€, puis 500 000 euros.")})}),
                    "x.lua");
    auto warnings = messages(found, Severity::warning);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("the amount 500 000 € in the text is not one the model computed") == 0);
}

TEST_CASE(
    "review: an avenant cites the amended agreement's articles; what it types is one of the versions' "
    "amounts") {
    // Its facts are the amounts of both versions (475 000 € and 600 000 € here): an amount the
    // avenant types that is neither is an error; what it quotes of the Convention, between « »,
    // in an alinéa a « opens, or in a table, is the Convention's text, checked on it.
    doc::Table quoted_row;
    quoted_row.rows.push_back(
        doc::Row{{doc::Cell{1, {para({run("2023")})}}, doc::Cell{1, {para({run("12 345 €")})}}}});
    doc::Document d = agreement(
        {article("1", "Objet"), para({run("L'article 4.1 est porté à 600 000 €. XXX")}),
         para({run("Le présent avenant a pour objet de porter la participation de 475 000 € à 650 000 €.")}),
         para({run("Le montant : « 500 000 € » est remplacé par le montant : « 600 000 € ».")}),
         para({run("« Le solde, soit 125 000 €, est versé à la signature de l'avenant.")}),
         doc::Block{quoted_row}});
    d.facts.amends = true;
    d.facts.amounts.push_back("600 000,00 €");
    auto found = review_text(d, "x.lua");
    REQUIRE(found.size() == 2);
    CHECK(found[0].message.find("placeholder \"XXX\"") == 0);
    CHECK(found[1].severity == Severity::error);
    CHECK(found[1].message.find(
              "the amount 650 000 € in the avenant is neither the Convention's nor the amended") == 0);
}

TEST_CASE("review: without stated facts, only the checks that need none run") {
    doc::Document d;
    d.body = {article("1", "Objet"), para({run("L'ANCT verse 5 €, voir l'article 3.")})};
    auto found = review_text(d, "x.lua");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.find("\"article 3\" refers") == 0);
}

TEST_CASE("review: a body is found without an article before it, in unnumbered sections and annexes") {
    auto found = review_text(agreement({article("1", "Objet"), para({run("Le Cerema")}),
                                        para({run("Sans numéro")}, doc::ParagraphStyle::sub_article),
                                        para({run("Les équipes de ANCT participent.")}),
                                        para({run("Annexe : RGPD")}, doc::ParagraphStyle::annex_heading),
                                        para({run("Données transmises à l'ARS ; à la DGALN.")})}),
                             "x.lua");
    auto warnings = messages(found, Severity::warning);
    REQUIRE(warnings.size() == 3);
    CHECK(warnings[0].find("the text names ANCT") == 0);
    CHECK(found[0].field == "Sans numéro");
    CHECK(warnings[1].find("the text names ARS") == 0);
    CHECK(found[1].field == "Annexe : RGPD");
    CHECK(warnings[2].find("the text names DGALN") == 0);
}

TEST_CASE("review: names in capitals, codes and bank details are not bodies named") {
    doc::Paragraph bank;
    bank.keep_together = true;
    bank.content = {run("Domiciliation : TPLYON, DGFIP du Rhône")};
    auto found =
        review_text(agreement({article("1", "Paiement"),
                               para({run("Comptable : SERVICES DU PREMIER MINISTRE, 31 RUE CROIX DES "
                                         "PETITS-CHAMPS ; code 0352-CFSE ; BIC CCOPFRPPXXX.")}),
                               doc::Block{bank}}),
                    "x.lua");
    CHECK(found.empty());
}

TEST_CASE("review: an amount in any article, section or annex, not in the preamble") {
    auto found =
        review_text(agreement({para({run("En 2021, 200 000 € ont été versés.")}), article("1", "Montant"),
                               para({run("Sans numéro")}, doc::ParagraphStyle::sub_article),
                               para({run("Une avance de 12 000 €.")}),
                               para({run("Annexe : budget")}, doc::ParagraphStyle::annex_heading),
                               para({run("Total : 475 000 € dont 30 000 € de frais.")})}),
                    "x.lua");
    auto warnings = messages(found, Severity::warning);
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].find("the amount 12 000 €") == 0);
    CHECK(found[0].field == "Sans numéro");
    CHECK(warnings[1].find("the amount 30 000 €") == 0);
    CHECK(found[1].field == "Annexe : budget");
}

TEST_CASE("review: a finding names the template the text came from, else the script") {
    doc::Paragraph from_template;
    from_template.content = {run("L'ANCT verse 9 €.")};
    from_template.origin = "templates/commun/objet.md";
    auto found = review_text(
        agreement({article("1", "Objet"), doc::Block{from_template}, para({run("XXX")})}), "x.lua");
    REQUIRE(found.size() == 3);
    CHECK(found[0].file == "templates/commun/objet.md");
    CHECK(found[0].field == "Article 1\u00a0: Objet");
    CHECK(found[1].file == "templates/commun/objet.md");
    CHECK(found[2].file == "x.lua");
    CHECK(found[2].message.find("placeholder \"XXX\"") == 0);
}

TEST_CASE("review: two spaces in a row are a warning naming the words either side") {
    auto found =
        review_text(agreement({article("1", "Objet"),
                               para({run("Le  Cerema s'engage auprès de la « Région Grand  Est »,")}),
                               para({run("  Retrait en début de ligne et fin de ligne.  ")})}),
                    "x.lua");
    auto warnings = messages(found, Severity::warning);
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0] == "two spaces in a row in \"Le  Cerema\": one is enough");
    CHECK(warnings[1] == "two spaces in a row in \"Grand  Est\": one is enough");
    CHECK(found[0].excerpt == "Le  Cerema");  // what a data value may hold, punctuation left out
}
