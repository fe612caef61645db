// How long writing the XML of a typical agreement takes (the target: well under 1 ms for
// ~3,000 words). Reported, and checked only loosely: the machine is shared and may run
// with sanitizers.
#include <doctest/doctest.h>

#include <chrono>

#include "odt/kitchen_sink.hpp"
#include "odt/odt_internal.hpp"

using namespace conventio;
using odt::test::para;
using odt::test::run;

namespace {

/// About 3,500 words: 20 articles of 7 paragraphs of 25 words, some marked, a few notes.
doc::Document agreement() {
    doc::Document d;
    d.header = {run("Convention \u2013 Cerema")};
    d.footer = {run("Page "), doc::Field{doc::FieldKind::page_number}, run(" / "),
                doc::Field{doc::FieldKind::page_count}};
    for (int a = 0; a < 20; ++a) {
        d.body.push_back(odt::test::block(
            para(doc::ParagraphStyle::article, {run("Article"), run(" 1 \u2013 Objet")})));
        for (int p = 0; p < 7; ++p) {
            doc::Inlines content = {
                run("Le partenaire s'engage à fournir "), run("les données nécessaires", "b"),
                run(" à la réalisation de l'étude dans les délais convenus entre les parties"),
                run(" et à informer le Cerema.")};
            if (p == 3)
                content.push_back(
                    doc::Footnote{{para(doc::ParagraphStyle::footnote, {run("Une note.")})}});
            d.body.push_back(odt::test::block(para(doc::ParagraphStyle::body, std::move(content))));
        }
    }
    return d;
}

}  // namespace

TEST_CASE("odt: the XML of a 3,500-word agreement is written quickly") {
    doc::Document d = agreement();
    std::size_t bytes = 0;
    for (int i = 0; i < 5; ++i) bytes += odt::detail::content_xml(d).size();  // warm up
    constexpr int rounds = 50;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < rounds; ++i) {
        bytes += odt::detail::content_xml(d).size();
        bytes += odt::detail::styles_xml(d).size();
    }
    auto elapsed =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start);
    double per_document = elapsed.count() / rounds;
    MESSAGE("content.xml + styles.xml of ~3,500 words: " << per_document << " us ("
                                                         << bytes / (rounds + 5) << " bytes)");
    CHECK(per_document < 20000.0);  // only catches a pathological regression
}
