// The text tests of the keyword engine: whole words and tokens, years, exclude phrases, sentence starts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace apigap::ingest_detail {

/// The placeholder for a year (1900–2099) in an `exclude` phrase ("spring {year}").
inline constexpr std::string_view k_year = "{year}";
inline constexpr std::size_t k_year_digits = 4;

/// An `exclude` phrase: literal pieces and years (an empty piece), found through its `anchor` piece.
struct ExcludeRule {
    std::uint32_t group = 0;
    std::vector<std::string> pieces;
    std::size_t anchor = 0;
};

/// Everything a pattern of the automaton stands for.
struct PatternRoles {
    std::size_t length = 0;
    bool word_start = false;  ///< the pattern starts with a letter or digit
    bool word_end = false;    ///< the pattern ends with a letter or digit
    std::vector<std::uint32_t> senses;
    std::vector<std::uint32_t> exclude_rules;
    bool intent = false;       ///< an intent phrase
    bool intent_word = false;  ///< one of `k_intent_words`
    bool negation = false;     ///< a negation phrase: nothing in its sentence counts
    bool list_label = false;   ///< a list label: a line labelled with one lists skills
    bool technical = false;    ///< a technical word: a line with one vouches for an everyday word
};

/// A found occurrence: a sense (for a hit) or an exclude group, and its span in the normalized text (or, once
/// `Engine::occurrences` returns it, in the original line). Twelve bytes: a long line has a hit every few bytes.
struct Occurrence {
    std::uint32_t id = 0;
    std::uint32_t start = 0;
    std::uint32_t end = 0;
};

/// The automaton's key for `spelling`: normalized (case folded when `fold_case`), trimmed.
std::string matching_key(std::string_view spelling, bool fold_case);
/// Whether a letter or digit ends just before `i`.
bool is_word_before(std::string_view text, std::size_t i);
/// Whether a letter or digit starts at `i`.
bool is_word_at(std::string_view text, std::size_t i);
/// Whether a year (1900–2099) starts at `i`.
bool is_year(std::string_view text, std::size_t i);
/// Whether a phrase at [start, end) stands alone: no letter or digit runs into a word at either end.
bool is_whole_phrase(std::string_view text, std::size_t start, std::size_t end);
/// Whether a keyword at [start, end) is a token of its own (not C in C++, not Node in Node.js).
bool is_whole_token(std::string_view text, std::size_t start, std::size_t end, const PatternRoles& roles);
/// The span of `rule` around its anchor found at [start, end), if the rest of the phrase is there too.
std::optional<Occurrence> match_exclude(std::string_view text, const ExcludeRule& rule, std::size_t start,
                                        std::size_t end);
/// Whether a version number follows a keyword that ends at `end` ("Java 17", "Python 3.12", "Go 1.22", "Node v20"):
/// not a year ("Spring 2023"), not a count of something ("Node 7 of the route").
bool is_version_at(std::string_view text, std::size_t end);
/// Whether the keywords `hits` (by start) are all a short line says but for punctuation, "and", "or" and notes in
/// brackets: a list of skills ("Go, Python", "- Python (open source)").
bool is_keyword_list(std::string_view text, const std::vector<Occurrence>& hits);
/// For each of `hits` (by start), into `alone`: whether it is in an item of a list with no other word: between
/// separators (`,` `;` `|` `/` `:` brackets, a bullet), nothing but hits, "and" and "or" ("Tools: Spring, Maven"),
/// not a word in a phrase ("spring clamps"). One pass over `text`.
void alone_in_items(std::string_view text, const std::vector<Occurrence>& hits, std::vector<std::uint8_t>& alone);
/// Appends to `starts` the offsets just after each sentence end in `text`: `.`, `;`, `!`, `?` (and `:` when
/// `colon_ends`) before a space or the end; only the first `most`.
void sentence_starts(std::string_view text, bool colon_ends, std::vector<std::size_t>& starts,
                     std::size_t most = SIZE_MAX);

}  // namespace apigap::ingest_detail
