// The data file read for the problems that are found without the script, so that they are all
// reported at once: a value left empty or holding a placeholder ("XXX", "[à compléter]", "…"),
// as a new agreement's data file has them (conventio new) until it is filled in.
#pragma once

#include <filesystem>
#include <vector>

#include "check/diagnostic.hpp"

namespace conventio::check {

/// One error per empty or placeholder value, naming the field ("parties.partner.siret").
/// A file that is not JSON gives none: the script's run reports it, with its place.
std::vector<Diagnostic> review_data_file(const std::filesystem::path& path);

}  // namespace conventio::check
