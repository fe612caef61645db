#include "package/zip_package.hpp"

#include <zip.h>

#include <memory>

namespace conventio::package {
namespace {

// 1980-01-01 00:00:00, the earliest DOS date: no clock, no time zone, no surprise.
constexpr zip_uint16_t fixed_dos_time = 0;
constexpr zip_uint16_t fixed_dos_date = (0 << 9) | (1 << 5) | 1;

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
    std::string message = "cannot build the package: " + what;
    if (error) message += std::string(": ") + zip_error_strerror(error);
    throw PackageError(message);
}

struct SourceFree {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};

}  // namespace

std::string build_zip(const std::vector<Entry>& entries, int deflate_level) {
    zip_error_t error;
    zip_error_init(&error);
    // The archive lives in a memory buffer; we keep a reference so its bytes survive zip_close.
    std::unique_ptr<zip_source_t, SourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) fail("memory buffer", &error);
    zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
    if (!archive) fail("open", &error);
    zip_source_keep(buffer.get());

    for (const Entry& entry : entries) {
        zip_source_t* data = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
        if (!data) {
            zip_discard(archive);
            fail("entry " + entry.name, &error);
        }
        zip_int64_t index = zip_file_add(archive, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(data);
            std::string message = "entry " + entry.name + ": " + zip_strerror(archive);
            zip_discard(archive);
            throw PackageError("cannot build the package: " + message);
        }
        auto i = static_cast<zip_uint64_t>(index);
        int rc = entry.compress ? zip_set_file_compression(archive, i, ZIP_CM_DEFLATE,
                                                           static_cast<zip_uint32_t>(deflate_level))
                                : zip_set_file_compression(archive, i, ZIP_CM_STORE, 0);
        if (rc == 0) rc = zip_file_set_dostime(archive, i, fixed_dos_time, fixed_dos_date, 0);
        if (rc != 0) {
            std::string message = "entry " + entry.name + ": " + zip_strerror(archive);
            zip_discard(archive);
            throw PackageError("cannot build the package: " + message);
        }
    }
    if (zip_close(archive) != 0) {
        std::string message = zip_strerror(archive);
        zip_discard(archive);
        throw PackageError("cannot build the package: " + message);
    }

    zip_stat_t st;
    if (zip_source_stat(buffer.get(), &st) != 0 || zip_source_open(buffer.get()) != 0)
        fail("read back", zip_source_error(buffer.get()));
    std::string bytes(st.size, '\0');
    zip_int64_t got = zip_source_read(buffer.get(), bytes.data(), st.size);
    zip_source_close(buffer.get());
    if (got < 0 || static_cast<zip_uint64_t>(got) != st.size)
        fail("read back", zip_source_error(buffer.get()));
    return bytes;
}

}  // namespace conventio::package
