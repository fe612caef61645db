// The shared layout decisions that need code (see layout.hpp).
#include "document/layout.hpp"

#include <cmath>
#include <numeric>

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
