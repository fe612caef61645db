// What the host allocates on the C++ heap for a script: copies of strings, the document tree
// the bindings build, data being loaded. The memory cap counts it with Lua's own heap, so a
// script cannot grow past the cap through the host (one big string passed to the API many
// times, millions of calls building a tree).
//
// Counting is done by replacing the global operator new/delete (host_memory.cpp): the one
// place every C++ allocation passes, whichever binding makes it, without a size estimate per
// type. Counts are per thread, as a run (and a batch worker) owns its thread.
#pragma once

#include <cstdint>

namespace conventio::lua::host_memory {

/// C++ heap bytes this thread allocated and has not freed yet (negative when it frees what
/// another thread allocated; callers compare two readings).
std::int64_t bytes_in_use() noexcept;

/// Asked by operator new on this thread, with the thread's new reading; false refuses the
/// allocation, and operator new throws std::bad_alloc. Must neither allocate nor throw.
using Gate = bool (*)(void* context, std::int64_t bytes_in_use) noexcept;

/// While alive, this thread's C++ allocations pass through `gate`. Scopes nest.
class Scope {
public:
    Scope(Gate gate, void* context) noexcept;
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

private:
    Gate previous_gate_;
    void* previous_context_;
};

}  // namespace conventio::lua::host_memory
