#include "template/template_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "config/i18n.hpp"
#include "template/template_error.hpp"

namespace conventio::tmpl {
namespace {

/// The whole file, read with the system's calls: through an ifstream and a stringstream it cost
/// ten times as much, for each of the thirty templates a cold render reads.
std::string read_file(const std::filesystem::path& path, const std::string& display_path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw TemplateError(display_path, 0, 0, config::tr("cannot open the template"));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    std::string content;
    if (::fstat(fd, &info) == 0 && info.st_size > 0) content.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[16384];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw TemplateError(display_path, 0, 0, config::tr("cannot open the template"));
        if (n == 0) break;
        content.append(buffer, static_cast<std::size_t>(n));
    }
    return content;
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
