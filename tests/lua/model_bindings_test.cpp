// Money, Date, Name and identifiers as scripts see them.
#include <doctest/doctest.h>

#include "lua/lua_test_support.hpp"

using conventio::test::lua_error_of;

namespace {
std::string ok(const std::string& code) { return lua_error_of(code + "\nreturn conventio.Document{}"); }
}  // namespace

TEST_CASE("Money: exact arithmetic, comparison and French formatting") {
    CHECK(ok(R"(local c = conventio
        local carried = c.Money("112 403,60") - c.Money("109989")
        assert(tostring(carried) == "2\u{a0}414,60\u{a0}€", tostring(carried))
        local total = carried + c.Money("487372.52")
        assert(total == c.Money("489787.12") and tostring(total) == "489\u{a0}787,12\u{a0}€")
        assert(c.Money(800000) * 2 == c.Money(1600000))
        assert(c.Money(1) < c.Money("1.01") and c.Money("0.10") + c.Money("0.20") == c.Money("0.30"))
        assert(c.Money(475000):spell_out() == "quatre cent soixante-quinze mille euros")
        assert(c.cents(241460):decimal() == "2\u{a0}414,60")
        assert("Total : " .. c.Money(5) == "Total : 5\u{a0}€"))") == "no error");
}

TEST_CASE("Money: a Lua number never silently becomes money") {
    CHECK(lua_error_of("local x = conventio.Money(5) + 1") ==
          "snippet.lua:1: cannot add Money and a number: make it Money first with conventio.Money(\"...\")");
    CHECK(lua_error_of("local x = conventio.Money(0.1)") ==
          "snippet.lua:1: Money: 0.1 is not a whole number of euros; write amounts with cents as strings "
          "(\"112403.60\")");
    CHECK(lua_error_of("local x = conventio.Money('1.2345', 'finance.amount')") ==
          "snippet.lua:1: invalid amount \"1.2345\" (field finance.amount): more than two decimal digits");
    CHECK(lua_error_of("local x = conventio.Money(5) * conventio.Money(2)") ==
          "snippet.lua:1: cannot multiply Money by a conventio.Money: only by a whole number");
}

TEST_CASE("Name: articles, contractions and agreement") {
    CHECK(ok(R"(local c = conventio
        local anct, cerema = c.Name{ "ANCT", gender = "f" }, c.Name("Cerema")
        assert(anct.le == "l'ANCT" and anct.du == "de l'ANCT" and anct.au == "à l'ANCT" and anct.Le == "L'ANCT")
        assert(cerema.du == "du Cerema" and cerema.au == "au Cerema")
        local dinum = c.Name{ "DINUM", gender = "f" }
        assert(dinum.du == "de la DINUM" and dinum:agree("dénommé", "dénommée") == "dénommée")
        local col = c.Name{ "collectivités", gender = "f", plural = true }
        assert(col.du == "des collectivités" and col.au == "aux collectivités")
        assert(c.Name{ "Seine-et-Marne", gender = "f", article = false }.du == "de Seine-et-Marne"))") ==
          "no error");
    CHECK(lua_error_of("local x = conventio.Name('Cerema').genitive") ==
          "snippet.lua:1: Name has no form 'genitive' (le, Le, de, du, De, a, au, A, name, agree)");
}

TEST_CASE("Date: long forms with 1er, comparison, invalid dates refused with the field") {
    CHECK(ok(R"(local c = conventio
        assert(c.Date("2022-07-13").le == "le 13\u{a0}juillet 2022")
        assert(c.Date(2023, 1, 1).long == "1er\u{a0}janvier 2023")
        assert(c.Date("2022-07-13") < c.Date("2023-01-01")))") == "no error");
    CHECK(lua_error_of("local d = conventio.Date('2023-02-29', 'end_date')").find("invalid date") !=
          std::string::npos);
}

TEST_CASE("identifiers and bank accounts are checked, naming the field") {
    CHECK(ok(R"(local c = conventio
        assert(c.id.siret("130 026 032 00016") == "13002603200016")
        local a = c.BankAccount{ holder = "Département de Seine-et-Marne", bank = "30001", branch = "00525",
                                 account = "C7700000000", key = "66", iban = "FR57 3000 1005 25C7 7000 0000 066",
                                 bic = "BDFEFRPPCCT" }
        assert(a.rib == "30001 00525 C7700000000 66" and a.iban == "FR5730001005" .. "25C770000000066")
        assert(a.iban_display == "FR57\u{a0}3000\u{a0}1005\u{a0}25C7\u{a0}7000\u{a0}0000\u{a0}066"))") ==
          "no error");
    CHECK(lua_error_of("conventio.id.siret('13002603200017', 'parties.partner.siret')") ==
          "snippet.lua:1: invalid SIRET 13002603200017 (field parties.partner.siret): Luhn check failed");
    std::string wrong_key = lua_error_of(
        "conventio.BankAccount({ holder = 'Cerema', bank = '10071', branch = '69000', account = "
        "'00001004887', key = '51' }, "
        "'finance.refund_account')");
    CHECK(wrong_key.find("snippet.lua:1: ") == 0);
    CHECK(wrong_key.find("finance.refund_account") != std::string::npos);
    std::string mismatch = lua_error_of(
        "conventio.BankAccount({ holder = 'X', bank = '30001', branch = '00525', account = 'C7700000000', "
        "key = '66', "
        "iban = 'FR76 3000 1000 6400 0000 9244 140' })");
    CHECK(mismatch.find("bank_account.iban") != std::string::npos);
}
