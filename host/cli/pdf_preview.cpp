#include "cli/pdf_preview.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "config/i18n.hpp"

extern char** environ;

namespace conventio::cli {
namespace {

namespace fs = std::filesystem;
using config::format;
using config::tr;

// Removes the temporary folder (profile, input, output) whatever happens.
struct TemporaryFolder {
    fs::path path;
    TemporaryFolder() {
        std::string pattern = (fs::temp_directory_path() / "conventio-pdf-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw PreviewError(tr("cannot create a temporary folder for the PDF"));
        path = pattern;
    }
    ~TemporaryFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string soffice_command() {
    if (const char* s = std::getenv("CONVENTIO_SOFFICE"); s && *s) return s;  // tests, other installs
    return "soffice";
}

}  // namespace

std::string pdf_from_odt(const std::string& odt, std::chrono::seconds limit) {
    TemporaryFolder dir;
    fs::path input = dir.path / "agreement.odt";
    {
        std::ofstream out(input, std::ios::binary);
        out << odt;
        if (!out) throw PreviewError(tr("cannot write the temporary ODT for the PDF"));
    }
    std::string profile = "-env:UserInstallation=file://" + (dir.path / "profile").string();
    std::string outdir = dir.path.string();
    std::string command = soffice_command();
    std::vector<std::string> args = {command,       profile,        "--headless",
                                     "--norestore", "--convert-to", "pdf:writer_pdf_Export",
                                     "--outdir",    outdir,         input.string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    // Its own process group, so the time limit stops LibreOffice's helpers too.
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    pid_t pid = 0;
    int spawned = posix_spawnp(&pid, command.c_str(), &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (spawned == ENOENT)
        throw PreviewError(
            tr("a PDF needs LibreOffice, which is not installed: install the Debian package "
               "libreoffice-writer-nogui (sudo apt-get install libreoffice-writer-nogui), or write .odt or "
               ".docx"));
    if (spawned != 0) throw PreviewError(format(tr("cannot start {}"), command));

    auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            throw PreviewError(format(tr("LibreOffice did not finish the PDF within {} seconds"),
                                      std::to_string(limit.count())));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    fs::path pdf = dir.path / "agreement.pdf";
    std::ifstream in(pdf, std::ios::binary);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !in)
        throw PreviewError(tr("LibreOffice could not convert the agreement to PDF"));
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace conventio::cli
