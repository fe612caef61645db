#include "check/diagnostic.hpp"

#include <nlohmann/json.hpp>
#include <regex>

#include "config/i18n.hpp"

namespace conventio::check {

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == Severity::error) return true;
    return false;
}

Diagnostic from_message(const std::string& message) {
    Diagnostic d;
    d.message = message;
    std::smatch m;
    // file:line:col: message (templates), file:line: message (scripts), file.json: message.
    static const std::regex with_column(R"(^([^:\s][^:]*):(\d+):(\d+): ([\s\S]*)$)");
    static const std::regex with_line(R"(^([^:\s][^:]*):(\d+): ([\s\S]*)$)");
    static const std::regex data_file(R"(^([^:\s][^:]*\.json): ([\s\S]*)$)");
    if (std::regex_match(message, m, with_column)) {
        d.file = m[1];
        d.line = std::stoi(m[2]);
        d.column = std::stoi(m[3]);
        d.message = m[4];
    } else if (std::regex_match(message, m, with_line)) {
        d.file = m[1];
        d.line = std::stoi(m[2]);
        d.message = m[3];
        // "x.lua:2: templates/y.md:3:10: ...": the template is the place to look.
        std::string rest = d.message;
        if (std::regex_match(rest, m, with_column) && std::string(m[1]).ends_with(".md")) {
            d.file = m[1];
            d.line = std::stoi(m[2]);
            d.column = std::stoi(m[3]);
            d.message = m[4];
        }
    } else if (std::regex_match(message, m, data_file)) {
        d.file = m[1];
        d.message = m[2];
    }
    static const std::regex field(R"(\((?:field|champ) ([A-Za-z0-9_.\[\]]+)\))");
    static const std::regex unknown_field(R"(^(?:unknown field|champ inconnu) ([A-Za-z0-9_.\[\]]+))");
    // The library's messages start with the field they are about: "finance.amount must be positive".
    static const std::regex leading_field(
        R"(^([a-z_][A-Za-z0-9_]*(?:\[\d+\])?(?:\.[A-Za-z0-9_]+(?:\[\d+\])?)+)[ :])");
    if (std::regex_search(d.message, m, field) || std::regex_search(d.message, m, unknown_field) ||
        (d.file.ends_with(".json") && std::regex_search(d.message, m, leading_field)))
        d.field = m[1];
    return d;
}

std::string as_text(const std::vector<Diagnostic>& diagnostics, std::string_view prefix) {
    std::string out;
    for (const auto& d : diagnostics) {
        out += prefix;
        if (!d.file.empty()) {
            out += d.file;
            if (d.line > 0) out += ":" + std::to_string(d.line);
            if (d.column > 0) out += ":" + std::to_string(d.column);
            out += ": ";
        }
        // An error reads as the failure it is ("x.lua:3: attempt to..."); a warning says so.
        out += d.severity == Severity::warning ? config::format(config::tr("warning: {}"), d.message)
                                               : d.message;
        // The article concerned, when the message does not already name the field.
        if (!d.field.empty() && d.message.find(d.field) == std::string::npos)
            out += " " + config::format(config::tr("(in {})"), d.field);
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
        item["severity"] = d.severity == Severity::error ? "error" : "warning";
        item["message"] = d.message;
        array.push_back(std::move(item));
    }
    return array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace conventio::check
