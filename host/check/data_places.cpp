#include "check/data_places.hpp"

namespace conventio::check {

void DataPlaces::add(std::string_view field, int line, int column) {
    places_.push_back(Place{names_.size(), field.size(), line, column});
    names_ += field;
}

const std::unordered_map<std::string_view, std::size_t>& DataPlaces::index() const {
    if (places_indexed_ != places_.size()) {
        // Built again whole: names_ may have moved since (places added after a problem).
        at_.clear();
        for (std::size_t i = 0; i < places_.size(); ++i)
            at_.emplace(field(places_[i]), i);  // the first one stays
        places_indexed_ = places_.size();
    }
    return at_;
}

void DataPlaces::locate(Diagnostic& d) const {
    if (d.file != file_ || d.field.empty() || d.line > 0) return;
    const auto& at = index();
    if (auto it = at.find(d.field); it != at.end()) {
        d.line = places_[it->second].line;
        d.column = places_[it->second].column;
        return;
    }
    // An object or a list: where its first value is (the field itself has no text to point at).
    const std::string_view wanted = d.field;
    for (const auto& place : places_) {
        const std::string_view f = field(place);
        if (f.size() > wanted.size() && f.starts_with(wanted) &&
            (f[wanted.size()] == '.' || f[wanted.size()] == '[')) {
            d.line = place.line;
            return;
        }
    }
}

}  // namespace conventio::check
