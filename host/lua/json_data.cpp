#include "lua/json_data.hpp"

#include <nlohmann/json.hpp>

#include "document/text_check.hpp"
#include "lua/lua_state.hpp"

namespace conventio::lua {
namespace {

/// Line and column (1-based) of byte `offset` in `text`.
std::string position(const std::string& text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++column;
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

nlohmann::json load_data_file(const std::filesystem::path& path) {
    std::string text = State::read_source(path);
    if (auto problem = doc::text_problem(text)) throw ScriptError(path.string() + ": " + *problem);
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is one past the offending character.
        std::string what = e.what();
        auto colon = what.rfind(": ");
        std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
        throw ScriptError(path.string() + ":" + position(text, e.byte > 0 ? e.byte - 1 : 0) +
                          ": invalid JSON: " + reason);
    }
}

void push_json(lua_State* L, const nlohmann::json& value) {
    luaL_checkstack(L, 3, "data nested too deeply");
    switch (value.type()) {
        case nlohmann::json::value_t::null:
            lua_pushnil(L);
            break;
        case nlohmann::json::value_t::boolean:
            lua_pushboolean(L, value.get<bool>());
            break;
        case nlohmann::json::value_t::number_integer:
            lua_pushinteger(L, static_cast<lua_Integer>(value.get<std::int64_t>()));
            break;
        case nlohmann::json::value_t::number_unsigned:
            lua_pushinteger(L, static_cast<lua_Integer>(value.get<std::uint64_t>()));
            break;
        case nlohmann::json::value_t::number_float:
            lua_pushnumber(L, value.get<double>());
            break;
        case nlohmann::json::value_t::string: {
            const auto& s = value.get_ref<const std::string&>();
            lua_pushlstring(L, s.data(), s.size());
            break;
        }
        case nlohmann::json::value_t::array: {
            lua_createtable(L, static_cast<int>(value.size()), 0);
            lua_Integer i = 0;
            for (const auto& element : value) {
                push_json(L, element);
                lua_rawseti(L, -2, ++i);
            }
            break;
        }
        case nlohmann::json::value_t::object: {
            lua_createtable(L, 0, static_cast<int>(value.size()));
            for (const auto& [key, element] : value.items()) {
                push_json(L, element);
                lua_setfield(L, -2, key.c_str());
            }
            break;
        }
        default:
            lua_pushnil(L);
            break;
    }
}

}  // namespace conventio::lua
