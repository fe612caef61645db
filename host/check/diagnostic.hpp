// One problem found by `conventio check` (or before a render): where, how serious, what.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace conventio::check {

// A note tells what check could not do (compare a hand-built document with a model); it is not
// a problem of the text, and, as a warning, leaves the exit status alone.
enum class Severity { error, warning, note };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;     // the user's file: script, data file or template; may be empty
    int line = 0;         // 0 when unknown
    int column = 0;       // 0 when unknown
    std::string field;    // a data field ("parties.partner.siret") or the article concerned
    std::string message;  // in the chosen language
    // The words of the text a finding of the text review is about ("[à compléter]", "ANCT"), not
    // shown: they tell a value the data file gave from a template's own words.
    std::string excerpt = {};
    // The text of the paragraph the excerpt is in: tells which value gave the words when several
    // hold them (the one agreeing with the paragraph around them the longest).
    std::string paragraph = {};
};

bool has_errors(const std::vector<Diagnostic>& diagnostics);

/// A failure message of a run ("x.lua:12: ...", "tpl.md:7:14: ...", "x.json: ... (field a.b)")
/// as a diagnostic with its place taken apart.
Diagnostic from_message(const std::string& message);

/// The most diagnostics as_text lists, and the longest message it prints whole.
inline constexpr std::size_t max_listed = 200;
inline constexpr std::size_t max_message_bytes = 4096;

/// One line each, for people: "x.lua:12: message", "x.lua: warning: message (in Article 4)";
/// each line starts with `prefix`. The first max_listed, each cut at max_message_bytes.
std::string as_text(const std::vector<Diagnostic>& diagnostics, std::string_view prefix = {});

/// A JSON array of {file, line, column, field, severity, message}, for editors and CI.
std::string as_json(const std::vector<Diagnostic>& diagnostics);

}  // namespace conventio::check
