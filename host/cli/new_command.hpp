// `conventio new`: a new agreement's script and data file, from the starters shipped in
// share/conventio/starters/ (KIND.lua and KIND.json, or KIND-FINANCE.* for a financial
// variant): every field present, empty, and commented in the script, ready to fill in.
#pragma once

#include "cli/options.hpp"

namespace conventio::cli {

/// Writes DIR/NAME.lua and DIR/NAME.json; refuses to replace a file unless --force. Returns
/// the exit status (2 for an unknown kind or variant, naming those available).
int create(const NewOptions& options);

}  // namespace conventio::cli
