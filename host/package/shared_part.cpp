#include "package/shared_part.hpp"

#include <libdeflate.h>

#include "package/deflater.hpp"
#include "package/zip_package.hpp"
#include "prebuilt/prebuilt_table.hpp"

namespace conventio::package {

SharedParts::SharedParts(std::string_view name, std::function<std::string(std::string_view key)> build)
    : name_(name), build_(std::move(build)) {}

const SharedPart& SharedParts::operator()(std::string_view key) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = made_.find(key);
    if (found != made_.end()) return found->second.part;
    Made m;
    const prebuilt::Made* ready = prebuilt::find(name_, key);
    if (ready) {
        m.part = {ready->bytes, ready->deflated, ready->crc};
    } else {
        // Everything before the entry exists: a throw leaves no half-made one.
        m.bytes = build_(key);
        Deflater::of_this_thread(default_deflate_level).deflate_into(m.deflated, m.bytes);
    }
    found = made_.emplace(std::string(key), std::move(m)).first;
    Made& stored = found->second;
    if (!ready) {
        stored.part = {stored.bytes, stored.deflated,
                       libdeflate_crc32(0, stored.bytes.data(), stored.bytes.size())};
        prebuilt::note_built({name_, found->first, stored.part.bytes, stored.part.deflated, stored.part.crc});
    }
    return stored.part;
}

}  // namespace conventio::package
