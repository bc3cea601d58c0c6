// Merging of knowledge-base layers: later layers win field by field, and
// lists of items with an `id` merge item by item.
#pragma once

#include "document.hpp"
#include "fields.hpp"

namespace apigap::detail {

/// Merges `overlay` into `base` as `docs/knowledge-base.md` describes, and
/// reports items of `overlay` that repeat an `id` within the same list.
void merge_layer(Node& base, Node overlay, Problems& problems);

}  // namespace apigap::detail
