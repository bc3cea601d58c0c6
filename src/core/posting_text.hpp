// How a job posting's sentences read: what src/core/posting.cpp asks of a line besides its keywords.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/keywords.hpp"

namespace apigap::detail {

/// The most bytes a sentence reaches on either side of a place in it: text with no sentence end for longer is cut
/// there (at a whole character), so that asking for the sentence of each of a line's hits stays linear in the line.
inline constexpr std::size_t k_max_sentence_side = 1024;

/// Where the sentence around byte `at` of `text` begins: after the last sentence end (". ", "; ", "? ", "! ", "。",
/// "；") before it, at most `k_max_sentence_side` bytes back.
[[nodiscard]] std::size_t sentence_begin(std::string_view text, std::size_t at);

/// Where the sentence around byte `at` ends: at the next sentence end from `at` on, at most `k_max_sentence_side`
/// bytes on.
[[nodiscard]] std::size_t sentence_end(std::string_view text, std::size_t at);

/// The sentence of `text` around byte `at`: from `sentence_begin` to `sentence_end`.
[[nodiscard]] std::string_view sentence_at(std::string_view text, std::size_t at);

/// Whether `folded` holds one of `phrases` as whole words (`find_word`).
[[nodiscard]] bool holds_phrase(std::string_view folded, const std::vector<std::string>& phrases);

/// The words of `line` outside the keywords `hits` found that may name a technology, in order. With `strict` false
/// (the lines that are not requirements: names to leave out), every word with a capital. With `strict`, a strongly
/// technical word (a capital after a small letter: "GitHub"; a capital then letters and digits: "EC2"; a trailing
/// `+` or `#`: "C++"; 2–5 capitals: "AWS"), or a capitalised word listed beside a keyword or a strongly technical
/// word ("Kubernetes, Terraform and Elixir"); so "Experience with our Product Management team" names none, and
/// neither does German prose, whose nouns all have capitals.
[[nodiscard]] std::vector<std::string_view> technical_words(std::string_view line, const std::vector<KeywordHit>& hits,
                                                            bool strict);

}  // namespace apigap::detail
