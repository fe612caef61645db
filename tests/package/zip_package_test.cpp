// The zip container read back field by field: local headers, central directory, end record,
// and the deflated data inflated again (with libdeflate's decompressor) to the same bytes.
#include "package/zip_package.hpp"

#include <doctest/doctest.h>
#include <libdeflate.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace conventio;

namespace {

std::uint32_t u16(const std::string& z, std::size_t at) {
    return static_cast<unsigned char>(z[at]) | static_cast<unsigned char>(z[at + 1]) << 8;
}
std::uint32_t u32(const std::string& z, std::size_t at) { return u16(z, at) | u16(z, at + 2) << 16; }

struct ReadEntry {
    std::string name;
    std::uint32_t method;
    std::uint32_t flags;
    std::string data;  // inflated
};

/// Reads the archive from its central directory, as unzip does, and checks that each local
/// header agrees with it.
std::vector<ReadEntry> read_zip(const std::string& z) {
    REQUIRE(z.size() >= 22);
    const std::size_t end = z.size() - 22;
    REQUIRE(u32(z, end) == 0x06054b50);
    const std::uint32_t count = u16(z, end + 10);
    CHECK(u16(z, end + 8) == count);
    std::size_t at = u32(z, end + 16);
    CHECK(at + u32(z, end + 12) == end);
    std::vector<ReadEntry> entries;
    libdeflate_decompressor* inflater = libdeflate_alloc_decompressor();
    for (std::uint32_t i = 0; i < count; ++i) {
        REQUIRE(u32(z, at) == 0x02014b50);
        ReadEntry e;
        e.flags = u16(z, at + 8);
        e.method = u16(z, at + 10);
        CHECK(u16(z, at + 12) == 0);       // 00:00
        CHECK(u16(z, at + 14) == 0x0021);  // 1980-01-01
        const std::uint32_t crc = u32(z, at + 16);
        const std::uint32_t packed = u32(z, at + 20);
        const std::uint32_t size = u32(z, at + 24);
        const std::uint32_t name_length = u16(z, at + 28);
        const std::uint32_t local = u32(z, at + 42);
        e.name = z.substr(at + 46, name_length);
        at += 46 + name_length + u16(z, at + 30) + u16(z, at + 32);

        REQUIRE(u32(z, local) == 0x04034b50);
        CHECK(u16(z, local + 8) == e.method);
        CHECK(u32(z, local + 14) == crc);
        CHECK(u32(z, local + 18) == packed);
        CHECK(u32(z, local + 22) == size);
        CHECK(z.substr(local + 30, name_length) == e.name);
        const std::size_t data = local + 30 + name_length + u16(z, local + 28);
        if (e.method == 0) {
            CHECK(packed == size);
            e.data = z.substr(data, size);
        } else {
            REQUIRE(e.method == 8);
            e.data.resize(size);
            std::size_t got = 0;
            CHECK(libdeflate_deflate_decompress(inflater, z.data() + data, packed, e.data.data(), size,
                                                &got) == LIBDEFLATE_SUCCESS);
            CHECK(got == size);
        }
        CHECK(libdeflate_crc32(0, e.data.data(), e.data.size()) == crc);
        entries.push_back(std::move(e));
    }
    libdeflate_free_decompressor(inflater);
    return entries;
}

}  // namespace

TEST_CASE("zip: entries come back in order, stored or deflated, with their bytes and CRC") {
    std::string big;
    for (int i = 0; i < 2000; ++i)
        big += "<w:p><w:r><w:t>Article " + std::to_string(i) + "</w:t></w:r></w:p>";
    std::vector<package::Entry> entries{
        {"mimetype", "application/vnd.oasis.opendocument.text", false},
        {"content.xml", big, true},
        {"empty.xml", "", true},
        {"META-INF/manifest.xml", "<manifest/>", true},
    };
    std::string zip = package::build_zip(entries);
    CHECK(zip.size() < big.size() / 4);  // the repetitive part really is compressed
    auto read = read_zip(zip);
    REQUIRE(read.size() == entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        CAPTURE(entries[i].name);
        CHECK(read[i].name == entries[i].name);
        CHECK(read[i].method == (entries[i].compress ? 8u : 0u));
        CHECK(read[i].flags == 0);  // ASCII names need no UTF-8 flag
        CHECK(read[i].data == entries[i].data);
    }
}

TEST_CASE("zip: a non-ASCII name is flagged as UTF-8") {
    auto read = read_zip(package::build_zip({{"annexe-défaut.xml", "x", true}}));
    REQUIRE(read.size() == 1);
    CHECK(read[0].name == "annexe-défaut.xml");
    CHECK(read[0].flags == 1u << 11);
}

TEST_CASE("zip: an empty archive is only the end record") {
    std::string zip = package::build_zip({});
    CHECK(zip.size() == 22);
    CHECK(read_zip(zip).empty());
}

TEST_CASE("zip: an entry without a name is refused") {
    CHECK_THROWS_WITH_AS(package::build_zip({{"", "x", true}}), doctest::Contains("invalid entry name"),
                         package::PackageError);
}

TEST_CASE("zip: a shared part is made once per key, and gives the archive of the same bytes unshared") {
    int builds = 0;
    package::SharedParts parts("test settings.xml", [&builds](std::string_view key) {
        ++builds;
        std::string bytes(3000, 's');
        bytes.replace(1500, key.size(), key);  // same size, other bytes: its own deflated form
        return bytes;
    });
    auto zip = [](const package::Entry& settings, int level = package::default_deflate_level) {
        return package::build_zip({{"content.xml", "<c/>"}, settings}, level);
    };
    const package::SharedPart& plain = parts("plain");
    CHECK(&parts("plain") == &plain);  // kept
    CHECK(builds == 1);
    const std::string bytes(plain.bytes);
    const std::string expected = zip({"settings.xml", bytes});
    CHECK(zip({"settings.xml", {}, true, &plain}) == expected);
    const package::SharedPart& other = parts("other");
    CHECK(builds == 2);
    CHECK(zip({"settings.xml", {}, true, &other}) == zip({"settings.xml", std::string(other.bytes)}));
    CHECK(zip({"settings.xml", {}, true, &other}) != expected);
    CHECK(read_zip(zip({"settings.xml", {}, true, &other}))[1].data == other.bytes);
    // At another level than the one it was deflated at, the part is deflated again.
    CHECK(zip({"settings.xml", {}, true, &plain}, 6) == zip({"settings.xml", bytes}, 6));
    CHECK(read_zip(zip({"settings.xml", {}, true, &plain}, 6))[1].data == bytes);
    // Stored, a shared part is its bytes.
    CHECK(zip({"settings.xml", {}, false, &plain}) == zip({"settings.xml", bytes, false}));
}
