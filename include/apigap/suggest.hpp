// "Did you mean …?" suggestions for mistyped ids and keys.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace apigap {

/// The candidate closest to `word` by edit distance, if one is at most two
/// edits away and at most half the length of `word` (the first such candidate
/// wins a tie).
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word,
                                                       const std::vector<std::string>& candidates);

}  // namespace apigap
