#include "template/template_cache.hpp"

#include <fstream>
#include <sstream>

#include "config/i18n.hpp"
#include "template/template_error.hpp"

namespace conventio::tmpl {
namespace {

std::string read_file(const std::filesystem::path& path, const std::string& display_path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw TemplateError(display_path, 0, 0, config::tr("cannot open the template"));
    std::ostringstream content;
    content << in.rdbuf();
    return std::move(content).str();
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
    const ShippedForm* shipped = find_shipped_form(shipped_, text);
    std::optional<CompiledTemplate> ready =
        shipped ? deserialize_template(shipped->compiled, display_path) : std::nullopt;
    loaded->compiled = ready ? std::move(*ready) : compile_template(text, display_path);
    const FrontMatter& front = loaded->compiled.front;
    if (std::string stem = path.stem().string(); front.key != stem)
        throw TemplateError(display_path, front.key_at.line, front.key_at.column,
                            config::format(config::tr("key '{}' is not the file's name: expected 'key: {}'"),
                                           front.key, stem));
    std::lock_guard lock(mutex_);
    return compiled_.emplace(key, std::move(loaded)).first->second;
}

}  // namespace conventio::tmpl
