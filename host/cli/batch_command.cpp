#include "cli/batch_command.hpp"

#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "batch/batch_run.hpp"
#include "batch/output_names.hpp"
#include "cli/options.hpp"
#include "cli/output_paths.hpp"
#include "config/i18n.hpp"
#include "config/paths.hpp"
#include "package/allocator_tuning.hpp"

namespace conventio::cli {

using config::format;
using config::tr;

namespace {

const std::vector<std::string> batch_options = {"--rows",
                                                "--out",
                                                "--data",
                                                "--name",
                                                "--name-column",
                                                "--format",
                                                "-j",
                                                "--jobs",
                                                "--encoding",
                                                "--lib",
                                                "--templates",
                                                "--trusted",
                                                "--max-memory",
                                                "--max-instructions",
                                                "--timeout",
                                                "--allow-bidi-controls",
                                                "--skip-existing",
                                                "--report-json",
                                                "--progress"};

unsigned long long whole_number(const std::string& option, const std::string& value) {
    unsigned long long n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size())
        throw UsageError(format(tr("{} expects a whole number, got '{}'"), option, value));
    return n;
}

/// --report-json names a file of its own: not the CSV report of --out, not a file the batch
/// reads, and not a name a row's document could take (a .odt or .docx among the documents),
/// so that nothing the batch writes replaces another of its files.
void refuse_report_in_the_way(const batch::BatchOptions& o) {
    const std::filesystem::path& report = *o.report_json;
    std::vector<NamedOutput> files{{tr("the report.csv of --out"), o.out / "report.csv"},
                                   {"--report-json", report}};
    refuse_shared_outputs(files);
    std::vector<NamedOutput> inputs{{"--rows", o.rows}, {"SCRIPT", o.script}};
    if (o.common_data) inputs.push_back({"--data", *o.common_data});
    for (const NamedOutput& input : inputs)
        if (same_file(input.file, report))
            throw UsageError(
                format(tr("--report-json would replace the file {} reads ('{}'): name another file"),
                       input.option, input.file.string()));
    std::string extension = report.extension().string();
    for (char& ch : extension) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    std::filesystem::path folder = report.parent_path().empty() ? "." : report.parent_path();
    for (batch::Format f : o.formats)
        if (extension == (f == batch::Format::odt ? ".odt" : ".docx") && same_file(folder, o.out))
            throw UsageError(format(tr("--report-json '{}' is among the documents of --out (a row's {} could "
                                       "take its name): name it .json or put it in another folder"),
                                    report.string(), extension));
}

batch::BatchOptions parse_batch(const std::vector<std::string>& args) {
    batch::BatchOptions o;
    bool have_format = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) throw UsageError(format(tr("{} needs a value"), a));
            return args[++i];
        };
        if (a == "--rows")
            o.rows = value();
        else if (a == "--out" || a == "-o")
            o.out = value();
        else if (a == "--data")
            o.common_data = value();
        else if (a == "--name")
            o.name_pattern = value();
        else if (a == "--name-column")
            o.name_column = value();
        else if (a == "--format") {
            if (!have_format) o.formats.clear();
            have_format = true;
            std::string list = value();
            for (std::size_t start = 0; start <= list.size();) {
                std::size_t comma = list.find(',', start);
                std::string name =
                    list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
                // « ODT », « odt, docx »: as a drafter may type them.
                name.erase(0, name.find_first_not_of(' '));
                name.erase(name.find_last_not_of(' ') + 1);
                for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (name == "odt")
                    o.formats.push_back(batch::Format::odt);
                else if (name == "docx")
                    o.formats.push_back(batch::Format::docx);
                else
                    throw UsageError(format(tr("unknown format '{}' (expected odt or docx)"), name));
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
        } else if (a == "-j" || a == "--jobs") {
            o.jobs = static_cast<unsigned>(whole_number(a, value()));
            if (o.jobs == 0 || o.jobs > 256) throw UsageError(format(tr("{} expects 1 to 256 workers"), a));
        } else if (a.starts_with("-j") && a.size() > 2) {
            o.jobs = static_cast<unsigned>(whole_number("-j", a.substr(2)));
            if (o.jobs == 0 || o.jobs > 256)
                throw UsageError(format(tr("{} expects 1 to 256 workers"), "-j"));
        } else if (a == "--encoding") {
            try {
                o.encoding = batch::parse_encoding(value());
            } catch (const std::exception& e) {
                throw UsageError(std::string("--encoding: ") + e.what());
            }
        } else if (a == "--lib")
            o.lua.library_dirs.emplace_back(value());
        else if (a == "--templates")
            o.lua.template_dirs.emplace_back(value());
        else if (a == "--trusted")
            o.lua.trusted = true;
        else if (a == "--max-memory") {
            o.lua.memory_bytes = static_cast<std::size_t>(whole_number(a, value())) << 20;
            if (o.lua.memory_bytes == 0) throw UsageError(tr("--max-memory must be at least 1 (MiB)"));
        } else if (a == "--max-instructions")
            o.lua.instructions = whole_number(a, value());
        else if (a == "--timeout")
            o.lua.timeout = std::chrono::seconds(whole_number(a, value()));
        else if (a == "--allow-bidi-controls")
            o.lua.allow_bidi_controls = true;
        else if (a == "--lang")
            value();  // read by main before anything else (requested_language)
        else if (a == "--skip-existing")
            o.skip_existing = true;
        else if (a == "--report-json")
            o.report_json = value();
        else if (a == "--progress") {
            const std::string& v = value();
            if (v == "bar")
                o.progress = batch::BatchOptions::Progress::terminal;
            else if (v == "plain")
                o.progress = batch::BatchOptions::Progress::plain;
            else if (v == "auto")
                o.progress = batch::BatchOptions::Progress::automatic;
            else
                throw UsageError(format(tr("--progress expects bar, plain or auto, got '{}'"), v));
        } else if (!a.empty() && a[0] == '-') {
            std::string message = format(tr("unknown option '{}' for batch"), a);
            if (auto n = batch::nearest(a, batch_options)) message += format(tr(" (did you mean {}?)"), *n);
            throw UsageError(message);
        } else if (o.script.empty())
            o.script = a;
        else
            throw UsageError(format(tr("batch runs one script (got '{}' and '{}')"), o.script.string(), a));
    }
    if (o.script.empty())
        throw UsageError(tr("batch needs a script: conventio batch SCRIPT.lua --rows ROWS.csv --out DIR"));
    if (o.rows.empty()) throw UsageError(tr("batch needs its rows: --rows ROWS.csv|ROWS.json|ROWS.jsonl"));
    if (o.out.empty()) throw UsageError(tr("batch needs an output folder: --out DIR"));
    if (!o.name_pattern.empty() && !o.name_column.empty())
        throw UsageError(tr("give --name PATTERN or --name-column COLUMN, not both"));
    if (o.report_json) refuse_report_in_the_way(o);
    return o;
}

}  // namespace

int batch(const std::vector<std::string>& args) {
    batch::BatchOptions options;
    // conventio batch --help: the help, whatever else is on the line.
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "-h" || args[i] == "--help") {
            std::cout << batch_help_text();
            return 0;
        }
    }
    try {
        options = parse_batch(args);
    } catch (const UsageError& e) {
        std::cerr << "conventio: " << e.what() << '\n';
        return 2;
    }
    try {
        // As for every command (main.cpp): a binary without its own files says so first.
        (void)config::data_dir();
        package::keep_freed_memory_for_reuse();
        return batch::run_batch(options).exit_code();
    } catch (const std::exception& e) {
        std::cerr << "conventio: " << e.what() << '\n';
        return 1;
    }
}

std::string batch_help_text() {
    return tr(R"(Batch: runs SCRIPT once per row and writes one document per row (README, "Batch runs").
  conventio batch SCRIPT.lua --rows ROWS.csv|.json|.jsonl --out DIR [options]
  --rows FILE              CSV (UTF-8 or Windows-1252, ';' or ',' detected), a JSON array of
                           objects, or JSON Lines; each row is the script's data
  --out DIR                where the documents and report.csv go
  --data FILE.json         data every row is laid over
  --name PATTERN           file names from columns: 'avenant-{departement}' ({row}: the row number)
  --name-column COL        file names from one column (default: row-{row})
  --format odt,docx        formats to write (default odt)
  -j N                     worker threads (default: one per core)
  --encoding ENC           utf-8 or windows-1252 (default: detected)
  --skip-existing          leave rows whose documents exist (resumes an interrupted batch)
  --report-json FILE       also the report as JSON
  --progress bar|plain     the progress display (default: a bar on a terminal)
  and --lib, --templates, --trusted, --max-memory, --max-instructions, --timeout,
  --allow-bidi-controls as for render (the limits are each row's).
  Exit status: 0 every row done, 1 a row failed, 2 usage, 130/143 interrupted (report written).
)");
}

}  // namespace conventio::cli
