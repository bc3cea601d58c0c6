// The words of a resume and of the file it is made from, as `check --source` compares them
// (src/core/source_check.cpp): each document's words lowercased and hashed, and where a line of one went in the
// other (docs/check.md, "Checking against the source").
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "apigap/resume.hpp"

namespace apigap::detail {

/// A word of a document: where it is written, and where its lowercased text is in `Words::folded`.
struct Token {
    std::uint32_t line = 0;  ///< the index of its line in `ResumeDocument::lines`
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::uint32_t folded = 0;  ///< its text is `folded.substr(folded, end - begin)`
    std::uint64_t hash = 0;
};

/// The words of a document in reading order. `folded` holds them lowercased with nothing between them, so a word
/// split by a space, a hyphen or a line break in one document reads as in the other.
struct Words {
    std::vector<Token> tokens;
    std::vector<std::uint32_t> line_start;  ///< the first token of each line; one more entry: the end
    std::string folded;
};

/// Where a source line went in the resume's text: its words `first` to `last`, both included.
struct Place {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
};

using WordIndex = std::unordered_map<std::uint64_t, std::vector<std::uint32_t>>;

/// The words of `document`, in reading order.
[[nodiscard]] Words words_of(const ResumeDocument& document);

/// Each word's positions in `words`, by its hash.
[[nodiscard]] WordIndex index_of(const Words& words);

/// `text` lowercased (ASCII) with everything but its words left out: how a keyword reads once squashed.
[[nodiscard]] std::string squashed(std::string_view text);

/// The words of `text`, lowercased (ASCII).
[[nodiscard]] std::vector<std::string> folded_words(std::string_view text);

/// Where the words of source line `line` (of `source`) went in `rendered`, whose words `index` indexes: the
/// stretch where most of them stand in about their order (see source_words.cpp), when enough of them are there.
[[nodiscard]] std::optional<Place> locate(const Words& source, std::uint32_t line, const Words& rendered,
                                          const WordIndex& index);

/// Where source line `line` stands if it starts at word `start` of `rendered`: for a line `locate` cannot place
/// because every word of it is common, tried right after the line before it.
[[nodiscard]] std::optional<Place> locate_at(const Words& source, std::uint32_t line, const Words& rendered,
                                             std::int64_t start);

/// The words `[first, last]` of `words` whose squashed text is `needle`, looked for among words `[from, to)`;
/// nullopt for a needle too short to tell ("C" of "C++").
[[nodiscard]] std::optional<Place> find_squashed(const Words& words, std::string_view needle, std::uint32_t from,
                                                 std::uint32_t to);

/// `document`'s text from word `first` to word `last` of its `words` (with `whole_lines`, all of their lines),
/// lines joined by " / ", cut to about 100 bytes.
[[nodiscard]] std::string quote_words(const ResumeDocument& document, const Words& words, std::uint32_t first,
                                      std::uint32_t last, bool whole_lines);

}  // namespace apigap::detail
