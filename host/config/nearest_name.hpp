// "Did you mean ...?": the known name nearest to a misspelt one, for every message that refuses
// an unknown name (options, template names, anchors).
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace conventio::config {

/// The name of `known` nearest to `name` (edit distance, a swap of neighbours counting one) when
/// it is near enough to be a typo, else "". The threshold is the Lua library's
/// (conventio.strict): at most 2 edits, or a third of the name's length.
[[nodiscard]] std::string nearest_name(std::string_view name, std::span<const std::string_view> known);

}  // namespace conventio::config
