#include "prebuilt/prebuilt_table.hpp"

#include <mutex>

namespace conventio::prebuilt {
namespace {

// Set once by main before any thread starts, then only read: no lock needed to look.
std::span<const Made> installed;

std::mutex built_mutex;
std::vector<Made>& built_here() {
    static std::vector<Made> made;
    return made;
}

}  // namespace

void use(std::span<const Made> table) { installed = table; }

const Made* find(std::string_view cache, std::string_view key) {
    for (const Made& m : installed)
        if (m.cache == cache && m.key == key) return &m;
    return nullptr;
}

void note_built(const Made& made) {
    std::lock_guard<std::mutex> lock(built_mutex);
    built_here().push_back(made);
}

std::vector<Made> built() {
    std::lock_guard<std::mutex> lock(built_mutex);
    return built_here();
}

}  // namespace conventio::prebuilt
