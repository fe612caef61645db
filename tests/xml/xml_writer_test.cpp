// The XML writer's fragments and the parts built once per process (built_once.hpp).
#include "xml/xml_writer.hpp"

#include <doctest/doctest.h>
#include <libxml/xmlwriter.h>

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

TEST_CASE("xml: a fragment writer made again from a finished one writes what a new one does") {
    const std::string expected =
        "<s:styles><s:style s:name=\"Corps &amp; &quot;notes&quot; • é\"/><s:text>é &lt; ü</s:text>"
        "</s:styles>";
    // Run in a thread of its own, so that no other case's spare writers are in play.
    std::thread([&] {
        {
            xml::Writer first(xml::Writer::Fragment{});
            styles(first);
            CHECK(first.finish() == expected);
        }
        for (int round = 0; round < 3; ++round) {
            xml::Writer again(xml::Writer::Fragment{});  // the first one's libxml2 writer
            styles(again);
            CHECK(again.finish() == expected);
        }
        {
            // Left with an element open (as when a builder throws): not kept.
            xml::Writer broken(xml::Writer::Fragment{});
            broken.start("s:open");
            broken.attr("s:a", "1");
            // Its start tag still open: reused, the next fragment would begin with its ">".
            CHECK(broken.finish() == "<s:open s:a=\"1\"");
        }
        {
            // Nested: a builder may build another fragment while its own is open.
            xml::Writer outer(xml::Writer::Fragment{});
            outer.start("s:outer");
            xml::Writer inner(xml::Writer::Fragment{});
            styles(inner);
            const std::string inner_bytes = inner.finish();
            CHECK(inner_bytes == expected);
            outer.raw(inner_bytes);
            outer.end();
            CHECK(outer.finish() == "<s:outer>" + expected + "</s:outer>");
        }
        xml::Writer after(xml::Writer::Fragment{});
        after.empty("s:e");
        CHECK(after.finish() == "<s:e/>");
    }).join();
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

namespace {

/// What libxml2 itself writes for `text` as element content and as an attribute value, through
/// its escaping calls: the oracle of xml::Writer's way around them.
std::string libxml2_bytes(const std::string& text) {
    xmlBufferPtr buffer = xmlBufferCreate();
    xmlTextWriterPtr w = xmlNewTextWriterMemory(buffer, 0);
    xmlTextWriterStartDocument(w, "1.0", "UTF-8", "yes");
    xmlTextWriterStartElement(w, BAD_CAST "p");
    xmlTextWriterWriteAttribute(w, BAD_CAST "v", BAD_CAST text.c_str());
    xmlTextWriterStartElement(w, BAD_CAST "t");
    xmlTextWriterWriteString(w, BAD_CAST text.c_str());
    xmlTextWriterEndDocument(w);
    xmlFreeTextWriter(w);
    std::string bytes(reinterpret_cast<const char*>(xmlBufferContent(buffer)),
                      static_cast<std::size_t>(xmlBufferLength(buffer)));
    xmlBufferFree(buffer);
    return bytes;
}

std::string writer_bytes(std::string_view text) {
    xml::Writer w;
    {
        xml::Element p(w, "p");
        w.attr("v", text);
        xml::Element t(w, "t");
        w.text(text);
    }
    return w.finish();
}

}  // namespace

TEST_CASE("xml: text and attribute values are the bytes libxml2's escaping writes, whatever they hold") {
    const std::string special = std::string("<>&\"'\r\n\t") + '\x7f' + "\xc3\xa9\xe2\x80\xaf";
    std::vector<std::string> texts = {"",        "plain",    "Article 1 \xe2\x80\x93 Objet",
                                      "a\tb",    "a\nb",     "a\r\nb",
                                      "x<y",     "R&D",      "\"quoted\"",
                                      "l'objet", "\xc2\xa0", "tab\t",
                                      "\t"};
    // Every character that matters alone, at both ends and in the middle.
    for (char c : special) {
        texts.push_back(std::string(1, c));
        texts.push_back(std::string("a") + c);
        texts.push_back(c + std::string("a"));
        texts.push_back(std::string("ab") + c + "cd");
    }
    // And random mixtures of them with letters.
    unsigned seed = 12345;
    for (int i = 0; i < 500; ++i) {
        std::string t;
        const int size = static_cast<int>((seed = seed * 1103515245 + 12345) >> 16) % 12;
        for (int j = 0; j < size; ++j) {
            seed = seed * 1103515245 + 12345;
            const unsigned pick = (seed >> 16) % (special.size() + 4);
            t += pick < special.size() ? special[pick] : static_cast<char>('a' + pick - special.size());
        }
        texts.push_back(t);
    }
    for (const std::string& t : texts) {
        CAPTURE(t);
        CHECK(writer_bytes(t) == libxml2_bytes(t));
    }
}
