#include "lua/row_runner.hpp"

#include <optional>
#include <utility>

#include "document/document_check.hpp"
#include "document/text_check.hpp"
#include "lua/binding_support.hpp"
#include "lua/document_bindings.hpp"
#include "lua/json_data.hpp"
#include "lua/library_modules.hpp"
#include "lua/lua_state.hpp"
#include "lua/pristine_state.hpp"
#include "lua/script_runner.hpp"
#include "lua/tail_calls.hpp"
#include "lua/watchdog.hpp"

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
    // The library's own searcher (library_modules.hpp), wrapped the same way.
    push_library_searcher(L);
    if (lua_isfunction(L, -1)) {
        lua_newtable(L);
        lua_pushcclosure(L, cached_searcher, 2);
        set_library_searcher(L, -1);
    }
    lua_pop(L, 1);
}

/// Restores the snapshot in protected mode: putting a field back may allocate.
int restore_pristine(lua_State* L) {
    static_cast<const PristineSnapshot*>(lua_touserdata(L, 1))->restore(L);
    return 0;
}

/// A CSV row as a table of strings, each column's header and cell checked as the strict loader
/// checks a data file's keys and text. Runs in a protected call (protect<>): pushing allocates.
struct Cells {
    const std::vector<std::string>* columns;
    const std::vector<std::string>* cells;
};

int push_cells(lua_State* L) {
    const auto& [columns, cells] = *static_cast<const Cells*>(lua_touserdata(L, 1));
    lua_settop(L, 0);
    lua_createtable(L, 0, static_cast<int>(columns->size()));
    for (std::size_t k = 0; k < columns->size() && k < cells->size(); ++k) {
        const std::string& column = (*columns)[k];
        const std::string& cell = (*cells)[k];
        // "column 'NAME'" is what the batch turns into the cell's line and column letter.
        if (column.find('\0') != std::string::npos)
            throw ScriptError("column " + std::to_string(k + 1) + ": the header holds a NUL character");
        if (auto problem = doc::text_problem(column))
            throw ScriptError("column " + std::to_string(k + 1) + ": header: " + *problem);
        if (auto problem = doc::text_problem(cell)) throw ScriptError("column '" + column + "': " + *problem);
        lua_pushlstring(L, column.data(), column.size());
        lua_pushlstring(L, cell.data(), cell.size());
        lua_rawset(L, -3);
    }
    return 1;
}

/// The table on top of the stack laid over the one below it, which stays: objects merge key by
/// key, anything else replaces. Lua tables do not say whether they were JSON objects or arrays:
/// a table with no sequence part and at least one key is taken as an object; an empty one
/// (`[]` or `{}`) or a list replaces. Runs in a protected call: setting a field allocates.
int lay_over(lua_State* L) {
    luaL_checkstack(L, 6, "data nested too deeply");
    lua_pushnil(L);
    while (lua_next(L, -2)) {  // [base over key value]
        auto is_object = [&](int index) {
            if (!lua_istable(L, index) || lua_rawlen(L, index) != 0) return false;
            lua_pushnil(L);
            if (!lua_next(L, index < 0 ? index - 1 : index)) return false;
            lua_pop(L, 2);
            return true;
        };
        lua_pushvalue(L, -2);
        lua_rawget(L, -5);  // [base over key value old]
        if (is_object(-1) && is_object(-2)) {
            lua_insert(L, -2);  // [base over key old value]
            lay_over(L);        // [base over key old]
            lua_pop(L, 1);      // [base over key]
        } else {
            lua_pop(L, 1);
            lua_pushvalue(L, -2);
            lua_insert(L, -2);  // [base over key key value]
            lua_rawset(L, -5);
        }
    }
    lua_pop(L, 1);  // [base]
    return 0;
}

/// A fresh copy of the data (json_data's push_data_copy) as a function of (data) returning
/// it, for State::call.
int copy_data_call(lua_State* L) {
    lua_settop(L, 1);
    push_data_copy(L, 1);
    return 1;
}

/// lay_over as a function of (base, over) returning base, for State::call.
int lay_over_call(lua_State* L) {
    lua_settop(L, 2);
    lay_over(L);
    return 1;
}

}  // namespace

struct RowRunner::Impl {
    std::filesystem::path script;
    Options options;
    const CommonData* common = nullptr;
    std::optional<State> state;
    std::optional<PristineSnapshot> pristine;
    int script_ref = LUA_NOREF;
    // The common data as the strict loader made it, parsed once per worker: each row gets a
    // copy. Held by a numbered registry reference, which the snapshot does not record and no
    // script can reach, so a row changing its copy leaves this one as it was.
    int common_ref = LUA_NOREF;
    // What the last row printed (Options::keep_printed), taken from the state before it may be
    // dropped.
    std::string printed;

    void build() {
        pristine.reset();
        state.reset();
        state.emplace(options);
        lua_State* L = state->get();
        cache_library_modules(L);
        std::string source = State::read_source(script, options.max_file_bytes);
        std::string chunkname = "@" + script.string();
        if (luaL_loadbufferx(L, source.data(), source.size(), chunkname.c_str(), "t") != LUA_OK) {
            std::string message = lua_tostring(L, -1);
            lua_pop(L, 1);
            if (message.find("attempt to load a binary chunk") != std::string::npos)
                message = script.string() + ": precompiled Lua bytecode is not accepted; give the source";
            throw ScriptError(message);
        }
        keep_script_frame(L);  // `return Avenant.from(...)` still names the row script's line
        script_ref = luaL_ref(L, LUA_REGISTRYINDEX);
        // A common data file the strict loader refuses fails every row: say it once, now.
        if (common) {
            push_data_text(*state, common->text, common->name);
            common_ref = luaL_ref(L, LUA_REGISTRYINDEX);
            lua_gc(L, LUA_GCCOLLECT);
        }
        pristine.emplace(L);
        // Built: the watchdog does not look at the state while it waits for its first row.
        state->end_run();
    }

    /// After every row, whatever happened. A state that cannot be restored (out of memory
    /// at that moment) is dropped and built again for the next row.
    void restore() noexcept {
        state->end_run();
        printed = state->take_printed();
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

RowRunner::RowRunner(const std::filesystem::path& script, Options options, const CommonData* common)
    : impl_(std::make_unique<Impl>()) {
    impl_->script = script;
    impl_->common = common;
    // The same search order as `render` (script_runner.cpp).
    options.library_dirs.insert(options.library_dirs.begin(), script.parent_path().empty()
                                                                  ? std::filesystem::path(".")
                                                                  : script.parent_path());
    options.library_dirs.push_back(installation_dir() / "scripts");
    options.template_dirs.push_back(installation_dir() / "templates");
    // Messages name the user's place, not a line of conventio's own library (as `render`'s do).
    options.own_library_dir = installation_dir() / "scripts";
    impl_->options = std::move(options);
    impl_->build();
}

RowRunner::~RowRunner() = default;

std::string RowRunner::take_printed() { return std::exchange(impl_->printed, std::string()); }

CommonData read_common_data(const std::filesystem::path& path, const Options& options) {
    return CommonData{State::read_source(path, options.max_file_bytes), path.string()};
}

doc::Document RowRunner::run(const RowInput& row, const std::string& file, const std::string& data_name) {
    // Built means the snapshot exists (build() makes it last): a rebuild after a failed
    // restore that threw half-way (the script removed meanwhile) is tried again, never used.
    if (!impl_->pristine) impl_->build();
    State& state = *impl_->state;
    lua_State* L = state.get();
    struct Restore {
        Impl& impl;
        ~Restore() { impl.restore(); }
    } restore{*impl_};
    state.begin_run();

    push_library_module(L, "conventio");  // the script's global is a read-only view
    lua_pushlstring(L, data_name.data(), data_name.size());
    lua_setfield(L, -2, "data_file");
    lua_pop(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, impl_->script_ref);
    if (impl_->common) {
        lua_pushcfunction(L, copy_data_call);
        lua_rawgeti(L, LUA_REGISTRYINDEX, impl_->common_ref);
        state.call(1, 1);
    }
    if (row.columns && row.cells) {
        Cells cells{row.columns, row.cells};
        state.protected_call(protect<push_cells>, &cells, 1);
    } else {
        push_data_text(state, row.json, file, row.first_line);
    }
    if (impl_->common) {
        lua_pushcfunction(L, lay_over_call);
        lua_insert(L, -3);
        state.call(2, 1);
    }
    lua_pushvalue(L, -1);
    lua_setglobal(L, "data");
    state.set_current_file(impl_->script.string());  // the loader named the data file
    state.call(1, 1);
    settle_document(state);  // what doc:add deferred, copied under the run's limits
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

void before_stuck_row_ends_process(std::function<void()> hook) { set_before_process_end(std::move(hook)); }

}  // namespace conventio::lua
