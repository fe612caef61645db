// What a state made from a file's text (a compiled script, a data file's tables), kept by the
// file's path with the very text it was made from: a later load of the same text takes it
// instead of making it again, a changed file is made afresh. Each memo is a registry table under
// a key of its own, not a string key: a batch worker's pristine snapshot leaves it alone, so
// what one row made serves the next, and no script can reach it.
#pragma once

#include <lua.hpp>
#include <string>
#include <string_view>

namespace conventio::lua::text_memo {

/// Pushes the entry { text, value } the memo under `key` holds for `path` when its text is
/// `text` (value absent when none was kept), and returns true; pushes nothing otherwise.
bool push_entry(lua_State* L, const void* key, const std::string& path, std::string_view text);

/// Keeps `text` for `path` in the memo under `key`, with the value at stack index `value`
/// (0: the text alone). The stack is left as it was.
void keep(lua_State* L, const void* key, const std::string& path, std::string_view text, int value);

}  // namespace conventio::lua::text_memo
