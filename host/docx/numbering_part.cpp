// word/numbering.xml: the bulleted and the ordered list definitions, and one instance per
// ordered list so that each restarts at 1.
#include <array>
#include <string>

#include "document/layout.hpp"
#include "document/style_sheet.hpp"
#include "docx/docx_internal.hpp"
#include "xml/built_once.hpp"

namespace conventio::docx::detail {
namespace {

std::string_view num_format(layout::Marker marker) {
    switch (marker) {
        case layout::Marker::bullet:
            return "bullet";
        case layout::Marker::decimal:
            return "decimal";
        case layout::Marker::lower_letter:
            return "lowerLetter";
    }
    return "bullet";
}

/// w:lvlText: the bullet itself, or "%N" (this level's number) and its suffix.
std::string level_text(int ilvl, const layout::ListLevel& look) {
    if (look.marker == layout::Marker::bullet) return std::string(look.bullet);
    return "%" + std::to_string(ilvl + 1) + std::string(look.suffix);
}

// Level n (1-based) indents by n * list_indent with the marker hanging in the last
// list_hanging of it; the text after the marker starts at the indent (Word's default tab).
void level(xml::Writer& w, int ilvl, const layout::ListLevel& look) {
    xml::Element lvl(w, "w:lvl");
    w.attr("w:ilvl", ilvl);
    val(w, "w:start", 1);
    val(w, "w:numFmt", num_format(look.marker));
    val(w, "w:lvlText", level_text(ilvl, look));
    val(w, "w:lvlJc", "left");
    xml::Element ppr(w, "w:pPr");
    w.start("w:ind");
    w.attr("w:left", (ilvl + 1) * style::list_indent);
    w.attr("w:hanging", style::list_hanging);
    w.end();
}

template <std::size_t N>
void abstract_num(xml::Writer& w, int id, const std::array<layout::ListLevel, N>& levels) {
    xml::Element a(w, "w:abstractNum");
    w.attr("w:abstractNumId", id);
    val(w, "w:multiLevelType", "hybridMultilevel");
    for (std::size_t i = 0; i < N; ++i) level(w, static_cast<int>(i), levels[i]);
}

// The override restarts only the level the list uses: a nested list must not reset the
// count of the list it sits in.
void ordered_num(xml::Writer& w, const NumberingPlan::OrderedInstance& instance) {
    xml::Element num(w, "w:num");
    w.attr("w:numId", instance.num_id);
    val(w, "w:abstractNumId", NumberingPlan::ordered_abstract_id);
    xml::Element over(w, "w:lvlOverride");
    w.attr("w:ilvl", instance.level);
    val(w, "w:startOverride", 1);
}

/// The two list definitions and the bullets' instance: the same for every document, so
/// built once per process; only the ordered lists' instances depend on the document.
std::string_view list_definitions() {
    static xml::BuiltOnce<> built("docx word/numbering.xml list definitions", [](std::string_view) {
        xml::Writer w(xml::Writer::Fragment{});
        abstract_num(w, NumberingPlan::bullet_abstract_id, layout::bullet_levels);
        abstract_num(w, NumberingPlan::ordered_abstract_id, layout::ordered_levels);
        {
            xml::Element num(w, "w:num");
            w.attr("w:numId", NumberingPlan::bullet_num_id);
            val(w, "w:abstractNumId", NumberingPlan::bullet_abstract_id);
        }
        return w.finish();
    });
    return built();
}

}  // namespace

int NumberingPlan::new_ordered_list(int level) {
    // numId 1 is the bullets' instance, so ordered ones start at 2.
    int num_id = static_cast<int>(ordered_.size()) + 2;
    ordered_.push_back({num_id, level});
    return num_id;
}

std::string numbering_part(const NumberingPlan& plan) {
    xml::Writer w;
    {
        xml::Element root(w, "w:numbering");
        w.attr("xmlns:w", ns_w);
        w.raw(list_definitions());
        for (const auto& instance : plan.ordered()) ordered_num(w, instance);
    }
    return w.finish();
}

}  // namespace conventio::docx::detail
