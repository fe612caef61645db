#include "lua/row_runner.hpp"

#include <nlohmann/json.hpp>
#include <optional>

#include "document/document_check.hpp"
#include "lua/document_bindings.hpp"
#include "lua/json_data.hpp"
#include "lua/lua_state.hpp"
#include "lua/pristine_state.hpp"
#include "lua/script_runner.hpp"

namespace conventio::lua {
namespace {

/// package.searchers[2] wrapped so that each module's file is read and compiled once per
/// state: the next row's `require` runs the same compiled chunk again (creating fresh
/// tables), instead of parsing the library again. Upvalues: the searcher, the cache.
int cached_searcher(lua_State* L) {
    lua_settop(L, 1);
    lua_pushvalue(L, 1);
    if (lua_rawget(L, lua_upvalueindex(2)) == LUA_TTABLE) {
        lua_rawgeti(L, -1, 1);
        lua_rawgeti(L, -2, 2);
        return 2;
    }
    lua_pop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 1);
    lua_call(L, 1, 2);
    if (lua_type(L, -2) == LUA_TFUNCTION) {
        lua_createtable(L, 2, 0);
        lua_pushvalue(L, -3);
        lua_rawseti(L, -2, 1);
        lua_pushvalue(L, -2);
        lua_rawseti(L, -2, 2);
        lua_pushvalue(L, 1);
        lua_insert(L, -2);
        lua_rawset(L, lua_upvalueindex(2));
    }
    return 2;
}

void cache_library_modules(lua_State* L) {
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "searchers");
    lua_rawgeti(L, -1, 2);
    lua_newtable(L);
    lua_pushcclosure(L, cached_searcher, 2);
    lua_rawseti(L, -2, 2);
    lua_pop(L, 2);
}

/// Restores the snapshot in protected mode: putting a field back may allocate.
int restore_pristine(lua_State* L) {
    static_cast<const PristineSnapshot*>(lua_touserdata(L, 1))->restore(L);
    return 0;
}

}  // namespace

struct RowRunner::Impl {
    std::filesystem::path script;
    Options options;
    std::optional<State> state;
    std::optional<PristineSnapshot> pristine;
    int script_ref = LUA_NOREF;

    void build() {
        pristine.reset();
        state.reset();
        state.emplace(options);
        lua_State* L = state->get();
        cache_library_modules(L);
        std::string source = State::read_source(script);
        std::string chunkname = "@" + script.string();
        if (luaL_loadbufferx(L, source.data(), source.size(), chunkname.c_str(), "t") != LUA_OK) {
            std::string message = lua_tostring(L, -1);
            lua_pop(L, 1);
            if (message.find("attempt to load a binary chunk") != std::string::npos)
                message = script.string() + ": precompiled Lua bytecode is not accepted; give the source";
            throw ScriptError(message);
        }
        script_ref = luaL_ref(L, LUA_REGISTRYINDEX);
        pristine.emplace(L);
    }

    /// After every row, whatever happened. A state that cannot be restored (out of memory
    /// at that moment) is dropped and built again for the next row.
    void restore() noexcept {
        lua_State* L = state->get();
        lua_settop(L, 0);
        lua_pushcfunction(L, restore_pristine);
        lua_pushlightuserdata(L, &*pristine);
        if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
            pristine.reset();
            state.reset();
        }
    }
};

RowRunner::RowRunner(const std::filesystem::path& script, Options options) : impl_(std::make_unique<Impl>()) {
    impl_->script = script;
    // The same search order as `render` (script_runner.cpp).
    options.library_dirs.insert(options.library_dirs.begin(), script.parent_path().empty()
                                                                  ? std::filesystem::path(".")
                                                                  : script.parent_path());
    options.library_dirs.push_back(installation_dir() / "scripts");
    options.template_dirs.push_back(installation_dir() / "templates");
    impl_->options = std::move(options);
    impl_->build();
}

RowRunner::~RowRunner() = default;

nlohmann::json load_common_data(const std::filesystem::path& path) { return load_data_file(path); }

doc::Document RowRunner::run(const nlohmann::json& data, const std::string& data_name) {
    if (!impl_->state) impl_->build();
    State& state = *impl_->state;
    lua_State* L = state.get();
    struct Restore {
        Impl& impl;
        ~Restore() { impl.restore(); }
    } restore{*impl_};
    state.reset_budget();

    lua_getglobal(L, "conventio");
    lua_pushlstring(L, data_name.data(), data_name.size());
    lua_setfield(L, -2, "data_file");
    lua_pop(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, impl_->script_ref);
    push_json(L, data);
    lua_pushvalue(L, -1);
    lua_setglobal(L, "data");
    state.call(1, 1);
    doc::Document* document = to_document(L, -1);
    if (!document)
        throw ScriptError(impl_->script.string() +
                          ": the script must return a conventio.Document, it returned " +
                          (lua_isnil(L, -1) ? std::string("nothing") : std::string(luaL_typename(L, -1))));
    // The userdata is garbage once the state is restored: its document is taken, not copied.
    doc::Document result = std::move(*document);
    try {
        doc::check(result);
    } catch (const doc::DocumentError& e) {
        throw doc::DocumentError(impl_->script.string() + ": " + e.what());
    }
    return result;
}

}  // namespace conventio::lua
