// Writing an output so that it is either wholly there or not at all: a temporary file in the
// target folder, flushed, then renamed over the target.
#pragma once

#include <filesystem>
#include <span>
#include <stdexcept>
#include <string_view>

namespace conventio::package {

struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Whether each file is flushed to disk before it is renamed into place.
enum class Flush {
    each_file,  // one document: on disk before the call returns
    later,      // a batch: flush_folder() once at the end (an fsync per file cost 8 ms, more
                // than rendering the document); a crash still never leaves a partial file
};

/// Writes `bytes` to `path` atomically. Throws OutputError naming the path and the reason
/// (missing folder, read-only folder, disk full...); the target is then untouched.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           Flush flush = Flush::each_file);

/// One file of a set written together.
struct FileToWrite {
    std::filesystem::path path;
    std::string_view bytes;
};

/// Writes each file atomically, and the set as far as a file system allows: every file is
/// written to its temporary first, and none replaces its target unless all were written and
/// no target is a folder. Throws OutputError as write_file_atomically does.
void write_files_atomically(std::span<const FileToWrite> files, Flush flush = Flush::each_file);

/// Flushes to disk everything written to the file system holding `folder` (syncfs). Throws
/// OutputError naming the folder.
void flush_folder(const std::filesystem::path& folder);

}  // namespace conventio::package
