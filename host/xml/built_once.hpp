// Parts and fragments that depend on little of a document (its language, nothing at all) are
// built once per process for each value of what they depend on, then copied: a batch writes
// thousands of documents whose styles and settings are the same bytes. Shared by the batch's
// worker threads, so the first build of a key happens under a lock.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace conventio::xml {

/// `Key` is what the bytes depend on: a string (a language tag), or a small struct with
/// operator<=> (the properties a block is written from).
template <class Key = std::string>
class BuiltOnce {
public:
    /// `build` makes the bytes for one key; it must depend on nothing but the key.
    explicit BuiltOnce(std::function<std::string(const Key&)> build) : build_(std::move(build)) {}

    /// The bytes for `key`, built at the first call with it. The reference stays valid for
    /// the life of the process (entries are never removed).
    template <class K>
    const std::string& operator()(const K& key) {
        std::lock_guard<std::mutex> lock(mutex_);
        auto found = built_.find(key);
        if (found == built_.end()) {
            Key owned(key);
            std::string bytes = build_(owned);
            found = built_.emplace(std::move(owned), std::move(bytes)).first;
        }
        return found->second;
    }
    /// The bytes of a part that depends on nothing.
    const std::string& operator()() { return (*this)(Key{}); }

private:
    std::function<std::string(const Key&)> build_;
    std::mutex mutex_;
    std::map<Key, std::string, std::less<>> built_;
};

}  // namespace conventio::xml
