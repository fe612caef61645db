#define PCRE2_CODE_UNIT_WIDTH 8
#include "check/pattern.hpp"

#include <pcre2.h>

#include <mutex>
#include <stdexcept>
#include <string>

namespace conventio::check {

// Each form is compiled at its first use: a pattern is used either to search (all, search) or
// to match whole texts (whole), and compiling the form it never uses was half of the review's
// compile time at every start.
struct Pattern::Compiled {
    std::string source;
    uint32_t options = 0;
    std::once_flag code_once, anchored_once;  // the forms are shared by the batch's threads
    pcre2_code* code = nullptr;
    pcre2_code* anchored = nullptr;  // the same pattern, matching the whole text only
    uint32_t groups = 0;             // capturing groups, the same in both (each form sets its own
    uint32_t anchored_groups = 0;    // at its compilation, which may happen on two threads)
    ~Compiled() {
        pcre2_code_free(code);
        pcre2_code_free(anchored);
    }
};

namespace {

pcre2_code* compile(std::string_view source, uint32_t options) {
    int error = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(), options,
                                     &error, &offset, nullptr);
    if (!code) {
        PCRE2_UCHAR reason[256];
        pcre2_get_error_message(error, reason, sizeof reason);
        throw std::logic_error("pattern does not compile at offset " + std::to_string(offset) + ": " +
                               reinterpret_cast<const char*>(reason) + ": " + std::string(source));
    }
    return code;
}

// Match data is per search, never per Pattern: a Pattern is shared by the batch's worker
// threads, and PCRE2's compiled code is read-only while matching.
using MatchData = std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)>;

MatchData match_data_for(const pcre2_code* code) {
    return MatchData(pcre2_match_data_create_from_pattern(code, nullptr), &pcre2_match_data_free);
}

std::optional<Match> run(const pcre2_code* code, uint32_t groups, pcre2_match_data* data,
                         std::string_view text, std::size_t from) {
    const int found =
        pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), from, 0, data, nullptr);
    if (found == PCRE2_ERROR_NOMATCH) return std::nullopt;
    if (found < 0) {
        PCRE2_UCHAR reason[256];
        pcre2_get_error_message(found, reason, sizeof reason);
        throw std::runtime_error(std::string("pattern match failed: ") +
                                 reinterpret_cast<const char*>(reason));
    }
    const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
    Match m;
    m.position = ovector[0];
    m.groups.resize(groups + 1);
    for (uint32_t g = 0; g <= groups; ++g)
        if (g < static_cast<uint32_t>(found) && ovector[2 * g] != PCRE2_UNSET)
            m.groups[g] = text.substr(ovector[2 * g], ovector[2 * g + 1] - ovector[2 * g]);
    return m;
}

}  // namespace

Pattern::Pattern(std::string_view source, Case letter_case) : compiled_(std::make_unique<Compiled>()) {
    compiled_->source = source;
    // DOLLAR_ENDONLY: "$" is the end of the text, not also before a last newline, as in std::regex.
    compiled_->options = PCRE2_DOLLAR_ENDONLY | (letter_case == Case::ignored ? PCRE2_CASELESS : 0u);
}

Pattern::~Pattern() = default;

const pcre2_code* Pattern::searching() const {
    Compiled& c = *compiled_;
    std::call_once(c.code_once, [&c] {
        c.code = compile(c.source, c.options);
        pcre2_pattern_info(c.code, PCRE2_INFO_CAPTURECOUNT, &c.groups);
    });
    return c.code;
}

const pcre2_code* Pattern::whole_text() const {
    Compiled& c = *compiled_;
    std::call_once(c.anchored_once, [&c] {
        // PCRE2_ENDANCHORED with PCRE2_ANCHORED at match time: the whole text, as std::regex_match.
        c.anchored = compile(c.source, c.options | PCRE2_ANCHORED | PCRE2_ENDANCHORED);
        pcre2_pattern_info(c.anchored, PCRE2_INFO_CAPTURECOUNT, &c.anchored_groups);
    });
    return c.anchored;
}

std::optional<Match> Pattern::match(std::string_view text, std::size_t from, bool anchored) const {
    const pcre2_code* code = anchored ? whole_text() : searching();
    const uint32_t groups = anchored ? compiled_->anchored_groups : compiled_->groups;
    return run(code, groups, match_data_for(code).get(), text, from);
}

std::optional<Match> Pattern::search(std::string_view text, std::size_t from) const {
    return match(text, from, false);
}

std::optional<Match> Pattern::whole(std::string_view text) const { return match(text, 0, true); }

std::vector<Match> Pattern::all(std::string_view text) const {
    std::vector<Match> matches;
    const pcre2_code* code = searching();
    MatchData data = match_data_for(code);  // one for the whole text
    for (std::size_t from = 0; from <= text.size();) {
        auto m = run(code, compiled_->groups, data.get(), text, from);
        if (!m) break;
        const std::size_t end = m->position + m->groups[0]->size();
        // An empty match moves on by one byte, or the search would find it again.
        from = end > m->position ? end : end + 1;
        matches.push_back(std::move(*m));
    }
    return matches;
}

}  // namespace conventio::check
