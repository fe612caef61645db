// Writing an output so that it is either wholly there or not at all: a temporary file in the
// target folder, flushed, then renamed over the target.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace conventio::package {

struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Writes `bytes` to `path` atomically. Throws OutputError naming the path and the reason
/// (missing folder, read-only folder, disk full...); the target is then untouched.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace conventio::package
