// What the build-time generators (conventio_precompile, conventio_prebuild) share: bytes written
// as C++ source, to be compiled into the program.
#pragma once

#include <ostream>
#include <string_view>

namespace conventio::codegen {

/// `bytes` as a C++ string literal: printable ASCII as is, the rest in octal escapes (three
/// digits, so a following digit is never read as part of one), cut into lines after a newline.
void write_literal(std::ostream& out, std::string_view bytes);

/// `std::string_view(literal, size)`: the size given, so NUL bytes inside count too.
void write_string_view(std::ostream& out, std::string_view bytes);

}  // namespace conventio::codegen
