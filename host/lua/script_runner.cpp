#include "lua/script_runner.hpp"

#include "config/i18n.hpp"
#include "config/paths.hpp"
#include "document/document_check.hpp"
#include "lua/document_bindings.hpp"
#include "lua/json_data.hpp"
#include "lua/library_modules.hpp"
#include "lua/lua_state.hpp"

namespace conventio::lua {
namespace {

/// What conventio.data recorded during a run: the problems of its last raise, the text that
/// raise carried, and those recorded since and not raised.
struct Recorded {
    std::vector<DataProblem> raised;
    std::string raised_text;
    std::vector<DataProblem> pending;
};

void read_list(lua_State* L, int module, const char* name, std::vector<DataProblem>& out) {
    lua_getfield(L, module, name);
    if (lua_istable(L, -1)) {
        for (lua_Integer i = 1; lua_rawgeti(L, -1, i) == LUA_TTABLE; ++i) {
            DataProblem problem;
            if (lua_getfield(L, -1, "file") == LUA_TSTRING) problem.file = lua_tostring(L, -1);
            lua_pop(L, 1);
            if (lua_getfield(L, -1, "message") == LUA_TSTRING) problem.message = lua_tostring(L, -1);
            lua_pop(L, 1);
            out.push_back(std::move(problem));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/// Reads conventio.data's record, when the script loaded it; runs protected (State::protected_call).
int read_recorded(lua_State* L) {
    auto* recorded = static_cast<Recorded*>(lua_touserdata(L, 1));
    lua_settop(L, 0);
    push_library_module(L, "conventio.data");  // the module itself, not what a script put in package.loaded
    if (lua_type(L, 1) != LUA_TTABLE) return 0;
    read_list(L, 1, "raised", recorded->raised);
    read_list(L, 1, "pending", recorded->pending);
    if (lua_getfield(L, 1, "raised_text") == LUA_TSTRING) recorded->raised_text = lua_tostring(L, -1);
    return 0;
}

Recorded recorded_problems(State& state) {
    Recorded recorded;
    if (state.stopping()) return recorded;  // a run stopped for its limits says only that
    try {
        state.protected_call(read_recorded, &recorded, 0);
    } catch (const ScriptError&) {
        return {};
    }
    return recorded;
}

std::string joined(const std::vector<DataProblem>& problems, const std::string& failure) {
    std::string text;
    for (const auto& p : problems) text += (p.file.empty() ? "" : p.file + ": ") + p.message + "\n";
    if (!failure.empty()) text += failure + "\n";
    if (!text.empty()) text.pop_back();
    return text;
}

}  // namespace

DataProblems::DataProblems(std::vector<DataProblem> found, std::string failure)
    : ScriptError(joined(found, failure)), problems(std::move(found)), script_error(std::move(failure)) {}

std::filesystem::path installation_dir() { return config::data_dir(); }

doc::Document run_script(const ScriptRun& run) {
    Options options = run.options;
    // The script's own folder comes first, so a sample can require its helpers; conventio's
    // own library and templates come last, so a user's folder can override any of them.
    options.library_dirs.insert(options.library_dirs.begin(), run.script.parent_path().empty()
                                                                  ? std::filesystem::path(".")
                                                                  : run.script.parent_path());
    options.library_dirs.push_back(installation_dir() / "scripts");
    options.own_library_dir = installation_dir() / "scripts";
    options.template_dirs.push_back(installation_dir() / "templates");
    State state(std::move(options));
    lua_State* L = state.get();
    if (run.data_file) {
        // Scripts name the data file in messages about its content (scripts/conventio/data.lua).
        push_library_module(L, "conventio");  // the script's global is a read-only view
        lua_pushstring(L, run.data_file->string().c_str());
        lua_setfield(L, -2, "data_file");
        lua_pop(L, 1);
        push_data_file(state, *run.data_file, &run.on_data_text);
    } else {
        lua_newtable(L);
    }
    lua_pushvalue(L, -1);
    lua_setglobal(L, "data");

    try {
        state.run_file(run.script, 1, 1);
    } catch (const ScriptError& e) {
        // The library records every problem of the data and raises them together when the
        // agreement is built: the run's failure is that raise, or a failure of the script that
        // came after problems were recorded (a stand-in it could not use); both are reported.
        Recorded recorded = recorded_problems(state);
        std::string failure = e.what();
        const std::string first_line = recorded.raised_text.substr(0, recorded.raised_text.find('\n'));
        if (!recorded.raised.empty() && !first_line.empty() && failure.starts_with(first_line)) {
            recorded.raised.insert(recorded.raised.end(), recorded.pending.begin(), recorded.pending.end());
            throw DataProblems(std::move(recorded.raised), {});
        }
        if (!recorded.pending.empty()) throw DataProblems(std::move(recorded.pending), failure);
        throw;
    }
    // Problems recorded and never raised (a script that returned without building its
    // agreement) are problems all the same.
    if (Recorded recorded = recorded_problems(state); !recorded.pending.empty())
        throw DataProblems(std::move(recorded.pending), {});
    settle_document(state);  // what doc:add deferred, copied under the run's limits
    doc::Document* document = to_document(L, -1);
    if (!document)
        throw ScriptError(
            run.script.string() + ": " +
            (lua_isnone(L, -1) || lua_isnil(L, -1)
                 ? config::tr("the script must return a conventio.Document, it returned nothing")
                 : config::format(config::tr("the script must return a conventio.Document, it "
                                             "returned {}"),
                                  luaL_typename(L, -1))));
    // The state is about to close: the script's document is taken, not copied.
    doc::Document result = std::move(*document);
    lua_pop(L, 1);
    try {
        doc::check(result);
    } catch (const doc::DocumentError& e) {
        throw doc::DocumentError(run.script.string() + ": " + e.what());
    }
    if (run.process_ends_after) state.leave_to_process_exit();
    return result;
}

}  // namespace conventio::lua
