// The table conventio_prebuild generates at build time (build/generated/prebuilt_table.cpp,
// library conventio_prebuilt_table): what the writers' once-per-process caches made for the
// keys the samples use. Linked by the program, which installs it (prebuilt::use), and by the
// unit tests, which check it against what the writers build at run time.
#pragma once

#include <span>

#include "prebuilt/prebuilt_table.hpp"

namespace conventio::prebuilt {

/// Every entry the build made, the caches' bytes as the writers of this same build make them.
std::span<const Made> generated_table();

}  // namespace conventio::prebuilt
