// The blocks of a Lua state up to 256 bytes (strings, tables, closures, userdata headers: most
// of what a script allocates), served from free lists of the state's own, one per size class.
// Lua tells the allocator the size of every block it frees or resizes, so the pool keeps no
// header; one thread uses a state at a time, so it takes no lock. glibc's malloc and free cost
// several times more per block, and a batch worker allocates and frees millions of them.
#pragma once

#include <array>
#include <cstddef>

namespace conventio::lua {

class SmallBlockPool {
public:
    static constexpr std::size_t largest = 256;

    SmallBlockPool() = default;
    ~SmallBlockPool();
    SmallBlockPool(const SmallBlockPool&) = delete;
    SmallBlockPool& operator=(const SmallBlockPool&) = delete;

    /// Whether blocks of `size` bytes come from the pool.
    static bool serves(std::size_t size) noexcept { return size != 0 && size <= largest; }
    /// Whether a block of `old_size` bytes can hold `new_size` bytes as it is (the same class).
    static bool same_class(std::size_t old_size, std::size_t new_size) noexcept {
        return class_of(old_size) == class_of(new_size);
    }

    /// A block of `size` bytes (1 to `largest`), 16-byte aligned; nullptr when malloc fails.
    /// Inline: from a free list it is a few instructions, fewer than a call.
    void* allocate(std::size_t size) noexcept {
        std::size_t c = class_of(size);
        if (FreeBlock* block = free_[c]) {
            free_[c] = block->next;
            return block;
        }
        return carve((c + 1) * granule);
    }
    /// Gives back a block `allocate(size)` returned.
    void release(void* block, std::size_t size) noexcept {
        auto* freed = static_cast<FreeBlock*>(block);
        freed->next = free_[class_of(size)];
        free_[class_of(size)] = freed;
    }

private:
    static constexpr std::size_t granule = 16;
    static constexpr std::size_t classes = largest / granule;
    static constexpr std::size_t slab_bytes = 64u << 10;

    static std::size_t class_of(std::size_t size) noexcept { return (size - 1) / granule; }

    struct FreeBlock {
        FreeBlock* next;
    };
    /// A block of `bytes` (a class's size) from the newest slab, or from a new one.
    void* carve(std::size_t bytes) noexcept;
    std::array<FreeBlock*, classes> free_{};
    void* slabs_ = nullptr;   // the slabs, each starting with a pointer to the previous one
    char* unused_ = nullptr;  // the part of the newest slab never handed out
    std::size_t unused_bytes_ = 0;
};

}  // namespace conventio::lua
