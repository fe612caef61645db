#include "batch/batch_run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <fstream>
#include <functional>
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

/// Whether `file` is there and starts as a zip package does: what --skip-existing leaves. An
/// empty file or another one under the output's name (a copy that failed, an old PDF renamed)
/// is made again.
bool is_a_package(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char head[4] = {};
    return in.read(head, sizeof head) &&
           std::string_view(head, sizeof head) == std::string_view("PK\x03\x04", 4);
}

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

/// Where a row's printed lines are shown, as a failure's line names the row
/// ("rows.csv:14: record 13: "), so that lines of rows run side by side are told apart.
std::string printed_place(const std::string& file, std::size_t number, std::size_t line) {
    return file + ":" + std::to_string(line) + ": " +
           format(tr("{}: {}"), format(tr("record {}"), std::to_string(number)), "");
}

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
    // A row is a "record": "line" is the file's, and a spreadsheet's rows are its lines, so a
    // row counted from the first under the header needs a word of its own. Between the place
    // and the message the language's colon (French puts a space before it).
    const std::string record = format(tr("record {}"), std::to_string(number));
    // A JSON row the loader refused: its own FILE:LINE:COL is the most precise place.
    if (std::size_t n = loader_place_length(message, file))
        return message.substr(0, n) + ": " + format(tr("{}: {}"), record, message.substr(n + 2));
    std::string place = file + ":" + std::to_string(line);
    std::string where = record;
    for (std::size_t k = 0; k < columns.size(); ++k) {
        // The library says "column 'NAME'" in the user's language: the phrase is found in either.
        std::string named = format(tr("column '{}'"), columns[k]);
        std::size_t at = message.find(named);
        if (at == std::string::npos) at = message.find(named = "column '" + columns[k] + "'");
        if (at == std::string::npos) continue;
        std::size_t cell_line = k < cell_lines.size() ? cell_lines[k] : line;
        place = file + ":" + std::to_string(cell_line);
        where = record + ", " +
                (spreadsheet_columns ? format(tr("column {} '{}'"), column_letters(k), columns[k])
                                     : format(tr("column '{}'"), columns[k]));
        // The phrase is said once, in front: taken out of the message only where it labels it
        // ("column 'iban': …"); inside a sentence (a script's own words) it stays.
        std::size_t end = at + named.size();
        if (message.compare(end, 2, ": ") == 0)
            end += 2;
        else if (message.compare(end, 3, " : ") == 0)  // French puts a space before the colon
            end += 3;
        else
            end = at;
        if (at == 0) message.erase(0, end);
        break;
    }
    return place + ": " + format(tr("{}: {}"), where, message);
}

namespace {

/// How many colliding rows the error lists (then how many more there are).
constexpr std::size_t shown_collisions = 5;

/// The names every row gets, checked for collisions with 8 bytes a row: a hash of each name's
/// collision key, sorted; rows whose hashes meet are read again to say which names collide
/// (and to tell a true collision from two keys with the same hash).
std::string name_collisions(const BatchOptions& options, const NamePattern& pattern, std::size_t total) {
    std::vector<std::pair<std::uint64_t, std::size_t>> hashes;  // hash, row number
    {
        RowReader reader(options.rows, options.encoding);
        while (auto row = reader.next()) {
            if (!row->problem.empty()) continue;  // it fails, and writes nothing
            NameResult name =
                expand_name(pattern, row_data(*row, reader.columns(), reader.from_csv()), row->number, total);
            if (name.error.empty())
                hashes.emplace_back(std::hash<std::string>{}(collision_key(name.stem)), row->number);
        }
    }
    std::sort(hashes.begin(), hashes.end());
    std::vector<std::size_t> suspects;
    for (std::size_t i = 0; i < hashes.size(); ++i)
        if ((i > 0 && hashes[i - 1].first == hashes[i].first) ||
            (i + 1 < hashes.size() && hashes[i + 1].first == hashes[i].first))
            suspects.push_back(hashes[i].second);
    if (suspects.empty()) return "";
    std::sort(suspects.begin(), suspects.end());
    struct First {
        std::size_t number, line;
        std::string name;
    };
    std::map<std::string, First> taken;  // collision key -> its first row, among the suspects
    std::string collisions;
    std::size_t colliding = 0;  // rows whose name an earlier row took
    RowReader reader(options.rows, options.encoding);
    while (auto row = reader.next()) {
        if (!std::binary_search(suspects.begin(), suspects.end(), row->number) || !row->problem.empty())
            continue;
        NameResult name =
            expand_name(pattern, row_data(*row, reader.columns(), reader.from_csv()), row->number, total);
        auto [it, inserted] =
            taken.emplace(collision_key(name.stem), First{row->number, row->line, name.stem});
        if (inserted) continue;
        // The first few say what the pattern does wrong; a thousand more lines would not.
        if (++colliding > shown_collisions) continue;
        collisions += "\n  " + reader.name() + ":" + std::to_string(row->line) + ": " +
                      format(tr("record {} gives the name '{}', as record {} (line {}) does ('{}')"),
                             std::to_string(row->number), name.stem, std::to_string(it->second.number),
                             std::to_string(it->second.line), it->second.name);
    }
    if (colliding > shown_collisions)
        collisions += "\n  " + format(tr("… and {} more records whose names are taken"),
                                      std::to_string(colliding - shown_collisions));
    return collisions;
}

}  // namespace

BatchSummary run_batch(const BatchOptions& options) {
    std::optional<lua::CommonData> common;
    if (options.common_data) common = lua::read_common_data(*options.common_data, options.lua);
    // Each row's printed lines wait for its turn (RowResult::printed).
    lua::Options lua_options = options.lua;
    lua_options.keep_printed = true;
    // The script first, by the state this thread runs rows in: a missing or broken script is
    // said before the rows are read and the output folder made.
    std::optional<lua::RowRunner> own_runner;
    try {
        own_runner.emplace(options.script, lua_options, common ? &*common : nullptr);
    } catch (const lua::ScriptError&) {
        throw;
    } catch (const std::exception& e) {
        throw lua::ScriptError(e.what());
    }

    // The rows are read three times, a row at a time, so memory does not grow with the file:
    // to count them and learn their columns, to name them, and to run them.
    std::size_t total = 0;
    std::vector<std::string> columns;
    std::string file_name;
    bool from_csv = false;
    {
        RowReader reader(options.rows, options.encoding);
        while (reader.next()) ++total;
        columns = reader.columns();
        file_name = reader.name();
        from_csv = reader.from_csv();
    }

    // Names first: a batch whose names collide writes nothing.
    std::string pattern_text = !options.name_column.empty()    ? "{" + options.name_column + "}"
                               : !options.name_pattern.empty() ? options.name_pattern
                                                               : "row-{row}";
    NamePattern pattern = parse_name_pattern(pattern_text);
    if (auto problem = check_pattern_columns(pattern, columns)) throw BatchError(file_name + ": " + *problem);
    if (std::string collisions = name_collisions(options, pattern, total); !collisions.empty())
        throw BatchError(
            tr("two records would write the same file (names are compared ignoring case); give --name a "
               "pattern that tells them apart:") +
            collisions);

    std::error_code ec;
    std::filesystem::create_directories(options.out, ec);
    if (ec)
        throw BatchError(
            format(tr("cannot create the output folder {}: {}"), options.out.string(), ec.message()));
    ReportWriter report(options.out / "report.csv", options.report_json);

    bool terminal = options.progress == BatchOptions::Progress::terminal ||
                    (options.progress == BatchOptions::Progress::automatic && Progress::stderr_is_terminal());
    Progress progress(total, terminal);

    unsigned workers = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    workers = static_cast<unsigned>(std::min<std::size_t>(workers, std::max<std::size_t>(total, 1)));

    // Rows are handed out in file order under one lock, and their results written to the
    // report in that order: a row finished ahead of an earlier one waits in `finished`, and no
    // worker takes a row more than `window` ahead of the first unreported one, so neither the
    // rows in flight nor the results waiting grow with the file.
    RowReader reader(options.rows, options.encoding);
    const std::size_t window = 8 * static_cast<std::size_t>(workers);
    std::mutex mutex;
    std::condition_variable room;
    std::size_t taken = 0, reported = 0;
    std::map<std::size_t, RowResult> finished;  // by row index, until the rows before are reported
    std::map<std::size_t, RowResult> running;   // the rows taken and not finished, as not done
    std::exception_ptr report_failure, read_failure;
    BatchSummary summary;
    std::atomic<bool> broken{false};
    std::string broken_message;

    auto output_of = [&](const std::string& name, Format f) {
        return options.out / (name + extension_of(f));
    };
    // Under the lock: records a row's result and reports every row now in order: in the report,
    // and on the progress with what the row's script printed, so a row's lines come out whole
    // and in row order whatever -j. The rows an interruption left are in the report only.
    bool showing = true;
    auto finish_locked = [&](std::size_t index, RowResult result) {
        running.erase(index);
        finished.emplace(index, std::move(result));
        for (auto it = finished.begin(); it != finished.end() && it->first == reported;
             it = finished.erase(it), ++reported) {
            RowResult& r = it->second;
            if (showing)
                progress.row_done(r.status != RowStatus::failed, r.message, r.printed, r.printed_place);
            switch (r.status) {
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
            if (!report_failure) try {
                    report.add(r);
                } catch (...) {
                    report_failure = std::current_exception();
                }
        }
        room.notify_all();
    };
    auto message_of = [&](const Row& row, const std::string& message, const std::string& data_name) {
        return row_message(file_name, row.number, row.line, columns, row.cell_lines, from_csv, message,
                           data_name);
    };
    // A row's file name, or why it has none: its own problem in the file first (it then fails as
    // a row whose name is wrong does, before it runs).
    auto named = [&](const Row& row) {
        if (!row.problem.empty()) return NameResult{"", row.problem};
        return expand_name(pattern, row_data(row, columns, from_csv), row.number, total);
    };

    StopSignals signals;
    // `given`: the state made before the rows were read (this thread's); the other workers make
    // their own.
    auto work = [&](std::optional<lua::RowRunner>& given) {
        std::optional<lua::RowRunner> made;
        std::optional<lua::RowRunner>& runner = given ? given : made;
        try {
            if (!runner) runner.emplace(options.script, lua_options, common ? &*common : nullptr);
        } catch (const std::exception& e) {
            // The script does not compile: the same for every row, so the batch stops.
            std::lock_guard lock(mutex);
            if (!broken.exchange(true)) broken_message = e.what();
            room.notify_all();
            return;
        }
        for (;;) {
            std::optional<Row> row;
            std::size_t index = 0;
            RowResult result;
            {
                std::unique_lock lock(mutex);
                room.wait(lock,
                          [&] { return taken < reported + window || broken || StopSignals::received(); });
                if (StopSignals::received() || broken) return;
                try {
                    row = reader.next();  // read whole before: throws only if the file changed since
                } catch (const std::exception&) {
                    if (!broken.exchange(true)) read_failure = std::current_exception();
                    room.notify_all();
                    return;
                }
                if (!row) return;
                index = taken++;
                result.number = row->number;
                result.line = row->line;
                NameResult name = named(*row);
                if (!name.error.empty()) {
                    result.status = RowStatus::failed;
                    result.message = message_of(*row, name.error, "");
                } else {
                    result.name = name.stem;
                    bool all_there = options.skip_existing;
                    for (Format f : options.formats)
                        all_there = all_there && is_a_package(output_of(result.name, f));
                    if (all_there) result.status = RowStatus::skipped;
                }
                if (result.status != RowStatus::not_done) {
                    finish_locked(index, std::move(result));
                    continue;
                }
            }
            {
                std::lock_guard lock(mutex);
                running.emplace(index, result);
            }
            auto start = std::chrono::steady_clock::now();
            std::string data_name = file_name + ":" + std::to_string(row->line) + " (" +
                                    format(tr("record {}"), std::to_string(row->number)) + ")";
            try {
                doc::Document document =
                    runner->run(row_input(*row, columns, from_csv), file_name, data_name);
                // Every format in memory first: a row's files are all there or none is new.
                std::vector<std::string> packages;
                for (Format f : options.formats)
                    packages.push_back(
                        package::build_zip(f == Format::odt ? odt::parts(document) : docx::parts(document)));
                std::vector<package::FileToWrite> files;
                for (std::size_t p = 0; p < packages.size(); ++p)
                    files.push_back({output_of(result.name, options.formats[p]), packages[p]});
                package::write_files_atomically(files, package::Flush::later);
                result.status = RowStatus::done;
            } catch (const std::exception& e) {
                result.status = RowStatus::failed;
                result.message = message_of(*row, e.what(), data_name);
            }
            result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            result.printed = runner->take_printed();
            result.printed_place = printed_place(file_name, row->number, row->line);
            std::lock_guard lock(mutex);
            finish_locked(index, std::move(result));
        }
    };
    // Under the lock: the rows not taken go in the report as not done, with their names.
    auto report_rows_not_taken_locked = [&] {
        while (auto row = reader.next()) {
            RowResult result;
            result.number = row->number;
            result.line = row->line;
            NameResult name = named(*row);
            result.name = name.stem;
            if (!name.error.empty()) {
                result.status = RowStatus::failed;
                result.message = message_of(*row, name.error, "");
            }
            finish_locked(taken++, std::move(result));
        }
    };
    // A row stuck past its time limit where nothing can stop it ends the process (the
    // watchdog): the report is written first, the rows running then and those after them not
    // done, so that the rows done are known and --skip-existing can go on from them.
    lua::before_stuck_row_ends_process([&] {
        std::unique_lock lock(mutex, std::defer_lock);
        for (int tries = 0; tries < 20 && !lock.try_lock(); ++tries)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (!lock.owns_lock()) return;
        showing = false;
        try {
            while (!running.empty()) finish_locked(running.begin()->first, running.begin()->second);
            report_rows_not_taken_locked();
            package::flush_folder(options.out);
            report.commit();
        } catch (...) {
            // The process ends whatever happens here; the watchdog's message says why.
        }
    });
    struct ClearHook {
        ~ClearHook() { lua::before_stuck_row_ends_process({}); }
    } clear_hook;
    xml::initialize_for_threads();
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers; ++w)
        threads.emplace_back([&] {
            std::optional<lua::RowRunner> none;
            work(none);
        });
    work(own_runner);
    for (auto& t : threads) t.join();
    if (read_failure) std::rethrow_exception(read_failure);
    if (broken) throw lua::ScriptError(broken_message);

    // Interrupted: the rows not taken are in the report as not done, with their names.
    summary.signal = StopSignals::received();
    {
        std::lock_guard lock(mutex);
        showing = false;
        report_rows_not_taken_locked();
    }
    if (report_failure) std::rethrow_exception(report_failure);
    // The documents reach the disk before the report that says they are done.
    package::flush_folder(options.out);
    report.commit();
    progress.finish(summary.done, summary.failed, summary.skipped, summary.not_done);
    return summary;
}

}  // namespace conventio::batch
