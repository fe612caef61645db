#include "batch/output_names.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "batch/text_encoding.hpp"
#include "config/i18n.hpp"
#include "config/nearest_name.hpp"
#include "config/utf8_prefix.hpp"
#include "conventio/french.hpp"

namespace conventio::batch {

using config::format;
using config::tr;
namespace {

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string without_format_extension(std::string pattern) {
    std::string low = lower_ascii(pattern);
    for (const char* ext : {".odt", ".docx"})
        if (low.size() > std::string(ext).size() && low.ends_with(ext))
            pattern.resize(pattern.size() - std::string(ext).size());
    return pattern;
}

}  // namespace

std::optional<std::string> nearest(const std::string& word, const std::vector<std::string>& candidates) {
    // Without regard to case: a spreadsheet's header may be "Departement" and the pattern's
    // column "departemnt".
    std::vector<std::string> lowered;
    lowered.reserve(candidates.size());
    for (const auto& c : candidates) lowered.push_back(lower_ascii(c));
    std::vector<std::string_view> known(lowered.begin(), lowered.end());
    std::string near = config::nearest_name(lower_ascii(word), known);
    if (near.empty()) return std::nullopt;
    return candidates[static_cast<std::size_t>(std::find(lowered.begin(), lowered.end(), near) -
                                               lowered.begin())];
}

NamePattern parse_name_pattern(std::string pattern) {
    pattern = without_format_extension(std::move(pattern));
    NamePattern result;
    std::string text;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
            text += c;
            ++i;
        } else if (c == '{') {
            std::size_t close = pattern.find('}', i);
            if (close == std::string::npos)
                throw RowFileError("--name '" + pattern + "': " +
                                   format(tr("'{' at character {} is never closed (write {{ for a brace)"),
                                          std::to_string(i + 1)));
            std::string field = pattern.substr(i + 1, close - i - 1);
            if (field.empty())
                throw RowFileError("--name '" + pattern + "': " + tr("an empty {} names no column"));
            if (!text.empty()) result.parts.push_back({std::move(text), false});
            text.clear();
            result.parts.push_back({field, true});
            i = close;
        } else if (c == '}') {
            throw RowFileError("--name '" + pattern + "': " +
                               format(tr("'}' at character {} closes nothing (write }} for a brace)"),
                                      std::to_string(i + 1)));
        } else {
            text += c;
        }
    }
    if (!text.empty()) result.parts.push_back({std::move(text), false});
    return result;
}

std::optional<std::string> check_pattern_columns(const NamePattern& pattern,
                                                 const std::vector<std::string>& columns) {
    for (const auto& part : pattern.parts) {
        if (!part.field || part.text == "row") continue;
        if (std::find(columns.begin(), columns.end(), part.text) != columns.end()) continue;
        std::string message = format(tr("unknown column '{}' in the output name"), part.text);
        if (auto n = nearest(part.text, columns)) message += format(tr(" (did you mean '{}'?)"), *n);
        return message;
    }
    return std::nullopt;
}

NameResult expand_name(const NamePattern& pattern, const nlohmann::json& row, std::size_t number,
                       std::size_t total) {
    std::string raw;
    for (const auto& part : pattern.parts) {
        if (!part.field) {
            raw += part.text;
            continue;
        }
        if (part.text == "row" && !row.contains("row")) {
            std::string n = std::to_string(number);
            std::size_t width = std::to_string(total).size();
            raw += std::string(width > n.size() ? width - n.size() : 0, '0') + n;
            continue;
        }
        auto it = row.find(part.text);
        // The column labels the message, as the library's do: a batch names the row's cell once.
        if (it == row.end() || it->is_null())
            return {"", format(tr("column '{}': missing, and the output name is made from it"), part.text)};
        std::string value = it->is_string() ? it->get<std::string>() : it->dump();
        if (value.empty())
            return {"", format(tr("column '{}': empty, and the output name is made from it"), part.text)};
        raw += value;
    }
    std::string stem = safe_file_stem(raw);
    if (stem.empty()) return {"", format(tr("the output name '{}' has nothing usable as a file name"), raw)};
    return {stem, ""};
}

std::string safe_file_stem(const std::string& raw, std::size_t max_bytes) {
    std::string s;
    // One spelling of « é »: a decomposed one would be another file with the same name on
    // screen, and the same file on a Mac.
    const std::string text = composed(raw);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        auto b = static_cast<unsigned char>(c);
        bool forbidden = b < 0x20 || b == 0x7F || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ||
                         c == '"' || c == '<' || c == '>' || c == '|';
        // The other controls: C1 (U+0080..U+009F, "\xC2\x80".."\xC2\x9F") and the line and
        // paragraph separators U+2028, U+2029, which end a line in an editor or a terminal.
        std::size_t length = 1;
        if (b == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            length = 2;
        } else if (text.compare(i, 3, "\xE2\x80\xA8") == 0 || text.compare(i, 3, "\xE2\x80\xA9") == 0) {
            length = 3;
        }
        if (length > 1) {
            s += '-';
            i += length - 1;
            continue;
        }
        s += forbidden ? '-' : c;
    }
    // ".." never survives, even as part of a longer name: no name can climb out of DIR.
    for (std::size_t p; (p = s.find("..")) != std::string::npos;) s.replace(p, 2, ".");
    auto trim = [](std::string& t) {
        while (!t.empty() && (t.front() == '.' || t.front() == ' ')) t.erase(0, 1);
        while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.pop_back();
    };
    trim(s);
    if (s.size() > max_bytes) {
        s.resize(config::utf8_prefix_size(s, max_bytes));
        trim(s);
    }
    // Windows refuses these as a name's stem whatever the extension ("con.odt" too), and with
    // spaces before the dot ("con .odt"); COM and LPT take a digit or a superscript ¹ ² ³.
    std::string device = lower_ascii(s.substr(0, s.find('.')));
    while (!device.empty() && device.back() == ' ') device.pop_back();
    static const char* reserved[] = {"con", "prn", "aux", "nul", "conin$", "conout$"};
    bool is_reserved = std::find(std::begin(reserved), std::end(reserved), device) != std::end(reserved);
    if (device.starts_with("com") || device.starts_with("lpt")) {
        const std::string_view number = std::string_view(device).substr(3);
        is_reserved = is_reserved || (number.size() == 1 && number[0] >= '0' && number[0] <= '9') ||
                      number == "\xC2\xB9" || number == "\xC2\xB2" || number == "\xC2\xB3";
    }
    if (is_reserved) s = "_" + s;
    return s;
}

std::string collision_key(const std::string& name) { return case_folded(name); }

}  // namespace conventio::batch
