#include "package/deflater.hpp"

#include <doctest/doctest.h>
#include <libdeflate.h>

#include <cstdint>
#include <memory>
#include <string>

using conventio::package::Deflater;

namespace {

/// `size` bytes that compress, but not to nothing (a pseudo-random walk over a few letters).
std::string sample(std::size_t size, std::uint32_t seed) {
    std::string s(size, ' ');
    for (auto& ch : s) {
        seed = seed * 1103515245u + 12345u;
        ch = static_cast<char>('a' + (seed >> 16) % 7);
    }
    return s;
}

std::string inflated(std::string_view deflated, std::size_t size) {
    std::unique_ptr<libdeflate_decompressor, decltype(&libdeflate_free_decompressor)> d(
        libdeflate_alloc_decompressor(), &libdeflate_free_decompressor);
    std::string out(size, '\0');
    std::size_t actual = 0;
    REQUIRE(libdeflate_deflate_decompress(d.get(), deflated.data(), deflated.size(), out.data(), out.size(),
                                          &actual) == LIBDEFLATE_SUCCESS);
    out.resize(actual);
    return out;
}

}  // namespace

TEST_CASE("deflater: each part appended after what the output holds, whatever the sizes before it") {
    Deflater& deflater = Deflater::of_this_thread(6);
    // Small, larger (the scratch grows), past the size kept (freed after), small again, empty.
    for (std::size_t size : {100u, 70'000u, 3u << 20, 5'000u, 0u}) {
        const std::string data = sample(size, static_cast<std::uint32_t>(size));
        std::string out = "prefix";
        deflater.deflate_into(out, data);
        REQUIRE(out.size() > 6);
        CHECK(out.substr(0, 6) == "prefix");
        CHECK(inflated(std::string_view(out).substr(6), size) == data);
    }
}
