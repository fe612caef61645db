// The shared layout decisions that need code (see layout.hpp).
#include "document/layout.hpp"

#include <cmath>
#include <numeric>
#include <optional>

namespace conventio::layout {

std::vector<int> column_widths(const std::vector<double>& weights, int total) {
    std::vector<int> widths;
    if (weights.empty()) return widths;
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    widths.reserve(weights.size());
    int used = 0;
    for (std::size_t i = 0; i + 1 < weights.size(); ++i) {
        widths.push_back(static_cast<int>(std::lround(total * weights[i] / sum)));
        used += widths.back();
    }
    widths.push_back(total - used);
    return widths;
}

std::vector<int> signature_widths(std::size_t columns) {
    return column_widths(std::vector<double>(columns, 1.0));
}

namespace {

/// The change of a signatory's whole text: inserted or deleted when all of it is, else none.
doc::Change column_change(const std::vector<doc::Paragraph>& column) {
    std::optional<doc::Change> found;
    for (const doc::Paragraph& p : column)
        for (const doc::Inline& i : p.content) {
            const auto* r = std::get_if<doc::Run>(&i);
            if (!r || r->text.empty()) continue;
            if (found && *found != r->change) return doc::Change::none;
            found = r->change;
        }
    return found.value_or(doc::Change::none);
}

}  // namespace

std::vector<SignatureRow> signature_rows(const doc::Signatures& s) {
    std::vector<SignatureRow> rows;
    const std::size_t per_row = std::min(s.columns.size(), signatures_per_row);
    for (std::size_t first = 0; first < s.columns.size(); first += per_row) {
        SignatureRow row;
        std::optional<doc::Change> change;
        for (std::size_t k = first; k < first + per_row; ++k) {
            if (k >= s.columns.size()) {
                row.columns.push_back(nullptr);
                continue;
            }
            row.columns.push_back(&s.columns[k]);
            doc::Change c = column_change(s.columns[k]);
            change = !change || *change == c ? c : doc::Change::none;
        }
        row.change = change.value_or(doc::Change::none);
        rows.push_back(std::move(row));
    }
    return rows;
}

// document_check has made sure the tag is "ll-CC"; an unchecked tree still gets its halves.
Language language(const doc::Metadata& meta) {
    Language l;
    l.tag = meta.language.empty() ? "fr-FR" : meta.language;
    const std::size_t dash = l.tag.find('-');
    l.code = l.tag.substr(0, dash);
    if (dash != std::string::npos) l.country = l.tag.substr(dash + 1);
    return l;
}

std::string date_time(const doc::Metadata& meta) {
    std::string date = meta.date.empty() ? std::string(fixed_date) : meta.date;
    if (date.size() == 10) date += "T00:00:00";
    return date;
}

}  // namespace conventio::layout
