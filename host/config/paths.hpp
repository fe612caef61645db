// Where conventio finds its own files at run time: the Lua library and the clause templates,
// and the message catalogs. Found from the binary's own location, so an installed, moved or
// copied conventio uses the files that came with it, never those of the tree it was built in.
#pragma once

#include <filesystem>
#include <stdexcept>

namespace conventio::config {

struct InstallationError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The folder holding the running binary (from /proc/self/exe).
std::filesystem::path executable_dir();

/// The folder holding scripts/ and templates/, the first of:
///   $CONVENTIO_HOME                      an explicit override;
///   BIN/../share/conventio               the installed layout (cmake --install, the .deb);
///   BIN/..                               a build folder inside a checkout (build/conventio);
///   the source tree the binary was built from, for a binary still in its build folder (or a
///   folder below it: unit tests, benchmarks) when that folder lives outside the tree; never
///   for a copy.
/// Throws InstallationError naming every place looked at when none holds the files.
std::filesystem::path data_dir();

/// The folder of compiled message catalogs (LANG/LC_MESSAGES/conventio.mo): BIN/../share/locale
/// when installed, BIN/locale in a build folder. Empty when neither exists (messages in English).
std::filesystem::path locale_dir();

}  // namespace conventio::config
