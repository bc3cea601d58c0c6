// A reader of strict JSON many times faster than nlohmann/json's event parser
// and the token cursor beside it, tried first by `parse_json`: it gives exactly
// the tree that path builds or declines the text.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"

namespace apigap::detail {

/// Reads `text` when it is one JSON document (RFC 8259) that `parse_json_with_nlohmann`
/// reads without an error, into the same tree, marks included, listing the same
/// keys given twice in `duplicates` (when given). Returns nullopt for any other
/// text, or one nested deeper than `k_max_depth / 2`, with `duplicates` as it was.
[[nodiscard]] std::optional<Node> read_json_fast(std::string_view text,
                                                 const std::shared_ptr<const std::string>& source,
                                                 std::vector<DuplicateKey>* duplicates);

}  // namespace apigap::detail
