// conventio.load_script / load_data and require read files of the library folders only: a name
// that climbs out ("..", an absolute path) or a symbolic link that leads out of the folder is
// refused.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "lua/lua_test_support.hpp"

using conventio::test::lua_error_of;
using conventio::test::scratch_dir;

namespace fs = std::filesystem;

namespace {

const std::string empty_doc = "\nreturn conventio.Document{}";

// A folder outside the script's folder (the scratch folder's sibling), with a data file.
fs::path outside_dir() {
    fs::path dir = scratch_dir().parent_path() / (scratch_dir().filename().string() + "-outside");
    fs::create_directories(dir);
    std::ofstream(dir / "secret.json") << "{\"secret\": 1}";
    return dir;
}

std::string load(const std::string& name) {
    return lua_error_of("local data = conventio.load_data('" + name + "')\nassert(data)" + empty_doc);
}

}  // namespace

TEST_CASE("load_data: a file of the script's folder, also through a link that stays inside") {
    fs::create_directories(scratch_dir() / "data");
    std::ofstream(scratch_dir() / "data" / "real.json") << "{\"amount\": 5}";
    std::error_code ignored;
    fs::remove(scratch_dir() / "alias.json", ignored);
    fs::create_symlink(scratch_dir() / "data" / "real.json", scratch_dir() / "alias.json");
    CHECK(load("data/real.json") == "no error");
    CHECK(load("alias.json") == "no error");
}

TEST_CASE("load_data and load_script: no path out of the library folders") {
    fs::path outside = outside_dir();
    std::error_code ignored;
    fs::remove(scratch_dir() / "leak.json", ignored);
    fs::create_symlink(outside / "secret.json", scratch_dir() / "leak.json");
    fs::remove(scratch_dir() / "elsewhere", ignored);
    fs::create_directory_symlink(outside, scratch_dir() / "elsewhere");

    CHECK(load("../x.json").find("'../x.json' must be a path relative to the script's folder") !=
          std::string::npos);
    CHECK(load("data/../../x.json").find("must be a path relative") != std::string::npos);
    CHECK(load((outside / "secret.json").string()).find("must be a path relative") != std::string::npos);
    std::string file_link = load("leak.json");
    CHECK(file_link.find("load_data: 'leak.json' leads out of the folder") != std::string::npos);
    CHECK(file_link.find("secret.json): only files inside it are read") != std::string::npos);
    CHECK(load("elsewhere/secret.json").find("'elsewhere/secret.json' leads out of the folder") !=
          std::string::npos);

    std::ofstream(outside / "script.lua") << "return function() end";
    fs::remove(scratch_dir() / "script.lua", ignored);
    fs::create_symlink(outside / "script.lua", scratch_dir() / "script.lua");
    CHECK(lua_error_of("conventio.load_script('script.lua')" + empty_doc)
              .find("load_script: 'script.lua' leads out") != std::string::npos);
    // require reads the same files, and no other: a module linked from elsewhere is refused too.
    std::ofstream(outside / "cfg.lua") << "return { password = 'hunter2' }";
    fs::remove(scratch_dir() / "cfg.lua", ignored);
    fs::create_symlink(outside / "cfg.lua", scratch_dir() / "cfg.lua");
    std::string module = lua_error_of("local cfg = require 'cfg'" + empty_doc);
    CHECK(module.find("snippet.lua:1: require: 'cfg' leads out of the folder") != std::string::npos);
    CHECK(module.find("hunter2") == std::string::npos);
    CHECK(lua_error_of("local cfg = require 'elsewhere.secret'" + empty_doc).find("leads out") ==
          std::string::npos);  // not a module: no file elsewhere/secret.lua, not found
    fs::remove(scratch_dir() / "cfg.lua", ignored);
    fs::remove_all(outside, ignored);
}

TEST_CASE("load_data and load_script: conventio's own library is neither searched nor listed") {
    // An agreement's files are the user's: a name that is not there lists the user's folders
    // only (the script's, the --lib ones), not the library's scripts/ (nor scripts/amend/, the
    // folder of `conventio amend`'s driver).
    const std::string own = (conventio::lua::installation_dir() / "scripts").string();
    std::string missing = load("absent.json");
    CHECK(missing.find("load_data: cannot find 'absent.json':") != std::string::npos);
    CHECK(missing.find((scratch_dir() / "absent.json").string()) != std::string::npos);
    CHECK(missing.find(own) == std::string::npos);
    // A library module is no agreement script, though `require` finds it there.
    std::string module = lua_error_of("conventio.load_script('conventio/agreement.lua')" + empty_doc);
    CHECK(module.find("load_script: cannot find 'conventio/agreement.lua':") != std::string::npos);
    CHECK(module.find(own) == std::string::npos);
}
