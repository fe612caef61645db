#include "check/text_review.hpp"

#include <cctype>
#include <set>

#include "check/acronyms.hpp"
#include "check/pattern.hpp"
#include "config/i18n.hpp"

namespace conventio::check {
namespace {

using config::format;
using config::tr;

// A cross-reference's shown text is replaced by this in the text reviewed: "l'article " before
// a live reference is right, and must not look like a typed number.
constexpr const char* live_reference = "\x01";

// The spaces French numbers use between thousands: ASCII, no-break, narrow no-break.
#define SPACE "(?: |\xc2\xa0|\xe2\x80\xaf)"

std::int64_t cents_of(const std::string& amount) {
    std::int64_t euros = 0;
    std::int64_t cents = 0;
    int decimals = -1;
    for (char ch : amount) {
        if (ch >= '0' && ch <= '9') {
            if (decimals < 0) {
                euros = euros * 10 + (ch - '0');
            } else if (decimals < 2) {
                cents = cents * 10 + (ch - '0');
                ++decimals;
            }
        } else if (ch == ',' && decimals < 0) {
            decimals = 0;
        } else if (ch == '\xe2' || ch == '\xc2' || ch == ' ') {
            continue;
        }
    }
    if (decimals == 1) cents *= 10;
    return euros * 100 + cents;
}

struct Reviewer {
    const doc::Document& document;
    std::string file;
    std::vector<Diagnostic> found;
    std::string heading;                   // the article or annex being read
    bool in_articles = false;              // past the preamble: in an article, a section or an annex
    bool in_table = false;                 // in a table's cell
    std::set<std::string> numbers;         // articles' and sections' numbers, from their anchors
    std::set<std::int64_t> amounts;        // the model's, in cents
    std::vector<std::string> parties;      // every text of every party
    std::set<std::string> reported_names;  // the acronyms already reported
    std::set<std::string> cited;           // the acronyms cited on purpose (sigles.md)

    std::string origin;  // where the paragraph being read came from, when known (a template, a script's line)
    // The paragraph being read as plain text: one buffer for all, each paragraph's text was a
    // new string (115 of a cold Cerema render's allocations).
    std::string paragraph_text;

    /// A finding names the template the text came from when the tree knows it, the script's
    /// line for a paragraph the script typed ("script.lua:12"), else the script; and the article
    /// it is in, either way.
    void report(Severity severity, std::string message, std::string_view excerpt) {
        auto [where, line] = origin_place();
        found.push_back(Diagnostic{severity, std::move(where), line, 0, heading, std::move(message),
                                   std::string(excerpt), paragraph_text});
    }

    /// The file and line of the paragraph's origin: a template's path has no line; a script's
    /// line ends with ":12". Lua shortens a long path to "..." and its end: the script's own is
    /// named whole.
    std::pair<std::string, int> origin_place() const {
        if (origin.empty()) return {file, 0};
        const std::size_t colon = origin.rfind(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == origin.size() ||
            origin.find_first_not_of("0123456789", colon + 1) != std::string::npos)
            return {origin, 0};
        std::string where = origin.substr(0, colon);
        if (where.starts_with("...") && file.ends_with(std::string_view(where).substr(3))) where = file;
        return {where, std::stoi(origin.substr(colon + 1))};
    }

    // ------------------------------------------------------------ gathering the text

    static void text_of(const doc::Inlines& inlines, std::string& out) {
        for (const auto& in : inlines) {
            if (const auto* run = std::get_if<doc::Run>(&in))
                out += run->text;
            else if (std::holds_alternative<doc::CrossRef>(in))
                out += live_reference;
            else if (const auto* anchor = std::get_if<doc::Anchor>(&in))
                out += anchor->text;
            else if (std::holds_alternative<doc::LineBreak>(in) && !out.ends_with(' '))
                out += ' ';  // a line break after a space is not a second one
        }
    }

    void collect_numbers(const std::vector<doc::Block>& blocks) {
        for (const auto& block : blocks)
            if (const auto* p = std::get_if<doc::Paragraph>(&block.value))
                if (p->style == doc::ParagraphStyle::article || p->style == doc::ParagraphStyle::sub_article)
                    for (const auto& in : p->content)
                        if (const auto* anchor = std::get_if<doc::Anchor>(&in)) numbers.insert(anchor->text);
    }

    void blocks(const std::vector<doc::Block>& list) {
        for (const auto& block : list) {
            if (const auto* p = std::get_if<doc::Paragraph>(&block.value)) {
                paragraph(*p);
            } else if (const auto* l = std::get_if<doc::List>(&block.value)) {
                for (const auto& item : l->items) blocks(item.blocks);
            } else if (const auto* t = std::get_if<doc::Table>(&block.value)) {
                const bool was_in_table = in_table;
                in_table = true;
                for (const auto& row : t->rows)
                    for (const auto& cell : row.cells) blocks(cell.blocks);
                in_table = was_in_table;
            } else if (const auto* s = std::get_if<doc::Signatures>(&block.value)) {
                for (const auto& column : s->columns)
                    for (const auto& para : column) paragraph(para);
            }
        }
    }

    void paragraph(const doc::Paragraph& p) {
        if (p.style == doc::ParagraphStyle::article || p.style == doc::ParagraphStyle::sub_article ||
            p.style == doc::ParagraphStyle::annex_heading) {
            heading.clear();
            text_of(p.content, heading);
            // The articles start at the first numbered one: before it come the title, the
            // parties, the visas and the preamble, which may tell the history (earlier amounts,
            // other bodies); from it on, every article, section and annex is what is agreed.
            for (const auto& in : p.content)
                in_articles = in_articles || std::holds_alternative<doc::Anchor>(in);
            return;
        }
        origin = p.origin;
        paragraph_text.clear();
        text_of(p.content, paragraph_text);
        text(paragraph_text, p.keep_together);  // done with it before a footnote's paragraphs
        for (const auto& in : p.content)
            if (const auto* note = std::get_if<doc::Footnote>(&in))
                for (const auto& para : note->paragraphs) paragraph(para);
    }

    // ------------------------------------------------------------ the checks

    // Each check first looks for what its pattern cannot match without, so the few paragraphs
    // that may hold a finding are the only ones a pattern reads.
    void text(const std::string& s, bool details_block = false) {
        // An avenant's "article 4.1" is the amended agreement's, numbered by the library.
        if (!document.facts.amends && may_hold_typed_reference(s)) typed_references(s);
        if (may_hold_placeholder(s)) placeholders(s);
        if (s.find("  ") != std::string::npos) doubled_spaces(s);
        if (!document.facts.stated || !in_articles) return;
        // A body named by its acronym anywhere in the articles and annexes, with or without an
        // article before it, that is not a party: a clause copied from another agreement. A
        // block of bank details or an address (kept together) names the bank and the
        // accountant's services as the data gives them.
        if (!details_block && has_three_capitals(s)) foreign_parties(s);
        if (s.find("\xe2\x82\xac") != std::string::npos || s.find("euro") != std::string::npos)
            foreign_amounts(s);
    }

    static bool has_three_capitals(const std::string& s) {
        int run = 0;
        for (char ch : s) {
            run = ch >= 'A' && ch <= 'Z' ? run + 1 : 0;
            if (run == 3) return true;
        }
        return false;
    }

    /// Whether `s` holds "article" or "articles" as every typed reference the pattern finds has
    /// it: after "l'", "l’", "les ", "aux " or "des ", before a space (or a no-break space) and
    /// a digit. Most paragraphs naming an article name it by a live reference, which the text
    /// reviewed shows as a mark instead of its number, or cite another text's ("son article
    /// 6"): for the Cerema agreement's seven, compiling and running the pattern cost 180 000
    /// instructions and found nothing.
    static bool may_hold_typed_reference(const std::string& s) {
        auto after = [&s](std::size_t at, std::string_view before) {
            return at >= before.size() && s.compare(at - before.size(), before.size(), before) == 0;
        };
        for (std::size_t at = s.find("article"); at != std::string::npos; at = s.find("article", at + 1)) {
            if (!after(at, "l'") && !after(at, "L'") && !after(at, "l\xe2\x80\x99") &&
                !after(at, "L\xe2\x80\x99") && !after(at, "les ") && !after(at, "aux ") && !after(at, "des "))
                continue;
            std::size_t next = at + 7;
            if (next < s.size() && s[next] == 's') ++next;
            if (s.compare(next, 1, " ") == 0)
                next += 1;
            else if (s.compare(next, 2, "\xc2\xa0") == 0)
                next += 2;
            else
                continue;
            if (next < s.size() && s[next] >= '0' && s[next] <= '9') return true;
        }
        return false;
    }

    /// Whether `s` holds, in any case, one of the words the placeholder pattern needs, or an
    /// ellipsis where the pattern takes one for a placeholder.
    static bool may_hold_placeholder(const std::string& s) {
        // ASCII letters only, as std::tolower does in the "C" character classes the program keeps
        // (only LC_MESSAGES follows the user's locale), without a library call per byte.
        std::string lower(s);
        for (char& ch : lower)
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        // The pattern's own words: "compl" alone let most paragraphs through ("complète",
        // "complémentaire"), each then searched by the pattern.
        for (const char* needle :
             {"xxx", "compl\xc3\xa9ter", "compl\xc3\x89ter", "completer", "nom du partenaire"})
            if (lower.find(needle) != std::string::npos) return true;
        return has_lone_ellipsis(s, "\xe2\x80\xa6") || has_lone_ellipsis(s, "...");
    }

    /// Whether `s` holds `ellipsis` as the placeholder pattern reads one: after a white space
    /// (or first), before one, a stop or a comma (or last). An ellipsis closing a list ("durées
    /// de conservation...", "(RGS, RGAA, ...)") is none: the Cerema agreement has five such
    /// paragraphs, which the pattern, interpreted, read in 370 000 instructions for nothing.
    static bool has_lone_ellipsis(const std::string& s, std::string_view ellipsis) {
        // PCRE2's \s without Unicode properties: these six bytes.
        auto white = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
        for (std::size_t at = s.find(ellipsis); at != std::string::npos; at = s.find(ellipsis, at + 1)) {
            const std::size_t end = at + ellipsis.size();
            if ((at == 0 || white(s[at - 1])) &&
                (end == s.size() || white(s[end]) ||
                 std::string_view(".,;:").find(s[end]) != std::string_view::npos))
                return true;
        }
        return false;
    }

    /// Whether the words at `at`, after "l'article 5 de" or "du", name the agreement itself
    /// ("la présente convention", "présent contrat", "cette convention"), as drafters most often
    /// write a reference they type.
    static bool names_this_agreement(const std::string& s, std::size_t at) {
        for (std::string_view words : {"la pr\xc3\xa9sente", "pr\xc3\xa9sent", "cette "})
            if (s.compare(at, words.size(), words) == 0) return true;
        return false;
    }

    // "l'article 7" typed as text: wrong as soon as the articles move. A law's article ("article
    // 10 de la loi", "article L. 1611-4 du code") is not ours and is left alone.
    void typed_references(const std::string& s) {
        // Only the wording of a reference ("l'article 7", "aux articles 5 et 6"), not "son
        // article 6" (a decree's) nor "article 7473" (a budget's nomenclature).
        static const Pattern typed(
            R"((?:\b[Ll](?:'|\xe2\x80\x99)|\b(?:les|aux|des) )(articles?)(?: |\xc2\xa0)(\d+(?:\.\d+)?)(?![\d.\-]*\w))"
            R"(((?: |\xc2\xa0)*(?:\xc2\xab[^\xbb]*\xc2\xbb)?(?: |\xc2\xa0)*(?:du|de|des|d(?:'|\xe2\x80\x99))(?: |\xc2\xa0|\b))?)");
        for (const Match& m : typed.all(s)) {
            // "article 10 de la loi ...": another text's article; "de la présente convention" is ours.
            if (m.matched(3) && !names_this_agreement(s, m.position + m[0].size())) continue;
            std::string number(m[2]);
            if (numbers.count(number))
                report(
                    Severity::warning,
                    format(tr("\"{} {}\" is typed as text: write a live reference ({{ ref(\"key\") }} in a "
                              "template) so that it follows the numbering"),
                           std::string(m[1]), number),
                    std::string(m[1]) + " " + number);
            else
                report(Severity::error,
                       format(tr("\"{} {}\" refers to an article the agreement does not have "
                                 "(write a live reference: {{ ref(\"key\") }})"),
                              std::string(m[1]), number),
                       std::string(m[1]) + " " + number);
        }
    }

    void placeholders(const std::string& s) {
        // "…" alone between spaces ("du … au …"), not an elision "[…]" nor an "etc." ", …)".
        // Caseless matching without UTF folds ASCII only: "é"/"É" and "à"/"À" are spelt both ways.
        static const Pattern placeholder(
            R"((\bX{3,}\b|\[\s*(?:\xc3\xa0|\xc3\x80|a) compl(?:\xc3\xa9|\xc3\x89|e)ter\s*\]|(?:^|[\s(])(?:\xc3\xa0|\xc3\x80|a) compl(?:\xc3\xa9|\xc3\x89|e)ter\b|(?:^|\s)(?:\xe2\x80\xa6|\.\.\.)(?=\s|$|[.,;:])|\bnom du partenaire\b))",
            Pattern::Case::ignored);
        for (const Match& m : placeholder.all(s)) {
            std::string what(m[1]);
            while (!what.empty() && std::isspace(static_cast<unsigned char>(what.front()))) what.erase(0, 1);
            report(
                Severity::error,
                format(tr("placeholder \"{}\" left in the text: fill it in the data or the template"), what),
                what);
        }
    }

    /// Whether the byte at `i` is part of a word: not a space (also no-break), a quote mark « »
    /// or ASCII punctuation other than an apostrophe or a hyphen.
    static bool in_word(const std::string& s, std::size_t i) {
        const auto byte = static_cast<unsigned char>(s[i]);
        if (byte < 0x80) return std::isalnum(byte) || byte == '\'' || byte == '-';
        // « » and the no-break spaces (U+00A0, U+202F), by any of their bytes.
        for (std::string_view mark : {"\xc2\xab", "\xc2\xbb", "\xc2\xa0", "\xe2\x80\xaf"})
            for (std::size_t k = 0; k < mark.size(); ++k)
                if (i >= k && s.compare(i - k, mark.size(), mark) == 0) return false;
        return true;
    }

    // "le  Cerema": two spaces where one belongs show on the printed page as a gap. Spaces at the
    // start or the end of a paragraph show nothing and are left alone.
    void doubled_spaces(const std::string& s) {
        for (std::size_t at = s.find("  "); at != std::string::npos; at = s.find("  ", at)) {
            const std::size_t end = s.find_first_not_of(' ', at);
            if (end == std::string::npos) return;
            // The words either side, without their punctuation: what a data value may hold.
            std::size_t start = at, stop = end;
            while (start > 0 && in_word(s, start - 1)) --start;
            while (stop < s.size() && in_word(s, stop)) ++stop;
            if (at > 0) {
                const std::string words = s.substr(start, stop - start);
                report(Severity::warning, format(tr("two spaces in a row in \"{}\": one is enough"), words),
                       words);
            }
            at = stop;
        }
    }

    bool names_a_party(const std::string& acronym) const {
        static const auto word_char = [](char ch) {
            return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        };
        for (const auto& text : parties) {
            for (std::size_t at = text.find(acronym); at != std::string::npos;
                 at = text.find(acronym, at + 1)) {
                bool starts = at == 0 || !word_char(text[at - 1]);
                bool ends = at + acronym.size() == text.size() || !word_char(text[at + acronym.size()]);
                if (starts && ends) return true;
            }
        }
        return false;
    }

    /// Whether the word at [at, at + size) has another word of two capitals or more next to
    /// it, a space or a hyphen apart.
    static bool in_capitals_phrase(const std::string& s, std::size_t at, std::size_t size) {
        auto capitals_at = [&](std::size_t i, int step) {
            std::size_t count = 0;
            for (; i < s.size() && s[i] >= 'A' && s[i] <= 'Z'; i = step > 0 ? i + 1 : i - 1) {
                ++count;
                if (i == 0) break;
            }
            return count >= 2;
        };
        std::size_t end = at + size;
        if (end + 1 < s.size() && (s[end] == ' ' || s[end] == '-') && capitals_at(end + 1, +1)) return true;
        if (at >= 2 && (s[at - 1] == ' ' || s[at - 1] == '-') && capitals_at(at - 2, -1)) return true;
        return false;
    }

    // "l'ANCT", "ANCT" or "l'ANCT" in an agreement between the Cerema and the DINUM: a clause
    // copied from another agreement. Every acronym of the text is read as a body named, unless
    // it names a party or is cited on purpose (templates/structure/sigles.md).
    void foreign_parties(const std::string& s) {
        // Three capitals or more, standing as a word of their own: not inside a longer word
        // ("ANCTX"), nor part of a reference written in capitals with digits ("SIRET2").
        for (std::string_view found : standalone_capitals(s)) {
            std::string acronym(found);
            // An acronym is short; a longer word in capitals is a name or a code (a BIC).
            if (acronym.size() > 8) continue;
            // "XXX" is a placeholder, reported as such.
            if (acronym.find_first_not_of('X') == std::string::npos) continue;
            // Words in capitals side by side are a name or an address written in capitals
            // ("RUE DES PETITS CHAMPS", "SERVICES DU PREMIER MINISTRE"), not a body's acronym.
            const auto at = static_cast<std::size_t>(found.data() - s.data());
            if (in_capitals_phrase(s, at, acronym.size())) continue;
            // Part of a code ("0352-CFSE", an accounting reference), not a body.
            if (at >= 2 && s[at - 1] == '-' && std::isdigit(static_cast<unsigned char>(s[at - 2]))) continue;
            // Once per document: the first place it is named.
            if (cited.count(acronym) || names_a_party(acronym) || !reported_names.insert(acronym).second)
                continue;
            report(Severity::warning,
                   format(tr("the text names {}, which is not a party of this agreement (a "
                             "clause from another agreement?); if it is cited on purpose, "
                             "add it to templates/structure/sigles.md"),
                          acronym),
                   acronym);
        }
    }

    /// Whether `at` in `s` is inside guillemets: more « than » before it.
    static bool quoted(const std::string& s, std::size_t at) {
        int depth = 0;
        for (std::size_t i = 0; i + 1 < at; ++i) {
            if (s[i] != '\xc2') continue;
            if (s[i + 1] == '\xab') ++depth;
            if (s[i + 1] == '\xbb') --depth;
        }
        return depth > 0;
    }

    // "1 600 000 €" typed in a text when the model computed 1 500 000 €. An avenant's facts are
    // the amounts of the Convention as it stood and as amended: what its own text types
    // (its purpose: « porter la participation à 600 000 € ») must be one of them, and is an
    // error, since an avenant contradicting the article it writes is not signed; what it quotes
    // of the Convention is not its own. An agreement's typed amount is a warning (the seeds have
    // some).
    void foreign_amounts(const std::string& s) {
        static const Pattern amount(R"((\d{1,3}(?:)" SPACE R"(\d{3})+|\d+)(,\d{1,2})?)" SPACE
                                    R"(?(?:€|euros?\b))");
        // What an avenant quotes (between « », an alinéa opening with « and closed in a later
        // one, a quoted table) is the Convention's text, built by its script and checked on it.
        if (document.facts.amends && in_table) return;
        for (const Match& m : amount.all(s)) {
            std::string text = std::string(m[1]) + std::string(m[2]);
            if (amounts.count(cents_of(text))) continue;
            if (document.facts.amends && quoted(s, m.position)) continue;
            if (document.facts.amends)
                report(Severity::error,
                       format(tr("the amount {} € in the avenant is neither the Convention's nor the amended "
                                 "Convention's: change the amount in the change set's data, and say the "
                                 "one it gives"),
                              text),
                       m[0]);
            else
                report(
                    Severity::warning,
                    format(tr("the amount {} € in the text is not one the model computed or was given: type "
                              "amounts in the data and let the templates print them"),
                           text),
                    m[0]);
        }
    }
};

}  // namespace

std::vector<Diagnostic> review_text(const doc::Document& document, const std::string& file) {
    Reviewer r{document, file, {}, {}, false, false, {}, {}, document.facts.party_names, {}, {}, {}, {}};
    // Once for the document, not for every paragraph that names an acronym.
    r.cited.insert(document.facts.cited_names.begin(), document.facts.cited_names.end());
    for (const auto& amount : document.facts.amounts) r.amounts.insert(cents_of(amount));
    r.collect_numbers(document.body);
    r.blocks(document.body);
    return std::move(r.found);
}

}  // namespace conventio::check
