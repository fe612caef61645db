#include "cli/check_command.hpp"

#include <iostream>

#include "check/data_review.hpp"
#include "check/text_review.hpp"

namespace conventio::cli {

Checked run_checks(const lua::ScriptRun& run) {
    Checked result;
    if (run.data_file) result.diagnostics = check::review_data_file(*run.data_file);
    try {
        result.document = lua::run_script(run);
    } catch (const std::exception& e) {
        check::Diagnostic failure = check::from_message(e.what());
        // An empty field already reported by the data review is the same problem.
        bool known = false;
        for (const auto& d : result.diagnostics)
            known = known || (!failure.field.empty() && d.field == failure.field);
        if (!known) result.diagnostics.push_back(std::move(failure));
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
