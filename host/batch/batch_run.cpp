#include "batch/batch_run.hpp"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "batch/batch_report.hpp"
#include "batch/output_names.hpp"
#include "batch/progress.hpp"
#include "batch/row_file.hpp"
#include "batch/stop_signals.hpp"
#include "config/i18n.hpp"
#include "docx/docx_writer.hpp"
#include "lua/row_runner.hpp"
#include "odt/odt_writer.hpp"
#include "package/atomic_file.hpp"
#include "package/zip_package.hpp"
#include "xml/xml_writer.hpp"

namespace conventio::batch {

using config::format;
using config::tr;
namespace {

const char* extension_of(Format f) { return f == Format::odt ? ".odt" : ".docx"; }

/// Whether `message` starts with "FILE:LINE:COL: " (the strict loader's place in the row file);
/// the length of "FILE:LINE:COL", or 0.
std::size_t loader_place_length(const std::string& message, const std::string& file) {
    if (!message.starts_with(file + ":")) return 0;
    std::size_t i = file.size() + 1;
    for (int part = 0; part < 2; ++part) {
        std::size_t digits = i;
        while (i < message.size() && message[i] >= '0' && message[i] <= '9') ++i;
        if (i == digits || i >= message.size() || message[i] != ':') return 0;
        if (part == 0) ++i;
    }
    return message.compare(i, 2, ": ") == 0 ? i : 0;
}

struct Job {
    const Row* row = nullptr;
    RowResult result;
};

}  // namespace

std::string column_letters(std::size_t index) {
    std::string letters;
    for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

std::string row_message(const std::string& file, std::size_t number, std::size_t line,
                        const std::vector<std::string>& columns, const std::vector<std::size_t>& cell_lines,
                        bool spreadsheet_columns, std::string message, const std::string& data_name) {
    // The library names the data in its messages; the row's place is said once, in front.
    if (message.starts_with(data_name + ": ")) message.erase(0, data_name.size() + 2);
    // A JSON row the loader refused: its own FILE:LINE:COL is the most precise place.
    if (std::size_t n = loader_place_length(message, file))
        return message.substr(0, n) + ": " + format(tr("row {}"), std::to_string(number)) + ": " +
               message.substr(n + 2);
    std::string place =
        file + ":" + std::to_string(line) + ": " + format(tr("row {}"), std::to_string(number));
    for (std::size_t k = 0; k < columns.size(); ++k) {
        // The library says "column 'NAME'" in the user's language: the phrase is found in either.
        std::string named = format(tr("column '{}'"), columns[k]);
        std::size_t at = message.find(named);
        if (at == std::string::npos) at = message.find(named = "column '" + columns[k] + "'");
        if (at == std::string::npos) continue;
        std::size_t cell_line = k < cell_lines.size() ? cell_lines[k] : line;
        place = file + ":" + std::to_string(cell_line) + ": " + format(tr("row {}"), std::to_string(number)) +
                ", " +
                (spreadsheet_columns ? format(tr("column {} '{}'"), column_letters(k), columns[k])
                                     : format(tr("column '{}'"), columns[k]));
        std::size_t end = at + named.size();
        if (message.compare(end, 2, ": ") == 0)
            end += 2;
        else if (message.compare(end, 3, " : ") == 0)  // French puts a space before the colon
            end += 3;
        message.erase(at, end - at);
        break;
    }
    return place + ": " + message;
}

BatchSummary run_batch(const BatchOptions& options) {
    RowFile file = read_row_file(options.rows, options.encoding);
    std::optional<lua::CommonData> common;
    if (options.common_data) common = lua::read_common_data(*options.common_data, options.lua);

    // Names first: a batch whose names collide writes nothing.
    std::string pattern_text = !options.name_column.empty()    ? "{" + options.name_column + "}"
                               : !options.name_pattern.empty() ? options.name_pattern
                                                               : "row-{row}";
    NamePattern pattern = parse_name_pattern(pattern_text);
    if (auto problem = check_pattern_columns(pattern, file.columns))
        throw BatchError(file.name + ": " + *problem);
    std::vector<Job> jobs(file.rows.size());
    // Paths are made when needed: a batch of many rows keeps only each row's name.
    auto output_of = [&](const Job& job, Format f) {
        return options.out / (job.result.name + extension_of(f));
    };
    std::map<std::string, std::size_t> taken;  // collision key -> job index
    std::string collisions;
    for (std::size_t i = 0; i < file.rows.size(); ++i) {
        const Row& row = file.rows[i];
        Job& job = jobs[i];
        job.row = &row;
        job.result.number = row.number;
        job.result.line = row.line;
        NameResult name = expand_name(pattern, file.data(row), row.number, file.rows.size());
        if (!name.error.empty()) {
            job.result.status = RowStatus::failed;
            job.result.message = row_message(file.name, row.number, row.line, file.columns, row.cell_lines,
                                             file.from_csv, name.error, "");
            continue;
        }
        job.result.name = name.stem;
        auto [it, inserted] = taken.emplace(collision_key(name.stem), i);
        if (!inserted) {
            const Row& first = file.rows[it->second];
            collisions += "\n  " + file.name + ":" + std::to_string(row.line) + ": " +
                          format(tr("row {} gives the name '{}', as row {} (line {}) does ('{}')"),
                                 std::to_string(row.number), name.stem, std::to_string(first.number),
                                 std::to_string(first.line), jobs[it->second].result.name);
        }
    }
    if (!collisions.empty())
        throw BatchError(
            tr("two rows would write the same file (names are compared ignoring case); give --name a "
               "pattern that tells them apart:") +
            collisions);

    std::error_code ec;
    std::filesystem::create_directories(options.out, ec);
    if (ec)
        throw BatchError(
            format(tr("cannot create the output folder {}: {}"), options.out.string(), ec.message()));

    std::vector<std::size_t> pending;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        Job& job = jobs[i];
        if (job.result.status == RowStatus::failed) continue;
        bool all_there = true;
        for (Format f : options.formats)
            all_there = all_there && std::filesystem::exists(output_of(job, f), ec);
        if (options.skip_existing && all_there) {
            job.result.status = RowStatus::skipped;
            continue;
        }
        pending.push_back(i);
    }

    bool terminal = options.progress == BatchOptions::Progress::terminal ||
                    (options.progress == BatchOptions::Progress::automatic && Progress::stderr_is_terminal());
    Progress progress(jobs.size(), terminal);
    for (const auto& job : jobs)
        if (job.result.status != RowStatus::not_done)
            progress.row_done(job.result.status != RowStatus::failed, job.result.message);

    unsigned workers = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    workers = static_cast<unsigned>(std::min<std::size_t>(workers, std::max<std::size_t>(pending.size(), 1)));
    std::atomic<std::size_t> next{0};
    std::atomic<bool> broken{false};
    std::string broken_message;
    std::mutex broken_mutex;
    StopSignals signals;

    auto work = [&] {
        std::optional<lua::RowRunner> runner;
        try {
            runner.emplace(options.script, options.lua, common ? &*common : nullptr);
        } catch (const std::exception& e) {
            // The script does not compile: the same for every row, so the batch stops.
            std::lock_guard lock(broken_mutex);
            if (!broken.exchange(true)) broken_message = e.what();
            return;
        }
        for (;;) {
            if (StopSignals::received() || broken) return;
            std::size_t k = next.fetch_add(1);
            if (k >= pending.size()) return;
            Job& job = jobs[pending[k]];
            const Row& row = *job.row;
            auto start = std::chrono::steady_clock::now();
            std::string data_name = file.name + ":" + std::to_string(row.line) + " (" +
                                    format(tr("row {}"), std::to_string(row.number)) + ")";
            try {
                doc::Document document = runner->run(file.input(row), file.name, data_name);
                // Every format in memory first: a row's files are all there or none is new.
                std::vector<std::string> packages;
                for (Format f : options.formats)
                    packages.push_back(
                        package::build_zip(f == Format::odt ? odt::parts(document) : docx::parts(document)));
                for (std::size_t p = 0; p < packages.size(); ++p)
                    package::write_file_atomically(output_of(job, options.formats[p]), packages[p],
                                                   package::Flush::later);
                job.result.status = RowStatus::done;
            } catch (const std::exception& e) {
                job.result.status = RowStatus::failed;
                job.result.message = row_message(file.name, row.number, row.line, file.columns,
                                                 row.cell_lines, file.from_csv, e.what(), data_name);
            }
            job.result.seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            progress.row_done(job.result.status == RowStatus::done, job.result.message);
        }
    };
    xml::initialize_for_threads();
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers; ++w) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    if (broken) throw lua::ScriptError(broken_message);

    BatchSummary summary;
    summary.signal = StopSignals::received();
    std::vector<RowResult> results;
    for (auto& job : jobs) {
        switch (job.result.status) {
            case RowStatus::done:
                ++summary.done;
                break;
            case RowStatus::failed:
                ++summary.failed;
                break;
            case RowStatus::skipped:
                ++summary.skipped;
                break;
            case RowStatus::not_done:
                ++summary.not_done;
                break;
        }
        results.push_back(std::move(job.result));
    }
    // The documents reach the disk before the report that says they are done.
    package::flush_folder(options.out);
    package::write_file_atomically(options.out / "report.csv", report_csv(results));
    if (options.report_json) package::write_file_atomically(*options.report_json, report_json(results));
    progress.finish(summary.done, summary.failed, summary.skipped, summary.not_done);
    return summary;
}

}  // namespace conventio::batch
