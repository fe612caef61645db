// Where the data file's values are, so that a problem the library finds in a field ("finance.
// tranches[2].amount: not a number") is shown at its line and column, as an editor jumps to
// it. The places come from the run's own loading of the file (lua::DataText), which sees text
// values: a field holding text has its line and column; an object or list, the line of its
// first text value; a missing field of a list's element, the element's line (which tranche);
// another missing field or a number, none (its message still names the field).
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

    /// The value of `field` starts at `line`:`column` (values come in the file's order) and is
    /// `text`.
    /// `written` is the value as the file writes it (escapes not decoded), for columns inside it.
    void add(std::string_view field, int line, int column, std::string_view text,
             std::string_view written = {});

    /// Gives `d` the place of its field when it is about this data file and has no place yet.
    void locate(Diagnostic& d) const;

    /// A finding of the text review whose words (its excerpt) are in one of the data file's
    /// values is that value's: `d` is moved to it (this file, the value's line and the column of
    /// the words, the value's field), the drafter's place to change rather than the template
    /// that printed it. Returns whether it was. A value that is nothing but the words (a
    /// placeholder "[à compléter]") agrees with any paragraph holding them: it takes a finding
    /// only when `whole_value` (the paragraph came from a template, into which the value may
    /// have been put; not from the script's own text).
    bool place_in_data(Diagnostic& d, bool whole_value = true) const;

private:
    // Every field's name in one text, so a value's place costs no allocation of its own (a
    // render records one for each text value of its data file, ~190 for the Cerema agreement,
    // and each took a string, a hash node and its key). The index by name is built when a
    // problem is first located, which most runs never do.
    struct Place {
        std::size_t start;  // in names_
        std::size_t size;
        std::size_t text_start;  // in texts_
        std::size_t text_size;
        std::size_t written_start;  // in texts_ too: the value as written, when it has escapes
        std::size_t written_size;
        int line;
        int column;
    };
    std::string_view field(const Place& place) const {
        return std::string_view(names_).substr(place.start, place.size);
    }
    const std::unordered_map<std::string_view, std::size_t>& index() const;

    std::string file_;
    std::string names_;
    std::string texts_;          // every value's text, one after the other
    std::vector<Place> places_;  // in the file's order
    // field -> index in places_ (views into names_), for the first places_indexed_ places
    mutable std::unordered_map<std::string_view, std::size_t> at_;
    mutable std::size_t places_indexed_ = 0;
};

}  // namespace conventio::check
