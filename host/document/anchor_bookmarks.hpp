// Which bookmark each anchor of a consolidated version is written with, and which one each
// reference points at, decided once for both writers: an anchor an avenant renumbered is there
// twice under one name, deleted and inserted, and both formats want one bookmark per name.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "conventio/document.hpp"

namespace conventio::doc {

/// The bookmark each anchor of a body is written with, and the one each reference points at. An
/// anchor an avenant renumbered is a deleted anchor and an inserted one of the same name: the
/// inserted one keeps the name, the deleted one has a bookmark of its own, `_Former1`,
/// `_Former2`... in reading order (an anchor's name starts with a letter, so none is taken; Word
/// hides bookmarks starting with '_'), so that no document has two bookmarks of one name. A
/// deleted reference shows the deleted anchor's text and points at it; a reference kept or
/// inserted points at the live one. A deleted anchor whose name no live anchor has keeps its
/// name: rejecting the deletion makes it referable again, by the references deleted with it.
class AnchorBookmarks {
public:
    AnchorBookmarks() = default;
    /// The anchors of `body`, its notes included.
    explicit AnchorBookmarks(const std::vector<Block>& body);

    [[nodiscard]] const std::string& of(const Anchor& anchor) const {
        return named(anchor.name, anchor.change);
    }
    [[nodiscard]] const std::string& target(const CrossRef& ref) const { return named(ref.name, ref.change); }

private:
    [[nodiscard]] const std::string& named(const std::string& name, Change change) const;
    std::unordered_map<std::string, std::string> former_;  // a name -> its deleted anchor's bookmark
};

}  // namespace conventio::doc
