// The patterns the checks look for in a document's text and in messages, through PCRE2.
//
// std::regex compiled the review's four patterns in about 39 M instructions, most of a cold
// render, and matched by backtracking byte by byte; PCRE2 (Debian's libpcre2-8, which grep
// already depends on) compiles them in a few thousand and matches with the same Perl syntax.
// Patterns are compiled in byte mode, not UTF mode: they spell UTF-8 sequences byte by byte
// ("\xc2\xa0" for a no-break space), and \b, \s and case folding are ASCII, as they were.
// Matching is PCRE2's interpreter: its JIT paid in a cold render only for the acronyms, which a
// scan of the bytes now finds (check/acronyms.hpp), and it maps executable memory at its first
// use; the placeholder pattern only reads the few paragraphs a cheaper test lets through.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

struct pcre2_real_code_8;  // pcre2_code, PCRE2's compiled pattern

namespace conventio::check {

/// One match: the whole text matched and each capturing group (nullopt when it did not take part).
struct Match {
    std::size_t position = 0;                             // of the whole match, in the text searched
    std::vector<std::optional<std::string_view>> groups;  // [0] the whole match

    std::string_view operator[](std::size_t group) const {
        return group < groups.size() && groups[group] ? *groups[group] : std::string_view{};
    }
    bool matched(std::size_t group) const { return group < groups.size() && groups[group].has_value(); }
    /// Where group `group` starts in the text searched (it must have matched).
    std::size_t position_of(std::size_t group, std::string_view text) const {
        return static_cast<std::size_t>(groups[group]->data() - text.data());
    }
};

class Pattern {
public:
    enum class Case { sensitive, ignored };
    /// A pattern of `source`, compiled at its first use, in the form that use needs (a pattern
    /// either searches or matches whole texts: compiling both at every start was half of the
    /// text review's compile time). A pattern of ours that does not compile is a programming
    /// error: its first use throws std::logic_error naming the offset.
    explicit Pattern(std::string_view source, Case letter_case = Case::sensitive);
    ~Pattern();
    Pattern(const Pattern&) = delete;
    Pattern& operator=(const Pattern&) = delete;

    /// The first match in `text` at or after `from`.
    std::optional<Match> search(std::string_view text, std::size_t from = 0) const;
    /// Every match in `text`, left to right, none overlapping.
    std::vector<Match> all(std::string_view text) const;
    /// The match of the whole of `text`, if it matches from its first byte to its last.
    std::optional<Match> whole(std::string_view text) const;

private:
    struct Compiled;
    std::unique_ptr<Compiled> compiled_;
    const pcre2_real_code_8* searching() const;   // the form search() and all() use
    const pcre2_real_code_8* whole_text() const;  // the form whole() uses
    std::optional<Match> match(std::string_view text, std::size_t from, bool anchored) const;
};

}  // namespace conventio::check
