// Compiled forms made at build time for the files conventio ships (host/shipped/): the Lua
// library's modules as bytecode, the clause templates as their CompiledTemplate. Parsing them
// is most of a cold start's work, and they are the same bytes on every run.
//
// Each form is keyed on the exact bytes of its source, compared in full when the file is read:
// a drafter who edits a template, or a power user who edits the library (in the checkout, under
// CONVENTIO_HOME, in an installed share/conventio), gets their edit, compiled from the text as
// before. The form is then only ever what compiling those same bytes here would give, so using
// it changes nothing but the time. Bytecode comes only from these forms, which our build made.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "template/template_compiler.hpp"

namespace conventio::tmpl {

struct ShippedForm {
    std::string_view source;    // the file's bytes
    std::string_view compiled;  // bytecode (a module) or serialize_template's bytes (a template)
};

/// The form made from exactly `source`, or null (an edited or unknown file).
const ShippedForm* find_shipped_form(std::span<const ShippedForm> forms, std::string_view source);

/// The chunk name forms are compiled with: the real one (the file's path where it was found,
/// which the build cannot know) is put in its place when the form is used.
inline constexpr std::string_view shipped_chunk_placeholder = "=conventio: shipped form";

/// `bytecode` (compiled with the chunk name "@" + shipped_chunk_placeholder) with `chunkname`
/// instead, as if compiled under that name: Lua stores the main function's source name once,
/// right after the header, and its nested functions inherit it. Nothing when the bytes there
/// are not the placeholder's (a form from another Lua): the caller compiles the source.
std::optional<std::string> renamed_bytecode(std::string_view bytecode, std::string_view chunkname);

/// A compiled template as bytes, and back: the front matter, the Lua source and its bytecode
/// (compiled as path shipped_chunk_placeholder). `path` is where it was found now, also put in
/// the bytecode. Nothing when the bytes are not such a form.
std::string serialize_template(const CompiledTemplate& compiled);
std::optional<CompiledTemplate> deserialize_template(std::string_view form, std::string path);

}  // namespace conventio::tmpl
