#include "package/deflater.hpp"

#include <libdeflate.h>

#include <array>
#include <memory>

#include "package/zip_package.hpp"

namespace conventio::package {

Deflater& Deflater::of_this_thread(int level) {
    // libdeflate's levels are 0 to 12; a compressor is not to be shared between threads.
    thread_local std::array<std::unique_ptr<Deflater>, 13> by_level;
    if (level < 0 || level >= static_cast<int>(by_level.size()))
        throw PackageError("cannot build the package: no compression level " + std::to_string(level));
    auto& deflater = by_level[static_cast<std::size_t>(level)];
    if (!deflater) deflater.reset(new Deflater(level));
    return *deflater;
}

Deflater::Deflater(int level) : compressor_(libdeflate_alloc_compressor(level)) {
    if (!compressor_)
        throw PackageError("cannot build the package: the compressor cannot start (level " +
                           std::to_string(level) + ")");
}

Deflater::~Deflater() { libdeflate_free_compressor(compressor_); }

void Deflater::deflate_into(std::string& out, std::string_view data) {
    const std::size_t start = out.size();
    const std::size_t bound = libdeflate_deflate_compress_bound(compressor_, data.size());
    out.resize(start + bound);
    const std::size_t written =
        libdeflate_deflate_compress(compressor_, data.data(), data.size(), out.data() + start, bound);
    // The bound always suffices; 0 would be a libdeflate failure.
    if (written == 0 && !data.empty()) throw PackageError("cannot build the package: deflate failed");
    out.resize(start + written);
}

}  // namespace conventio::package
