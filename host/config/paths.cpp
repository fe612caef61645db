#include "config/paths.hpp"

#include <cstdlib>
#include <system_error>

#include "config/build_config.hpp"
#include "config/i18n.hpp"

namespace conventio::config {
namespace {

namespace fs = std::filesystem;

bool holds_data(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "scripts" / "conventio" / "agreement.lua", ec) &&
           fs::is_directory(dir / "templates", ec);
}

bool inside_build_dir(const fs::path& bin) {
    std::error_code ec;
    const fs::path build = fs::canonical(fs::path(build_dir), ec);
    if (ec) return false;
    for (fs::path dir = fs::canonical(bin, ec); !ec && !dir.empty(); dir = dir.parent_path()) {
        if (dir == build) return true;
        if (dir == dir.root_path()) break;
    }
    return false;
}

/// The first of the places beside the binary (data_dir) that holds the files.
fs::path found_beside_binary() {
    fs::path bin = executable_dir();
    std::string looked;
    auto holds = [&looked](const fs::path& dir) {
        if (holds_data(dir)) return true;
        looked += (looked.empty() ? "" : ", ") + dir.string();
        return false;
    };
    if (!bin.empty()) {
        if (fs::path installed = (bin / ".." / "share" / "conventio").lexically_normal(); holds(installed))
            return installed;
        if (fs::path checkout = (bin / "..").lexically_normal(); holds(checkout)) return checkout;
    }
    // Only a binary still where it was built may use the tree it was built from: a copy,
    // installed or moved, never reads another tree's files. "Where it was built" is the build
    // folder or one below it (the unit tests, benchmarks and fuzz targets live in sub-folders).
    // Asked last, when the two places beside the binary hold nothing: resolving the build
    // folder and the binary's path walks every folder of both, a dozen system calls a start.
    if (!bin.empty() && inside_build_dir(bin) && holds(source_dir)) return source_dir;
    throw InstallationError(format(tr("cannot find conventio's Lua library and templates (looked in {}); "
                                      "set CONVENTIO_HOME to the folder holding scripts/ and templates/"),
                                   looked));
}

}  // namespace

fs::path executable_dir() {
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : self.parent_path();
}

fs::path data_dir() {
    if (const char* home = std::getenv("CONVENTIO_HOME"); home && *home) {
        if (!holds_data(home))
            throw InstallationError(format(tr("CONVENTIO_HOME is {}, which holds no scripts/conventio/ "
                                              "and templates/ (unset it to use the installed files)"),
                                           home));
        return home;
    }
    // The binary does not move while it runs: found once per process (a render asked four
    // times, 48 000 instructions and a dozen system calls each). A failure is not kept.
    static const fs::path beside_binary = found_beside_binary();
    return beside_binary;
}

fs::path locale_dir() {
    fs::path bin = executable_dir();
    if (bin.empty()) return {};
    std::error_code ec;
    for (fs::path dir : {bin / ".." / "share" / "locale", bin / "locale"})
        if (fs::exists(dir / "fr" / "LC_MESSAGES" / "conventio.mo", ec)) return dir.lexically_normal();
    return {};
}

}  // namespace conventio::config
