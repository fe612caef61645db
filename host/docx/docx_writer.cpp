// Assembles the package: walks the body once (which also renders the footnotes and collects
// hyperlinks and list instances), then writes the parts that depend on what it found.
#include "docx/docx_writer.hpp"

#include "document/layout.hpp"
#include "docx/docx_internal.hpp"

namespace conventio::docx {
namespace {

constexpr std::string_view wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

// Relationship ids of the main part's fixed targets; hyperlinks use "rIdLink<n>".
constexpr std::string_view header_rel = "rIdHeader1";
constexpr std::string_view footer_rel = "rIdFooter1";

/// The package being assembled: entries in package order, [Content_Types].xml first, and the
/// content type of every part that is not a .rels (those are covered by a Default).
class Package {
public:
    Package() { entries_.push_back({"[Content_Types].xml", {}}); }

    void add(std::string name, std::string content_type, std::string data) {
        types_.push_back({"/" + name, std::move(content_type)});
        entries_.push_back({std::move(name), std::move(data)});
    }

    /// A part with the same bytes in every package of the process, made and deflated once.
    void add(std::string name, std::string content_type, const package::SharedPart& part) {
        types_.push_back({"/" + name, std::move(content_type)});
        entries_.push_back({std::move(name), {}, true, &part});
    }

    /// A .rels part made once (a Default of [Content_Types].xml covers its type).
    void add_shared_relationships(std::string name, const package::SharedPart& rels) {
        entries_.push_back({std::move(name), {}, true, &rels});
    }

    void add_relationships(std::string name, const std::vector<detail::Relationship>& rels) {
        if (!rels.empty()) entries_.push_back({std::move(name), detail::relationships_part(rels)});
    }

    std::vector<package::Entry> finish() {
        entries_.front().shared = &detail::content_types_part(types_);
        return std::move(entries_);
    }

private:
    std::vector<package::Entry> entries_;
    std::vector<detail::ContentType> types_;
};

detail::Relationship part_rel(std::string_view id, std::string_view type, std::string_view target) {
    return {std::string(id), std::string(detail::rel_base) + std::string(type), std::string(target)};
}

/// _rels/.rels: the same in every package, so made once.
const package::SharedPart& package_relationships() {
    static package::SharedParts made("docx _rels/.rels", [](std::string_view) {
        return detail::relationships_part({
            part_rel("rId1", "officeDocument", "word/document.xml"),
            {"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
             "docProps/core.xml"},
            part_rel("rId3", "extended-properties", "docProps/app.xml"),
        });
    });
    return made();
}

std::vector<detail::Relationship> document_relationships(const doc::Document& document,
                                                         const detail::Links& links) {
    std::vector<detail::Relationship> rels{
        part_rel("rIdStyles", "styles", "styles.xml"),
        part_rel("rIdNumbering", "numbering", "numbering.xml"),
        part_rel("rIdFootnotes", "footnotes", "footnotes.xml"),
        part_rel("rIdSettings", "settings", "settings.xml"),
        part_rel("rIdFontTable", "fontTable", "fontTable.xml"),
    };
    if (!document.header.empty()) rels.push_back(part_rel(header_rel, "header", "header1.xml"));
    if (!document.footer.empty()) rels.push_back(part_rel(footer_rel, "footer", "footer1.xml"));
    for (auto& link : detail::hyperlink_relationships(links)) rels.push_back(std::move(link));
    return rels;
}

}  // namespace

std::vector<package::Entry> parts(const doc::Document& document) {
    using std::string;
    detail::DocumentState state;
    state.revision = document.revision;
    detail::FootnotesPart notes(state);
    const bool has_header = !document.header.empty();
    const bool has_footer = !document.footer.empty();
    detail::BodyPart body = detail::document_part(document, state, notes, has_header ? header_rel : "",
                                                  has_footer ? footer_rel : "");
    const string language = layout::language(document.meta).tag;

    Package package;
    package.add_shared_relationships("_rels/.rels", package_relationships());
    package.add("word/document.xml", string(wml) + "document.main+xml", std::move(body.xml));
    package.add_relationships("word/_rels/document.xml.rels", document_relationships(document, body.links));
    package.add("word/styles.xml", string(wml) + "styles+xml", detail::styles_part(language));
    package.add("word/numbering.xml", string(wml) + "numbering+xml", detail::numbering_part(state.numbering));
    package.add("word/footnotes.xml", string(wml) + "footnotes+xml", notes.finish());
    package.add_relationships("word/_rels/footnotes.xml.rels",
                              detail::hyperlink_relationships(notes.links()));
    package.add("word/settings.xml", string(wml) + "settings+xml", detail::settings_part(language));
    package.add("word/fontTable.xml", string(wml) + "fontTable+xml", detail::font_table_part());
    if (has_header) {
        detail::Links links;
        package.add("word/header1.xml", string(wml) + "header+xml",
                    detail::header_footer_part("w:hdr", document.header, state, links));
        package.add_relationships("word/_rels/header1.xml.rels", detail::hyperlink_relationships(links));
    }
    if (has_footer) {
        detail::Links links;
        package.add("word/footer1.xml", string(wml) + "footer+xml",
                    detail::header_footer_part("w:ftr", document.footer, state, links));
        package.add_relationships("word/_rels/footer1.xml.rels", detail::hyperlink_relationships(links));
    }
    package.add("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml",
                detail::core_properties_part(document.meta));
    package.add("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                detail::app_properties_part());
    return package.finish();
}

}  // namespace conventio::docx
