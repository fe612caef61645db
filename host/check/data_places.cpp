#include "check/data_places.hpp"

namespace conventio::check {

void DataPlaces::add(std::string_view field, int line, int column) {
    places_.push_back(Place{std::string(field), line, column});
    at_.emplace(places_.back().field, places_.size() - 1);
}

void DataPlaces::locate(Diagnostic& d) const {
    if (d.file != file_ || d.field.empty() || d.line > 0) return;
    if (auto it = at_.find(d.field); it != at_.end()) {
        d.line = places_[it->second].line;
        d.column = places_[it->second].column;
        return;
    }
    // An object or a list: where its first value is (the field itself has no text to point at).
    for (const auto& place : places_) {
        const std::string& f = place.field;
        if (f.size() > d.field.size() && f.starts_with(d.field) &&
            (f[d.field.size()] == '.' || f[d.field.size()] == '[')) {
            d.line = place.line;
            return;
        }
    }
}

}  // namespace conventio::check
