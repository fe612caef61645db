// The XML writer's fragments and the parts built once per process (built_once.hpp).
#include "xml/xml_writer.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "xml/built_once.hpp"

using namespace conventio;

namespace {

void styles(xml::Writer& w) {
    xml::Element s(w, "s:styles");
    w.start("s:style");
    w.attr("s:name", "Corps & \"notes\" • é");
    w.end();
    xml::Element t(w, "s:text");
    w.text("é < ü");
}

}  // namespace

TEST_CASE("xml: a fragment placed in a part gives the bytes of writing it there") {
    xml::Writer direct;
    {
        xml::Element root(direct, "s:root");
        direct.attr("xmlns:s", "urn:s");
        styles(direct);
        direct.empty("s:after");
    }
    xml::Writer fragment(xml::Writer::Fragment{});
    styles(fragment);
    const std::string bytes = fragment.finish();
    CHECK(bytes ==
          "<s:styles><s:style s:name=\"Corps &amp; &quot;notes&quot; • é\"/><s:text>é &lt; ü</s:text>"
          "</s:styles>");
    xml::Writer placed;
    {
        // Right after the root's attributes: the writer closes the start tag first.
        xml::Element root(placed, "s:root");
        placed.attr("xmlns:s", "urn:s");
        placed.raw(bytes);
        placed.empty("s:after");
    }
    CHECK(placed.finish() == direct.finish());
}

TEST_CASE("xml: parts built once per key, by one thread when several ask at once") {
    std::atomic<int> builds{0};
    xml::BuiltOnce<> built([&builds](std::string_view key) {
        ++builds;
        return "part for " + std::string(key);
    });
    std::vector<std::thread> threads;
    std::vector<std::string> got(8);
    for (std::size_t i = 0; i < got.size(); ++i)
        threads.emplace_back([&, i] { got[i] = std::string(built(i % 2 ? "en-GB" : "fr-FR")); });
    for (auto& t : threads) t.join();
    for (std::size_t i = 0; i < got.size(); ++i)
        CHECK(got[i] == (i % 2 ? "part for en-GB" : "part for fr-FR"));
    CHECK(builds == 2);
    CHECK(built("fr-FR") == "part for fr-FR");
    CHECK(built("en-GB").data() == built("en-GB").data());  // the same bytes, not a copy
    CHECK(builds == 2);
}
