// The pool that serves a Lua state's small blocks: every block its own bytes, aligned, reused
// once released, whatever the order; and a script that grows strings and tables through every
// size class (Lua's reallocations move blocks between classes and to malloc) runs as before.
#include "lua/small_block_pool.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <set>
#include <vector>

#include "lua/lua_test_support.hpp"

using conventio::lua::SmallBlockPool;

TEST_CASE("small block pool: distinct aligned blocks, reused once released") {
    SmallBlockPool pool;
    struct Held {
        unsigned char* at;
        std::size_t size;
    };
    std::vector<Held> held;
    // Enough blocks of every size to need several slabs.
    for (int round = 0; round < 40; ++round)
        for (std::size_t size = 1; size <= SmallBlockPool::largest; size += 7) {
            auto* block = static_cast<unsigned char*>(pool.allocate(size));
            REQUIRE(block != nullptr);
            CHECK(reinterpret_cast<std::uintptr_t>(block) % 16 == 0);
            std::memset(block, static_cast<int>(held.size() % 251), size);
            held.push_back({block, size});
        }
    // No block overlaps another: each still holds its own byte.
    for (std::size_t i = 0; i < held.size(); ++i)
        for (std::size_t k = 0; k < held[i].size; ++k)
            REQUIRE(held[i].at[k] == static_cast<unsigned char>(i % 251));
    // Released blocks come back for blocks of their class, and only for them.
    std::set<unsigned char*> released;
    for (std::size_t i = 0; i < held.size(); i += 2) {
        pool.release(held[i].at, held[i].size);
        released.insert(held[i].at);
    }
    for (std::size_t i = 0; i < held.size(); i += 2) {
        auto* again = static_cast<unsigned char*>(pool.allocate(held[i].size));
        CHECK(released.count(again) == 1);
    }
    CHECK(SmallBlockPool::serves(1));
    CHECK(SmallBlockPool::serves(SmallBlockPool::largest));
    CHECK_FALSE(SmallBlockPool::serves(0));
    CHECK_FALSE(SmallBlockPool::serves(SmallBlockPool::largest + 1));
    CHECK(SmallBlockPool::same_class(17, 32));
    CHECK_FALSE(SmallBlockPool::same_class(16, 17));
}

TEST_CASE("small block pool: a script's strings and tables grow through every size class") {
    CHECK(conventio::test::lua_error_of(R"(
local parts, t = {}, {}
for i = 1, 600 do
  parts[#parts + 1] = string.char(65 + i % 26)
  local s = table.concat(parts)
  assert(#s == i and s:sub(-1) == string.char(65 + i % 26))
  t[i] = s
  t["k" .. i] = i
end
for i = 600, 1, -1 do t[i] = nil end
local n = 0
for k, v in pairs(t) do n = n + v end
assert(n == 600 * 601 / 2)
return conventio.Document{}
)") == "no error");
}
