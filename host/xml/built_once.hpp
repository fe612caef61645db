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

class BuiltOnce {
public:
    /// `build` makes the bytes for one key; it must depend on nothing but the key.
    explicit BuiltOnce(std::function<std::string(std::string_view key)> build) : build_(std::move(build)) {}

    /// The bytes for `key`, built at the first call with it. The reference stays valid for
    /// the life of the process (entries are never removed).
    const std::string& operator()(std::string_view key = {}) {
        std::lock_guard<std::mutex> lock(mutex_);
        auto found = built_.find(key);
        if (found == built_.end()) found = built_.emplace(std::string(key), build_(key)).first;
        return found->second;
    }

private:
    std::function<std::string(std::string_view)> build_;
    std::mutex mutex_;
    std::map<std::string, std::string, std::less<>> built_;
};

}  // namespace conventio::xml
