// Compiled clause templates, shared by every Lua state of the process: a batch of thousands
// of agreements compiles each template once. Thread-safe, so batch workers can share it. A
// template whose bytes are those of a shipped one takes the form compiled at build time
// (shipped_form.hpp) instead of being compiled again.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <unordered_map>

#include "template/shipped_form.hpp"
#include "template/template_compiler.hpp"

namespace conventio::tmpl {

struct LoadedTemplate {
    CompiledTemplate compiled;
};

class TemplateCache {
public:
    /// `shipped`: the compiled forms of the shipped templates (host/shipped/), none in tests.
    explicit TemplateCache(std::span<const ShippedForm> shipped = {}) : shipped_(shipped) {}

    /// The template at `path` (named `display_path` in messages), compiled on first use.
    /// Throws TemplateError for a syntax error, with path:line:col, and when the front
    /// matter's key is not the file's name (scripts name a clause by its file).
    std::shared_ptr<const LoadedTemplate> get(const std::filesystem::path& path,
                                              const std::string& display_path);

private:
    std::span<const ShippedForm> shipped_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<const LoadedTemplate>> compiled_;
};

}  // namespace conventio::tmpl
