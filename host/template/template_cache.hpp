// Compiled clause templates, shared by every Lua state of the process: a batch of thousands
// of agreements compiles each template once. Thread-safe, so batch workers can share it.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "template/template_compiler.hpp"

namespace conventio::tmpl {

struct LoadedTemplate {
    CompiledTemplate compiled;
};

class TemplateCache {
public:
    /// The template at `path` (named `display_path` in messages), compiled on first use.
    /// Throws TemplateError for a syntax error, with path:line:col, and when the front
    /// matter's key is not the file's name (scripts name a clause by its file).
    std::shared_ptr<const LoadedTemplate> get(const std::filesystem::path& path,
                                              const std::string& display_path);

    /// The process-wide cache.
    static TemplateCache& shared();

private:
    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<const LoadedTemplate>> compiled_;
};

}  // namespace conventio::tmpl
