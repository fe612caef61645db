#include "cli/check_command.hpp"

#include <algorithm>
#include <iostream>

#include "check/data_places.hpp"
#include "check/data_review.hpp"
#include "check/text_review.hpp"
#include "config/i18n.hpp"

namespace conventio::cli {

namespace {

/// A failure's message as diagnostics: the library reports some problems found together one a
/// line (an avenant's base agreement's), each a diagnostic of its own.
std::vector<check::Diagnostic> failure_diagnostics(const std::string& message) {
    std::vector<check::Diagnostic> failures;
    for (std::size_t start = 0; start < message.size();) {
        std::size_t end = std::min(message.find('\n', start), message.size());
        failures.push_back(check::from_message(message.substr(start, end - start)));
        start = end + 1;
    }
    // A message of several lines that are not each a place is one message.
    bool each_placed =
        std::all_of(failures.begin(), failures.end(), [](const auto& f) { return !f.file.empty(); });
    if (!each_placed) failures = {check::from_message(message)};
    return failures;
}

/// Adds `failure` unless the data review already reported the same problem (a placeholder
/// the library then refused). The review's warning on that field (an empty value) gives way
/// to the library's error, which says why it cannot be.
void add_failure(Checked& result, check::Diagnostic failure, const check::DataPlaces* places) {
    for (const auto& d : result.diagnostics)
        if (!failure.field.empty() && d.field == failure.field && d.severity == check::Severity::error)
            return;
    if (places) places->locate(failure);
    if (!failure.field.empty() && failure.severity == check::Severity::error)
        std::erase_if(result.diagnostics, [&failure](const check::Diagnostic& d) {
            return d.severity == check::Severity::warning && d.field == failure.field &&
                   d.file == failure.file;
        });
    result.diagnostics.push_back(std::move(failure));
}

}  // namespace

Checked run_checks(const lua::ScriptRun& run) {
    Checked result;
    lua::ScriptRun reviewed = run;
    std::optional<check::DataPlaces> places;
    if (run.data_file) {
        // The data's values are reviewed as the run loads them: before the script runs, so a
        // script error later does not hide them; their places serve the library's problems.
        const std::string file = run.data_file->string();
        places.emplace(file);
        reviewed.on_data_text = [&result, &places, file](const lua::DataText& value) {
            const int line = static_cast<int>(value.line), column = static_cast<int>(value.column);
            places->add(value.field, line, column, value.number ? std::string_view{} : value.text,
                        value.number ? std::string_view{} : value.written);
            if (value.number) return;
            if (auto d = check::review_data_value(file, line, column, value.field, value.text))
                result.diagnostics.push_back(std::move(*d));
        };
    }
    const check::DataPlaces* where = places ? &*places : nullptr;
    try {
        result.document = lua::run_script(reviewed);
    } catch (const lua::DataProblems& e) {
        // Every problem the library recorded in the data, one diagnostic each; then the
        // script's own failure, which may follow from them (a stand-in it could not use).
        for (const auto& problem : e.problems)
            add_failure(
                result,
                check::from_message((problem.file.empty() ? "" : problem.file + ": ") + problem.message),
                where);
        for (auto& failure : failure_diagnostics(e.script_error)) {
            failure.message =
                config::format(config::tr("{} (after the data's problems above, which it may follow from)"),
                               failure.message);
            add_failure(result, std::move(failure), where);
        }
        return result;
    } catch (const std::exception& e) {
        for (auto& failure : failure_diagnostics(e.what())) add_failure(result, std::move(failure), where);
        return result;
    }
    auto review = check::review_text(*result.document, run.script.string());
    // Words the data file gave are the drafter's to change there, not in the template; a
    // placeholder the data review reported in that field already is not reported twice.
    for (auto& finding : review) {
        // A paragraph the script wrote itself takes no value that is only the words.
        const bool in_data = places && places->place_in_data(finding, finding.file != run.script.string());
        const bool said =
            in_data && std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                                   [&finding](const check::Diagnostic& d) {
                                       return d.file == finding.file && d.field == finding.field &&
                                              d.message.find(finding.excerpt) != std::string::npos;
                                   });
        if (!said) result.diagnostics.push_back(std::move(finding));
    }
    return result;
}

int check(const CheckOptions& options) {
    Checked result = run_checks(options.run);
    // A document a script built itself (conventio.Document, or the body of an agreement's
    // document in a new one) holds no facts: its wording was reviewed, its names and amounts
    // were not compared with anything. Said once, rather than a silence that reads as "all good".
    // Not on render's way: a hand-built document is legitimate, and rendered without a word.
    if (result.document && !result.document->facts.stated)
        result.diagnostics.push_back(
            {check::Severity::note,
             options.run.script.string(),
             0,
             0,
             {},
             config::tr("the text was not compared with a model: the document was built without conventio's "
                        "Agreement (its names and amounts were not checked)")});
    if (options.json)
        std::cout << check::as_json(result.diagnostics);
    else
        std::cout << check::as_text(result.diagnostics);
    return check::has_errors(result.diagnostics) ? 1 : 0;
}

}  // namespace conventio::cli
