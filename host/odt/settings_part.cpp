// settings.xml: the layout rules LibreOffice applies to the ODT, set to the ones it applies
// when it imports our DOCX, so that both formats of one document paginate the same way.
//
// Without it LibreOffice lays an ODT out by its own defaults, which differ from Word's in
// ways that move page breaks: spacing between paragraphs is summed (Word, and LibreOffice
// for DOCX, take the larger of space-after and the next space-before), table rows are not
// kept together, tabs are measured from the indent, and so on. These are ordinary ODF
// config items (the ooo:configuration-settings set); other readers ignore them.
#include <array>

#include "odt/odt_internal.hpp"

namespace conventio::odt::detail {
namespace {

struct LayoutSetting {
    std::string_view name;
    std::string_view type;
    std::string_view value;
};

// Every layout setting LibreOffice 7.4 writes after importing our DOCX (print, embedding,
// protection and database items left out). All of them are given, not only those that differ
// from the ODT defaults: once a document has settings, LibreOffice takes a missing one as
// the value of the old office suites, not of its own defaults.
constexpr std::array<LayoutSetting, 53> word_compatible_layout{{
    {"AddExternalLeading", "boolean", "true"},
    {"AddFrameOffsets", "boolean", "false"},
    {"AddParaLineSpacingToTableCells", "boolean", "true"},
    {"AddParaSpacingToTableCells", "boolean", "true"},
    {"AddParaTableSpacing", "boolean", "false"},
    {"AddParaTableSpacingAtStart", "boolean", "true"},
    {"AddVerticalFrameOffsets", "boolean", "true"},
    {"AlignTabStopPosition", "boolean", "true"},
    {"ApplyParagraphMarkFormatToNumbering", "boolean", "true"},
    {"AutoFirstLineIndentDisregardLineSpace", "boolean", "true"},
    {"BackgroundParaOverDrawings", "boolean", "true"},
    {"ClipAsCharacterAnchoredWriterFlyFrames", "boolean", "false"},
    {"ClippedPictures", "boolean", "true"},
    {"CollapseEmptyCellPara", "boolean", "true"},
    {"ConsiderTextWrapOnObjPos", "boolean", "true"},
    {"ContinuousEndnotes", "boolean", "false"},
    {"DisableOffPagePositioning", "boolean", "true"},
    {"DoNotCaptureDrawObjsOnPage", "boolean", "false"},
    {"DoNotJustifyLinesWithManualBreak", "boolean", "true"},  // as w:doNotExpandShiftReturn
    {"DoNotResetParaAttrsForNumFont", "boolean", "false"},
    {"FloattableNomargins", "boolean", "true"},
    {"FootnoteInColumnToPageEnd", "boolean", "true"},
    {"FrameAutowidthWithMorePara", "boolean", "true"},
    {"GutterAtTop", "boolean", "false"},
    {"HeaderSpacingBelowLastPara", "boolean", "true"},
    {"IgnoreFirstLineIndentInNumbering", "boolean", "false"},
    {"IgnoreTabsAndBlanksForLineCalculation", "boolean", "true"},
    {"InvertBorderSpacing", "boolean", "true"},
    {"MathBaselineAlignment", "boolean", "true"},
    {"MsWordCompMinLineHeightByFly", "boolean", "false"},
    {"MsWordCompTrailingBlanks", "boolean", "true"},
    {"NoNumberingShowFollowBy", "boolean", "true"},
    {"OutlineLevelYieldsNumbering", "boolean", "false"},
    {"PrinterIndependentLayout", "string", "high-resolution"},
    {"PropLineSpacingShrinksFirstLine", "boolean", "true"},
    {"SmallCapsPercentage66", "boolean", "false"},
    {"SubtractFlysAnchoredAtFlys", "boolean", "false"},
    {"SurroundTextWrapSmall", "boolean", "true"},
    {"TabAtLeftIndentForParagraphsInList", "boolean", "true"},
    {"TabOverMargin", "boolean", "false"},
    {"TabOverSpacing", "boolean", "true"},
    {"TabOverflow", "boolean", "true"},
    {"TableRowKeep", "boolean", "true"},
    {"TabsRelativeToIndent", "boolean", "false"},
    {"TreatSingleColumnBreakAsPageBreak", "boolean", "true"},
    {"UnbreakableNumberings", "boolean", "true"},
    {"UnxForceZeroExtLeading", "boolean", "false"},
    {"UseFormerLineSpacing", "boolean", "false"},
    {"UseFormerObjectPositioning", "boolean", "false"},
    {"UseFormerTextWrapping", "boolean", "false"},
    {"UseOldNumbering", "boolean", "false"},
    {"UseOldPrinterMetrics", "boolean", "false"},
    {"WordLikeWrapForAsCharFlys", "boolean", "true"},
}};

std::string build_settings_part() {
    xml::Writer w;
    {
        xml::Element root(w, "office:document-settings");
        w.attr("xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0");
        w.attr("xmlns:config", "urn:oasis:names:tc:opendocument:xmlns:config:1.0");
        // LibreOffice reads the set's name "ooo:configuration-settings" as a qualified name:
        // without this declaration it ignores the whole set.
        w.attr("xmlns:ooo", "http://openoffice.org/2004/office");
        w.attr("office:version", "1.3");
        xml::Element settings(w, "office:settings");
        xml::Element set(w, "config:config-item-set");
        w.attr("config:name", "ooo:configuration-settings");
        for (const auto& item : word_compatible_layout) {
            xml::Element e(w, "config:config-item");
            w.attr("config:name", item.name);
            w.attr("config:type", item.type);
            w.text(item.value);
        }
    }
    return w.finish();
}

}  // namespace

// The same bytes for every document: built once per process.
const package::SharedPart& settings_part() {
    static package::SharedParts made("odt settings.xml",
                                     [](std::string_view) { return build_settings_part(); });
    return made();
}

}  // namespace conventio::odt::detail
