// The compiled forms of the files conventio ships, made at build time by conventio_precompile
// (host/shipped/precompile.cpp) from scripts/ and templates/ into the generated
// shipped_forms.cpp. Keyed on each file's exact bytes (template/shipped_form.hpp): an edited
// file is compiled from its text.
#pragma once

#include <span>

#include "template/shipped_form.hpp"

namespace conventio::shipped {

/// The Lua library's modules (scripts/**.lua) as bytecode.
std::span<const tmpl::ShippedForm> library_modules();

/// The clause templates (templates/**.md) as compiled templates.
std::span<const tmpl::ShippedForm> templates();

}  // namespace conventio::shipped
