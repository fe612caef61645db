#include "lua/source_bindings.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "config/i18n.hpp"
#include "lua/binding_support.hpp"
#include "lua/json_data.hpp"
#include "lua/library_modules.hpp"
#include "lua/library_paths.hpp"
#include "lua/lua_state.hpp"
#include "lua/tail_calls.hpp"
#include "lua/text_memo.hpp"

namespace conventio::lua {

namespace {

/// The file `name` (relative, no "..", ending in `extension`) in the first library folder
/// that has it: the running script's folder comes first. The file must really be inside that
/// folder: a symbolic link (the file's or a folder's on the way) that leads out of it is
/// refused, so a script reads no file the user did not put in its library.
std::filesystem::path find_in_library(lua_State* L, const char* what, const std::string& extension) {
    std::string name = luaL_checkstring(L, 1);
    std::filesystem::path relative(name);
    bool escapes = relative.is_absolute() || relative.has_root_path() || name.empty();
    for (const auto& part : relative) escapes = escapes || part == "..";
    if (escapes)
        throw std::runtime_error(config::format(
            config::tr("{}: '{}' must be a path relative to the script's folder"), what, name));
    if (relative.extension() != extension)
        throw std::runtime_error(
            config::format(config::tr("{}: '{}' must end in {}"), what, name, extension));
    std::string tried;
    // An agreement's script and data are the user's: conventio's own library (and the folder of
    // its drivers, scripts/amend/ when the script running is `conventio amend`'s) holds none, so
    // it is neither searched nor listed among the places tried.
    const std::filesystem::path& own = owner(L).options().own_library_dir;
    std::error_code own_ec;
    const std::filesystem::path own_real =
        own.empty() ? std::filesystem::path() : std::filesystem::weakly_canonical(own, own_ec);
    for (const auto& dir : owner(L).options().library_dirs) {
        std::error_code ec;
        if (!own_real.empty() && !own_ec) {
            std::filesystem::path real_dir = std::filesystem::weakly_canonical(dir, ec);
            if (!ec && (real_dir == own_real || inside_folder(real_dir, own_real))) continue;
        }
        std::filesystem::path candidate = dir / relative;
        if (!std::filesystem::is_regular_file(candidate, ec)) {
            tried += "\n\t" + config::format(config::tr("no file '{}'"), candidate.string());
            continue;
        }
        if (auto problem = leads_out_of(candidate, dir, what, name)) throw std::runtime_error(*problem);
        // A folder holding the library's (the script's own, one of --lib): its files are not a
        // script's to load, as `require` refuses them too.
        if (auto problem = in_own_library_folder(candidate, own, what, name))
            throw std::runtime_error(*problem);
        return candidate;
    }
    throw std::runtime_error(config::format(config::tr("{}: cannot find '{}':"), what, name) + tried);
}

// The memo (lua/text_memo.hpp) of this state's compiled scripts: path -> { source, function };
// the scripts compiled for one batch row serve the next.
char compiled_scripts_key;

/// conventio.load_script(name): the script as a function (called with its data, it builds
/// the agreement), and its path. A script is compiled once per state: an avenant runs its base
/// agreement's script once per version, a batch once per row. The function is a main chunk
/// whose only upvalue is the global table, so calling it again runs it afresh.
int load_script(lua_State* L) {
    std::filesystem::path path = find_in_library(L, "load_script", ".lua");
    std::string source = State::read_source(path, owner(L).options().max_file_bytes);
    std::string name = path.string();
    if (text_memo::push_entry(L, &compiled_scripts_key, name, source)) {
        lua_rawgeti(L, -1, 2);  // the function
        lua_remove(L, -2);
    } else {
        std::string chunkname = "@" + name;
        if (luaL_loadbufferx(L, source.data(), source.size(), chunkname.c_str(), "t") != LUA_OK)
            return lua_error(L);
        keep_script_frame(L);  // the base agreement's errors name its script's line too
        text_memo::keep(L, &compiled_scripts_key, name, source, -1);
    }
    lua_pushstring(L, name.c_str());
    return 2;
}

/// conventio.load_data(name): the JSON data file as a table, and its path.
int load_data(lua_State* L) {
    std::filesystem::path path = find_in_library(L, "load_data", ".json");
    push_data_in_binding(L, path);
    lua_pushstring(L, path.string().c_str());
    return 2;
}

/// conventio.user_place(): where the running call comes from in the user's own files ("s1.lua:88:
/// "): the innermost frame outside conventio's library, told by the library's real folder (a
/// user's folder may be named conventio too); "" when there is none.
int user_place(lua_State* L) {
    std::string where = owner(L).user_where(L);
    lua_pushlstring(L, where.data(), where.size());
    return 1;
}

/// conventio.caller_place(): "s1.lua:88: " when the function that called the running library
/// function is the user's own code (the script, a module of theirs), else "". One frame is looked
/// at, where user_place walks to the first of the user's: for what the library asks of every
/// clause; what the library makes itself is placed by what it is made for (the article).
int caller_place(lua_State* L) {
    // Level 0 is this function, 1 the library function asking, 2 its caller.
    std::string place = owner(L).caller_origin(L, 2);
    if (!place.empty()) place += ": ";
    push_string(L, place);
    // A library function reached by a tail call (`return a:clause(…)`) has lost its caller's
    // frame: level 2 is then the caller's caller. Said, for the library to name what it can.
    lua_Debug ar;
    lua_pushboolean(L, lua_getstack(L, 1, &ar) && lua_getinfo(L, "t", &ar) && ar.istailcall);
    return 2;
}

/// conventio.defined_place(fn): "s1.lua:12: " where the user's Lua function `fn` starts, else
/// "" (a function of the library's, a C function). What names a function whose own line was lost
/// to a tail call (conventio.caller_place).
int defined_place(lua_State* L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_Debug ar;
    lua_pushvalue(L, 1);
    lua_getinfo(L, ">S", &ar);
    if (ar.linedefined <= 0 || ar.source[0] != '@' || owner(L).in_own_library(ar.source))
        return push_string(L, "");
    return push_string(L, std::string(ar.short_src) + ":" + std::to_string(ar.linedefined) + ": ");
}

/// conventio.called_by_library(): whether the function that called the running Lua function is
/// conventio's own library (a function of its folder reading its globals: library_function). What
/// only the library may do (build an avenant's versions without their facts) refuses the others.
int called_by_library(lua_State* L) {
    // Level 0 is this function, 1 the library function asking, 2 its caller. A library function
    // reached by a tail call has lost its caller's frame, and level 2 is then the caller's
    // caller: the library, for a user's content function ending `return Agreement.as_versions(…)`.
    // Not the library's own call, then (library_frame).
    lua_pushboolean(L, library_frame(L, 2));
    return 1;
}

/// conventio.without_library_place(message): `message` without the "file:12: " in front when
/// that file is a module of conventio's own library (a failure the library met while it worked
/// for the user, who is to be told at their own line instead); else `message` as it is. Lua
/// shortens a long chunk name to "..." and its end: that end is matched against the library's
/// folder and a file in it.
int without_library_place(lua_State* L) {
    std::size_t length = 0;
    const char* text = luaL_checklstring(L, 1, &length);
    std::string_view message(text, length);
    std::size_t colon = message.find(':');
    while (colon != std::string_view::npos && colon + 1 < message.size() &&
           !(message[colon + 1] >= '0' && message[colon + 1] <= '9'))
        colon = message.find(':', colon + 1);
    std::size_t end =
        colon == std::string_view::npos ? colon : message.find_first_not_of("0123456789", colon + 1);
    const std::filesystem::path& own = owner(L).options().own_library_dir;
    if (end == std::string_view::npos || message.substr(end, 2) != ": " || own.empty() ||
        message.substr(0, colon).find('\n') != std::string_view::npos) {
        lua_settop(L, 1);
        return 1;
    }
    const std::string source(message.substr(0, colon));
    const std::string folder = (own / "").string();
    bool library = source.starts_with(folder);
    if (!library && source.starts_with("...")) {
        const std::string_view tail = std::string_view(source).substr(3);
        for (std::size_t k = 0; k <= tail.size() && !library; ++k) {
            std::error_code ec;
            library = std::string_view(folder).ends_with(tail.substr(0, k)) &&
                      std::filesystem::is_regular_file(folder + std::string(tail.substr(k)), ec);
        }
    }
    if (!library) {
        lua_settop(L, 1);
        return 1;
    }
    return push_string(L, message.substr(end + 2));
}

}  // namespace

void open_source_bindings(lua_State* L) {
    lua_pushcfunction(L, protect<without_library_place>);
    lua_setfield(L, -2, "without_library_place");
    lua_pushcfunction(L, protect<caller_place>);
    lua_setfield(L, -2, "caller_place");
    lua_pushcfunction(L, protect<defined_place>);
    lua_setfield(L, -2, "defined_place");
    lua_pushcfunction(L, protect<called_by_library>);
    lua_setfield(L, -2, "called_by_library");
    lua_pushcfunction(L, protect<user_place>);
    lua_setfield(L, -2, "user_place");
    lua_pushcfunction(L, protect<load_script>);
    lua_setfield(L, -2, "load_script");
    lua_pushcfunction(L, protect<load_data>);
    lua_setfield(L, -2, "load_data");
}

}  // namespace conventio::lua
