#include "lua/library_paths.hpp"

#include "config/i18n.hpp"

namespace conventio::lua {

bool inside_folder(const std::filesystem::path& path, const std::filesystem::path& dir) {
    std::filesystem::path relative = path.lexically_relative(dir);
    return !relative.empty() && *relative.begin() != ".." && !relative.is_absolute();
}

std::optional<std::string> leads_out_of(const std::filesystem::path& candidate,
                                        const std::filesystem::path& dir, std::string_view what,
                                        std::string_view name) {
    std::error_code ec;
    std::filesystem::path real = std::filesystem::canonical(candidate, ec);
    std::filesystem::path real_dir = ec ? std::filesystem::path() : std::filesystem::canonical(dir, ec);
    if (!ec && inside_folder(real, real_dir)) return std::nullopt;
    return config::format(
        config::tr("{}: '{}' leads out of the folder {} (a symbolic link to {}): only files "
                   "inside it are read"),
        what, name, dir.string(), real.string());
}

std::optional<std::string> in_own_library_folder(const std::filesystem::path& candidate,
                                                 const std::filesystem::path& own, std::string_view what,
                                                 std::string_view name) {
    if (own.empty()) return std::nullopt;
    std::error_code ec;
    std::filesystem::path real = std::filesystem::weakly_canonical(candidate, ec);
    std::filesystem::path real_own =
        ec ? std::filesystem::path() : std::filesystem::weakly_canonical(own, ec);
    // Unresolved (a folder on the way cannot be searched): the file cannot be opened either.
    if (ec || !inside_folder(real, real_own)) return std::nullopt;
    return config::format(
        config::tr("{}: '{}' is a file of conventio's own library ({}): a script cannot load it"), what, name,
        real.string());
}

}  // namespace conventio::lua
