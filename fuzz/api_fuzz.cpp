// libFuzzer target for the Lua API surface: the input is read as a sequence of calls of the
// conventio module's public functions (found by walking the module table, so new ones are
// fuzzed too) and of doc:add, with random arguments: strings of random bytes, integers,
// floats, nil, booleans, earlier results, arrays of them, option tables with the keys the API
// knows and random values. Every call must end in a value or a ScriptError; every Document
// that passes doc::check is then written as ODT and DOCX. No crash, hang or sanitizer report.
//
//   tools/fuzz 60   (or: build-fuzz/api_fuzz -max_total_time=60)
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "document/document_check.hpp"
#include "docx/docx_writer.hpp"
#include "lua/document_bindings.hpp"
#include "lua/lua_state.hpp"
#include "odt/odt_writer.hpp"

namespace {

using conventio::lua::Options;

class Input {
public:
    Input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool empty() const { return at_ >= size_; }
    std::uint8_t byte() { return at_ < size_ ? data_[at_++] : 0; }
    std::int64_t integer() {
        std::int64_t v = 0;
        std::size_t n = std::min<std::size_t>(8, size_ - std::min(at_, size_));
        std::memcpy(&v, data_ + at_, n);
        at_ += n;
        return v;
    }
    std::string bytes() {
        std::size_t n = std::min<std::size_t>(byte() % 48, size_ - std::min(at_, size_));
        std::string s(reinterpret_cast<const char*>(data_ + at_), n);
        at_ += n;
        return s;
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

/// "Para", "id.siret"...: every function of the conventio module and of its sub-tables.
std::vector<std::string> api_functions(lua_State* L) {
    std::vector<std::string> names;
    lua_getglobal(L, "conventio");
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        if (lua_type(L, -2) == LUA_TSTRING) {
            std::string key = lua_tostring(L, -2);
            if (lua_isfunction(L, -1)) names.push_back(key);
            if (lua_istable(L, -1)) {
                lua_pushnil(L);
                while (lua_next(L, -2)) {
                    if (lua_type(L, -2) == LUA_TSTRING && lua_isfunction(L, -1))
                        names.push_back(key + "." + lua_tostring(L, -2));
                    lua_pop(L, 1);
                }
            }
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    std::sort(names.begin(), names.end());
    return names;
}

void push_function(lua_State* L, const std::string& name) {
    lua_getglobal(L, "conventio");
    std::size_t dot = name.find('.');
    lua_getfield(L, -1, name.substr(0, dot).c_str());
    if (dot != std::string::npos) {
        lua_getfield(L, -1, name.substr(dot + 1).c_str());
        lua_remove(L, -2);
    }
    lua_remove(L, -2);
}

constexpr const char* option_keys[] = {
    "align", "keep_with_next", "keep_together", "widths",   "header",   "rows", "borders",
    "span",  "title",          "subject",       "keywords", "language", "date", "footer",
    "body",  "source",         "headings",      "gender",   "iban",     "bic",  "rib"};

/// Pushes a random argument; `pool` is the stack index of the table of earlier results.
void push_argument(lua_State* L, Input& in, int pool, int depth = 0) {
    lua_Integer pool_size = luaL_len(L, pool);
    switch (in.byte() % 9) {
        case 0:
        case 1: {
            std::string s = in.bytes();
            lua_pushlstring(L, s.data(), s.size());
            break;
        }
        case 2:
            lua_pushinteger(L, in.integer() % (in.byte() % 2 ? 100 : INT64_MAX));
            break;
        case 3:
            lua_pushnumber(L, static_cast<double>(in.integer()) / 7.0);
            break;
        case 4:
            if (in.byte() % 2)
                lua_pushnil(L);
            else
                lua_pushboolean(L, in.byte() % 2);
            break;
        case 5:
        case 6:
            if (pool_size > 0) {
                lua_rawgeti(L, pool, 1 + in.byte() % pool_size);
                break;
            }
            lua_pushliteral(L, "texte");
            break;
        case 7: {
            lua_newtable(L);
            if (depth > 2) break;
            int n = in.byte() % 4;
            for (int i = 1; i <= n; ++i) {
                push_argument(L, in, pool, depth + 1);
                lua_rawseti(L, -2, i);
            }
            break;
        }
        default: {
            lua_newtable(L);
            if (depth > 2) break;
            int n = in.byte() % 3;
            for (int i = 0; i < n; ++i) {
                push_argument(L, in, pool, depth + 1);
                lua_setfield(L, -2, option_keys[in.byte() % std::size(option_keys)]);
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Input in(data, size);
    Options options;
    options.memory_bytes = 64u << 20;
    options.instructions = 10'000'000;
    options.timeout = std::chrono::milliseconds(0);  // libFuzzer's -timeout watches hangs
    conventio::lua::State state(options);
    lua_State* L = state.get();
    static const std::vector<std::string> functions = api_functions(L);
    lua_newtable(L);  // the pool of results
    int pool = lua_gettop(L);
    for (int step = 0; step < 48 && !in.empty(); ++step) {
        std::uint8_t choice = in.byte();
        int nargs = in.byte() % 4;
        if (choice % 8 == 7) {  // doc:add on some earlier result
            lua_Integer pool_size = luaL_len(L, pool);
            if (pool_size == 0) continue;
            lua_pushcfunction(L, [](lua_State* S) {
                luaL_checkany(S, 1);
                lua_getfield(S, 1, "add");
                lua_insert(S, 1);
                lua_call(S, lua_gettop(S) - 1, 1);
                return 1;
            });
            lua_rawgeti(L, pool, 1 + in.byte() % pool_size);
            for (int i = 0; i < nargs; ++i) push_argument(L, in, pool);
            nargs += 1;
        } else {
            push_function(L, functions[choice % functions.size()]);
            for (int i = 0; i < nargs; ++i) push_argument(L, in, pool);
        }
        try {
            state.call(nargs, 1);
        } catch (const conventio::lua::ScriptError&) {
            continue;
        }
        lua_rawseti(L, pool, luaL_len(L, pool) + 1);
    }
    lua_Integer n = luaL_len(L, pool);
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_rawgeti(L, pool, i);
        if (conventio::doc::Document* d = conventio::lua::to_document(L, -1)) {
            try {
                conventio::doc::check(*d);
            } catch (const conventio::doc::DocumentError&) {
                lua_pop(L, 1);
                continue;
            }
            conventio::odt::parts(*d);
            conventio::docx::parts(*d);
        }
        lua_pop(L, 1);
    }
    return 0;
}
