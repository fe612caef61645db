#include "batch/batch_report.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

#include "config/i18n.hpp"
#include "package/atomic_file.hpp"

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

static const char* const csv_header_line = "\xEF\xBB\xBFrow,line,name,status,message,seconds\r\n";

static std::string csv_line(const RowResult& r) {
    return std::to_string(r.number) + "," + std::to_string(r.line) + "," +
           csv_cell(spreadsheet_safe(r.name)) + "," + status_name(r.status) + "," +
           csv_cell(spreadsheet_safe(r.message)) + "," + seconds_text(r.seconds) + "\r\n";
}

/// One row of the JSON report, as it sits in the "rows" array (indented by 4).
static std::string json_row(const RowResult& r) {
    nlohmann::json row = {{"row", r.number},      {"line", r.line},
                          {"name", r.name},       {"status", status_name(r.status)},
                          {"message", r.message}, {"seconds", r.seconds}};
    std::string text = row.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string out = "    ";
    for (char c : text) {
        out += c;
        if (c == '\n') out += "    ";
    }
    return out;
}

static std::string json_counts(const std::size_t counts[4]) {
    nlohmann::json object = {
        {"done", counts[0]}, {"failed", counts[1]}, {"skipped", counts[2]}, {"not done", counts[3]}};
    std::string text = object.dump(2);
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '\n') out += "  ";
    }
    return out;
}

static std::size_t status_index(RowStatus status) { return static_cast<std::size_t>(status); }

std::string report_csv(const std::vector<RowResult>& results) {
    std::string out = csv_header_line;
    for (const auto& r : results) out += csv_line(r);
    return out;
}

std::string report_json(const std::vector<RowResult>& results) {
    std::size_t counts[4] = {0, 0, 0, 0};
    std::string out = "{\n  \"rows\": [";
    for (std::size_t i = 0; i < results.size(); ++i) {
        out += (i ? ",\n" : "\n") + json_row(results[i]);
        ++counts[status_index(results[i].status)];
    }
    out += results.empty() ? "],\n" : "\n  ],\n";
    return out + "  \"counts\": " + json_counts(counts) + "\n}\n";
}

ReportWriter::ReportWriter(const std::filesystem::path& csv,
                           const std::optional<std::filesystem::path>& json) {
    open(csv_, csv);
    write(csv_, csv_header_line);
    if (json) {
        json_wanted_ = true;
        open(json_, *json);
        write(json_, "{\n  \"rows\": [");
    }
}

ReportWriter::~ReportWriter() {
    for (Output* output : {&csv_, &json_})
        if (output->file) {
            std::fclose(output->file);
            ::unlink(output->temp.c_str());
        }
}

void ReportWriter::open(Output& output, const std::filesystem::path& target) {
    output.target = target;
    std::filesystem::path folder = target.parent_path();
    if (folder.empty()) folder = ".";
    output.temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(output.temp.data());
    if (fd < 0)
        throw package::OutputError(config::format(
            config::tr("cannot write {}: {}: {}"), target.string(),
            config::format(config::tr("cannot create a file in {}"), folder.string()), std::strerror(errno)));
    // mkstemp creates 0600; a report is an ordinary file, so the umask decides as for documents.
    // Read (by setting it) before the workers start creating files.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    output.file = ::fdopen(fd, "wb");
    if (!output.file) {
        ::close(fd);
        ::unlink(output.temp.c_str());
        throw package::OutputError(config::format(config::tr("cannot write {}: {}: {}"), target.string(),
                                                  config::tr("write failed"), std::strerror(errno)));
    }
}

void ReportWriter::write(Output& output, const std::string& text) {
    if (std::fwrite(text.data(), 1, text.size(), output.file) != text.size())
        throw package::OutputError(config::format(config::tr("cannot write {}: {}: {}"),
                                                  output.target.string(), config::tr("write failed"),
                                                  std::strerror(errno)));
}

void ReportWriter::add(const RowResult& result) {
    write(csv_, csv_line(result));
    if (json_wanted_) write(json_, (rows_ ? ",\n" : "\n") + json_row(result));
    ++rows_;
    ++counts_[status_index(result.status)];
}

void ReportWriter::commit() {
    if (json_wanted_)
        write(json_,
              (rows_ ? "\n  ],\n" : "],\n") + std::string("  \"counts\": ") + json_counts(counts_) + "\n}\n");
    for (Output* output : {&csv_, &json_}) {
        if (!output->file) continue;
        bool ok = std::fflush(output->file) == 0 && ::fsync(::fileno(output->file)) == 0;
        int err = errno;
        ok = std::fclose(output->file) == 0 && ok;
        output->file = nullptr;
        if (!ok || ::rename(output->temp.c_str(), output->target.c_str()) != 0) {
            if (ok) err = errno;
            ::unlink(output->temp.c_str());
            throw package::OutputError(config::format(
                config::tr("cannot write {}: {}: {}"), output->target.string(),
                config::tr("cannot rename the temporary file into place"), std::strerror(err)));
        }
    }
}

}  // namespace conventio::batch
