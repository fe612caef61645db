// Whole paragraphs an avenant inserts or deletes, and where each format marks them so that
// accepting (or rejecting) every change leaves no empty paragraph behind. Shared by both
// writers: they must agree on which paragraphs are tracked as paragraphs (see
// shared/tools/README-tracked-changes.md, "whole paragraph inserted/deleted").
#pragma once

#include <unordered_map>
#include <vector>

#include "conventio/document.hpp"

namespace conventio::layout {

/// Consecutive paragraphs of the body inserted (or deleted) as a whole, with the written
/// paragraph their change is anchored to.
struct ParagraphGroup {
    doc::Change change = doc::Change::none;
    std::vector<const doc::Paragraph*> paragraphs;
    /// The paragraph right after the group: the group's paragraph ends are tracked and the
    /// change ends (ODT) or is marked (a deletion) at this paragraph's start.
    const doc::Paragraph* next = nullptr;
    /// Set when no paragraph follows the group before a table, a page break paragraph or the
    /// end of the body (readers cannot remove the last paragraph mark there): the change is
    /// anchored at the end of this previous paragraph instead, whose mark is tracked.
    const doc::Paragraph* previous = nullptr;
    /// Set when the group is alone after a table (a Table or Signatures block, followed by the
    /// writers' spacer paragraph) with no paragraph after it: the change is anchored at the end
    /// of that empty spacer, whose mark is tracked (as `previous`'s would be).
    const void* after_spacer_of = nullptr;
    /// Set with `previous` when that paragraph has another look (a heading before the last
    /// paragraph of an article): merged, the two paragraphs must keep the look of the version
    /// shown. ODT keeps the first paragraph's look by itself; DOCX, where the merged paragraph
    /// takes the last one's, writes the last paragraph's properties as they are once every
    /// change is accepted and tracks the look it has once they are rejected (w:pPrChange).
    bool restyled = false;
};

/// Which paragraphs are tracked as whole paragraphs. A group with neither a next nor a previous
/// paragraph nor a table's spacer before it, or whose previous paragraph is a list item of
/// another look, is left out: its text is still tracked run by run, and an empty paragraph
/// stays once accepted.
struct TrackedParagraphs {
    std::vector<ParagraphGroup> groups;
    std::unordered_map<const doc::Paragraph*, const ParagraphGroup*> group_of;
    /// Paragraphs another paragraph's change is anchored to at their end (a group's previous).
    std::unordered_map<const doc::Paragraph*, const ParagraphGroup*> anchored_after;

    const ParagraphGroup* group(const doc::Paragraph& p) const {
        auto found = group_of.find(&p);
        return found == group_of.end() ? nullptr : found->second;
    }
    const ParagraphGroup* after(const doc::Paragraph& p) const {
        auto found = anchored_after.find(&p);
        return found == anchored_after.end() ? nullptr : found->second;
    }
    /// Groups anchored at the end of the spacer written after a table (its Table or Signatures).
    std::unordered_map<const void*, const ParagraphGroup*> anchored_after_spacer;
    const ParagraphGroup* after_spacer(const void* table) const {
        auto found = anchored_after_spacer.find(table);
        return found == anchored_after_spacer.end() ? nullptr : found->second;
    }
};

/// The whole-paragraph changes of `body` (its paragraphs and list items, not table cells or
/// notes). The result points into `body`, which must outlive it.
TrackedParagraphs tracked_paragraphs(const std::vector<doc::Block>& body);

}  // namespace conventio::layout
