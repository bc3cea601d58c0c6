// The YAML front matter of a Markdown page (Hugo, Jekyll): its values as resume lines.
#pragma once

#include <string_view>

#include "apigap/resume.hpp"

namespace apigap::detail {
struct Node;
}

namespace apigap::ingest_detail {

/// Adds the text values of the YAML front matter `yaml` (the page from its
/// opening `---` to its closing fence, so that marks are the file's lines) to
/// `document`: each string a line numbered where it stands, a key that holds a
/// list or a mapping a heading before its values. Page settings (`layout`,
/// `date`, `draft`, `tags`, `menu`, …) and booleans are not content. Returns
/// false, adding nothing, when `yaml` is not a YAML mapping: then the `---`
/// lines were thematic breaks, and what is between them Markdown.
[[nodiscard]] bool add_front_matter(ResumeDocument& document, std::string_view yaml);

/// Adds the YAML string `node` as lines, its Markdown (emphasis, code, links) read as text: a block scalar (`|`)
/// keeps its lines, each numbered where it stands in the file; each line is a list item when `item` is set.
void add_yaml_string(ResumeDocument& document, const detail::Node& node, bool item = false);

}  // namespace apigap::ingest_detail
