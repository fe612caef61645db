// The zip container, written here over libdeflate's raw deflate and CRC-32. ODT and DOCX need
// very little of zip: entries in a given order, stored or deflated, one fixed timestamp, no
// encryption, no zip64. libzip did this before, but it links libcrypto and libbz2 that
// nothing here uses, and binding their symbols took most of the program's start-up;
// libdeflate compresses the same XML in about 60 % of zlib's time. The format is
// APPNOTE.TXT (PKWARE), sections 4.3.7, 4.3.12 and 4.3.16.
#include "package/zip_package.hpp"

#include <libdeflate.h>

#include <cstdint>
#include <limits>
#include <string_view>

#include "package/deflater.hpp"

namespace conventio::package {
namespace {

// 1980-01-01 00:00:00, the earliest DOS date: no clock, no time zone, no surprise.
constexpr std::uint16_t fixed_dos_time = 0;
constexpr std::uint16_t fixed_dos_date = (0 << 9) | (1 << 5) | 1;

constexpr std::uint16_t version_needed = 20;  // 2.0: deflate
constexpr std::uint16_t method_stored = 0;
constexpr std::uint16_t method_deflated = 8;
constexpr std::uint16_t flag_utf8_name = 1u << 11;

void put16(std::string& out, std::uint16_t v) {
    out.push_back(static_cast<char>(v & 0xff));
    out.push_back(static_cast<char>(v >> 8));
}

void put32(std::string& out, std::uint32_t v) {
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((v >> shift) & 0xff));
}

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

/// What the central directory repeats about an entry once its data is written.
struct Written {
    std::uint16_t flags;
    std::uint16_t method;
    std::uint32_t crc;
    std::uint32_t compressed_size;
    std::uint32_t size;
    std::uint32_t offset;  // of its local header
};

// The fields the local and the central header share, in the order both have them (APPNOTE
// 4.3.7 and 4.3.12), from "version needed to extract" to the name's length.
void shared_header_fields(std::string& out, const std::string& name, const Written& e) {
    put16(out, version_needed);
    put16(out, e.flags);
    put16(out, e.method);
    put16(out, fixed_dos_time);
    put16(out, fixed_dos_date);
    put32(out, e.crc);
    put32(out, e.compressed_size);
    put32(out, e.size);
    put16(out, static_cast<std::uint16_t>(name.size()));
}

void local_header(std::string& out, const std::string& name, const Written& e) {
    put32(out, 0x04034b50);
    shared_header_fields(out, name, e);
    put16(out, 0);  // no extra field: ODF wants the mimetype's bytes at a fixed offset
    out += name;
}

void central_header(std::string& out, const std::string& name, const Written& e) {
    put32(out, 0x02014b50);
    put16(out, version_needed);  // made by: MS-DOS attributes, spec 2.0
    shared_header_fields(out, name, e);
    put16(out, 0);  // extra field
    put16(out, 0);  // comment
    put16(out, 0);  // disk number
    put16(out, 0);  // internal attributes
    put32(out, 0);  // external attributes
    put32(out, e.offset);
    out += name;
}

void check_fits(const Entry& entry, std::size_t archive_size) {
    constexpr std::size_t max32 = std::numeric_limits<std::uint32_t>::max();
    if (entry.name.empty() || entry.name.size() > std::numeric_limits<std::uint16_t>::max())
        throw PackageError("cannot build the package: invalid entry name '" + entry.name + "'");
    // Our documents are a few hundred KiB; zip64 is not worth its code.
    if (entry.bytes().size() >= max32 || archive_size >= max32)
        throw PackageError("cannot build the package: entry " + entry.name + " is larger than 4 GiB");
}

}  // namespace

std::string build_zip(const std::vector<Entry>& entries, int deflate_level) {
    if (entries.size() > std::numeric_limits<std::uint16_t>::max())
        throw PackageError("cannot build the package: too many entries");
    Deflater& deflater = Deflater::of_this_thread(deflate_level);
    std::string out;
    std::size_t total = 0;
    for (const Entry& e : entries) total += e.bytes().size() + 2 * e.name.size() + 76;
    out.reserve(total / 3 + 1024);

    std::vector<Written> written;
    written.reserve(entries.size());
    for (const Entry& entry : entries) {
        check_fits(entry, out.size());
        const std::string_view bytes = entry.bytes();
        // A shared part was deflated once, at the default level.
        const bool reused = entry.compress && entry.shared && deflate_level == default_deflate_level;
        Written e{};
        e.flags = is_ascii(entry.name) ? 0 : flag_utf8_name;
        e.method = entry.compress ? method_deflated : method_stored;
        e.crc = entry.shared ? entry.shared->crc : libdeflate_crc32(0, bytes.data(), bytes.size());
        e.size = static_cast<std::uint32_t>(bytes.size());
        e.offset = static_cast<std::uint32_t>(out.size());
        // The sizes precede the data (no data descriptor), so the header is patched afterwards.
        local_header(out, entry.name, e);
        const std::size_t data_start = out.size();
        if (reused)
            out += entry.shared->deflated;
        else if (entry.compress)
            deflater.deflate_into(out, bytes);
        else
            out += bytes;
        e.compressed_size = static_cast<std::uint32_t>(out.size() - data_start);
        std::string size_bytes;
        put32(size_bytes, e.compressed_size);
        out.replace(e.offset + 18, 4, size_bytes);  // the local header's compressed size field
        written.push_back(e);
    }
    const std::size_t directory_start = out.size();
    for (std::size_t i = 0; i < entries.size(); ++i) central_header(out, entries[i].name, written[i]);
    const std::size_t directory_size = out.size() - directory_start;
    if (out.size() >= std::numeric_limits<std::uint32_t>::max())
        throw PackageError("cannot build the package: larger than 4 GiB");
    put32(out, 0x06054b50);
    put16(out, 0);  // this disk
    put16(out, 0);  // the disk where the directory starts
    put16(out, static_cast<std::uint16_t>(entries.size()));
    put16(out, static_cast<std::uint16_t>(entries.size()));
    put32(out, static_cast<std::uint32_t>(directory_size));
    put32(out, static_cast<std::uint32_t>(directory_start));
    put16(out, 0);  // comment
    return out;
}

}  // namespace conventio::package
