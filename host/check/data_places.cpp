#include "check/data_places.hpp"

#include <algorithm>

#include "document/text_edits.hpp"

namespace conventio::check {

void DataPlaces::add(std::string_view field, int line, int column, std::string_view text,
                     std::string_view written) {
    // Most values are written as they read: their written form is kept only when it differs.
    if (written == text) written = {};
    places_.push_back(Place{names_.size(), field.size(), texts_.size(), text.size(),
                            texts_.size() + text.size(), written.size(), line, column});
    names_ += field;
    texts_ += text;
    texts_ += written;
}

namespace {

/// The file's columns that the first `characters` characters of a value take, as the file
/// writes it (`written`): an escape ("\u00e9", "\"") is one character in several columns, a
/// surrogate pair ("\ud83d\ude00") one in twelve.
int written_columns(std::string_view written, int characters) {
    int columns = 0;
    std::size_t i = 0;
    for (int c = 0; c < characters && i < written.size(); ++c) {
        std::size_t start = i;
        if (written[i] == '\\' && i + 1 < written.size() && written[i + 1] == 'u') {
            i += 6;
            // A high surrogate followed by its low one: one character.
            if (i + 1 < written.size() && written[i] == '\\' && written[i + 1] == 'u' &&
                (written[start + 2] == 'd' || written[start + 2] == 'D') &&
                std::string_view("89abAB").find(written[start + 3]) != std::string_view::npos)
                i += 6;
        } else if (written[i] == '\\') {
            i += 2;
        } else {
            ++i;
            while (i < written.size() && (static_cast<unsigned char>(written[i]) & 0xC0) == 0x80) ++i;
            ++columns;
            continue;
        }
        columns += static_cast<int>(std::min(i, written.size()) - start);
    }
    return columns;
}

int characters(std::string_view text) {
    int count = 0;
    for (char ch : text)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++count;
    return count;
}

/// Whether `c` is a byte the rendering may add, drop or change around a value's words: Markdown's
/// marks and escapes, spaces and line ends (French spacing puts a space before « : », inside
/// « »; a value's paragraphs are paragraphs of their own).
bool loose(char c) { return c == '*' || c == '_' || c == '`' || c == '\\' || c == ' ' || c == '\n'; }

/// How far `text` and `paragraph` agree around the words at `in_text` and `in_paragraph` (of
/// `size` bytes): the bytes alike before them and after them, bytes the rendering may change
/// skipped on either side; 0 unless they agree on each side up to the end of the value or of
/// the paragraph, or over `enough` bytes. A value that only happens to hold the same words
/// ("[à compléter]" in a representative's act, and in a paragraph the script wrote) did not
/// write the paragraph.
std::size_t agreement(std::string_view text, std::size_t in_text, std::string_view paragraph,
                      std::size_t in_paragraph, std::size_t size) {
    constexpr std::size_t enough = 24;
    std::size_t alike = 0;
    // Before the words, walking back.
    std::size_t t = in_text, p = in_paragraph;
    while (t > 0 && p > 0) {
        if (text[t - 1] == paragraph[p - 1]) {
            --t, --p, ++alike;
        } else if (loose(text[t - 1])) {
            --t;
        } else if (loose(paragraph[p - 1])) {
            --p;
        } else {
            break;
        }
    }
    while (t > 0 && loose(text[t - 1])) --t;
    while (p > 0 && loose(paragraph[p - 1])) --p;
    const bool before_agrees = t == 0 || p == 0 || alike >= enough;
    // After the words, walking on.
    const std::size_t before = alike;
    t = in_text + size, p = in_paragraph + size;
    while (t < text.size() && p < paragraph.size()) {
        if (text[t] == paragraph[p]) {
            ++t, ++p, ++alike;
        } else if (loose(text[t])) {
            ++t;
        } else if (loose(paragraph[p])) {
            ++p;
        } else {
            break;
        }
    }
    while (t < text.size() && loose(text[t])) ++t;
    while (p < paragraph.size() && loose(paragraph[p])) ++p;
    const bool after_agrees = t == text.size() || p == paragraph.size() || alike - before >= enough;
    return before_agrees && after_agrees ? alike + 1 : 0;
}

}  // namespace

namespace {

/// Whether `paragraph` is `words` and blanks around them.
bool only_words(std::string_view paragraph, std::string_view words) {
    const std::size_t first = paragraph.find_first_not_of(" \n");
    if (first == std::string_view::npos) return false;
    const std::size_t last = paragraph.find_last_not_of(" \n");
    return paragraph.substr(first, last - first + 1) == words;
}

}  // namespace

bool DataPlaces::place_in_data(Diagnostic& d, bool whole_value) const {
    if (d.excerpt.empty()) return false;
    const std::string words = doc::as_typed(d.excerpt);
    const std::string paragraph = doc::as_typed(d.paragraph);
    // Of the values holding the words, the one agreeing with the paragraph around them the
    // longest: "ANCT" in a preamble and in the purpose, the finding being in the purpose's article.
    const Place* best = nullptr;
    std::size_t best_at = 0, best_agreement = 0;
    for (const Place& place : places_) {
        const std::string text =
            doc::as_typed(std::string_view(texts_).substr(place.text_start, place.text_size));
        // A paragraph that is the value itself (a reason of a change set, printed as given) is
        // the value's, whoever printed it.
        if (!whole_value && text == words && !only_words(paragraph, words)) continue;
        for (std::size_t at = text.find(words); at != std::string::npos; at = text.find(words, at + 1)) {
            std::size_t agreed = 0;
            for (std::size_t in = paragraph.find(words); in != std::string::npos;
                 in = paragraph.find(words, in + 1))
                agreed = std::max(agreed, agreement(text, at, paragraph, in, words.size()));
            if (agreed > best_agreement) {
                best = &place;
                best_at = static_cast<std::size_t>(characters(std::string_view(text).substr(0, at)));
                best_agreement = agreed;
            }
        }
    }
    if (!best) return false;
    d.file = file_;
    d.line = best->line;
    // The value's place is its opening quote's; its text starts a column later.
    const std::string_view written = std::string_view(texts_).substr(best->written_start, best->written_size);
    d.column =
        best->column + 1 +
        (written.empty() ? static_cast<int>(best_at) : written_columns(written, static_cast<int>(best_at)));
    d.field = std::string(field(*best));
    return true;
}

const std::unordered_map<std::string_view, std::size_t>& DataPlaces::index() const {
    if (places_indexed_ != places_.size()) {
        // Built again whole: names_ may have moved since (places added after a problem).
        at_.clear();
        for (std::size_t i = 0; i < places_.size(); ++i)
            at_.emplace(field(places_[i]), i);  // the first one stays
        places_indexed_ = places_.size();
    }
    return at_;
}

void DataPlaces::locate(Diagnostic& d) const {
    if (d.file != file_ || d.field.empty() || d.line > 0) return;
    const auto& at = index();
    if (auto it = at.find(d.field); it != at.end()) {
        d.line = places_[it->second].line;
        d.column = places_[it->second].column;
        return;
    }
    // An object or a list: where its first value is (the field itself has no text to point at).
    const std::string_view wanted = d.field;
    for (const auto& place : places_) {
        const std::string_view f = field(place);
        if (f.size() > wanted.size() && f.starts_with(wanted) &&
            (f[wanted.size()] == '.' || f[wanted.size()] == '[')) {
            d.line = place.line;
            return;
        }
    }
    // A field of a list's element that holds no text (a change set's `throughout = true`): the
    // element's place.
    if (const auto dot = wanted.rfind('.');
        dot != std::string_view::npos && dot > 0 && wanted[dot - 1] == ']') {
        Diagnostic element = d;
        element.field = std::string(wanted.substr(0, dot));
        locate(element);
        d.line = element.line;
        d.column = element.column;
    }
}

}  // namespace conventio::check
