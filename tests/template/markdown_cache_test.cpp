// The per-thread cache of Markdown conversions: what it hands out must be what converting the
// text would give, for the options the blocks depend on.
#include "template/markdown_cache.hpp"

#include <doctest/doctest.h>

#include <variant>

using conventio::tmpl::MarkdownCache;
using conventio::tmpl::MarkdownOptions;

namespace {

std::string origin_of(const conventio::tmpl::SharedBlocks& blocks) {
    REQUIRE(!blocks.empty());
    const auto* p = std::get_if<conventio::doc::Paragraph>(&blocks.front()->value);
    REQUIRE(p);
    return p->origin;
}

}  // namespace

TEST_CASE("markdown cache: the same text from two templates keeps each template's origin") {
    MarkdownCache cache;
    MarkdownOptions from_a{"a.md", {}, false, "templates/a.md"};
    MarkdownOptions from_b{"b.md", {}, false, "templates/b.md"};
    CHECK(origin_of(cache.blocks("Le même texte.", from_a)) == "templates/a.md");
    CHECK(origin_of(cache.blocks("Le même texte.", from_b)) == "templates/b.md");
    CHECK(origin_of(cache.blocks("Le même texte.", from_a)) == "templates/a.md");
}

TEST_CASE("markdown cache: a text converted again is handed the same blocks, shared") {
    MarkdownCache cache;
    MarkdownOptions options{"x.md", {}, false, "templates/x.md"};
    auto first = cache.blocks("Un *paragraphe*.\n\nUn autre.", options);
    auto again = cache.blocks("Un *paragraphe*.\n\nUn autre.", options);
    REQUIRE(first.size() == 2);
    REQUIRE(again.size() == 2);
    CHECK(first[0].get() == again[0].get());
    MarkdownOptions headings = options;
    headings.allow_headings = true;
    CHECK(cache.blocks("Un *paragraphe*.\n\nUn autre.", headings)[0].get() != first[0].get());
}
