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
    /// Where the front matter declares `params`, for "missing parameter" messages
    /// (1:1 when it declares none).
    int params_line = 1;
    int params_column = 1;
};

class TemplateCache {
public:
    /// The template at `path` (named `display_path` in messages), compiled on first use.
    /// Throws TemplateError for a syntax error, with path:line:col.
    std::shared_ptr<const LoadedTemplate> get(const std::filesystem::path& path,
                                              const std::string& display_path);

    /// The process-wide cache.
    static TemplateCache& shared();

private:
    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<const LoadedTemplate>> compiled_;
};

}  // namespace conventio::tmpl
