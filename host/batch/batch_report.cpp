#include "batch/batch_report.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace conventio::batch {
namespace {

std::string csv_cell(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string seconds_text(double seconds) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4f", seconds);
    return buffer;
}

}  // namespace

const char* status_name(RowStatus status) {
    switch (status) {
        case RowStatus::done:
            return "done";
        case RowStatus::failed:
            return "failed";
        case RowStatus::skipped:
            return "skipped";
        case RowStatus::not_done:
            break;
    }
    return "not done";
}

std::string spreadsheet_safe(std::string cell) {
    if (cell.empty()) return cell;
    char first = cell.front();
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
        cell.insert(cell.begin(), '\'');
    return cell;
}

std::string report_csv(const std::vector<RowResult>& results) {
    std::string out = "\xEF\xBB\xBFrow,line,name,status,message,seconds\r\n";
    for (const auto& r : results) {
        out += std::to_string(r.number) + "," + std::to_string(r.line) + "," +
               csv_cell(spreadsheet_safe(r.name)) + "," + status_name(r.status) + "," +
               csv_cell(spreadsheet_safe(r.message)) + "," + seconds_text(r.seconds) + "\r\n";
    }
    return out;
}

std::string report_json(const std::vector<RowResult>& results) {
    nlohmann::json rows = nlohmann::json::array();
    nlohmann::json counts = {{"done", 0}, {"failed", 0}, {"skipped", 0}, {"not done", 0}};
    for (const auto& r : results) {
        rows.push_back({{"row", r.number},
                        {"line", r.line},
                        {"name", r.name},
                        {"status", status_name(r.status)},
                        {"message", r.message},
                        {"seconds", r.seconds}});
        counts[status_name(r.status)] = counts[status_name(r.status)].get<int>() + 1;
    }
    return nlohmann::json{{"rows", rows}, {"counts", counts}}.dump(2, ' ', false,
                                                                   nlohmann::json::error_handler_t::replace) +
           "\n";
}

}  // namespace conventio::batch
