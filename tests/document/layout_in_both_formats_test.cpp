// One tree through both writers: the layout decisions each wrote into its own XML, read back
// with libxml2's XPath, must be the same (column widths, where explicit page breaks and table
// spacers fall, language and country, header fill, list markers and number labels).
#include <doctest/doctest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "docx/docx_writer.hpp"
#include "odt/kitchen_sink.hpp"
#include "odt/odt_writer.hpp"

using namespace conventio;

namespace {

std::string_view part(const std::vector<package::Entry>& parts, std::string_view name) {
    for (const auto& p : parts)
        if (p.name == name) return p.bytes();
    FAIL("no part " << name);
    throw std::logic_error("unreachable");
}

/// A parsed part with the namespaces of both formats registered for XPath.
class Xml {
public:
    explicit Xml(std::string_view text)
        : doc_(
              xmlReadMemory(text.data(), static_cast<int>(text.size()), "part.xml", nullptr, XML_PARSE_NONET),
              xmlFreeDoc) {
        REQUIRE(doc_ != nullptr);
        context_.reset(xmlXPathNewContext(doc_.get()));
        const std::pair<const char*, const char*> namespaces[] = {
            {"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
            {"style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
            {"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
            {"table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
            {"fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
            {"w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
        };
        for (auto [prefix, uri] : namespaces)
            xmlXPathRegisterNs(context_.get(), reinterpret_cast<const xmlChar*>(prefix),
                               reinterpret_cast<const xmlChar*>(uri));
    }

    /// The nodes `path` selects, relative to `from` (the document when null).
    std::vector<xmlNodePtr> nodes(const std::string& path, xmlNodePtr from = nullptr) const {
        context_->node = from ? from : xmlDocGetRootElement(doc_.get());
        std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> result(
            xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(path.c_str()), context_.get()),
            xmlXPathFreeObject);
        REQUIRE_MESSAGE(result != nullptr, "invalid XPath " << path);
        std::vector<xmlNodePtr> out;
        if (result->nodesetval)
            for (int i = 0; i < result->nodesetval->nodeNr; ++i)
                out.push_back(result->nodesetval->nodeTab[i]);
        return out;
    }

    /// The string value of `path` ("" when it selects nothing).
    std::string value(const std::string& path, xmlNodePtr from = nullptr) const {
        auto found = nodes(path, from);
        if (found.empty()) return {};
        std::unique_ptr<xmlChar, decltype(xmlFree)> text(xmlNodeGetContent(found.front()), xmlFree);
        return text ? reinterpret_cast<const char*>(text.get()) : "";
    }

    static std::string name(xmlNodePtr node) { return reinterpret_cast<const char*>(node->name); }

private:
    struct ContextFree {
        void operator()(xmlXPathContext* c) const { xmlXPathFreeContext(c); }
    };
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc_;
    std::unique_ptr<xmlXPathContext, ContextFree> context_;
};

/// "113.4pt" -> 2268 twips (a twip is 0.05 pt, so the product is an integer).
int twips(const std::string& points) { return static_cast<int>(std::lround(std::stod(points) * 20)); }

/// What a writer decided, in terms both formats share.
struct Decisions {
    std::vector<std::vector<int>> column_widths;  // per table or signature block, in body order
    std::vector<std::string> body;                // "p", "break", "spacer", "table" (lists left out)
    // The text of each paragraph kept with the next block, outside tables (a table keeps with the
    // next block through its style in the ODT, every row's paragraphs in the DOCX).
    std::vector<std::string> kept;
    std::size_t rows = 0, rows_unsplit = 0;  // every table row, and those that never split
    std::string language, country;
    std::set<std::string> header_fills;      // ODT has one cell style per look, DOCX a fill per cell
    std::vector<std::string> bullets;        // per level
    std::vector<std::string> number_labels;  // the first item's label, per level: "1." "a)"
};

Decisions odt_decisions(const doc::Document& d) {
    auto parts = odt::parts(d);
    Xml content(part(parts, "content.xml"));
    Xml styles(part(parts, "styles.xml"));
    Decisions out;
    for (xmlNodePtr t : content.nodes("//office:text/table:table")) {
        std::vector<int> widths;
        for (xmlNodePtr column : content.nodes("table:table-column", t)) {
            std::string name = content.value("@table:style-name", column);
            widths.push_back(twips(content.value("//style:style[@style:name='" + name +
                                                 "']/style:table-column-properties/@style:column-width")));
        }
        out.column_widths.push_back(widths);
    }
    for (xmlNodePtr p :
         content.nodes("//office:text//text:p[not(ancestor::table:table)] | //office:text//text:h")) {
        std::string style = content.value("@text:style-name", p);
        if (content.value("//style:style[@style:name='" + style +
                          "']/style:paragraph-properties/@fo:keep-with-next") == "always")
            out.kept.push_back(content.value(".", p));
    }
    for (xmlNodePtr row : content.nodes("//table:table-row")) {
        ++out.rows;
        std::string style = content.value("@table:style-name", row);
        if (content.value("//style:style[@style:name='" + style +
                          "']/style:table-row-properties/@fo:keep-together") == "always")
            ++out.rows_unsplit;
    }
    for (xmlNodePtr n : content.nodes("//office:text/*")) {
        std::string element = Xml::name(n);
        if (element == "table") {
            out.body.push_back("table");
        } else if (element == "p" || element == "h") {
            std::string style = content.value("@text:style-name", n);
            if (style == "TableSpacer")
                out.body.push_back("spacer");
            else if (content.value("//style:style[@style:name='" + style +
                                   "']/style:paragraph-properties/@fo:break-before") == "page")
                out.body.push_back("break");
            else
                out.body.push_back("p");
        }
    }
    out.language = styles.value("//style:default-style/style:text-properties/@fo:language");
    out.country = styles.value("//style:default-style/style:text-properties/@fo:country");
    for (xmlNodePtr fill : content.nodes("//style:table-cell-properties/@fo:background-color"))
        out.header_fills.insert(content.value(".", fill).substr(1));  // without the '#'
    for (xmlNodePtr level :
         styles.nodes("//text:list-style[@style:name='ListBullet']/text:list-level-style-bullet"))
        out.bullets.push_back(styles.value("@text:bullet-char", level));
    for (xmlNodePtr level :
         styles.nodes("//text:list-style[@style:name='ListNumber']/text:list-level-style-number"))
        out.number_labels.push_back(styles.value("@style:num-format", level) +
                                    styles.value("@style:num-suffix", level));
    return out;
}

Decisions docx_decisions(const doc::Document& d) {
    auto parts = docx::parts(d);
    Xml document(part(parts, "word/document.xml"));
    Xml styles(part(parts, "word/styles.xml"));
    Xml numbering(part(parts, "word/numbering.xml"));
    Decisions out;
    for (xmlNodePtr t : document.nodes("//w:body/w:tbl")) {
        std::vector<int> widths;
        for (xmlNodePtr column : document.nodes("w:tblGrid/w:gridCol", t))
            widths.push_back(std::stoi(document.value("@w:w", column)));
        out.column_widths.push_back(widths);
    }
    // Kept on top of their style (the tree's or the layout's keeps; the table spacers left out).
    for (xmlNodePtr p : document.nodes("//w:body//w:p[w:pPr/w:keepNext][w:r][not(ancestor::w:tbl)]"))
        out.kept.push_back(document.value(".", p));
    out.rows = document.nodes("//w:tr").size();
    out.rows_unsplit = document.nodes("//w:tr[w:trPr/w:cantSplit]").size();
    for (xmlNodePtr n : document.nodes("//w:body/*")) {
        std::string element = Xml::name(n);
        if (element == "tbl") {
            out.body.push_back("table");
        } else if (element == "p") {
            if (!document.nodes("w:pPr/w:numPr", n).empty()) continue;  // a list's paragraph
            if (!document.nodes("w:pPr/w:spacing[@w:lineRule='exact']", n).empty() &&
                document.nodes("w:r", n).empty())
                out.body.push_back("spacer");
            else if (!document.nodes("w:pPr/w:pageBreakBefore", n).empty())
                out.body.push_back("break");
            else
                out.body.push_back("p");
        }
    }
    std::string tag = styles.value("//w:docDefaults//w:lang/@w:val");
    out.language = tag.substr(0, tag.find('-'));
    out.country = tag.find('-') == std::string::npos ? "" : tag.substr(tag.find('-') + 1);
    for (xmlNodePtr fill : document.nodes("//w:tcPr/w:shd/@w:fill"))
        out.header_fills.insert(document.value(".", fill));
    for (xmlNodePtr level : numbering.nodes("//w:abstractNum[@w:abstractNumId='0']/w:lvl"))
        out.bullets.push_back(numbering.value("w:lvlText/@w:val", level));
    for (xmlNodePtr level : numbering.nodes("//w:abstractNum[@w:abstractNumId='1']/w:lvl")) {
        std::string format = numbering.value("w:numFmt/@w:val", level);
        std::string label = numbering.value("w:lvlText/@w:val", level);
        // "%2)" shows level 2's number: its first value in the level's format.
        const std::string first = format == "lowerLetter" ? "a" : format == "decimal" ? "1" : "?";
        out.number_labels.push_back(first + label.substr(2));
    }
    return out;
}

}  // namespace

TEST_CASE("layout in both formats: one tree, the same decisions in the ODT and in the DOCX") {
    doc::Document d = odt::test::kitchen_sink();
    d.meta.language = "en-GB";
    // Weights whose shares do not fall on whole twips (9070 * 2/8 = 2267.5): the writers once
    // rounded them apart.
    doc::Table uneven;
    uneven.column_weights = {2, 3, 3};
    uneven.rows.push_back(doc::Row{{doc::Cell{}, doc::Cell{}, doc::Cell{}}});
    d.body.insert(d.body.begin(), doc::Block{uneven});

    Decisions odt = odt_decisions(d);
    Decisions docx = docx_decisions(d);
    CHECK(odt.column_widths == docx.column_widths);
    REQUIRE(odt.column_widths.size() == 4);  // three tables and the signatures
    CHECK(odt.column_widths[0] == std::vector<int>{2268, 3401, 3401});
    CHECK(odt.body == docx.body);
    CHECK(odt.kept == docx.kept);
    CHECK(!odt.kept.empty());
    CHECK(odt.rows == docx.rows);
    CHECK(odt.rows_unsplit == odt.rows);
    CHECK(docx.rows_unsplit == docx.rows);
    CHECK(std::count(odt.body.begin(), odt.body.end(), "break") == 3);
    CHECK(std::count(odt.body.begin(), odt.body.end(), "spacer") == 4);
    CHECK(odt.language == "en");
    CHECK(odt.country == "GB");
    CHECK(docx.language == odt.language);
    CHECK(docx.country == odt.country);
    CHECK(odt.header_fills == docx.header_fills);
    CHECK(odt.header_fills == std::set<std::string>{"D9D9D9"});
    CHECK(odt.bullets == docx.bullets);
    CHECK(odt.bullets == std::vector<std::string>{"\u2022", "\u2013"});
    CHECK(odt.number_labels == docx.number_labels);
    CHECK(odt.number_labels == std::vector<std::string>{"1.", "a)"});
}
