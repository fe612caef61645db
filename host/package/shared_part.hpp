// Whole parts that are the same bytes in every package of a process for one key (a DOCX's
// styles for one language, an ODT's manifest): built, CRC-summed and deflated once, then
// reused by every package — from the build's table (prebuilt/prebuilt_table.hpp) when it has
// the key, so a cold run does none of that work.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace conventio::package {

/// A part's bytes and what the zip needs of them. The views live for the process.
struct SharedPart {
    std::string_view bytes;
    std::string_view deflated;  // raw deflate at default_deflate_level
    std::uint32_t crc = 0;      // CRC-32 of bytes
};

class SharedParts {
public:
    /// `name` is the cache's entry in the build's table (conventio_prebuild), unique among the
    /// caches; `build` makes the bytes for one key and must depend on nothing but the key.
    SharedParts(std::string_view name, std::function<std::string(std::string_view key)> build);

    /// The part for `key`, made at the first call with it (or taken from the build's table).
    const SharedPart& operator()(std::string_view key = {});

private:
    struct Made {
        std::string bytes;  // empty when the table had the part
        std::string deflated;
        SharedPart part;
    };
    std::string_view name_;
    std::function<std::string(std::string_view)> build_;
    std::mutex mutex_;
    std::map<std::string, Made, std::less<>> made_;  // nodes never move: the views stay valid
};

}  // namespace conventio::package
