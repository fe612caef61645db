#include "lua/host_memory.hpp"

#include <malloc.h>

#include <cstdlib>
#include <new>

namespace conventio::lua::host_memory {
namespace {

thread_local std::int64_t t_bytes = 0;
thread_local Gate t_gate = nullptr;
thread_local void* t_context = nullptr;

/// The refused allocation: off the common path (a script at its hard memory limit).
[[gnu::noinline, gnu::cold]] void* refuse(void* p, std::int64_t usable) noexcept {
    t_bytes -= usable;
    std::free(p);
    return nullptr;
}

// Inlined into each operator new and delete: a call level less on each of a render's ~6 000
// C++ allocations. What is counted is unchanged (malloc_usable_size on both sides, the gate
// asked with every new reading), so the cap still sees every host byte.
[[gnu::always_inline]] inline void* counted_allocate(std::size_t size) noexcept {
    void* p = std::malloc(size ? size : 1);
    if (!p) [[unlikely]]
        return nullptr;
    auto usable = static_cast<std::int64_t>(malloc_usable_size(p));
    std::int64_t bytes = t_bytes + usable;
    t_bytes = bytes;
    if (Gate gate = t_gate; gate && !gate(t_context, bytes)) [[unlikely]]
        return refuse(p, usable);
    return p;
}

[[gnu::always_inline]] inline void counted_free(void* p) noexcept {
    if (!p) return;
    t_bytes -= static_cast<std::int64_t>(malloc_usable_size(p));
    std::free(p);
}

[[gnu::always_inline]] inline void* allocate_or_throw(std::size_t size) {
    void* p = counted_allocate(size);
    if (!p) [[unlikely]]
        throw std::bad_alloc();
    return p;
}

}  // namespace

std::int64_t bytes_in_use() noexcept { return t_bytes; }

Scope::Scope(Gate gate, void* context) noexcept : previous_gate_(t_gate), previous_context_(t_context) {
    t_gate = gate;
    t_context = context;
}

Scope::~Scope() {
    t_gate = previous_gate_;
    t_context = previous_context_;
}

}  // namespace conventio::lua::host_memory

// The replaceable global allocation functions (the aligned forms keep the library's own pair).
using conventio::lua::host_memory::allocate_or_throw;
using conventio::lua::host_memory::counted_allocate;
using conventio::lua::host_memory::counted_free;

void* operator new(std::size_t size) { return allocate_or_throw(size); }
void* operator new[](std::size_t size) { return allocate_or_throw(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return counted_allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return counted_allocate(size); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_free(p); }
