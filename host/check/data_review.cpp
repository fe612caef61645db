#include "check/data_review.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "config/i18n.hpp"

namespace conventio::check {
namespace {

using config::format;
using config::tr;

bool is_placeholder(const std::string& s) {
    static const std::regex placeholder(
        R"(^\s*(?:X{3,}|\[[^\]]*compl(?:\xc3\xa9|e)ter[^\]]*\]|\xe2\x80\xa6|\.\.\.|(?:\xc3\xa0|a) compl(?:\xc3\xa9|e)ter)\s*$)",
        std::regex::icase);
    return std::regex_match(s, placeholder);
}

void walk(const nlohmann::json& value, const std::string& field, const std::string& file,
          std::vector<Diagnostic>& out) {
    if (value.is_object()) {
        for (const auto& [key, inner] : value.items())
            walk(inner, field.empty() ? key : field + "." + key, file, out);
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            walk(value[i], field + "[" + std::to_string(i + 1) + "]", file, out);
    } else if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        bool blank = s.find_first_not_of(" \t\n") == std::string::npos;
        // Empty may be meant (a blank table cell); a placeholder never is.
        if (blank)
            out.push_back({Severity::warning, file, 0, 0, field, format(tr("{} is empty"), field)});
        else if (is_placeholder(s))
            out.push_back({Severity::error, file, 0, 0, field,
                           format(tr("{} still holds the placeholder \"{}\": fill it in"), field, s)});
    }
}

}  // namespace

// The review reads the data before the loader does, so it must not be the weak point the
// loader guards against: a device, a FIFO or a huge file is left to the loader to refuse, and
// nesting deeper than the loader accepts stops the parse (walk recurses once per level).
namespace {
constexpr std::uintmax_t max_reviewed_bytes = 16u << 20;
constexpr int max_reviewed_depth = 100;
struct TooDeep {};
}  // namespace

std::vector<Diagnostic> review_data_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec) ||
        std::filesystem::file_size(path, ec) > max_reviewed_bytes || ec)
        return {};
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json data;
    try {
        data = nlohmann::json::parse(
            text.str(),
            [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
                if (depth > max_reviewed_depth) throw TooDeep{};
                return true;
            },
            false);
    } catch (const TooDeep&) {
        return {};  // the loader refuses it, naming the place
    }
    if (data.is_discarded()) return {};
    std::vector<Diagnostic> out;
    walk(data, "", path.string(), out);
    return out;
}

}  // namespace conventio::check
