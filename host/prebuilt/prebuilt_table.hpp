// Bytes that depend on next to nothing of a document — a DOCX's styles for one language, an
// ODT's manifest — are made once per process for each key (xml/built_once.hpp,
// package/shared_part.hpp). In a cold render "once per process" is every time, so the build
// makes them too: conventio_prebuild (make_prebuilt.cpp) runs the same writers at build time
// and writes what they made into a generated source (generated_table.hpp), and the caches
// take their bytes from it instead of building and deflating them. This is where the two meet.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace conventio::prebuilt {

/// The bytes one cache made for one key.
struct Made {
    std::string_view cache;  // the cache's name, e.g. "docx word/styles.xml"
    std::string_view key;    // what the bytes depend on: a language tag, or "" for nothing
    std::string_view bytes;
    std::string_view deflated;  // raw deflate at package::default_deflate_level; empty for a
                                // fragment (bytes placed inside a part, never deflated alone)
    std::uint32_t crc = 0;      // CRC-32 of `bytes`; 0 for a fragment
};

/// Makes `table` the first place every cache looks. The table must live for the process (the
/// generated one does) and be installed before any document is written: main does it first.
void use(std::span<const Made> table);

/// The installed table's entry for `cache` and `key`; null when there is none (the cache
/// builds the bytes itself).
const Made* find(std::string_view cache, std::string_view key);

/// Records bytes a cache built at run time. The views must stay valid for the process (a
/// cache never drops what it built). conventio_prebuild writes out what was recorded.
void note_built(const Made& made);

/// Everything recorded by note_built, in the order it was built.
std::vector<Made> built();

}  // namespace conventio::prebuilt
