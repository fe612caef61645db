#include "template/template_cache.hpp"

#include <fstream>
#include <sstream>

#include "template/template_error.hpp"

namespace conventio::tmpl {
namespace {

std::string read_file(const std::filesystem::path& path, const std::string& display_path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw TemplateError(display_path, 0, 0, "cannot open the template");
    std::ostringstream content;
    content << in.rdbuf();
    return std::move(content).str();
}

/// Line and column of the `params:` key in the front matter.
std::pair<int, int> params_position(const std::string& text) {
    int line = 1;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        std::string_view l(text.data() + start, (end == std::string::npos ? text.size() : end) - start);
        if (line > 1 && l.rfind("---", 0) == 0) break;
        if (l.rfind("params:", 0) == 0) return {line, 1};
        if (end == std::string::npos) break;
        start = end + 1;
        ++line;
    }
    return {1, 1};
}

}  // namespace

std::shared_ptr<const LoadedTemplate> TemplateCache::get(const std::filesystem::path& path,
                                                         const std::string& display_path) {
    std::string key = path.string();
    {
        std::lock_guard lock(mutex_);
        if (auto it = compiled_.find(key); it != compiled_.end()) return it->second;
    }
    // Compiled outside the lock: two workers may compile the same template once each at
    // start, which costs less than making every worker wait for one.
    std::string text = read_file(path, display_path);
    auto loaded = std::make_shared<LoadedTemplate>();
    loaded->compiled = compile_template(text, display_path);
    std::tie(loaded->params_line, loaded->params_column) = params_position(text);
    std::lock_guard lock(mutex_);
    return compiled_.emplace(key, std::move(loaded)).first->second;
}

TemplateCache& TemplateCache::shared() {
    static TemplateCache cache;
    return cache;
}

}  // namespace conventio::tmpl
