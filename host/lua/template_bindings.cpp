#include "lua/template_bindings.hpp"

#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "config/i18n.hpp"
#include "config/nearest_name.hpp"
#include "conventio/french.hpp"
#include "lua/binding_support.hpp"
#include "lua/document_bindings.hpp"
#include "lua/library_modules.hpp"
#include "lua/lua_state.hpp"
#include "lua/option_check.hpp"
#include "shipped/shipped_forms.hpp"
#include "template/front_matter.hpp"
#include "template/markdown_cache.hpp"
#include "template/markdown_escape.hpp"
#include "template/markdown_to_tree.hpp"
#include "template/rendered_place.hpp"
#include "template/template_cache.hpp"
#include "template/template_error.hpp"

namespace conventio::lua {

using config::format;

using config::tr;
namespace {

// The views scripts get (tables they may change): a named registry entry, made with the bindings,
// so a batch worker's snapshot (pristine_state.hpp) records it empty and every row builds its own.
constexpr const char* loaded_templates_key = "conventio.templates";
// What a worker keeps from row to row, out of every script's reach (a registry entry whose key is
// not a name, which the snapshot leaves alone): for each template name, the process's compiled
// template (light userdata: the process cache never drops one) and, under that, its loaded chunk.
const char resolved_templates_key = 0;
// The metatable every view has (a registry entry whose key is not a name, protected from scripts
// by __metatable), which makes a view's front matter when it is first read; and, for it, each
// view's compiled template (view -> light userdata, weak keys). That pointer is the host's to
// read: kept in the view itself, a script could find it with pairs and point it anywhere.
const char view_metatable_key = 0;
const char view_sources_key = 0;

/// How a template file is named in messages: relative to the working folder when inside it,
/// so a drafter reads "templates/commun/litiges.md:12:5".
/// std::filesystem::relative(path, current_path()), with the working folder resolved once per
/// process (conventio never changes it) and each template folder once per thread: resolving
/// every template's whole path walked each component of its folder again (0.29 M instructions
/// for the thirty templates of a cold Cerema render, now 0.08 M). A template file that is
/// itself a symbolic link is resolved whole, as relative() does.
std::string display_path(const std::filesystem::path& path) {
    static const std::optional<std::filesystem::path> working_folder =
        []() -> std::optional<std::filesystem::path> {
        std::error_code ec;
        auto folder = std::filesystem::weakly_canonical(std::filesystem::current_path(ec), ec);
        if (ec) return std::nullopt;
        return folder;
    }();
    if (!working_folder) return path.string();
    auto shown = [](const std::filesystem::path& relative) -> std::optional<std::filesystem::path> {
        if (relative.empty() || *relative.begin() == "..") return std::nullopt;
        return relative;
    };
    std::error_code ec;
    if (!path.has_filename() || std::filesystem::is_symlink(std::filesystem::symlink_status(path, ec)) ||
        ec) {
        ec.clear();
        auto relative =
            shown(std::filesystem::weakly_canonical(path, ec).lexically_relative(*working_folder));
        return !ec && relative ? relative->string() : path.string();
    }
    // The folder as shown (nullopt: outside the working folder, or not resolved); "." is the
    // working folder itself, whose files are shown by their names alone. Split and keyed as
    // text: path's parent_path() and its component-wise comparisons cost more than the rest.
    const std::string& whole = path.native();
    const std::size_t slash = whole.rfind('/');
    const std::string parent = slash == std::string::npos ? "." : whole.substr(0, slash == 0 ? 1 : slash);
    const std::string_view name = std::string_view(whole).substr(slash == std::string::npos ? 0 : slash + 1);
    thread_local std::unordered_map<std::string, std::optional<std::string>> folders;
    auto [folder, added] = folders.try_emplace(parent);
    if (added) {
        auto resolved = std::filesystem::weakly_canonical(parent, ec);
        if (!ec)
            if (auto relative = shown(resolved.lexically_relative(*working_folder)))
                folder->second = relative->string();
    }
    if (!folder->second) return path.string();
    if (*folder->second == ".") return std::string(name);
    return *folder->second + "/" + std::string(name);
}

/// The templates compiled in this process, shared by every state (a batch's workers too);
/// a shipped template's form compiled at build time is taken instead of compiling it.
tmpl::TemplateCache& process_templates() {
    static tmpl::TemplateCache cache(shipped::templates());
    return cache;
}

/// The name of the template in `dirs` nearest to `name` ("engagements/protection_donnees" for
/// "engagements/protection_donnee"), when it is near enough to be a typo. Only on the error path:
/// it lists every template.
std::string nearest_template(const std::vector<std::filesystem::path>& dirs, const std::string& name) {
    std::vector<std::string> names;
    for (const auto& dir : dirs) {
        std::error_code ec;
        for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
             it.increment(ec)) {
            if (it->path().extension() != ".md") continue;
            std::filesystem::path relative = it->path().lexically_relative(dir);
            relative.replace_extension();
            names.push_back(relative.generic_string());
        }
    }
    std::vector<std::string_view> known(names.begin(), names.end());
    return config::nearest_name(name, known);
}

std::filesystem::path find_template(lua_State* L, const std::string& name) {
    bool valid = !name.empty() && name.find("..") == std::string::npos && name[0] != '/';
    for (char ch : name)
        valid = valid &&
                ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '/' || ch == '-');
    if (!valid)
        luaL_error(L, tr("invalid template name '%s' (lower-case letters, digits, '_', '-' and '/')").c_str(),
                   name.c_str());
    std::string tried;
    for (const auto& dir : owner(L).options().template_dirs) {
        auto candidate = dir / (name + ".md");
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
        tried += "\n\t" + format(tr("no file '{}'"), candidate.string());
    }
    std::string near = nearest_template(owner(L).options().template_dirs, name);
    std::string hint = near.empty() ? std::string() : format(tr(" (did you mean {}?)"), near);
    luaL_error(L, tr("template '%s' not found%s:%s").c_str(), name.c_str(), hint.c_str(), tried.c_str());
    return {};
}

void push_string_list(lua_State* L, const std::vector<std::string>& list) {
    lua_createtable(L, static_cast<int>(list.size()), 0);
    lua_Integer i = 0;
    for (const auto& s : list) {
        lua_pushlstring(L, s.data(), s.size());
        lua_rawseti(L, -2, ++i);
    }
}

/// The names of `list` as a set table { a = true, b = true }.
void push_name_set(lua_State* L, const std::vector<std::string>& list) {
    lua_createtable(L, 0, static_cast<int>(list.size()));
    for (const auto& name : list) {
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, name.c_str());
    }
}

/// The front matter of `t` as a table.
void push_front_matter(lua_State* L, const tmpl::CompiledTemplate& t) {
    lua_createtable(L, 0, static_cast<int>(t.front.other.size() + 5));
    lua_pushstring(L, t.front.key.c_str());
    lua_setfield(L, -2, "key");
    lua_pushstring(L, t.front.title.c_str());
    lua_setfield(L, -2, "title");
    push_string_list(L, t.front.params);
    lua_setfield(L, -2, "params");
    push_string_list(L, t.front.optional);
    lua_setfield(L, -2, "optional");
    lua_pushboolean(L, t.front.headings);
    lua_setfield(L, -2, "headings");
    for (const auto& [k, v] : t.front.other) {
        if (v.is_list)
            push_string_list(L, v.items);
        else
            lua_pushlstring(L, v.text.data(), v.text.size());
        lua_setfield(L, -2, k.c_str());
    }
}

/// A view's __index: its `front`, made at its first read and kept in the view. A clause template's
/// view is read for its chunk and parameters only, and a template of labels for its front matter
/// only: making every view whole made tables and lists no one read, in every run (a batch's views
/// are made again at each row).
int view_index(lua_State* L) {
    if (lua_type(L, 2) != LUA_TSTRING) return 0;
    std::size_t length = 0;
    const char* key = lua_tolstring(L, 2, &length);
    if (std::string_view(key, length) != "front") return 0;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &view_sources_key);
    lua_pushvalue(L, 1);
    if (lua_rawget(L, -2) != LUA_TLIGHTUSERDATA) return 0;
    const auto* loaded = static_cast<const tmpl::LoadedTemplate*>(lua_touserdata(L, -1));
    push_front_matter(L, loaded->compiled);
    lua_pushvalue(L, -1);
    lua_setfield(L, 1, "front");
    return 1;
}

/// Builds the Lua view of a loaded template: its chunk (on the stack, taken), path and parameters;
/// its front matter when it is read (view_index).
void push_template(lua_State* L, const tmpl::LoadedTemplate& loaded) {
    const auto& t = loaded.compiled;
    lua_createtable(L, 0, 9);
    lua_insert(L, -2);
    lua_setfield(L, -2, "chunk");
    lua_pushstring(L, t.path.c_str());
    lua_setfield(L, -2, "path");
    push_string_list(L, t.front.params);
    lua_setfield(L, -2, "params");
    lua_pushinteger(L, t.front.params_at.line);
    lua_setfield(L, -2, "params_line");
    lua_pushinteger(L, t.front.params_at.column);
    lua_setfield(L, -2, "params_column");
    push_name_set(L, t.front.optional);
    lua_setfield(L, -2, "optional");
    lua_pushboolean(L, t.front.headings);
    lua_setfield(L, -2, "headings");
    // Whether `front` holds more than the fields above (labels, a parameter's form): the library
    // reads the front matter of a clause template only then, instead of making it for each.
    lua_pushboolean(L, !t.front.other.empty());
    lua_setfield(L, -2, "has_other_fields");
    lua_rawgetp(L, LUA_REGISTRYINDEX, &view_sources_key);
    lua_pushvalue(L, -2);
    lua_pushlightuserdata(L, const_cast<tmpl::LoadedTemplate*>(&loaded));
    lua_rawset(L, -3);
    lua_pop(L, 1);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &view_metatable_key);
    lua_setmetatable(L, -2);
}

/// conventio.template(name): the compiled template as a table, loaded once per state and
/// compiled once per process.
int template_fn(lua_State* L) {
    std::string name = luaL_checkstring(L, 1);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, loaded_templates_key);
    int views = lua_gettop(L);
    if (lua_getfield(L, views, name.c_str()) == LUA_TTABLE) return 1;
    lua_pop(L, 1);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &resolved_templates_key);
    int resolved = lua_gettop(L);
    const tmpl::LoadedTemplate* loaded = nullptr;
    if (lua_getfield(L, resolved, name.c_str()) == LUA_TLIGHTUSERDATA) {
        loaded = static_cast<const tmpl::LoadedTemplate*>(lua_touserdata(L, -1));
        lua_rawget(L, resolved);  // its chunk
    } else {
        lua_pop(L, 1);
        auto path = find_template(L, name);
        loaded = process_templates().get(path, display_path(path)).get();
        const auto& t = loaded->compiled;
        std::string chunkname = "@" + t.path;
        // Bytecode the template compiler produced in this process from the checked source, never
        // bytes from a file: the sandbox's refusal of bytecode is about scripts, not this.
        if (luaL_loadbufferx(L, t.lua_bytecode.data(), t.lua_bytecode.size(), chunkname.c_str(), "b") !=
            LUA_OK)
            lua_error(L);  // the compiler checked it; this only happens on out-of-memory
        lua_pushlightuserdata(L, const_cast<tmpl::LoadedTemplate*>(loaded));
        lua_pushvalue(L, -1);
        lua_setfield(L, resolved, name.c_str());
        lua_pushvalue(L, -2);
        lua_rawset(L, resolved);
    }
    push_template(L, *loaded);
    lua_pushvalue(L, -1);
    lua_setfield(L, views, name.c_str());
    return 1;
}

/// conventio.template as a script reads it (library_modules.hpp's faces): a read-only view of
/// the table, which is the library's, kept for the whole run (a batch worker's, for every row),
/// and what the library renders and checks with (review r13 #1).
int template_for_script(lua_State* L) {
    template_fn(L);
    push_view_of(L, -1, "conventio.template(\"" + std::string(lua_tostring(L, 1)) + "\")");
    return 1;
}

int markdown_escape_fn(lua_State* L) {
    std::size_t length = 0;
    const char* s = luaL_checklstring(L, 1, &length);
    std::string escaped = tmpl::markdown_escape(std::string_view(s, length));
    // Most values need no escape: the argument is the result, which spares Lua making the same
    // string again (a look-up for a short one, an allocation and a copy for a long one).
    if (escaped.size() == length && std::memcmp(escaped.data(), s, length) == 0) {
        lua_settop(L, 1);
        return 1;
    }
    lua_pushlstring(L, escaped.data(), escaped.size());
    return 1;
}

/// Whether `path` is the file of a template this state loaded (its views, kept in the registry,
/// name their template's path). Only on the error path: it walks them.
bool loaded_from(lua_State* L, const std::string& path) {
    lua_rawgetp(L, LUA_REGISTRYINDEX, &view_sources_key);
    bool found = false;
    lua_pushnil(L);
    while (!found && lua_next(L, -2)) {
        const auto* loaded = static_cast<const tmpl::LoadedTemplate*>(lua_touserdata(L, -1));
        found = loaded && loaded->compiled.path == path;
        lua_pop(L, 1);
    }
    lua_settop(L, lua_gettop(L) - (found ? 2 : 1));
    return found;
}

/// A problem the Markdown reader found in what template `path` rendered, placed at the line of
/// the template file that wrote it (template/rendered_place.hpp) rather than at the line of the
/// rendered text, which the drafter never sees.
tmpl::TemplateError at_template_line(const tmpl::TemplateError& e, std::string_view markdown,
                                     const std::string& path, std::size_t max_bytes) {
    std::size_t start = 0;
    for (int line = 1; line < e.line() && start != std::string_view::npos; ++line) {
        start = markdown.find('\n', start);
        if (start != std::string_view::npos) ++start;
    }
    std::string_view rendered_line = start == std::string_view::npos
                                         ? std::string_view{}
                                         : markdown.substr(start, markdown.find('\n', start) - start);
    try {
        // Read as every input file is: a regular file, within the limit.
        const std::string source = State::read_source(path, max_bytes);
        tmpl::FrontMatterSplit split = tmpl::parse_front_matter(source, path);
        int estimate = e.line() + split.body_line - 1;
        auto place = tmpl::rendered_place(split.body, split.body_line, rendered_line, e.column(), estimate);
        if (place) return tmpl::TemplateError(path, place->line, place->column, e.message());
        return tmpl::TemplateError(path, estimate, e.column(), e.message());
    } catch (const std::runtime_error&) {
        // Gone or changed since it was compiled: the rendered place is all there is.
        return e;
    }
}

/// conventio.Markdown(text, { source = "name", headings = false }): blocks from Markdown,
/// with French spacing applied to the text (no-break spaces before ":", inside « »...).
int markdown_fn(lua_State* L) {
    std::size_t length = 0;
    const char* text = luaL_checklstring(L, 1, &length);
    tmpl::MarkdownOptions options;
    options.source_name = "Markdown";
    if (lua_istable(L, 2)) {
        check_option_keys(L, 2, {"source", "headings"}, "Markdown");
        if (lua_getfield(L, 2, "source") == LUA_TSTRING)
            options.source_name = options.origin = lua_tostring(L, -1);
        lua_pop(L, 1);
        lua_getfield(L, 2, "headings");
        options.allow_headings = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    options.text_filter = [](std::string_view s) { return french_spacing(s); };
    // The same filter for every call, as the cache requires.
    std::string_view markdown(text, length);
    try {
        push_blocks(L, tmpl::MarkdownCache::for_this_thread().blocks(markdown, options));
    } catch (const tmpl::TemplateError& e) {
        // Text the script wrote: its line is the place, and "Markdown:1:6" would read as a file's.
        if (options.origin.empty() && e.line() > 0)
            throw std::runtime_error(format(tr("{} (line {}, column {} of the Markdown text)"), e.message(),
                                            std::to_string(e.line()), std::to_string(e.column())));
        // Only a template the host loaded is read again: `source` is the script's to give, and
        // must not make the host open a file it names (/dev/zero, a FIFO, a file to probe).
        if (options.origin.empty() || e.line() <= 0 || !loaded_from(L, options.origin)) throw;
        throw at_template_line(e, markdown, options.origin, owner(L).options().max_file_bytes);
    }
    return 1;
}

}  // namespace

void open_template_bindings(lua_State* L) {
    luaL_getsubtable(L, LUA_REGISTRYINDEX, loaded_templates_key);
    lua_pop(L, 1);
    lua_newtable(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &resolved_templates_key);
    // Out of every script's reach (getmetatable gives false, setmetatable refuses), so no row
    // changes what the next row's views do.
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, protect<view_index>);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_rawsetp(L, LUA_REGISTRYINDEX, &view_metatable_key);
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &view_sources_key);
    static const luaL_Reg functions[] = {{"template", protect<template_fn>},
                                         {"markdown_escape", protect<markdown_escape_fn>},
                                         {"Markdown", protect<markdown_fn>},
                                         {nullptr, nullptr}};
    luaL_setfuncs(L, functions, 0);
    lua_getfield(L, -1, "template");
    lua_pushcfunction(L, protect<template_for_script>);
    set_script_face(L, -2, -1);
    lua_pop(L, 2);
}

}  // namespace conventio::lua
