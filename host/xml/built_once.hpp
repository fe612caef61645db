// Parts and fragments that depend on little of a document (its language, nothing at all) are
// built once per process for each value of what they depend on, then copied: a batch writes
// thousands of documents whose styles and settings are the same bytes. Shared by the batch's
// worker threads, so the first build of a key happens under a lock. A cache with a name and a
// text key also takes its bytes from the table the build made (prebuilt/prebuilt_table.hpp),
// so that a cold run does not build them at all.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>

#include "prebuilt/prebuilt_table.hpp"

namespace conventio::xml {

/// `Key` is what the bytes depend on: a string (a language tag), or a small struct with
/// operator<=> (the properties a block is written from).
template <class Key = std::string>
class BuiltOnce {
public:
    /// `build` makes the bytes for one key; it must depend on nothing but the key.
    explicit BuiltOnce(std::function<std::string(const Key&)> build) : build_(std::move(build)) {}

    /// A cache the build makes ahead for the keys the samples use (conventio_prebuild):
    /// `name` is its entry in the table, unique among the caches.
    BuiltOnce(std::string_view name,
              std::function<std::string(const Key&)> build) requires std::is_same_v<Key, std::string>
        : build_(std::move(build)), name_(name) {}

    /// The bytes for `key`, built at the first call with it (or taken from the build's table).
    /// The view stays valid for the life of the process (entries are never removed).
    template <class K>
    std::string_view operator()(const K& key) {
        std::lock_guard<std::mutex> lock(mutex_);
        auto found = built_.find(key);
        if (found != built_.end()) return found->second.bytes;
        Key owned(key);
        Bytes b;
        const prebuilt::Made* made = nullptr;
        if constexpr (std::is_same_v<Key, std::string>)
            if (!name_.empty()) made = prebuilt::find(name_, owned);
        if (made)
            b.bytes = made->bytes;
        else
            b.owned = build_(owned);  // before the entry exists: a throw leaves no empty one
        found = built_.emplace(std::move(owned), std::move(b)).first;
        Bytes& stored = found->second;
        if (!made) {
            stored.bytes = stored.owned;  // the map's nodes never move, so neither does the string
            if constexpr (std::is_same_v<Key, std::string>)
                if (!name_.empty()) prebuilt::note_built({name_, found->first, stored.bytes, {}, 0});
        }
        return stored.bytes;
    }
    /// The bytes of a part that depends on nothing.
    std::string_view operator()() { return (*this)(Key{}); }

private:
    struct Bytes {
        std::string owned;       // what build_ made; empty when the table had the bytes
        std::string_view bytes;  // `owned`, or the table's
    };
    std::function<std::string(const Key&)> build_;
    std::string_view name_;
    std::mutex mutex_;
    std::map<Key, Bytes, std::less<>> built_;
};

}  // namespace conventio::xml
