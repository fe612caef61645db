#include "lua/small_block_pool.hpp"

#include <algorithm>
#include <cstdlib>

namespace conventio::lua {

namespace {
// The slab's header (the previous slab's address) keeps the blocks after it 16-byte aligned.
constexpr std::size_t slab_header = 16;
}  // namespace

SmallBlockPool::~SmallBlockPool() {
    while (slabs_) {
        void* previous = *static_cast<void**>(slabs_);
        std::free(slabs_);
        slabs_ = previous;
    }
}

void* SmallBlockPool::carve(std::size_t bytes) noexcept {
    if (unused_bytes_ < bytes) {
        // What is left of the newest slab (less than a block of this class) goes to the free
        // lists of the classes it fits, so nothing is lost.
        while (unused_bytes_ >= granule) {
            std::size_t k = std::min(unused_bytes_ / granule, classes) - 1;
            release(unused_, (k + 1) * granule);
            unused_ += (k + 1) * granule;
            unused_bytes_ -= (k + 1) * granule;
        }
        void* slab = std::malloc(slab_bytes);
        if (!slab) return nullptr;
        *static_cast<void**>(slab) = slabs_;
        slabs_ = slab;
        unused_ = static_cast<char*>(slab) + slab_header;
        unused_bytes_ = slab_bytes - slab_header;
    }
    void* block = unused_;
    unused_ += bytes;
    unused_bytes_ -= bytes;
    return block;
}

}  // namespace conventio::lua
