// `conventio check`: everything but writing. The same checks run before every render.
#pragma once

#include <optional>
#include <vector>

#include "check/diagnostic.hpp"
#include "cli/options.hpp"
#include "conventio/document.hpp"

namespace conventio::cli {

struct Checked {
    std::optional<doc::Document> document;  // absent when the script or its data failed
    std::vector<check::Diagnostic> diagnostics;
};

/// Reads the data file for every empty or placeholder value (all reported at once), runs the
/// script, checks the tree, and reviews its text (check/text_review.hpp). Never throws for a
/// problem of the user's: every one is a diagnostic.
Checked run_checks(const lua::ScriptRun& run);

/// Prints the diagnostics (text or JSON on standard output); 0 when no error, else 1.
int check(const CheckOptions& options);

}  // namespace conventio::cli
