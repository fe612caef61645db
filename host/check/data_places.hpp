// Where the data file's values are, so that a problem the library finds in a field ("finance.
// tranches[2].amount: not a number") is shown at its line and column, as an editor jumps to
// it. The places come from the run's own loading of the file (lua::DataText), which sees text
// values: a field holding text has its line and column; an object or list, the line of its
// first text value; a missing field or a number, none (its message still names the field).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/diagnostic.hpp"

namespace conventio::check {

class DataPlaces {
public:
    explicit DataPlaces(std::string file) : file_(std::move(file)) {}

    /// The value of `field` starts at `line`:`column` (values come in the file's order).
    void add(std::string_view field, int line, int column);

    /// Gives `d` the place of its field when it is about this data file and has no place yet.
    void locate(Diagnostic& d) const;

private:
    struct Place {
        std::string field;
        int line;
        int column;
    };
    std::string file_;
    std::vector<Place> places_;                        // in the file's order
    std::unordered_map<std::string, std::size_t> at_;  // field -> index in places_
};

}  // namespace conventio::check
