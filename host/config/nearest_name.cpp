#include "config/nearest_name.hpp"

#include <algorithm>
#include <vector>

namespace conventio::config {
namespace {

/// Edit distance with transpositions of neighbours (the commonest typo), on bytes: names are
/// ASCII identifiers and paths. Three rows, not a whole matrix: a misspelt name may be long (a
/// script's key of megabytes), and the message must not run out of memory for it.
std::size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                row[j] = std::min(row[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, row);
    }
    return previous[b.size()];
}

}  // namespace

std::string nearest_name(std::string_view name, std::span<const std::string_view> known) {
    std::string_view best;
    std::size_t best_distance = static_cast<std::size_t>(-1);
    const std::size_t threshold = std::max<std::size_t>(2, name.size() / 3);
    for (std::string_view candidate : known) {
        // Lengths further apart than the threshold cannot be near enough: not compared.
        const std::size_t apart =
            name.size() > candidate.size() ? name.size() - candidate.size() : candidate.size() - name.size();
        if (apart > threshold) continue;
        std::size_t d = distance(name, candidate);
        if (d < best_distance || (d == best_distance && candidate < best)) {
            best = candidate;
            best_distance = d;
        }
    }
    if (!best.empty() && best_distance <= threshold) return std::string(best);
    return {};
}

}  // namespace conventio::config
