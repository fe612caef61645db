#include "document/document_check.hpp"

#include <map>
#include <string_view>
#include <vector>

#include "config/i18n.hpp"
#include "config/nearest_name.hpp"
#include "document/inline_revisions.hpp"
#include "document/style_sheet.hpp"

namespace conventio::doc {
namespace {

using config::format;
using config::tr;

class Checker {
public:
    void document(const Document& d) {
        language(d.meta.language);
        where_ = tr("page header");
        page_furniture(d.header);
        where_ = tr("page footer");
        page_furniture(d.footer);
        int n = 0;
        for (const Block& b : d.body) {
            where_ = format(tr("block {}"), std::to_string(++n));
            block(b, 0);
        }
        // The writers attribute every change to the revision (dc:creator, w:author).
        if (!first_change_.empty() && (d.revision.author.empty() || d.revision.date.empty()))
            throw DocumentError(
                format(tr("{}: the document holds tracked changes but no revision = { author =, date = } to "
                          "attribute them to"),
                       first_change_));
        for (const auto& [name, text, deleted, where] : refs_) {
            // A reference deleted with the old text shows the old anchor's text (the anchor as
            // amended when it is the only one); one kept or inserted the anchor the avenant has:
            // the deleted one is gone once the changes are accepted.
            const std::string* shown = nullptr;
            if (auto now = anchors_.find(name); now != anchors_.end()) shown = &now->second;
            if (auto old = deleted_anchors_.find(name); old != deleted_anchors_.end()) {
                if (!deleted && !shown)
                    throw DocumentError(
                        format(tr("{}: cross-reference to '{}' kept or inserted, but its anchor is "
                                  "deleted (once the changes are accepted it points at nothing)"),
                               where, name));
                if (deleted) shown = &old->second;
            }
            if (!shown) {
                std::vector<std::string_view> known;
                for (const auto& anchor : anchors_) known.push_back(anchor.first);
                for (const auto& anchor : deleted_anchors_) known.push_back(anchor.first);
                std::string near = config::nearest_name(name, known);
                throw DocumentError(
                    format(tr("cross-reference to '{}', which no anchor defines{}"), name,
                           near.empty() ? std::string() : format(tr(" (did you mean {}?)"), near)));
            }
            if (*shown != text)
                throw DocumentError(format(tr("cross-reference to '{}' shows '{}' but the anchor reads '{}'"),
                                           name, text, *shown));
        }
    }

private:
    /// "fr-FR": a language and a country, as both formats record it.
    static void language(const std::string& tag) {
        auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
        auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
        bool ok = tag.size() == 5 && lower(tag[0]) && lower(tag[1]) && tag[2] == '-' && upper(tag[3]) &&
                  upper(tag[4]);
        if (!ok) throw DocumentError(format(tr("language must be written like \"fr-FR\", got \"{}\""), tag));
    }

    /// Headers and footers repeat on every page: a footnote there cannot be shown (Word has
    /// none), and an anchor would be defined once per page.
    void page_furniture(const Inlines& content) {
        for (const Inline& i : content) {
            if (std::holds_alternative<Footnote>(i))
                throw DocumentError(
                    format(tr("{}: a footnote cannot be in the page header or footer"), where_));
            if (std::holds_alternative<Anchor>(i))
                throw DocumentError(
                    format(tr("{}: an anchor cannot be in the page header or footer"), where_));
        }
        inlines(content);
    }

    void block(const Block& b, int list_depth) {
        if (auto* p = std::get_if<Paragraph>(&b.value))
            paragraph(*p);
        else if (auto* l = std::get_if<List>(&b.value))
            list(*l, list_depth + 1);
        else if (auto* t = std::get_if<Table>(&b.value))
            table(*t);
        else if (auto* s = std::get_if<Signatures>(&b.value)) {
            if (s->columns.empty())
                throw DocumentError(format(tr("{}: signature block without signatories"), where_));
            for (const auto& column : s->columns)
                for (const auto& p : column) paragraph(p);
        }
    }

    void paragraph(const Paragraph& p) {
        if (p.mark != Change::none) changed();
        inlines(p.content);
    }

    /// Notes where the first tracked change is.
    void changed() {
        if (first_change_.empty()) first_change_ = where_;
    }

    void inlines(const Inlines& content) {
        for (const Inline& i : content) {
            if (change_of(i) != Change::none) changed();
            if (auto* a = std::get_if<Anchor>(&i)) {
                if (!valid_anchor_name(a->name))
                    throw DocumentError(format(tr("{}: invalid anchor name '{}'"), where_, a->name));
                // An anchor an avenant changed is there twice: deleted (its old text) and
                // inserted; each name is defined once among the anchors of each side.
                auto& defined = a->change == Change::deleted ? deleted_anchors_ : anchors_;
                if (!defined.emplace(a->name, a->text).second)
                    throw DocumentError(format(tr("{}: anchor '{}' is defined twice"), where_, a->name));
            } else if (auto* r = std::get_if<CrossRef>(&i)) {
                refs_.push_back({r->name, r->text, r->change == Change::deleted, where_});
            } else if (auto* f = std::get_if<Footnote>(&i)) {
                if (in_footnote_) throw DocumentError(format(tr("{}: a footnote inside a footnote"), where_));
                in_footnote_ = true;
                for (const auto& p : f->paragraphs) paragraph(p);
                in_footnote_ = false;
            }
        }
    }

    void list(const List& l, int depth) {
        if (depth > style::max_list_depth)
            throw DocumentError(format(tr("{}: lists nest at most {} levels deep"), where_,
                                       std::to_string(style::max_list_depth)));
        for (const ListItem& item : l.items)
            for (const Block& b : item.blocks) {
                if (std::holds_alternative<Table>(b.value) || std::holds_alternative<Signatures>(b.value))
                    throw DocumentError(
                        format(tr("{}: a list item holds paragraphs and lists only"), where_));
                block(b, depth);
            }
    }

    void table(const Table& t) {
        std::size_t columns = t.column_weights.size();
        if (columns == 0) throw DocumentError(format(tr("{}: table without columns"), where_));
        if (t.rows.empty()) throw DocumentError(format(tr("{}: table without rows"), where_));
        for (double w : t.column_weights)
            if (!(w > 0)) throw DocumentError(format(tr("{}: column widths must be positive"), where_));
        int r = 0;
        for (const Row& row : t.rows) {
            ++r;
            if (row.change != Change::none) changed();
            std::size_t filled = 0;
            for (const Cell& c : row.cells) {
                if (c.column_span < 1)
                    throw DocumentError(
                        format(tr("{}, row {}: column span below 1"), where_, std::to_string(r)));
                filled += static_cast<std::size_t>(c.column_span);
                for (const Block& b : c.blocks) {
                    if (!std::holds_alternative<Paragraph>(b.value) && !std::holds_alternative<List>(b.value))
                        throw DocumentError(format(tr("{}, row {}: a cell holds paragraphs and lists only"),
                                                   where_, std::to_string(r)));
                    block(b, 0);
                }
            }
            if (filled != columns)
                throw DocumentError(format(tr("{}, row {}: cells cover {} columns, the table has {}"), where_,
                                           std::to_string(r), std::to_string(filled),
                                           std::to_string(columns)));
        }
    }

    std::string where_;
    std::string first_change_;  // where the first tracked change is; empty: none
    bool in_footnote_ = false;
    struct Reference {
        std::string name;
        std::string text;
        bool deleted;
        std::string where;
    };
    std::map<std::string, std::string> anchors_;          // not deleted
    std::map<std::string, std::string> deleted_anchors_;  // deleted by an avenant
    std::vector<Reference> refs_;
};

}  // namespace

bool valid_anchor_name(const std::string& name) {
    if (name.empty() || name.size() > 40) return false;
    auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    if (!letter(name[0])) return false;
    for (char c : name)
        if (!letter(c) && !(c >= '0' && c <= '9') && c != '_') return false;
    return true;
}

void check(const Document& document) { Checker().document(document); }

}  // namespace conventio::doc
