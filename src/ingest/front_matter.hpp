// The YAML front matter of a Markdown page (Hugo, Jekyll): its values as resume lines.
#pragma once

#include <string_view>

#include "apigap/resume.hpp"

namespace apigap::ingest_detail {

/// Adds the text values of the YAML front matter `yaml` (the page from its
/// opening `---` to its closing fence, so that marks are the file's lines) to
/// `document`: each string a line numbered where it stands, a key that holds a
/// list or a mapping a heading before its values. Page settings (`layout`,
/// `date`, `draft`, `tags`, `menu`, …) and booleans are not content. Returns
/// false, adding nothing, when `yaml` is not a YAML mapping: then the `---`
/// lines were thematic breaks, and what is between them Markdown.
[[nodiscard]] bool add_front_matter(ResumeDocument& document, std::string_view yaml);

}  // namespace apigap::ingest_detail
