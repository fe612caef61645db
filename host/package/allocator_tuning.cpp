#include "package/allocator_tuning.hpp"

#include <malloc.h>

namespace conventio::package {

void keep_freed_memory_for_reuse() {
    constexpr int keep = 64 << 20;    // far above what one document needs
    mallopt(M_MMAP_THRESHOLD, keep);  // compression buffers come from the heap, not mmap
    mallopt(M_TRIM_THRESHOLD, keep);  // and the heap is not shrunk after each entry
    mallopt(M_TOP_PAD, 16 << 20);     // grow it in large steps
}

}  // namespace conventio::package
