// What the build knows and the program reports: its version and the source tree it was built
// from. Defined in a file CMake generates (build_config.cpp.in), so changing either rebuilds
// one file instead of every file that includes a compile definition.
#pragma once

#include <string_view>

namespace conventio::config {

/// "0.1.0", from project(VERSION) in CMakeLists.txt.
extern const std::string_view version;

/// The source tree this binary was built from: where scripts/ and templates/ are found when
/// $CONVENTIO_HOME is not set.
extern const std::string_view source_dir;

}  // namespace conventio::config
