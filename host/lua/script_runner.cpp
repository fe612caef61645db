#include "lua/script_runner.hpp"

#include "config/i18n.hpp"
#include "config/paths.hpp"
#include "document/document_check.hpp"
#include "lua/document_bindings.hpp"
#include "lua/json_data.hpp"
#include "lua/lua_state.hpp"

namespace conventio::lua {

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
        lua_getglobal(L, "conventio");
        lua_pushstring(L, run.data_file->string().c_str());
        lua_setfield(L, -2, "data_file");
        lua_pop(L, 1);
        push_data_file(state, *run.data_file, &run.on_data_text);
    } else {
        lua_newtable(L);
    }
    lua_pushvalue(L, -1);
    lua_setglobal(L, "data");

    state.run_file(run.script, 1, 1);
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
    return result;
}

}  // namespace conventio::lua
