// Zip packaging for ODT and DOCX, in memory, with what both formats and reproducibility need:
// entries in the given order, chosen entries stored uncompressed, and fixed timestamps.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace conventio::package {

struct PackageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Entry {
    std::string name;  // path inside the package, '/' separated
    std::string data;
    bool compress = true;  // false stores the bytes as they are (ODT's mimetype must be)
};

/// Builds a zip archive of `entries`, in order. Every entry carries the same fixed DOS
/// timestamp (1980-01-01 00:00), so the same entries always give the same bytes.
std::string build_zip(const std::vector<Entry>& entries, int deflate_level = 6);

}  // namespace conventio::package
