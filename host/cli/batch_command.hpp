// `conventio batch SCRIPT.lua --rows ROWS --out DIR ...`: its command line and its run
// (the machinery is host/batch/).
#pragma once

#include <string>
#include <vector>

namespace conventio::cli {

/// Parses `args` (args[0] is "batch"), runs the batch and returns the exit status: 0 every
/// row done, 1 a row failed or nothing could be done, 2 a usage error, 128+N on signal N.
int batch(const std::vector<std::string>& args);

/// The batch section of --help.
std::string batch_help_text();

}  // namespace conventio::cli
