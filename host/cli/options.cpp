#include "cli/options.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <string_view>

#include "cli/output_paths.hpp"
#include "config/i18n.hpp"
#include "config/nearest_name.hpp"
#include "config/paths.hpp"

namespace conventio::cli {
namespace {

using config::format;
using config::tr;

const char* extension_of(Format f) {
    switch (f) {
        case Format::odt:
            return ".odt";
        case Format::docx:
            return ".docx";
        case Format::pdf:
            return ".pdf";
    }
    return "";
}

Format parse_format(const std::string& given) {
    // « ODT », « odt » with a space after a comma: as a drafter may type them.
    std::string name = given;
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "odt") return Format::odt;
    if (name == "docx") return Format::docx;
    if (name == "pdf") return Format::pdf;
    throw UsageError(format(tr("unknown format '{}' (expected odt, docx or pdf)"), given));
}

std::uint64_t parse_count(const std::string& option, const std::string& value) {
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || value.empty())
        throw UsageError(format(tr("{} expects a whole number, got '{}'"), option, value));
    return n;
}

/// The options every command that runs a script shares (parse_run).
const std::vector<std::string> run_options = {"--data",       "--lib",
                                              "--templates",  "--trusted",
                                              "--max-memory", "--max-instructions",
                                              "--timeout",    "--allow-bidi-controls",
                                              "--lang"};

/// "unknown option '--fromat' (did you mean --format?)": `known` are the command's options.
UsageError unknown_option(const std::string& option, std::vector<std::string> known) {
    std::string message = format(tr("unknown option '{}'"), option);
    std::vector<std::string_view> names(known.begin(), known.end());
    if (std::string near = config::nearest_name(option, names); !near.empty())
        message += format(tr(" (did you mean {}?)"), near);
    return UsageError(message);
}

/// The largest --max-memory (1 TiB) and --timeout (a day) taken.
constexpr std::uint64_t largest_memory_mib = 1u << 20;
constexpr std::uint64_t longest_timeout_seconds = 24 * 3600;

/// `folder`, given to `option`, when it is one: a misspelt --lib or --templates folder would
/// otherwise be searched in vain, and the file looked for reported missing instead.
std::filesystem::path existing_folder(const std::string& option, const std::string& folder) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw UsageError(format(tr("{} '{}': no such folder"), option, folder));
    return folder;
}

/// Reads argv from `i` on: the options every command that runs a script shares are stored in
/// `run`; `other` is offered the rest first (it returns false for an option it does not know).
/// `other_names` are the options `other` knows, for a suggestion when an option is misspelt.
template <class Other>
void parse_run(const std::vector<std::string>& args, std::size_t i, lua::ScriptRun& run, Other other,
               std::vector<std::string> other_names) {
    auto value = [&](const std::string& option) -> const std::string& {
        if (i + 1 >= args.size()) throw UsageError(format(tr("{} needs a value"), option));
        return args[++i];
    };
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (other(a, value)) continue;
        if (a == "--data")
            run.data_file = value(a);
        else if (a == "--lib")
            run.options.library_dirs.emplace_back(existing_folder(a, value(a)));
        else if (a == "--templates")
            run.options.template_dirs.emplace_back(existing_folder(a, value(a)));
        else if (a == "--trusted")
            run.options.trusted = true;
        else if (a == "--max-memory") {
            // Bounded before the shift to bytes, which would otherwise wrap (2^44 MiB gave 0).
            const std::uint64_t mib = parse_count(a, value(a));
            if (mib == 0 || mib > largest_memory_mib)
                throw UsageError(format(tr("--max-memory must be between 1 and {} (MiB)"),
                                        std::to_string(largest_memory_mib)));
            run.options.memory_bytes = static_cast<std::size_t>(mib) << 20;
        } else if (a == "--max-instructions")
            run.options.instructions = parse_count(a, value(a));
        else if (a == "--timeout") {
            const std::uint64_t seconds = parse_count(a, value(a));
            // A day is more than any agreement needs; far larger would overflow the clock's sums.
            if (seconds > longest_timeout_seconds)
                throw UsageError(format(tr("--timeout must be at most {} seconds (0: none)"),
                                        std::to_string(longest_timeout_seconds)));
            run.options.timeout = std::chrono::seconds(seconds);
        } else if (a == "--allow-bidi-controls")
            run.options.allow_bidi_controls = true;
        else if (a == "--lang")
            value(a);  // read first, by requested_language()
        else if (!a.empty() && a[0] == '-') {
            other_names.insert(other_names.end(), run_options.begin(), run_options.end());
            throw unknown_option(a, other_names);
        } else if (run.script.empty())
            run.script = a;
        else
            throw UsageError(format(tr("one script at a time (got '{}' and '{}')"), run.script.string(), a));
    }
}

/// `also_known`: the options of a command that renders through this one (amend's), for
/// suggestions.
RenderOptions parse_render(const std::vector<std::string>& args, std::size_t i,
                           std::vector<std::string> also_known = {}) {
    also_known.insert(also_known.end(), {"--output", "--watch", "--format"});
    RenderOptions r;
    std::filesystem::path output;
    std::vector<Format> formats;
    parse_run(
        args, i, r.run,
        [&](const std::string& a, auto& value) {
            if (a == "-o" || a == "--output") {
                // A second -o would silently win over the first: one output, its formats by --format.
                std::filesystem::path given = value(a);
                if (!output.empty())
                    throw UsageError(
                        format(tr("{} is given twice ('{}' and '{}'): give one output, and --format "
                                  "odt,docx for several formats"),
                               a, output.string(), given.string()));
                output = given;
            } else if (a == "--watch") {
                r.watch = true;
            } else if (a == "--format") {
                std::string list = value(a);
                std::size_t start = 0;
                while (start <= list.size()) {
                    std::size_t comma = list.find(',', start);
                    formats.push_back(parse_format(list.substr(start, comma - start)));
                    if (comma == std::string::npos) break;
                    start = comma + 1;
                }
            } else {
                return false;
            }
            return true;
        },
        also_known);
    if (r.run.script.empty())
        throw UsageError(tr("render needs a script: conventio render SCRIPT.lua -o OUT.odt"));
    if (output.empty()) throw UsageError(tr("render needs an output: -o OUT.odt, -o OUT.docx or -o OUT.pdf"));

    // "X.ODT" is as clear as "x.odt".
    std::string extension = output.extension().string();
    for (char& ch : extension) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    bool known = extension == ".odt" || extension == ".docx" || extension == ".pdf";
    if (formats.empty()) {
        if (!known)
            throw UsageError(format(tr("cannot tell the format of '{}': name it .odt, .docx or .pdf, or give "
                                       "--format odt,docx,pdf"),
                                    output.string()));
        formats.push_back(parse_format(extension.substr(1)));
    }
    r.output = output;
    std::filesystem::path stem = output;
    if (known) stem.replace_extension();
    for (Format f : formats) {
        // The file the user named keeps its name; the other formats go next to it.
        std::filesystem::path p = output;
        if (extension != extension_of(f)) {
            p = stem;
            p += extension_of(f);
        }
        bool seen = false;
        for (const auto& existing : r.outputs) seen = seen || existing == p;
        if (seen) continue;
        r.outputs.push_back(p);
        r.formats.push_back(f);
    }
    return r;
}

CheckOptions parse_check(const std::vector<std::string>& args, std::size_t i) {
    CheckOptions c;
    parse_run(
        args, i, c.run,
        [&](const std::string& a, auto& value) {
            if (a != "--format") return false;
            const std::string& f = value(a);
            if (f != "json" && f != "text")
                throw UsageError(format(tr("unknown format '{}' for check (expected text or json)"), f));
            c.json = f == "json";
            return true;
        },
        {"--format"});
    if (c.run.script.empty())
        throw UsageError(tr("check needs a script: conventio check SCRIPT.lua --data FILE.json"));
    return c;
}

NewOptions parse_new(const std::vector<std::string>& args, std::size_t i) {
    NewOptions n;
    auto value = [&](const std::string& option) -> const std::string& {
        if (i + 1 >= args.size()) throw UsageError(format(tr("{} needs a value"), option));
        return args[++i];
    };
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--kind")
            n.kind = value(a);
        else if (a == "--finance")
            n.finance = value(a);
        else if (a == "--dir")
            n.dir = value(a);
        else if (a == "--force")
            n.force = true;
        else if (a == "--lang")
            value(a);
        else if (!a.empty() && a[0] == '-')
            throw unknown_option(a, {"--kind", "--finance", "--dir", "--force", "--lang"});
        else if (n.name.empty())
            n.name = a;
        else
            throw UsageError(format(tr("one agreement at a time (got '{}' and '{}')"), n.name, a));
    }
    if (n.name.empty())
        throw UsageError(tr("new needs a name: conventio new NAME --kind partenariat|delegation|avenant"));
    for (char ch : n.name)
        if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-' && ch != '_')
            throw UsageError(
                format(tr("'{}' is not a usable file name: use letters, digits, '-' and '_'"), n.name));
    if (n.kind.empty()) throw UsageError(tr("new needs a kind: --kind partenariat, delegation or avenant"));
    return n;
}

Format format_of(const std::filesystem::path& file, const std::string& option) {
    std::string extension = file.extension().string();
    for (char& ch : extension) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (extension == ".odt") return Format::odt;
    if (extension == ".docx") return Format::docx;
    throw UsageError(format(tr("{} '{}': name it .odt or .docx"), option, file.string()));
}

/// The files render writes, each with the option that asks for it: "-o" for the file named, "-o X
/// --format docx" for one written beside it.
std::vector<NamedOutput> render_outputs(const RenderOptions& r) {
    std::vector<NamedOutput> out;
    for (std::size_t k = 0; k < r.outputs.size(); ++k) {
        std::string option = "-o";
        if (r.outputs[k] != r.output)
            option = format("-o {} --format {}", r.output.string(),
                            std::string(extension_of(r.formats[k])).substr(1));
        out.push_back({option, r.outputs[k]});
    }
    return out;
}

// The change set is the data of the avenant's driver script; the files it names (the
// agreement's script and data) are found beside it, so its folder is a library folder.
AmendOptions parse_amend(const std::vector<std::string>& args, std::size_t first) {
    AmendOptions a;
    std::vector<std::string> rest;
    std::string changes;
    for (std::size_t i = first; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--consolidated" || arg == "--clean") {
            if (i + 1 >= args.size()) throw UsageError(format(tr("{} needs a value"), arg));
            std::filesystem::path file = args[++i];
            (arg == "--clean" ? a.clean : a.consolidated) = file;
            (arg == "--clean" ? a.clean_format : a.consolidated_format) = format_of(file, arg);
        } else if (arg == "--data" || arg == "--trusted") {
            throw UsageError(format(tr("amend takes the change set as its argument, not {}"), arg));
        } else if (!arg.empty() && arg[0] != '-' && changes.empty() &&
                   (rest.empty() || rest.back()[0] != '-')) {
            // Every other option takes a value: a word after one is that value.
            changes = arg;
        } else {
            rest.push_back(arg);
        }
    }
    if (changes.empty())
        throw UsageError(tr("amend needs a change set: conventio amend CHANGES.json -o AVENANT.odt"));
    std::filesystem::path changes_path(changes);
    std::vector<std::string> render_args{
        "render", (config::data_dir() / "scripts" / "amend" / "avenant.lua").string(),
        "--data", changes,
        "--lib",  changes_path.parent_path().empty() ? "." : changes_path.parent_path().string()};
    render_args.insert(render_args.end(), rest.begin(), rest.end());
    a.avenant = parse_render(render_args, 1, {"--consolidated", "--clean"});
    std::vector<NamedOutput> outputs = render_outputs(a.avenant);
    if (!a.consolidated.empty()) outputs.push_back({"--consolidated", a.consolidated});
    if (!a.clean.empty()) outputs.push_back({"--clean", a.clean});
    refuse_shared_outputs(outputs);
    return a;
}

}  // namespace

std::string requested_language(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--lang" && i + 1 < args.size()) return args[i + 1];
        if (args[i].starts_with("--lang=")) return args[i].substr(7);
    }
    return {};
}

std::vector<std::string> split_equals(std::vector<std::string> args) {
    // The options that are a switch: « --trusted=false » made « --trusted false » switched it on.
    static const std::vector<std::string> switches = {
        "--trusted", "--allow-bidi-controls", "--watch", "--force", "--skip-existing", "--help", "--version"};
    std::vector<std::string> out;
    out.reserve(args.size());
    for (std::string& a : args) {
        const std::size_t equals = a.find('=');
        if (a.starts_with("--") && a.size() > 2 && equals != std::string::npos && equals > 2) {
            if (std::find(switches.begin(), switches.end(), a.substr(0, equals)) != switches.end())
                throw UsageError(
                    format(tr("{} takes no value (give it alone, or leave it out)"), a.substr(0, equals)));
            out.push_back(a.substr(0, equals));
            out.push_back(a.substr(equals + 1));
        } else {
            out.push_back(std::move(a));
        }
    }
    return out;
}

Options parse(const std::vector<std::string>& args) {
    Options o;
    o.language = requested_language(args);
    std::size_t first_index = 0;
    // --lang may come before the command too: conventio --lang fr check x.lua
    while (first_index + 1 < args.size() && args[first_index] == "--lang") first_index += 2;
    if (first_index >= args.size()) throw UsageError(tr("no command given (try conventio --help)"));
    const std::string& first = args[first_index];
    // `conventio render --help`, `conventio help amend`: the help, whatever else is on the line
    // (as `conventio batch --help`), not an unknown option or a missing script.
    const bool help_asked = std::any_of(args.begin() + static_cast<std::ptrdiff_t>(first_index), args.end(),
                                        [](const std::string& a) { return a == "-h" || a == "--help"; });
    if (help_asked || first == "help")
        o.command = Options::Command::help;
    else if (first == "--version" || first == "version")
        o.command = Options::Command::version;
    else if (first == "render") {
        o.command = Options::Command::render;
        o.render = parse_render(args, first_index + 1);
    } else if (first == "check") {
        o.command = Options::Command::check;
        o.check = parse_check(args, first_index + 1);
    } else if (first == "new") {
        o.command = Options::Command::create;
        o.create = parse_new(args, first_index + 1);
    } else if (first == "amend") {
        o.command = Options::Command::amend;
        o.amend = parse_amend(args, first_index + 1);
    } else
        throw UsageError(format(tr("unknown command '{}' (try conventio --help)"), first));
    return o;
}

std::string help_text() {
    return tr(R"(conventio — drafts French public-sector agreements as ODT, DOCX and PDF

Usage:
  conventio new NAME --kind partenariat|delegation|avenant [--finance VARIANT] [--dir DIR]
  conventio check SCRIPT.lua [--data FILE.json] [--format text|json] [script options]
  conventio render SCRIPT.lua -o OUT.odt|OUT.docx|OUT.pdf [--watch] [script options]
  conventio amend CHANGES.json -o AVENANT.odt|.docx [--consolidated FILE.odt|.docx]
                  [--clean FILE.odt|.docx] [script options]
  conventio batch SCRIPT.lua --rows ROWS.csv|.json|.jsonl --out DIR [options]
  conventio --help
  conventio --version

Commands:
  new      write NAME.lua and NAME.json, a new agreement ready to fill in
  check    run everything but writing, and report every problem found
  render   check, then write the agreement (PDF through LibreOffice, when installed)
  amend    write the avenant of a change set, and the amended agreement on request
  batch    write one document per row of a spreadsheet or JSON file, on worker threads

Render options:
  -o, --output FILE        where to write; the extension picks the format
  --format odt,docx,pdf    write these formats next to each other (OUT.odt, OUT.docx...)
  --watch                  render again whenever the script, the data or a template changes

Script options (check and render):
  --data FILE.json         data for the script: its argument `...` and the global `data`
  --lib DIR                also look for `require`d modules in DIR (repeatable)
  --templates DIR          look for clause templates in DIR first (repeatable)
  --trusted                lift the sandbox (io, os, debug, native modules)
  --max-memory MIB         memory the script may use, with what the host holds for it (default 128)
  --max-instructions N     Lua VM instructions the script may run (default 100000000)
  --timeout SECONDS        wall-clock limit of the run (default 5; 0: none)
  --allow-bidi-controls    let text hold bidirectional controls (right-to-left languages only)

Amend: computes the avenant of a change set (README, "Amending an agreement"); the agreement's
script and data it names are found beside it (or in a --lib DIR).
  --consolidated FILE      also the amended agreement with the avenant's changes tracked
  --clean FILE             also the amended agreement, changes applied, no marks

New options:
  --finance VARIANT        single_payment (the default) or tranches, for a partenariat
  --dir DIR                where to write the files (default: the current folder)
  --force                  replace files that already exist

Everywhere:
  --lang fr|en             the language of messages (default: the locale's, LANG)

Environment:
  CONVENTIO_HOME           the folder holding scripts/ and templates/, instead of the
                           installed ones (share/conventio next to the binary)

Exit status: 0 success, 1 a script, data or document error, 2 a usage error.
Outputs are written whole or not at all.
)");
}

}  // namespace conventio::cli
