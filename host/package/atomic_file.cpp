#include "package/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "config/i18n.hpp"

namespace conventio::package {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int err) {
    throw OutputError(
        config::format(config::tr("cannot write {}: {}: {}"), path.string(), what, std::strerror(err)));
}

/// The process's umask, read once: reading it means setting it, which is not safe while
/// other threads (batch workers) create files.
mode_t process_umask() {
    static std::once_flag once;
    static mode_t mask = 0;
    std::call_once(once, [] {
        mask = ::umask(0);
        ::umask(mask);
    });
    return mask;
}

}  // namespace

void flush_folder(const std::filesystem::path& folder) {
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail(folder, config::tr("cannot open the folder"), errno);
    if (::syncfs(fd) != 0) {
        int err = errno;
        ::close(fd);
        fail(folder, config::tr("cannot flush to disk"), err);
    }
    ::close(fd);
}

namespace {

/// Writes `bytes` to a new temporary file beside `path` and returns its name; nothing is left
/// behind when it fails.
std::string staged(const std::filesystem::path& path, std::string_view bytes, Flush flush) {
    std::filesystem::path folder = path.parent_path();
    if (folder.empty()) folder = ".";
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw OutputError(config::format(config::tr("cannot write {}: folder {} does not exist"),
                                         path.string(), folder.string()));

    std::string temp = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(temp.data());
    if (fd < 0) fail(path, config::format(config::tr("cannot create a file in {}"), folder.string()), errno);

    auto abandon = [&](const std::string& what) {
        int err = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        fail(path, what, err);
    };
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            abandon(config::tr("write failed"));
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    // mkstemp creates 0600; outputs are ordinary documents, so honour the umask instead.
    if (::fchmod(fd, 0666 & ~process_umask()) != 0) abandon(config::tr("cannot set permissions"));
    if (flush == Flush::each_file && ::fsync(fd) != 0) abandon(config::tr("cannot flush to disk"));
    if (::close(fd) != 0) {
        int err = errno;
        ::unlink(temp.c_str());
        fail(path, config::tr("cannot close"), err);
    }
    return temp;
}

}  // namespace

void write_files_atomically(std::span<const FileToWrite> files, Flush flush) {
    std::vector<std::string> temps;
    temps.reserve(files.size());
    try {
        for (const FileToWrite& f : files) temps.push_back(staged(f.path, f.bytes, flush));
        // A rename fails on a folder of the target's name: said before any file is replaced, so
        // that a document's formats are all new or none is.
        std::error_code ec;
        for (const FileToWrite& f : files)
            if (std::filesystem::is_directory(std::filesystem::symlink_status(f.path, ec)))
                fail(f.path, config::tr("cannot rename the temporary file into place"), EISDIR);
    } catch (...) {
        for (const std::string& t : temps) ::unlink(t.c_str());
        throw;
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (::rename(temps[i].c_str(), files[i].path.c_str()) != 0) {
            int err = errno;
            for (std::size_t k = i; k < temps.size(); ++k) ::unlink(temps[k].c_str());
            fail(files[i].path, config::tr("cannot rename the temporary file into place"), err);
        }
    }
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes, Flush flush) {
    const FileToWrite file{path, bytes};
    write_files_atomically(std::span(&file, 1), flush);
}

}  // namespace conventio::package
