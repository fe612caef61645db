#include "lua/script_runner.hpp"

#include <nlohmann/json.hpp>

#include "document/document_check.hpp"
#include "lua/document_bindings.hpp"
#include "lua/json_data.hpp"

namespace conventio::lua {

doc::Document run_script(const ScriptRun& run) {
    std::optional<nlohmann::json> data;
    if (run.data_file) data = load_data_file(*run.data_file);

    Limits limits = run.limits;
    // The script's own folder comes first, so a sample can require its helpers.
    limits.library_dirs.insert(limits.library_dirs.begin(), run.script.parent_path().empty()
                                                                ? std::filesystem::path(".")
                                                                : run.script.parent_path());
    State state(std::move(limits));
    lua_State* L = state.get();
    if (data) push_json(L, *data);
    else lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setglobal(L, "data");

    state.run_file(run.script, 1, 1);
    const doc::Document* document = to_document(L, -1);
    if (!document)
        throw ScriptError(run.script.string() + ": the script must return a conventio.Document, it returned " +
                          (lua_isnone(L, -1) || lua_isnil(L, -1) ? std::string("nothing")
                                                                  : std::string(luaL_typename(L, -1))));
    doc::Document result = *document;
    lua_pop(L, 1);
    try {
        doc::check(result);
    } catch (const doc::DocumentError& e) {
        throw doc::DocumentError(run.script.string() + ": " + e.what());
    }
    return result;
}

}  // namespace conventio::lua
