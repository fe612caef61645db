#include "cli/options.hpp"

#include <cctype>
#include <charconv>

namespace conventio::cli {
namespace {

const char* extension_of(Format f) { return f == Format::odt ? ".odt" : ".docx"; }

Format parse_format(const std::string& name) {
    if (name == "odt") return Format::odt;
    if (name == "docx") return Format::docx;
    throw UsageError("unknown format '" + name + "' (expected odt or docx)");
}

std::uint64_t parse_count(const std::string& option, const std::string& value) {
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || value.empty())
        throw UsageError(option + " expects a whole number, got '" + value + "'");
    return n;
}

RenderOptions parse_render(const std::vector<std::string>& args, std::size_t i) {
    RenderOptions r;
    std::filesystem::path output;
    std::vector<Format> formats;
    auto value = [&](const std::string& option) -> const std::string& {
        if (i + 1 >= args.size()) throw UsageError(option + " needs a value");
        return args[++i];
    };
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-o" || a == "--output")
            output = value(a);
        else if (a == "--data")
            r.run.data_file = value(a);
        else if (a == "--lib")
            r.run.options.library_dirs.emplace_back(value(a));
        else if (a == "--templates")
            r.run.options.template_dirs.emplace_back(value(a));
        else if (a == "--trusted")
            r.run.options.trusted = true;
        else if (a == "--max-memory")
            r.run.options.memory_bytes = static_cast<std::size_t>(parse_count(a, value(a))) << 20;
        else if (a == "--max-instructions")
            r.run.options.instructions = parse_count(a, value(a));
        else if (a == "--format") {
            std::string list = value(a);
            std::size_t start = 0;
            while (start <= list.size()) {
                std::size_t comma = list.find(',', start);
                formats.push_back(parse_format(list.substr(start, comma - start)));
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
        } else if (!a.empty() && a[0] == '-')
            throw UsageError("unknown option '" + a + "'");
        else if (r.run.script.empty())
            r.run.script = a;
        else
            throw UsageError("one script at a time (got '" + r.run.script.string() + "' and '" + a + "')");
    }
    if (r.run.script.empty())
        throw UsageError("render needs a script: conventio render SCRIPT.lua -o OUT.odt");
    if (output.empty()) throw UsageError("render needs an output: -o OUT.odt or -o OUT.docx");
    if (r.run.options.memory_bytes == 0) throw UsageError("--max-memory must be at least 1 (MiB)");

    // "X.ODT" is as clear as "x.odt".
    std::string extension = output.extension().string();
    for (char& ch : extension) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (formats.empty()) {
        if (extension == ".odt")
            formats.push_back(Format::odt);
        else if (extension == ".docx")
            formats.push_back(Format::docx);
        else
            throw UsageError("cannot tell the format of '" + output.string() +
                             "': name it .odt or .docx, or give --format odt,docx");
    }
    std::filesystem::path stem = output;
    if (extension == ".odt" || extension == ".docx") stem.replace_extension();
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

Format format_of(const std::filesystem::path& file, const std::string& option) {
    std::string extension = file.extension().string();
    for (char& ch : extension) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (extension == ".odt") return Format::odt;
    if (extension == ".docx") return Format::docx;
    throw UsageError(option + " '" + file.string() + "': name it .odt or .docx");
}

// The change set is the data of the avenant's driver script; the files it names (the
// agreement's script and data) are found beside it, so its folder is a library folder.
AmendOptions parse_amend(const std::vector<std::string>& args) {
    AmendOptions a;
    std::vector<std::string> rest;
    std::string changes;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--consolidated" || arg == "--clean") {
            if (i + 1 >= args.size()) throw UsageError(arg + " needs a value");
            std::filesystem::path file = args[++i];
            (arg == "--clean" ? a.clean : a.consolidated) = file;
            (arg == "--clean" ? a.clean_format : a.consolidated_format) = format_of(file, arg);
        } else if (arg == "--data" || arg == "--trusted") {
            throw UsageError("amend takes the change set as its argument, not " + arg);
        } else if (!arg.empty() && arg[0] != '-' && changes.empty() &&
                   (rest.empty() || rest.back()[0] != '-')) {
            // Every other option takes a value: a word after one is that value.
            changes = arg;
        } else {
            rest.push_back(arg);
        }
    }
    if (changes.empty())
        throw UsageError("amend needs a change set: conventio amend CHANGES.json -o AVENANT.odt");
    std::filesystem::path changes_path(changes);
    std::vector<std::string> render_args{
        "render", (lua::installation_dir() / "scripts" / "amend" / "avenant.lua").string(),
        "--data", changes,
        "--lib",  changes_path.parent_path().empty() ? "." : changes_path.parent_path().string()};
    render_args.insert(render_args.end(), rest.begin(), rest.end());
    a.avenant = parse_render(render_args, 1);
    return a;
}

}  // namespace

Options parse(const std::vector<std::string>& args) {
    Options o;
    if (args.empty()) throw UsageError("no command given (try conventio --help)");
    const std::string& first = args[0];
    if (first == "-h" || first == "--help" || first == "help")
        o.command = Options::Command::help;
    else if (first == "--version" || first == "version")
        o.command = Options::Command::version;
    else if (first == "render") {
        o.command = Options::Command::render;
        o.render = parse_render(args, 1);
    } else if (first == "amend") {
        o.command = Options::Command::amend;
        o.amend = parse_amend(args);
    } else
        throw UsageError("unknown command '" + first + "' (try conventio --help)");
    return o;
}

std::string help_text() {
    return R"(conventio — drafts French public-sector agreements as ODT and DOCX

Usage:
  conventio render SCRIPT.lua -o OUT.odt|OUT.docx [options]
  conventio amend CHANGES.json -o AVENANT.odt|.docx [--consolidated FILE.odt|.docx]
                  [--clean FILE.odt|.docx] [options]
  conventio --help
  conventio --version

Render options:
  -o, --output FILE        where to write; the extension picks the format
  --format odt,docx        write these formats next to each other (OUT.odt, OUT.docx)
  --data FILE.json         data for the script: its argument `...` and the global `data`
  --lib DIR                also look for `require`d modules in DIR (repeatable)
  --templates DIR          look for clause templates in DIR first (repeatable)
  --trusted                lift the sandbox (io, os, debug, native modules)
  --max-memory MIB         memory the script may use (default 256)
  --max-instructions N     Lua VM instructions the script may run (default 2000000000)

Amend: computes the avenant of a change set (README, "Amending an agreement"); the agreement's
script and data it names are found beside it (or in a --lib DIR).
  --consolidated FILE      also the amended agreement with the avenant's changes tracked
  --clean FILE             also the amended agreement, changes applied, no marks

Exit status: 0 success, 1 a script, data or document error, 2 a usage error.
Outputs are written whole or not at all.
)";
}

}  // namespace conventio::cli
