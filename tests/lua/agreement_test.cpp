// The agreement library (scripts/conventio) on the real host: numbering, references,
// clause templates and their errors.
#include <doctest/doctest.h>

#include <fstream>

#include "lua/lua_test_support.hpp"

using namespace conventio;
using conventio::test::lua_error_of;
using conventio::test::run_lua;

namespace {

std::filesystem::path template_dir() {
    auto dir = test::scratch_dir() / "templates";
    std::filesystem::create_directories(dir / "t");
    auto write = [&](const char* name, const char* text) { std::ofstream(dir / "t" / name) << text; };
    write("renvoi.md",
          "---\nkey: renvoi\noptional: [partner]\n---\nLa durée est fixée à {{ ref(\"duree\") }}, voir {{ "
          "ref(\"annexe_rgpd\") "
          "}}.\n");
    write("nom.md", "---\nkey: nom\nparams: [partner]\n---\nLe partenaire est {{ partner.le }}.\n");
    write("manque.md", "---\nkey: manque\nparams: [partner]\n---\nBonjour\n\nMontant : {{ montant }} ici.\n");
    write("casse.md", "---\nkey: casse\noptional: [partner]\n---\nTexte {% if x %} sans fin\n");
    write("inconnu.md", "---\nkey: inconnu\noptional: [partner]\n---\nVoir {{ ref(\"absente\") }}.\n");
    // Failures inside tags other than a placeholder's (their expression's place is marked).
    write("si.md", "---\nkey: si\noptional: [partner]\n---\nTexte\n{% if montant > 3 %}\ngros\n{% end %}\n");
    write("sinonsi.md",
          "---\nkey: sinonsi\noptional: [partner]\n---\n{% if partner %}\na\n{% elseif seuil.x %}\nb\n{% end "
          "%}\n");
    write("liste.md",
          "---\nkey: liste\noptional: [partner]\n---\n{% for x in liste %}\n- {{ x }}\n{% end %}\n");
    write("boucle.md",
          "---\nkey: boucle\nparams: [items]\n---\n{% for i, x in items %}\n- {{ x }}\n{% end %}\n");
    write("vide.md", "---\nkey: vide\nparams: [partner]\n---\nNom : {{ partner.absent }}.\n");
    write("note.md", "---\nkey: note\n---\nTexte avec une note[^1].\n\n[^1]: La note.\n");
    return dir;
}

lua::Options with_templates() {
    lua::Options options;
    options.template_dirs = {template_dir()};
    return options;
}

// An agreement whose article 1 refers to the duration article and to the annex; `extra`
// inserts articles before the duration article.
std::string agreement(const std::string& extra, const std::string& clause = "t/renvoi") {
    return R"(local c = conventio
        local Agreement, Party = require "conventio.agreement", require "conventio.party"
        local partner = Party.new({ short_name = "Cerema", gender = "m", legal_name = "Cerema", representation = "Représenté par X",
                                    signature_label = "Le Cerema" }, "partner")
        local a = Agreement.new { title = "Convention", place = "Paris", parties = { partner = partner },
                                  party_order = { "partner" } }
        a:article { key = "objet", title = "Objet", content = a:clause(")" +
           clause + R"(", { partner = partner }) }
        )" +
           extra + R"(
        a:article { key = "duree", title = "Durée", content = "Un an." }
        a:annex { key = "annexe_rgpd", title = "RGPD", content = "Tableau." }
        return a:document())";
}

std::vector<doc::CrossRef> cross_refs(const doc::Document& d) {
    std::vector<doc::CrossRef> out;
    for (const auto& b : d.body)
        if (auto* p = std::get_if<doc::Paragraph>(&b.value))
            for (const auto& i : p->content)
                if (auto* r = std::get_if<doc::CrossRef>(&i)) out.push_back(*r);
    return out;
}

std::string text_of(const doc::Paragraph& p) {
    std::string s;
    for (const auto& i : p.content) {
        if (auto* r = std::get_if<doc::Run>(&i)) s += r->text;
        if (auto* a = std::get_if<doc::Anchor>(&i)) s += a->text;
        if (auto* x = std::get_if<doc::CrossRef>(&i)) s += x->text;
    }
    return s;
}

}  // namespace

TEST_CASE("references follow the numbering when an article is inserted") {
    auto before = run_lua(agreement(""), with_templates());
    auto refs = cross_refs(before);
    REQUIRE(refs.size() == 2);
    CHECK(refs[0].name == "ref_duree");
    CHECK(refs[0].text == "2");
    CHECK(refs[1].name == "ref_annexe_rgpd");
    CHECK(refs[1].text == "1");

    auto after = run_lua(agreement(R"(a:article { title = "Inséré", content = "Nouveau." }
        a:article { title = "Inséré aussi", content = "Encore." })"),
                         with_templates());
    refs = cross_refs(after);
    REQUIRE(refs.size() == 2);
    CHECK(refs[0].text == "4");  // doc::check has verified it equals the anchor's text
    bool found = false;
    for (const auto& b : after.body)
        if (auto* p = std::get_if<doc::Paragraph>(&b.value); p && p->style == doc::ParagraphStyle::article)
            found = found || text_of(*p) == "Article 4\u00a0: Durée";
    CHECK(found);
}

TEST_CASE("a reference to a missing key names the clause and the place") {
    CHECK(lua_error_of(agreement("", "t/inconnu"), with_templates())
              .find("t/inconnu.md:5:9: reference to 'absente', which no article or annex has as key "
                    "(known: annexe_rgpd, duree, objet)") != std::string::npos);
}

TEST_CASE("template errors: missing parameter at its use, syntax error at its place") {
    CHECK(lua_error_of(agreement("", "t/manque"), with_templates())
              .find("t/manque.md:7:14: missing parameter 'montant'") != std::string::npos);
    CHECK(lua_error_of(agreement("", "t/casse"), with_templates()).find("t/casse.md:5:7:") !=
          std::string::npos);
    std::string missing_declared = lua_error_of(R"(local clauses = require "conventio.clauses"
        clauses.blocks("t/nom", {}))",
                                                with_templates());
    CHECK(missing_declared.find("t/nom.md:3:1: missing parameter 'partner' (the template needs: partner)") !=
          std::string::npos);
}

TEST_CASE("template errors in conditions, loops and values name the tag's line and column") {
    auto error_of = [](const std::string& call) {
        return lua_error_of("local clauses = require \"conventio.clauses\"\n" + call, with_templates());
    };
    CHECK(error_of(R"(clauses.blocks("t/si", {}))").find("t/si.md:6:7: missing parameter 'montant'") !=
          std::string::npos);
    CHECK(
        error_of(R"(clauses.blocks("t/sinonsi", {}))").find("t/sinonsi.md:7:11: missing parameter 'seuil'") !=
        std::string::npos);
    CHECK(error_of(R"(clauses.blocks("t/liste", {}))").find("t/liste.md:5:13: missing parameter 'liste'") !=
          std::string::npos);
    // Reading the item after the last fails (a list refusing what it lacks), after the body's
    // placeholder has run: the failure is the loop's, not the placeholder's. The script's own
    // line, where it raised, is kept after the template's place (only the chunk's is replaced).
    std::string refused_item;
    try {
        run_lua(R"(local clauses = require "conventio.clauses"
        clauses.blocks("t/boucle", { items = setmetatable({ "a" }, {
            __index = function(_, k) error("pas d'élément " .. k) end }) }))",
                with_templates());
    } catch (const std::exception& e) {
        refused_item = e.what();
    }
    CAPTURE(refused_item);
    auto template_place = refused_item.find("t/boucle.md:5:16: ");
    auto script_place = refused_item.find("snippet.lua:3: pas d'élément 2");
    CHECK(template_place != std::string::npos);
    CHECK(script_place != std::string::npos);
    CHECK(template_place < script_place);
    // A refused value is named once, at its place.
    std::string nil_value = error_of(R"(clauses.blocks("t/vide", { partner = {} }))");
    CHECK(nil_value.find("t/vide.md:5:10: this value is nil") != std::string::npos);
    CHECK(nil_value.find("vide.md:5:10: t/") == std::string::npos);
    // The second item refused: the place is the placeholder's, marked after the loop's.
    CHECK(error_of(R"(clauses.blocks("t/boucle", { items = { "a", "  " } }))")
              .find("t/boucle.md:6:6: this value is empty") != std::string::npos);
    // A table has no text to print ("table: 0x…"); a loop over what is not a list gives no item.
    std::string table_value = error_of(R"(clauses.blocks("t/nom", { partner = { le = { "a" } } }))");
    CAPTURE(table_value);
    CHECK(table_value.find("t/nom.md:5:22: this value is a table (a list or a record), not a text") !=
          std::string::npos);
    CHECK(error_of(R"(clauses.blocks("t/boucle", { items = { a = "un" } }))")
              .find("t/boucle.md:5:16: this value is a record (named fields), not a list") !=
          std::string::npos);
    CHECK(error_of(R"(clauses.blocks("t/boucle", { items = "une note" }))")
              .find("t/boucle.md:5:16: this value is not a list but a string") != std::string::npos);
    CHECK(error_of(R"(clauses.blocks("t/boucle", { items = 3 }))").find("__list") == std::string::npos);
    CHECK(lua_error_of("local clauses = require \"conventio.clauses\"\nreturn conventio.Document{ body = "
                       "clauses.blocks(\"t/boucle\", { items = {} }) }",
                       with_templates()) == "no error");  // an empty list: no item, no error
}

TEST_CASE("values from data never become markup") {
    auto d = run_lua(R"(local clauses = require "conventio.clauses"
        local Party = require "conventio.party"
        local p = Party.new({ short_name = "*Test* <b> {{x}} [a](b) # 1. _x_", gender = "m",
                                   representation = "r" }, "partner")
        return conventio.Document{ body = clauses.blocks("t/nom", { partner = p }) })",
                     with_templates());
    REQUIRE(d.body.size() == 1);
    CHECK(text_of(std::get<doc::Paragraph>(d.body[0].value)) ==
          "Le partenaire est le *Test* <b> {{x}} [a](b) # 1. _x_.");
}

TEST_CASE("footnotes written in templates become document footnotes") {
    auto d = run_lua(R"(local clauses = require "conventio.clauses"
        return conventio.Document{ body = clauses.blocks("t/note", {}) })",
                     with_templates());
    const auto& p = std::get<doc::Paragraph>(d.body.at(0).value);
    bool has_note = false;
    for (const auto& i : p.content) has_note = has_note || std::holds_alternative<doc::Footnote>(i);
    CHECK(has_note);
}

TEST_CASE("a clause written as a Lua function receives the agreement's context") {
    auto d = run_lua(agreement(R"(a:article { key = "perso", title = "Clause en Lua", content = function(ctx)
            return conventio.Para { "Voir ", ctx.agreement:ref_inlines("duree"), " et ",
                                    ctx.agreement:ref_inlines("annexe_rgpd") }
          end })"),
                     with_templates());
    bool found = false;
    for (const auto& b : d.body)
        if (auto* p = std::get_if<doc::Paragraph>(&b.value); p && text_of(*p).rfind("Voir ", 0) == 0) {
            CHECK(text_of(*p) == "Voir l'article 3 et l'annexe 1");
            found = true;
        }
    CHECK(found);
}

TEST_CASE("the kind of agreement gives its title; an avenant names its number and what it amends") {
    auto title_of = [](const std::string& spec) {
        auto d = run_lua(
            "local Agreement, Party = require 'conventio.agreement', require 'conventio.party'\n"
            "local spec = " +
            spec +
            "\n"
            "spec.parties = { partner = Party.new({ short_name = 'Cerema', gender = 'm', legal_name = "
            "'Cerema', "
            "representation = 'R' }, 'partner') }\n"
            "spec.party_order = { 'partner' }\n"
            "return Agreement.new(spec):document()");
        return text_of(std::get<doc::Paragraph>(d.body.at(0).value));
    };
    CHECK(title_of("{ kind = 'partenariat', place = 'Paris' }") == "Convention de partenariat");
    CHECK(title_of("{ kind = 'delegation', place = 'Paris' }") == "Convention de délégation de gestion");
    CHECK(title_of("{ kind = 'avenant', number = 2, place = 'Paris', "
                   "amends = { kind = 'partenariat', date = '2023-01-31' } }") ==
          "Avenant n°\u00a02 à la convention de partenariat du 31\u00a0janvier 2023");
    CHECK(
        lua_error_of("local Agreement = require 'conventio.agreement'\nAgreement.new { kind = 'contrat' }") ==
        "snippet.lua:2: Agreement: kind must be \"partenariat\", \"delegation\" or \"avenant\", got contrat");
    CHECK(lua_error_of(
              "local Agreement = require 'conventio.agreement'\n"
              "Agreement.new { kind = 'avenant', amends = { kind = 'partenariat', date = '2023-01-31' } }") ==
          "snippet.lua:2: Agreement: an avenant has a number (number = 1, 2...)");
    CHECK(
        lua_error_of(
            "local Agreement = require 'conventio.agreement'\nAgreement.new { title = 'Convention' }") ==
        "snippet.lua:2: Agreement: party_order must list the parties, in the order the agreement names them");
}
