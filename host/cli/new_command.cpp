#include "cli/new_command.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string_view>
#include <vector>

#include "config/i18n.hpp"
#include "config/nearest_name.hpp"
#include "config/paths.hpp"
#include "package/atomic_file.hpp"

namespace conventio::cli {
namespace {

namespace fs = std::filesystem;
using config::format;
using config::tr;

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

}  // namespace

int create(const NewOptions& options) {
    fs::path starters = config::data_dir() / "starters";
    std::string stem = options.kind + (options.finance.empty() ? "" : "-" + options.finance);
    if (!fs::exists(starters / (stem + ".lua"))) {
        std::set<std::string> available;
        std::error_code ec;
        for (fs::directory_iterator it(starters, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".lua") available.insert(it->path().stem().string());
        std::string list;
        for (const auto& a : available) list += (list.empty() ? "" : ", ") + a;
        std::string message =
            format(tr("no starter for --kind {}{}: the starters are {} (KIND or KIND-FINANCE)"), options.kind,
                   options.finance.empty() ? "" : " --finance " + options.finance, list);
        // A misspelt kind or variant is told apart from one that does not exist.
        std::vector<std::string> kinds, finances;
        for (const auto& a : available) {
            std::size_t dash = a.find('-');
            kinds.push_back(a.substr(0, dash));
            if (dash != std::string::npos && a.substr(0, dash) == options.kind)
                finances.push_back(a.substr(dash + 1));
        }
        auto suggest = [&](const std::string& name, const std::vector<std::string>& known) {
            std::vector<std::string_view> names(known.begin(), known.end());
            if (std::string near = config::nearest_name(name, names); !near.empty())
                message += format(tr(" (did you mean {}?)"), near);
        };
        if (std::find(kinds.begin(), kinds.end(), options.kind) == kinds.end())
            suggest(options.kind, kinds);
        else if (!options.finance.empty())
            suggest(options.finance, finances);
        std::cerr << "conventio: " << message << '\n';
        return 2;
    }
    fs::path script = options.dir / (options.name + ".lua");
    fs::path data = options.dir / (options.name + ".json");
    for (const auto& target : {script, data})
        if (!options.force && fs::exists(target)) {
            std::cerr << "conventio: "
                      << format(tr("{} already exists: choose another name, or give --force to replace it"),
                                target.string())
                      << '\n';
            return 1;
        }
    std::string lua = replace_all(read(starters / (stem + ".lua")), "@NAME@", options.name);
    std::string json = read(starters / (stem + ".json"));
    package::write_file_atomically(data, json);
    package::write_file_atomically(script, lua);
    std::cout << format(tr("wrote {} and {}\n"
                           "next: fill in {} (the script's comments say what each field is), then\n"
                           "  conventio check {} --data {}\n"
                           "  conventio render {} --data {} -o {}.pdf --watch\n"),
                        script.string(), data.string(), data.string(), script.string(), data.string(),
                        script.string(), data.string(), options.name);
    return 0;
}

}  // namespace conventio::cli
