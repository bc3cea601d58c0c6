// From a resume to the evidence the scoring core rates: every keyword hit on
// every line, with the line's number, section and text.
#pragma once

#include <vector>

#include "apigap/inference.hpp"
#include "apigap/keywords.hpp"
#include "apigap/resume.hpp"

namespace apigap {

/// Every keyword hit in `document`'s lines other than headings, in line
/// order, as the `Mention`s `infer_profile` takes.
[[nodiscard]] std::vector<Mention> find_mentions(const ResumeDocument& document, const KeywordMatcher& matcher);

}  // namespace apigap
