// A reader of the block-style YAML that resumes and answers files are written
// in, many times faster than yaml-cpp, tried first by the YAML reader of
// document.cpp: it gives exactly yaml-cpp's tree or declines the document.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"

namespace apigap::detail {

/// Reads `text` (UTF-8) when it is one document of block mappings and
/// sequences of scalars, with comments (the subset block_yaml.cpp opens with),
/// into the tree yaml-cpp builds, marks included; returns nullopt for any other
/// text, with `duplicates` then possibly grown. Throws `Error` as `NodeBuilder`
/// does (a duplicate key, a key that is null, the limits of document.hpp).
[[nodiscard]] std::optional<Node> read_block_yaml(std::string_view text,
                                                  const std::shared_ptr<const std::string>& source,
                                                  std::vector<DuplicateKey>* duplicates);

}  // namespace apigap::detail
