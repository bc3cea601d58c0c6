// What every fuzz target shares: the built-in knowledge base and keyword
// matcher, built once, and the rule that a parser rejects bad input only by
// throwing `apigap::Error`; anything else that escapes is a finding.
#pragma once

#include <string_view>

#include "apigap/keywords.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/resume.hpp"

namespace apigap::fuzz {

/// The built-in knowledge base, as apigap runs without `--kb`.
[[nodiscard]] const KnowledgeBase& knowledge_base();

/// The keyword matcher of `knowledge_base()`.
[[nodiscard]] const KeywordMatcher& keyword_matcher();

/// What a target does with one input; each target defines it once. The
/// harness's `LLVMFuzzerTestOneInput` calls it: an `Error` thrown is a
/// rejection; any other exception is printed and aborts, and libFuzzer then
/// saves the input as a crash.
void fuzz_one(std::string_view input);

/// Prints `what` and aborts, so that libFuzzer saves the input, unless `holds`:
/// a property of the parser's output that every input must keep.
void require(bool holds, std::string_view what);

/// What `apigap scan` and `apigap check` do with a resume once it is read:
/// keyword mentions, inferred ratings, the report, and the check report
/// compared with the resume itself as its source (which must lose no
/// keyword) and rendered as JSON (the lines it quotes are the resume's).
void analyse_resume(const ResumeDocument& document);

}  // namespace apigap::fuzz
