#include "document/raised_letters.hpp"

#include <iterator>
#include <optional>
#include <utility>

namespace conventio::doc {
namespace {

using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

class Raiser {
public:
    explicit Raiser(const RaisedRanges& raised_in) : raised_in_(raised_in) {}

    void inlines(Inlines& content) {
        // Most runs have nothing to raise: the inlines are rebuilt, in one pass, only from the
        // first run that has.
        std::optional<Inlines> rebuilt;
        for (std::size_t i = 0; i < content.size(); ++i) {
            Inline& item = content[i];
            if (auto* note = std::get_if<Footnote>(&item)) {
                paragraphs(note->paragraphs);
            } else if (auto* anchor = std::get_if<Anchor>(&item)) {
                anchor->raised = raised_in_(anchor->text);
            } else if (auto* run = std::get_if<Run>(&item); run && !run->marks.superscript) {
                const Ranges ranges = raised_in_(run->text);
                if (!ranges.empty()) {
                    if (!rebuilt) {
                        rebuilt.emplace();
                        rebuilt->reserve(content.size() + 2 * ranges.size());
                        std::move(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(i),
                                  std::back_inserter(*rebuilt));
                    }
                    split(*run, ranges, *rebuilt);
                    continue;
                }
            }
            if (rebuilt) rebuilt->push_back(std::move(item));
        }
        if (rebuilt) content = std::move(*rebuilt);
    }

    void paragraphs(std::vector<Paragraph>& ps) {
        for (Paragraph& p : ps) inlines(p.content);
    }

    void blocks(std::vector<Block>& bs) {
        for (Block& b : bs) block(b);
    }

    void block(Block& b) {
        if (auto* p = std::get_if<Paragraph>(&b.value)) {
            inlines(p->content);
        } else if (auto* list = std::get_if<List>(&b.value)) {
            for (ListItem& item : list->items) blocks(item.blocks);
        } else if (auto* table = std::get_if<Table>(&b.value)) {
            for (Row& row : table->rows)
                for (Cell& cell : row.cells) blocks(cell.blocks);
        } else if (auto* signatures = std::get_if<Signatures>(&b.value)) {
            for (auto& column : signatures->columns) paragraphs(column);
        }
    }

private:
    /// `run` cut at `ranges` (in order, inside its text), the ranges superscript, onto `out`.
    static void split(const Run& run, const Ranges& ranges, Inlines& out) {
        each_piece(run.text.size(), ranges, [&](std::size_t from, std::size_t to, bool raised) {
            Run r{run.text.substr(from, to - from), run.marks, run.href, run.change};
            r.marks.superscript = raised;
            out.emplace_back(std::move(r));
        });
    }

    const RaisedRanges& raised_in_;
};

}  // namespace

void raise_letters(Inlines& content, const RaisedRanges& raised_in) { Raiser(raised_in).inlines(content); }

void raise_letters(Block& block, const RaisedRanges& raised_in) { Raiser(raised_in).block(block); }

}  // namespace conventio::doc
