// `conventio render --watch`: render, then render again whenever an input changes, so a
// drafter keeps the PDF (or ODT) open beside the script and the data while editing.
#pragma once

#include "cli/options.hpp"

namespace conventio::cli {

/// Renders now and after every change of the script, its folder's Lua files, the data, the
/// --lib and --templates folders and conventio's own library and templates (polled twice a
/// second: no inotify dependency, and editors that replace files are seen the same way).
/// A failed render is reported and the watch goes on. Runs until interrupted.
[[noreturn]] void watch_and_render(const RenderOptions& options);

}  // namespace conventio::cli
