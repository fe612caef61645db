// What the build knows and the program reports: its version and the source tree it was built
// from. Defined in a file CMake generates (build_config.cpp.in), so changing either rebuilds
// one file instead of every file that includes a compile definition.
#pragma once

#include <string_view>

namespace conventio::config {

/// "0.1.0", from project(VERSION) in CMakeLists.txt.
extern const std::string_view version;

/// The source tree this binary was built from: where a binary still in its build folder finds
/// scripts/ and templates/ when that folder is outside the tree (config/paths.hpp).
extern const std::string_view source_dir;

/// The build folder the binary was linked in.
extern const std::string_view build_dir;

}  // namespace conventio::config
