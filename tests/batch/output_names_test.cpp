#include "batch/output_names.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "batch/text_encoding.hpp"

using namespace conventio::batch;

TEST_CASE("names: a pattern takes columns and the row number") {
    NamePattern p = parse_name_pattern("avenant-{code}-{departement}.odt");
    nlohmann::json row = {{"code", "26"}, {"departement", "Drôme"}};
    CHECK(expand_name(p, row, 3, 99).stem == "avenant-26-Drôme");
    CHECK(expand_name(parse_name_pattern("doc-{row}"), row, 3, 120).stem == "doc-003");
    CHECK(expand_name(parse_name_pattern("{{x}}-{code}"), row, 1, 1).stem == "{x}-26");
    CHECK(expand_name(parse_name_pattern("n-{n}"), nlohmann::json{{"n", 7}}, 1, 1).stem == "n-7");
}

TEST_CASE("names: a missing or empty field is the row's error; unknown columns are caught first") {
    NamePattern p = parse_name_pattern("a-{code}");
    CHECK(expand_name(p, nlohmann::json{{"code", ""}}, 1, 1).error ==
          "column 'code': empty, and the output name is made from it");
    CHECK(expand_name(p, nlohmann::json::object(), 1, 1).error ==
          "column 'code': missing, and the output name is made from it");
    CHECK(check_pattern_columns(parse_name_pattern("{departemnt}"), {"code", "departement"}) ==
          "unknown column 'departemnt' in the output name (did you mean 'departement'?)");
    CHECK_FALSE(check_pattern_columns(parse_name_pattern("{row}-{code}"), {"code"}));
    CHECK_THROWS_AS(parse_name_pattern("a-{code"), RowFileError);
    CHECK_THROWS_AS(parse_name_pattern("a-}"), RowFileError);
    CHECK_THROWS_AS(parse_name_pattern("a-{}"), RowFileError);
}

TEST_CASE("names: whatever a cell holds, the name stays inside the output folder") {
    CHECK(safe_file_stem("../../etc/passwd") == "-.-etc-passwd");
    CHECK(safe_file_stem("a/b\\c") == "a-b-c");
    CHECK(safe_file_stem("..") == "");
    CHECK(safe_file_stem("x..y") == "x.y");
    CHECK(safe_file_stem("tab\there\nnew\x7f") == "tab-here-new-");
    CHECK(safe_file_stem("a:b*c?d\"e<f>g|h") == "a-b-c-d-e-f-g-h");
    CHECK(safe_file_stem(" .hidden. ") == "hidden");
    // C1 controls and the line and paragraph separators too.
    CHECK(safe_file_stem("a\u0085b\u009Fc\u2028d\u2029e") == "a-b-c-d-e");
    CHECK(safe_file_stem("caf\u00E9\u00A0x") ==
          "caf\u00E9\u00A0x");  // a no-break space is a letter's neighbour
}

TEST_CASE("names: Windows device names get a prefix, whatever the case or extension") {
    CHECK(safe_file_stem("CON") == "_CON");
    CHECK(safe_file_stem("nul.txt") == "_nul.txt");
    CHECK(safe_file_stem("com1") == "_com1");
    CHECK(safe_file_stem("LPT9") == "_LPT9");
    CHECK(safe_file_stem("console") == "console");
    CHECK(safe_file_stem("com10") == "com10");
    CHECK(safe_file_stem("CONIN$") == "_CONIN$");
    CHECK(safe_file_stem("conout$.odt") == "_conout$.odt");
    CHECK(safe_file_stem("con .x") == "_con .x");
    CHECK(safe_file_stem("COM\u00B9") == "_COM\u00B9");
    CHECK(safe_file_stem("lpt\u00B3.txt") == "_lpt\u00B3.txt");
    CHECK(safe_file_stem("COM\u2074") == "COM\u2074");  // ⁴ is not one of Windows' ports
}

TEST_CASE("names: the length is limited on a character boundary") {
    std::string long_name;
    for (int i = 0; i < 100; ++i) long_name += "é";  // 200 bytes
    std::string s = safe_file_stem(long_name, 151);
    CHECK(s.size() == 150);
    CHECK(is_utf8(s));
}

TEST_CASE("names: collisions ignore case, accented capitals included") {
    CHECK(collision_key("Avenant-Drôme") == collision_key("avenant-DRôME"));
    CHECK(collision_key("ÉVRY") == collision_key("évry"));
    CHECK(collision_key("a") != collision_key("b"));
    // Beyond Latin-1: French's Œ and Ÿ, and any script's capitals, fold as a file system does.
    CHECK(collision_key("\u0152uvre") == collision_key("\u0153uvre"));
    CHECK(collision_key("L'HA\u0178-LES-ROSES") == collision_key("l'ha\u00FF-les-roses"));
    CHECK(collision_key("\u0394\u0395\u039B\u03A6\u039F\u0399") ==
          collision_key("\u03B4\u03B5\u03BB\u03C6\u03BF\u03B9"));
    CHECK(collision_key("\u0152uvre") != collision_key("oeuvre"));
    // As file systems compare names: « ß » is not « ss », nor « ﬁ » « fi ».
    CHECK(collision_key("Stra\u00DFe") != collision_key("Strasse"));
    CHECK(collision_key("\uFB01n") != collision_key("fin"));
}

TEST_CASE("names: one spelling of an accented letter, the composed one") {
    // "Drôme" with « ô » as o + U+0302 (a file exported on a Mac) names the same file as "Drôme".
    CHECK(safe_file_stem("Dro\xcc\x82me") == "Dr\xc3\xb4me");
    CHECK(safe_file_stem("Dr\xc3\xb4me") == "Dr\xc3\xb4me");
    CHECK(collision_key(safe_file_stem("E\xcc\x81vry")) == collision_key(safe_file_stem("\xc3\x89VRY")));
}
