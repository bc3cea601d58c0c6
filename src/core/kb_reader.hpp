// Conversion of a merged knowledge-base tree into the `KnowledgeBase` model.
#pragma once

#include "apigap/knowledge_base.hpp"
#include "fields.hpp"

namespace apigap::detail {

/// Reads the merged tree `root`, reporting every problem (types, ranges,
/// unknown keys, references to unknown skills) to `problems`.
[[nodiscard]] KnowledgeBase read_knowledge_base(const Node& root, Problems& problems);

}  // namespace apigap::detail
