// The data file's values reviewed for the problems that are found without the script, so that
// they are all reported at once: a value left empty or holding a placeholder ("XXX",
// "[à compléter]", "…"), as a new agreement's data file has them (conventio new) until it is
// filled in. The values come from the run's own loading of the file (lua::DataText): one
// parse, under the loader's size and depth policy, in the file's order, each with its place.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "check/diagnostic.hpp"

namespace conventio::check {

/// An error when `text` is a placeholder, a warning when it is empty or blank (an empty table
/// cell may be meant), nothing otherwise. `field` names it ("parties.partner.siret").
std::optional<Diagnostic> review_data_value(const std::string& file, int line, int column,
                                            std::string_view field, std::string_view text);

}  // namespace conventio::check
