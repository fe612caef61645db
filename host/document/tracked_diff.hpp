// The consolidated version's marks on the tree: a paragraph compared with its amended version
// word by word, keeping each word's formatting, links, notes and live references, and whole
// blocks inserted or deleted. Accepting every change gives the amended block as it is,
// rejecting every change the block as it stood (formatting included).
#pragma once

#include "conventio/document.hpp"

namespace conventio::tracked {

/// `after`, with what changed from `before` as inserted and deleted runs. Words are compared
/// with their formatting (a word made bold is deleted and inserted); a note, a reference or an
/// anchor found on both sides is kept as it is (a note's own text compared in turn), so an
/// unchanged reference stays a live reference; one on a single side is inserted or deleted,
/// a reference still a live reference. A word is a stretch without white space, its
/// trailing punctuation apart (as conventio.avenant.text_diff cuts words), within one run.
doc::Paragraph compare(const doc::Paragraph& before, const doc::Paragraph& after);

/// `after`, a table changed row by row from `before`: rows paired by their label (the text of
/// their first cell) are compared cell by cell (paragraphs as `compare` does), the others
/// inserted or deleted whole. The two tables must have the same number of columns.
doc::Table compare(const doc::Table& before, const doc::Table& after);

/// `after`, a list changed item by item from `before`: items with the same text are kept,
/// changed items between them paired in order and compared (one-paragraph items as `compare`
/// does, nested lists in turn), the others inserted or deleted whole — so a list where one
/// item changes marks that item only, and each item keeps its bullet whichever way the
/// changes go.
doc::List compare(const doc::List& before, const doc::List& after);

/// `after`, the signatures compared column by column: columns with the same text are kept, a
/// changed column's paragraphs compared (as `compare` does), a signatory who joins has its
/// column's text inserted, one who leaves deleted.
doc::Signatures compare(const doc::Signatures& before, const doc::Signatures& after);

/// `block` inserted or deleted as a whole: every paragraph's mark and runs, every table row,
/// inside lists and notes too. An anchor stays an anchor and a reference a live reference.
doc::Block whole(doc::Block block, doc::Change change);

}  // namespace conventio::tracked
