// The `pdf-split-words` rule of `apigap check`: words a PDF's text layer
// splits with spaces, so that an ATS reads their pieces.
#pragma once

#include <optional>

#include "apigap/check.hpp"

namespace apigap::detail {

/// The one `pdf-split-words` finding of `document`, at its first line with a split word, quoting up to three and
/// counting them; nullopt when it has none. A split word is (a) three single letters or more separated by single
/// spaces ("S U M M A R Y"), when they are four or more or spell a term of `kb` or a word of a section heading;
/// or (b) two to four fragments separated by single spaces that spell, lowercased and joined, a one-word keyword,
/// alias or tool of `kb` of five letters or more, or a section heading word of as many ("Postgre SQL",
/// "Kuber n etes"), when one fragment has at most three letters, one is neither a term of `kb` nor a common short
/// word ("No SQL" is a phrase), and the spaced form is not a term itself.
[[nodiscard]] std::optional<Finding> split_words_finding(const KnowledgeBase& kb, const ResumeDocument& document);

}  // namespace apigap::detail
