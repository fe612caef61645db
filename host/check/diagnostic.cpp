#include "check/diagnostic.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "check/pattern.hpp"
#include "config/i18n.hpp"
#include "config/utf8_prefix.hpp"

namespace conventio::check {

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == Severity::error) return true;
    return false;
}

namespace {

/// "unknown field finance.amout (did you mean amount?)": the message names its field first.
const Pattern& unknown_field() {
    static const Pattern pattern(R"(^(?:unknown field|champ inconnu) ([A-Za-z0-9_.\[\]]+))");
    return pattern;
}

}  // namespace

Diagnostic from_message(const std::string& message) {
    Diagnostic d;
    d.message = message;
    // file:line:col: message (templates), file:line: message (scripts), file.json: message.
    static const Pattern with_column(R"(^([^:\s][^:]*):(\d+):(\d+): ([\s\S]*)$)");
    static const Pattern with_line(R"(^([^:\s][^:]*):(\d+): ([\s\S]*)$)");
    static const Pattern data_file(R"(^([^:\s][^:]*\.json): ([\s\S]*)$)");
    if (auto m = with_column.whole(message)) {
        d.file = (*m)[1];
        d.line = std::stoi(std::string((*m)[2]));
        d.column = std::stoi(std::string((*m)[3]));
        d.message = (*m)[4];
    } else if (auto m = with_line.whole(message)) {
        d.file = (*m)[1];
        d.line = std::stoi(std::string((*m)[2]));
        d.message = (*m)[3];
        // "x.lua:2: templates/y.md:3:10: ...": the template is the place to look.
        if (auto t = with_column.whole(d.message); t && (*t)[1].ends_with(".md")) {
            const Match place = *t;
            d.file = place[1];
            d.line = std::stoi(std::string(place[2]));
            d.column = std::stoi(std::string(place[3]));
            d.message = std::string(place[4]);
        }
    } else if (auto m = data_file.whole(message)) {
        d.file = (*m)[1];
        d.message = (*m)[2];
    }
    static const Pattern field(R"(\((?:field|champ) ([A-Za-z0-9_.\[\]]+)\))");
    // The library's messages start with the field they are about: "finance.amount must be positive".
    // "finance.amount must be positive", or a single field before a colon ("date: invalid date").
    static const Pattern leading_field(
        R"(^([a-z_][A-Za-z0-9_]*(?:\[\d+\])?(?:\.[A-Za-z0-9_]+(?:\[\d+\])?)+)[ :]|^([a-z_][A-Za-z0-9_]*(?:\[\d+\])?):)");
    // A change set's entry names itself first, "data[2] (set closing.duree.end_date): ...", and is
    // the place whatever field of the agreement its message goes on to name: its operation's
    // value (the path or the article's key) is where the drafter looks.
    static const Pattern change_entry(R"(^([a-z_]+\[\d+\]) \(([a-z_]+) [^)\n]*\)\s?: )");
    if (d.file.ends_with(".json")) {
        if (auto entry = change_entry.search(d.message)) {
            d.field = std::string((*entry)[1]) + "." + std::string((*entry)[2]);
            return d;
        }
    }
    std::optional<Match> named = field.search(d.message);
    if (!named) named = unknown_field().search(d.message);
    if (!named && d.file.ends_with(".json")) named = leading_field.search(d.message);
    if (named) d.field = named->matched(1) ? (*named)[1] : (*named)[2];
    return d;
}

namespace {

/// `message` cut to max_message_bytes at a character's start: a paragraph of megabytes quoted
/// whole is not a message.
std::string cut(const std::string& message) {
    if (message.size() <= max_message_bytes) return message;
    return message.substr(0, config::utf8_prefix_size(message, max_message_bytes)) +
           config::format(config::tr(" [... cut: {} bytes in all]"), std::to_string(message.size()));
}

/// A change set's entry ("data[2] (set PATH): ...") names its field ("data[2].set") itself.
bool names_change_entry(const Diagnostic& d) {
    const auto dot = d.field.rfind('.');
    if (dot == std::string::npos || dot == 0 || d.field[dot - 1] != ']') return false;
    const std::string op = d.field.substr(dot + 1);
    return d.message.starts_with(d.field.substr(0, dot) + " (" + op + " ");
}

/// Whether the message of `d` names its field already: a path ("parties.partner.siret")
/// anywhere in it, a single word ("purpose") only as its first word or as the unknown field
/// (a message may hold the word otherwise: "cited on purpose"), a change set's entry itself.
bool names_its_field(const Diagnostic& d) {
    if (d.message.starts_with(d.field) || names_change_entry(d)) return true;
    if (d.field.find_first_of(".[") != std::string::npos && d.message.find(d.field) != std::string::npos)
        return true;
    const auto unknown = unknown_field().search(d.message);
    return unknown && (*unknown)[1] == d.field;
}

}  // namespace

std::string as_text(const std::vector<Diagnostic>& diagnostics, std::string_view prefix) {
    std::string out;
    // Past a few hundred, the rest comes from the same mistake (a value copied into every row,
    // a generated text): counted, not listed, so that the first ones stay readable. Errors have
    // the first claim on the places: every error is listed while there are fewer than
    // max_listed, warnings fill the rest, all in the run's order; no error hides behind warnings.
    const auto errors = static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::error; }));
    const std::size_t errors_listed = std::min(errors, max_listed);
    const std::size_t warnings_listed = max_listed - errors_listed;
    std::size_t errors_shown = 0, warnings_shown = 0;
    for (const auto& d : diagnostics) {
        std::size_t& shown = d.severity == Severity::error ? errors_shown : warnings_shown;
        if (shown == (d.severity == Severity::error ? errors_listed : warnings_listed)) continue;
        ++shown;
        out += prefix;
        if (!d.file.empty()) {
            out += d.file;
            if (d.line > 0) out += ":" + std::to_string(d.line);
            if (d.column > 0) out += ":" + std::to_string(d.column);
            out += ": ";
        }
        // An error reads as the failure it is ("x.lua:3: attempt to..."); a warning or a note says so.
        const std::string message = cut(d.message);
        if (d.severity == Severity::warning)
            out += config::format(config::tr("warning: {}"), message);
        else if (d.severity == Severity::note)
            out += config::format(config::tr("note: {}"), message);
        else
            out += message;
        // The article or field concerned, when the message does not already name it.
        if (!d.field.empty() && !names_its_field(d))
            out += " " + config::format(config::tr("(in {})"), d.field);
        out += '\n';
    }
    if (const std::size_t left = diagnostics.size() - errors_shown - warnings_shown; left > 0) {
        out += prefix;
        out += config::format(config::tr("... and {} more problems, not listed: fix those above first"),
                              std::to_string(left));
        out += '\n';
    }
    return out;
}

std::string as_json(const std::vector<Diagnostic>& diagnostics) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& d : diagnostics) {
        nlohmann::json item;
        item["file"] = d.file.empty() ? nlohmann::json() : nlohmann::json(d.file);
        item["line"] = d.line > 0 ? nlohmann::json(d.line) : nlohmann::json();
        item["column"] = d.column > 0 ? nlohmann::json(d.column) : nlohmann::json();
        item["field"] = d.field.empty() ? nlohmann::json() : nlohmann::json(d.field);
        item["severity"] = d.severity == Severity::error     ? "error"
                           : d.severity == Severity::warning ? "warning"
                                                             : "note";
        item["message"] = cut(d.message);
        array.push_back(std::move(item));
    }
    return array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace conventio::check
