// The `conventio` Lua module's document constructors (pandoc-style): Para, Article, Table,
// BulletList, Note, Document... Each returns a userdata holding a piece of the C++ tree, so
// what a script builds is checked where it is built, with the script's line in the message.
#pragma once

#include <lua.hpp>
#include <vector>

#include "conventio/document.hpp"
#include "template/markdown_cache.hpp"

namespace conventio::lua {

class State;

/// Registers the element metatables and adds the constructors to the table on top of the
/// stack (the `conventio` module table).
void open_document_bindings(lua_State* L);

/// The Document a script returned, or nullptr if the value at `index` is not one.
doc::Document* to_document(lua_State* L, int index);

/// Copies into the Document at the top of the stack (if it is one) what doc:add deferred, as a
/// part of `state`'s run: under its memory cap and time limit, so that a block added a million
/// times cannot grow past the cap once the script has returned. Call before to_document when the
/// run is over; throws ScriptError as State::call does.
void settle_document(State& state);

/// Lua value at `index` (string, inline, block, or array of them) as blocks, with body
/// paragraphs restyled to `paragraph_style`. Raises a Lua error naming `what` otherwise.
std::vector<doc::Block> check_blocks(lua_State* L, int index, const char* what,
                                     doc::ParagraphStyle paragraph_style = doc::ParagraphStyle::body);

/// The block the Block userdata at `index` holds, or nullptr if the value is not one.
const doc::Block* to_block(lua_State* L, int index);

/// Pushes blocks as a Lua array of Block userdata.
void push_blocks(lua_State* L, std::vector<doc::Block> blocks);
/// The same for blocks already shared (a Markdown conversion the cache holds): not copied.
void push_blocks(lua_State* L, const tmpl::SharedBlocks& blocks);

}  // namespace conventio::lua
