// The nearest-key suggestion behind the host constructors' strict option tables (the messages
// themselves are tested on the real host by tests/lua/options_test.lua).
#include "lua/option_check.hpp"

#include <doctest/doctest.h>

using conventio::lua::nearest_key;

TEST_CASE("a typo is matched to the key meant, another word is not") {
    CHECK(nearest_key("algin", {"align", "keep_with_next", "keep_together"}) == "align");
    CHECK(nearest_key("titel", {"title", "subject"}) == "title");
    CHECK(nearest_key("keep_with_nxt", {"keep_with_next", "keep_together"}) == "keep_with_next");
    CHECK(nearest_key("zzzzzzzzz", {"gender", "plural", "article", "elision"}).empty());
    CHECK(nearest_key("x", {}).empty());
}
