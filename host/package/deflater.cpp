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
    // Past this, the scratch is freed after its part rather than held by the thread.
    constexpr std::size_t kept_scratch = 1u << 20;
    const std::size_t bound = libdeflate_deflate_compress_bound(compressor_, data.size());
    if (bound > scratch_size_) {
        scratch_.reset();  // the old one first: both are never held at once
        scratch_size_ = 0;
        scratch_ = std::make_unique_for_overwrite<char[]>(bound);
        scratch_size_ = bound;
    }
    const std::size_t written =
        libdeflate_deflate_compress(compressor_, data.data(), data.size(), scratch_.get(), bound);
    // The bound always suffices; 0 would be a libdeflate failure.
    if (written == 0 && !data.empty()) throw PackageError("cannot build the package: deflate failed");
    out.append(scratch_.get(), written);
    if (scratch_size_ > kept_scratch) {
        scratch_.reset();
        scratch_size_ = 0;
    }
}

}  // namespace conventio::package
