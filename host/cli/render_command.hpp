// `conventio render`: check, then script -> tree -> every requested package, then the files.
#pragma once

#include <string>

#include "cli/options.hpp"
#include "conventio/document.hpp"

namespace conventio::cli {

/// The package bytes of `document` in `format` (a PDF goes through LibreOffice).
std::string render_package(const doc::Document& document, Format format);

/// Runs the checks (cli/check_command.hpp), prints their warnings and errors on standard
/// error, and when there is no error writes every output. Renders all formats in memory
/// before writing any file, so a failure leaves no output behind. Returns the exit status.
int render(const RenderOptions& options);

/// `conventio amend`: runs the checks of render on the avenant first (and stops on an error,
/// printing the diagnostics), then the avenant, and the consolidated and clean versions asked
/// for; every package is rendered in memory before any file is written. Returns the exit status.
int amend(const AmendOptions& options);

}  // namespace conventio::cli
