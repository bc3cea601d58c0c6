// The text rules of the experience reader: what joins two dates, what a title looks like, a stated figure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "apigap/knowledge_base.hpp"

namespace apigap::detail {

/// A neighbour line longer than this many words is a sentence, not a title.
inline constexpr std::size_t k_max_title_words = 10;

/// Nor is one longer than this many bytes: each role reads its neighbours, and a line may hold thousands of ranges.
inline constexpr std::size_t k_max_title_line_bytes = 300;

/// How far before and after its dates a range's own line is read for its title: a long line of many ranges is read
/// a window for each, not whole for each.
inline constexpr std::size_t k_title_window = 200;

/// Whether `text` is short enough for a title: at most `k_max_title_line_bytes` and `k_max_title_words` words.
[[nodiscard]] bool title_sized(std::string_view text);

/// Whether `folded` has one of `words` as a whole word.
[[nodiscard]] bool contains_word(std::string_view folded, const std::vector<std::string>& words);

/// Whether a role's folded title words name technical work: a `technical_titles` word that no `other_fields` word
/// right before it takes back ("HVAC engineer", "sales engineer"; still "iOS Developer, MEX Maintenance Experts").
[[nodiscard]] bool technical_title(std::string folded, const ExperienceWords& words);

/// Whether the text between two dates joins them into a range: nothing but spaces, dashes, tildes, `until`
/// words ("— по", "até") and the `|` that joins two cells or two LaTeX arguments ("{May 2023 -}{Sep 2023}").
[[nodiscard]] bool joins(std::string_view gap, const ExperienceWords& words);

/// Whether the folded text before a date ends with a `since` word ("since", "seit 03/2019"): an open range.
[[nodiscard]] bool follows_since(std::string_view before, const ExperienceWords& words);

/// The words of `text`, split at spaces and tabs.
[[nodiscard]] std::size_t word_count(std::string_view text);

/// Whether `text` has a letter (ASCII, or any non-ASCII character).
[[nodiscard]] bool has_letter(std::string_view text);

/// `text` without the punctuation, dashes and spaces around it and a leading `key:` (RenderCV, JSON keys),
/// cut to 80 bytes at a character boundary.
[[nodiscard]] std::string trimmed_title(std::string_view text);

/// The first stated figure in `folded`: "5+ years", "10 years of experience", "工作年限: 2年"; the figure and
/// its text.
[[nodiscard]] std::optional<std::pair<int, std::string>> find_claim(std::string_view folded,
                                                                    const ExperienceWords& words);

/// The highest level a title word in `folded` reads as, as an index into `kb.levels`; -1 for none. Longer words are
/// read first and taken out, so that "semi senior" is mid, not senior.
[[nodiscard]] int title_level(const KnowledgeBase& kb, std::string folded);

}  // namespace apigap::detail
