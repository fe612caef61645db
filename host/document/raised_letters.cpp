#include "document/raised_letters.hpp"

#include <utility>

namespace conventio::doc {
namespace {

class Raiser {
public:
    explicit Raiser(const RaisedRanges& raised_in) : raised_in_(raised_in) {}

    void inlines(Inlines& content) {
        // Most runs have nothing to raise: the inlines are rebuilt only from the first that has.
        for (std::size_t i = 0; i < content.size(); ++i) {
            if (auto* note = std::get_if<Footnote>(&content[i])) {
                paragraphs(note->paragraphs);
                continue;
            }
            auto* run = std::get_if<Run>(&content[i]);
            if (!run || run->marks.superscript) continue;
            const auto ranges = raised_in_(run->text);
            if (ranges.empty()) continue;
            Inlines pieces = split(std::move(*run), ranges);
            const std::size_t added = pieces.size() - 1;
            content.erase(content.begin() + static_cast<std::ptrdiff_t>(i));
            content.insert(content.begin() + static_cast<std::ptrdiff_t>(i),
                           std::make_move_iterator(pieces.begin()), std::make_move_iterator(pieces.end()));
            i += added;
        }
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
    /// `run` cut at `ranges` (in order, inside its text), the ranges superscript.
    static Inlines split(Run run, const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
        Inlines out;
        auto piece = [&](std::size_t from, std::size_t to, bool raised) {
            if (from >= to) return;
            Run r{run.text.substr(from, to - from), run.marks, run.href, run.change};
            r.marks.superscript = raised;
            out.emplace_back(std::move(r));
        };
        std::size_t at = 0;
        for (const auto& [begin, end] : ranges) {
            piece(at, begin, false);
            piece(begin, end, true);
            at = end;
        }
        piece(at, run.text.size(), false);
        return out;
    }

    const RaisedRanges& raised_in_;
};

}  // namespace

void raise_letters(Inlines& content, const RaisedRanges& raised_in) { Raiser(raised_in).inlines(content); }

void raise_letters(Block& block, const RaisedRanges& raised_in) { Raiser(raised_in).block(block); }

}  // namespace conventio::doc
