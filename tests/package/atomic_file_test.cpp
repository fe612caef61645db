#include "package/atomic_file.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace conventio::package;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// A fresh folder under the system's temporary one, removed at the end of the case.
struct Folder {
    fs::path path;
    Folder() {
        path = fs::temp_directory_path() / ("conventio-atomic-" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Folder() { fs::remove_all(path); }
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& entry : fs::directory_iterator(path))
            out.push_back(entry.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
};

}  // namespace

TEST_CASE("atomic files: a set of formats is all new or none is") {
    Folder folder;
    const fs::path odt = folder.path / "row-1.odt", docx = folder.path / "row-1.docx";
    { std::ofstream(odt) << "OLD"; }
    SUBCASE("a folder where the second file goes: the first is not replaced, no temporary is left") {
        fs::create_directories(docx);
        const std::vector<FileToWrite> files{{odt, "NEW ODT"}, {docx, "NEW DOCX"}};
        CHECK_THROWS_AS(write_files_atomically(files, Flush::later), OutputError);
        CHECK(read(odt) == "OLD");
        CHECK(folder.names() == std::vector<std::string>{"row-1.docx", "row-1.odt"});
    }
    SUBCASE("both written") {
        const std::vector<FileToWrite> files{{odt, "NEW ODT"}, {docx, "NEW DOCX"}};
        write_files_atomically(files, Flush::later);
        CHECK(read(odt) == "NEW ODT");
        CHECK(read(docx) == "NEW DOCX");
        CHECK(folder.names() == std::vector<std::string>{"row-1.docx", "row-1.odt"});
    }
    SUBCASE("a missing folder: nothing written") {
        const std::vector<FileToWrite> files{{odt, "NEW ODT"}, {folder.path / "none" / "x.docx", "X"}};
        CHECK_THROWS_AS(write_files_atomically(files), OutputError);
        CHECK(read(odt) == "OLD");
        CHECK(folder.names() == std::vector<std::string>{"row-1.odt"});
    }
}
