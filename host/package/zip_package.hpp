// Zip packaging for ODT and DOCX, in memory, with what both formats and reproducibility need:
// entries in the given order, chosen entries stored uncompressed, and fixed timestamps.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "package/shared_part.hpp"

namespace conventio::package {

struct PackageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Entry {
    std::string name;      // path inside the package, '/' separated
    std::string data;      // the bytes, unless `shared` holds them
    bool compress = true;  // false stores the bytes as they are (ODT's mimetype must be)
    /// A part with the same bytes in every package (shared_part.hpp): its deflated form and
    /// CRC are reused, not computed again.
    const SharedPart* shared = nullptr;

    std::string_view bytes() const { return shared ? shared->bytes : std::string_view(data); }
};

/// libdeflate's fastest level. Measured on the Cerema agreement's DOCX (13 parts, 60 KB of
/// XML, one 43 KB): level 6 gave 13.1 KB in 0.59 ms from a cold start, level 1 14.3 KB in
/// 0.35 ms, levels 2 to 5 in between (0.5 ms for 13.2 to 14.1 KB). A tenth larger for 0.25 ms
/// of a run that is a few milliseconds; every part small enough to store (under 1 KB) saves
/// only a few microseconds each and grows the file by a sixth, so parts stay deflated.
inline constexpr int default_deflate_level = 1;

/// Builds a zip archive of `entries`, in order. Every entry carries the same fixed DOS
/// timestamp (1980-01-01 00:00), so the same entries always give the same bytes.
std::string build_zip(const std::vector<Entry>& entries, int deflate_level = default_deflate_level);

}  // namespace conventio::package
