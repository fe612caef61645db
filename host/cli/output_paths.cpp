#include "cli/output_paths.hpp"

#include "cli/options.hpp"
#include "config/i18n.hpp"

namespace conventio::cli {

namespace fs = std::filesystem;

namespace {

/// The path as the file system resolves it, as far as it exists (the rest taken lexically).
fs::path resolved(const fs::path& p) {
    std::error_code ec;
    fs::path absolute = fs::absolute(p, ec);
    if (ec) return p.lexically_normal();
    fs::path canonical = fs::weakly_canonical(absolute, ec);
    return ec ? absolute.lexically_normal() : canonical;
}

}  // namespace

bool same_file(const fs::path& a, const fs::path& b) {
    if (resolved(a) == resolved(b)) return true;
    std::error_code ec;
    return fs::equivalent(a, b, ec) && !ec;
}

void refuse_shared_outputs(const std::vector<NamedOutput>& outputs) {
    for (std::size_t i = 0; i < outputs.size(); ++i)
        for (std::size_t j = i + 1; j < outputs.size(); ++j)
            if (same_file(outputs[i].file, outputs[j].file))
                throw UsageError(config::format(
                    config::tr("{} and {} name the same file '{}': give each output a name of its own"),
                    outputs[i].option, outputs[j].option, outputs[j].file.string()));
}

}  // namespace conventio::cli
