#include "cli/check_command.hpp"

#include <algorithm>
#include <iostream>

#include "check/data_review.hpp"
#include "check/text_review.hpp"

namespace conventio::cli {

Checked run_checks(const lua::ScriptRun& run) {
    Checked result;
    lua::ScriptRun reviewed = run;
    if (run.data_file) {
        // The data's values are reviewed as the run loads them: before the script runs, so a
        // script error later does not hide them.
        const std::string file = run.data_file->string();
        reviewed.on_data_text = [&result, file](const lua::DataText& value) {
            if (auto d = check::review_data_value(file, static_cast<int>(value.line),
                                                  static_cast<int>(value.column), value.field, value.text))
                result.diagnostics.push_back(std::move(*d));
        };
    }
    try {
        result.document = lua::run_script(reviewed);
    } catch (const std::exception& e) {
        // The library reports the problems it found together one a line (all the parties'
        // fields at once); each is a diagnostic of its own.
        std::vector<check::Diagnostic> failures;
        std::string message = e.what();
        for (std::size_t start = 0; start < message.size();) {
            std::size_t end = std::min(message.find('\n', start), message.size());
            failures.push_back(check::from_message(message.substr(start, end - start)));
            start = end + 1;
        }
        // A message of several lines that are not each a place is one message.
        bool each_placed =
            std::all_of(failures.begin(), failures.end(), [](const auto& f) { return !f.file.empty(); });
        if (!each_placed) failures = {check::from_message(message)};
        for (auto& failure : failures) {
            // A placeholder the data review already reported is the same problem.
            bool known = false;
            for (const auto& d : result.diagnostics)
                known = known || (!failure.field.empty() && d.field == failure.field &&
                                  d.severity == check::Severity::error);
            if (!known) result.diagnostics.push_back(std::move(failure));
        }
        return result;
    }
    auto review = check::review_text(*result.document, run.script.string());
    result.diagnostics.insert(result.diagnostics.end(), review.begin(), review.end());
    return result;
}

int check(const CheckOptions& options) {
    Checked result = run_checks(options.run);
    if (options.json)
        std::cout << check::as_json(result.diagnostics);
    else
        std::cout << check::as_text(result.diagnostics);
    return check::has_errors(result.diagnostics) ? 1 : 0;
}

}  // namespace conventio::cli
