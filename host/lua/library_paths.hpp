// Where a script may read from: the files of its library folders, and nothing a symbolic link
// inside them leads to elsewhere, nor any file of conventio's own library folder. Shared by `require`
// (sandbox.cpp) and conventio.load_data / load_script (source_bindings.cpp), so that both refuse the same
// files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace conventio::lua {

/// Whether `path` (canonical) lies inside the folder `dir` (canonical).
bool inside_folder(const std::filesystem::path& path, const std::filesystem::path& dir);

/// Why `candidate`, a regular file found as `name` in library folder `dir`, may not be read:
/// it is really outside `dir` (a symbolic link, the file's or a folder's on the way, leads
/// out); nothing when it is inside. `what` names the caller in the message ("require").
std::optional<std::string> leads_out_of(const std::filesystem::path& candidate,
                                        const std::filesystem::path& dir, std::string_view what,
                                        std::string_view name);

/// Why `candidate`, a file found as `name` for a script, may not be loaded: it is a file of
/// conventio's own library folder `own` (its real path inside it, whatever folder it was found
/// from: a library folder holding the library's, `--lib` naming it). Loaded by a script, a copy
/// of a library module would run with the script's globals under the name of the library's
/// file, which the places and called_by_library take for the library's. Nothing when it is not
/// (or `own` is empty: no library to guard). `what` names the caller in the message.
std::optional<std::string> in_own_library_folder(const std::filesystem::path& candidate,
                                                 const std::filesystem::path& own, std::string_view what,
                                                 std::string_view name);

}  // namespace conventio::lua
