// Tracked changes (a consolidated version) in content.xml: text:tracked-changes first in
// office:text, then marks in the body in the same order.
#include <doctest/doctest.h>

#include <string>

#include "odt/kitchen_sink.hpp"
#include "odt/odt_internal.hpp"

using namespace conventio;
using doc::ParagraphStyle;
using odt::test::block;
using odt::test::para;
using odt::test::run;

namespace {

doc::Run changed(std::string text, doc::Change change) {
    doc::Run r = run(std::move(text));
    r.change = change;
    return r;
}

std::string text_of(doc::Inlines inlines) {
    doc::Document d;
    d.revision = {"Avenant n\u00b0 1", "2024-05-15"};
    d.body.push_back(block(para(ParagraphStyle::body, std::move(inlines))));
    std::string xml = odt::detail::content_part(d);
    auto start = xml.find("<office:text>") + 13;
    return xml.substr(start, xml.find("</office:text>") - start);
}

}  // namespace

TEST_CASE("a replaced amount: a deletion region holding the old text, an insertion region, marks in order") {
    std::string t = text_of({run("fixé à "), changed("475 000 €", doc::Change::deleted),
                             changed("600 000 €", doc::Change::inserted), run(".")});
    CHECK(t.rfind("<text:tracked-changes text:track-changes=\"false\">", 0) == 0);
    CHECK(t.find("<text:changed-region xml:id=\"ct1\" text:id=\"ct1\"><text:deletion><office:change-info>"
                 "<dc:creator>Avenant n\u00b0 1</dc:creator><dc:date>2024-05-15T00:00:00Z</dc:date>"
                 "</office:change-info><text:p>475 000 €</text:p></text:deletion></text:changed-region>") !=
          std::string::npos);
    CHECK(t.find("<text:changed-region xml:id=\"ct2\" text:id=\"ct2\"><text:insertion>") !=
          std::string::npos);
    CHECK(t.find("<text:change text:change-id=\"ct1\"/><text:change-start text:change-id=\"ct2\"/>"
                 "600 000 €<text:change-end text:change-id=\"ct2\"/>.") != std::string::npos);
}

TEST_CASE("deleted text starting with a space keeps it as text:s") {
    std::string t = text_of({run("a"), changed(" b", doc::Change::deleted)});
    CHECK(t.find("<text:p><text:s/>b</text:p>") != std::string::npos);
}

TEST_CASE("a document without changes has no text:tracked-changes") {
    CHECK(text_of({run("rien")}).find("tracked-changes") == std::string::npos);
}
