// libFuzzer target for the data loader (--data FILE.json -> Lua tables). Any input must end in
// Lua values or a ScriptError naming the place, never in a crash, a hang or a sanitizer
// report; and what the loader accepts must be what nlohmann's own parser reads, value for
// value (the loader is stricter, never different).
//
//   tools/fuzz 60   (or: build-fuzz/data_fuzz -max_total_time=60 CORPUS)
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "lua/json_data.hpp"
#include "lua/lua_state.hpp"

namespace {

using conventio::lua::Options;

/// Whether the Lua value at `index` is what nlohmann read.
bool same(lua_State* L, int index, const nlohmann::json& value) {
    index = lua_absindex(L, index);
    switch (value.type()) {
        case nlohmann::json::value_t::null:
            return lua_isnil(L, index);
        case nlohmann::json::value_t::boolean:
            return lua_isboolean(L, index) && static_cast<bool>(lua_toboolean(L, index)) == value.get<bool>();
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
            return lua_isinteger(L, index) && lua_tointeger(L, index) == value.get<std::int64_t>();
        case nlohmann::json::value_t::number_float:
            return lua_type(L, index) == LUA_TNUMBER && !lua_isinteger(L, index) &&
                   lua_tonumber(L, index) == value.get<double>();
        case nlohmann::json::value_t::string: {
            std::size_t length = 0;
            const char* s = lua_tolstring(L, index, &length);
            return lua_type(L, index) == LUA_TSTRING &&
                   std::string_view(s, length) == value.get_ref<const std::string&>();
        }
        case nlohmann::json::value_t::array: {
            if (!lua_istable(L, index)) return false;
            lua_Integer i = 0;
            for (const auto& element : value) {
                lua_rawgeti(L, index, ++i);
                bool ok = same(L, -1, element);
                lua_pop(L, 1);
                if (!ok) return false;
            }
            return true;
        }
        case nlohmann::json::value_t::object: {
            if (!lua_istable(L, index)) return false;
            for (const auto& [key, element] : value.items()) {
                lua_pushlstring(L, key.data(), key.size());
                lua_rawget(L, index);
                bool ok = same(L, -1, element);
                lua_pop(L, 1);
                if (!ok) return false;
            }
            return true;
        }
        default:
            return false;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    Options options;
    options.memory_bytes = 64u << 20;
    options.timeout = std::chrono::milliseconds(0);  // libFuzzer's -timeout watches hangs
    conventio::lua::State state(options);
    try {
        conventio::lua::push_data_text(state, text, "fuzz.json");
    } catch (const conventio::lua::ScriptError& e) {
        if (std::string_view(e.what()).substr(0, 10) != "fuzz.json:") std::abort();  // the place is named
        return 0;
    }
    nlohmann::json reference = nlohmann::json::parse(text);  // accepted by us: must parse there too
    if (!same(state.get(), -1, reference)) std::abort();
    return 0;
}
