// The knowledge base as compact bytes, so that the built-in layers are parsed
// and checked once, at build time (src/core/kb_compile.cpp), not at each start.
#pragma once

#include <string>
#include <string_view>

#include "apigap/knowledge_base.hpp"

namespace apigap::detail {

/// `kb` as bytes that `decode_knowledge_base` turns back into an equal
/// knowledge base. Taken by value: one field list serves both directions.
[[nodiscard]] std::string encode_knowledge_base(KnowledgeBase kb);

/// The knowledge base `bytes` encode. Throws `std::logic_error` (a bug, exit
/// 3) when they were not written by `encode_knowledge_base` of this version.
[[nodiscard]] KnowledgeBase decode_knowledge_base(std::string_view bytes);

}  // namespace apigap::detail
