// The .rels parts, and the per-part table of hyperlink targets they declare.
#include "docx/docx_internal.hpp"

namespace conventio::docx::detail {

const std::string& Links::id(std::string_view target) {
    auto it = index_.find(target);
    if (it != index_.end()) return ids_[it->second];
    index_.emplace(std::string(target), targets_.size());
    targets_.emplace_back(target);
    ids_.push_back("rIdLink" + std::to_string(targets_.size()));
    return ids_.back();
}

std::vector<Relationship> hyperlink_relationships(const Links& links) {
    std::vector<Relationship> rels;
    rels.reserve(links.targets().size());
    for (std::size_t i = 0; i < links.targets().size(); ++i)
        rels.push_back({links.ids()[i], std::string(rel_base) + "hyperlink", links.targets()[i], true});
    return rels;
}

std::string relationships_part(const std::vector<Relationship>& relationships) {
    xml::Writer w;
    {
        xml::Element root(w, "Relationships");
        w.attr("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
        for (const Relationship& rel : relationships) {
            w.start("Relationship");
            w.attr("Id", rel.id);
            w.attr("Type", rel.type);
            w.attr("Target", rel.target);
            if (rel.external) w.attr("TargetMode", "External");
            w.end();
        }
    }
    return w.finish();
}

}  // namespace conventio::docx::detail
