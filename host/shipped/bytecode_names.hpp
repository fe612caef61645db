// What the build keeps of the Lua library's debug information. The shipped bytecode
// (shipped_forms.hpp) is loaded at every run, and Lua interns each string of it: a local
// variable's name costs as much to load as a constant, and the library's modules hold 3 107 of
// them beside 3 871 constants and 971 upvalue names. A local's name shows only in a runtime
// error raised inside the library ("attempt to index a nil value (local 'party')"), that is a
// bug of ours, whose message keeps its file and line.
#pragma once

#include <string>
#include <string_view>

namespace conventio::shipped {

/// `bytecode` (a Lua 5.4 dump made with its debug information) without its local variables'
/// names. Kept: the code, the constants, the functions' source names, every line, the upvalues'
/// names (Lua's messages say "upvalue 'x'", and "global 'x'" through _ENV's name). A message
/// about a value in a local then says what the value is without naming it, or where it was
/// read from when Lua can tell ("field 'x'"). Throws std::runtime_error when the bytes are not
/// a dump of this Lua's format (the build stops).
std::string without_local_names(std::string_view bytecode);

}  // namespace conventio::shipped
