// The words of a resume and of its source, and where a source line went in the resume: what `check --source`
// compares (src/core/source_words.hpp).
#include "source_words.hpp"

#include <algorithm>
#include <cstdlib>
#include <tuple>
#include <utility>

#include "ascii.hpp"
#include "utf8.hpp"

namespace apigap::detail {

namespace {

/// A word found more often than this in the resume says nothing on its own about where a line went.
constexpr std::size_t k_max_common = 64;
/// How many places with as many votes as the best one a line is tried at ("by 35%" on two lines).
constexpr std::size_t k_max_candidates = 8;
/// How many of a line's first words vote for its place: a line of a resume has fewer; a longer one (a file of one
/// 10 MiB line) is placed by them, so that the votes stay a few thousand a line.
constexpr std::uint32_t k_max_voters = 256;
/// How far from where its line puts it a common word is looked for, in words.
constexpr std::int64_t k_near = 3;
/// The most bytes a finding quotes of the resume's text.
constexpr std::size_t k_max_quote = 100;
/// A squashed keyword shorter than this ("C" of "C++") would be found anywhere: it is not looked for as mangled.
constexpr std::size_t k_min_squashed = 3;

/// Whether the code point `c` is part of a word: letters and digits, not punctuation, symbols, spaces or icons.
bool is_word_code_point(char32_t c) {
    if (c < 0x80) {
        return detail::is_ascii_alnum(static_cast<char>(c));
    }
    return !(c <= 0xBF || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
             (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFF00 && c <= 0xFF0F) ||
             (c >= 0xFF1A && c <= 0xFF20) || c == 0xFFFD || c >= 0xF0000);
}

/// The code point at byte `at` of `text` and its length (an invalid byte: U+FFFD, 1).
std::pair<char32_t, std::size_t> code_point_at(std::string_view text, std::size_t at) {
    const std::size_t length = detail::utf8_sequence_length(text, at);
    if (length <= 1) {
        return {length == 1 ? static_cast<unsigned char>(text[at]) : 0xFFFD, 1};
    }
    auto c = static_cast<char32_t>(static_cast<unsigned char>(text[at]) & (0xFFU >> (length + 1)));
    for (std::size_t next = 1; next < length; ++next) {
        c = (c << 6U) | (static_cast<unsigned char>(text[at + next]) & 0x3FU);
    }
    return {c, length};
}

/// Calls `word(begin, end)` for each word of `text`, in order.
template <typename OnWord>
void for_each_word(std::string_view text, OnWord&& word) {
    std::size_t at = 0;
    std::size_t start = std::string_view::npos;
    while (at < text.size()) {
        const auto [c, length] = code_point_at(text, at);
        const bool part = is_word_code_point(c);
        if (part && start == std::string_view::npos) {
            start = at;
        } else if (!part && start != std::string_view::npos) {
            word(start, at);
            start = std::string_view::npos;
        }
        at += length;
    }
    if (start != std::string_view::npos) {
        word(start, text.size());
    }
}

std::uint64_t hash_of(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a
    for (const char c : text) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return hash;
}

/// Whether `taken` of a line's `count` words place it: at least half of them, and two of three or more.
bool enough(std::uint32_t taken, std::uint32_t count) {
    return count > 0 && taken * 2 >= count && (count < 3 || taken >= 2);
}

/// `text` cut to about `k_max_quote` bytes, never inside a code point, with "…" where it was cut.
std::string cut_quote(std::string text) {
    if (text.size() > k_max_quote) {
        std::size_t cut = k_max_quote;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
            --cut;
        }
        text = text.substr(0, cut) + "\u2026";
    }
    return text;
}

}  // namespace

std::vector<std::string> folded_words(std::string_view text) {
    std::vector<std::string> words;
    for_each_word(text, [&](std::size_t begin, std::size_t end) {
        words.push_back(detail::ascii_lowercase(text.substr(begin, end - begin)));
    });
    return words;
}

std::string squashed(std::string_view text) {
    std::string out;
    for_each_word(text, [&](std::size_t begin, std::size_t end) {
        out += detail::ascii_lowercase(text.substr(begin, end - begin));
    });
    return out;
}

Words words_of(const ResumeDocument& document) {
    Words words;
    words.line_start.reserve(document.lines.size() + 1);
    for (std::uint32_t index = 0; index < document.lines.size(); ++index) {
        words.line_start.push_back(static_cast<std::uint32_t>(words.tokens.size()));
        const std::string_view text = document.lines[index].text;
        for_each_word(text, [&](std::size_t begin, std::size_t end) {
            const auto folded = static_cast<std::uint32_t>(words.folded.size());
            words.folded += detail::ascii_lowercase(text.substr(begin, end - begin));
            words.tokens.push_back(Token{index, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                                         folded, hash_of(std::string_view(words.folded).substr(folded))});
        });
    }
    words.line_start.push_back(static_cast<std::uint32_t>(words.tokens.size()));
    return words;
}

WordIndex index_of(const Words& words) {
    WordIndex index;
    for (std::uint32_t at = 0; at < words.tokens.size(); ++at) {
        index[words.tokens[at].hash].push_back(at);
    }
    return index;
}

/// Where the words of source line `line` went in the resume's text: the stretch where most of them stand in
/// about their order. Each word found at most `k_max_common` times votes for where the line would start given its
/// place in the line; the start most words agree on within the line's length (so a word split in two or another
/// column's words between them still agree) is the line's; then each word is taken where it stands nearest that
/// start, a common word ("and", "API") where the line puts it, give or take `k_near` words. The line is located
/// when at least half of its words (and two of three or more) are taken.
std::optional<Place> locate(const Words& source, std::uint32_t line, const Words& rendered, const WordIndex& index) {
    const std::uint32_t first = source.line_start[line];
    const std::uint32_t count = source.line_start[line + 1] - first;
    struct Vote {
        std::int64_t diagonal;
        std::uint32_t word;  ///< in the line
        std::uint32_t at;    ///< in the resume's text
    };
    std::vector<Vote> votes;
    for (std::uint32_t word = 0; word < std::min<std::uint32_t>(count, k_max_voters); ++word) {
        const auto found = index.find(source.tokens[first + word].hash);
        if (found == index.end() || found->second.size() > k_max_common) {
            continue;
        }
        for (const std::uint32_t at : found->second) {
            votes.push_back(Vote{static_cast<std::int64_t>(at) - word, word, at});
        }
    }
    if (votes.empty()) {
        return std::nullopt;
    }
    std::sort(votes.begin(), votes.end(),
              [](const Vote& a, const Vote& b) { return std::tie(a.diagonal, a.at) < std::tie(b.diagonal, b.at); });
    const std::int64_t tolerance = std::max<std::int64_t>(4, count);
    // The windows of diagonals (within `tolerance`) where the most distinct words vote: the first of each run of
    // them, at most `k_max_candidates`.
    std::vector<std::uint32_t> in_window(count, 0);
    std::uint32_t distinct = 0;
    std::uint32_t best = 0;
    std::vector<std::pair<std::size_t, std::size_t>> candidates;
    for (std::size_t begin = 0, end = 0; end < votes.size(); ++end) {
        distinct += in_window[votes[end].word]++ == 0 ? 1U : 0U;
        while (votes[end].diagonal - votes[begin].diagonal > tolerance) {
            distinct -= --in_window[votes[begin++].word] == 0 ? 1U : 0U;
        }
        if (distinct > best) {
            best = distinct;
            candidates.assign(1, {begin, end + 1});
        } else if (distinct == best && candidates.size() < k_max_candidates && candidates.back().first != begin &&
                   votes[begin].diagonal - votes[candidates.back().first].diagonal > tolerance) {
            candidates.emplace_back(begin, end + 1);
        }
    }
    // Of those, the one where most of the line's words are found.
    std::optional<Place> place;
    std::uint32_t taken = 0;
    const auto words = static_cast<std::int64_t>(rendered.tokens.size());
    for (const auto& [window_begin, window_end] : candidates) {
        // Each word once, where it stands nearest the middle diagonal: a word repeated on the line before does not
        // stretch the place back to it.
        const std::int64_t middle = votes[window_begin + (window_end - window_begin) / 2].diagonal;
        std::vector<const Vote*> nearest(count, nullptr);
        const auto from =
            std::lower_bound(votes.begin(), votes.end(), middle - tolerance,
                             [](const Vote& vote, std::int64_t diagonal) { return vote.diagonal < diagonal; });
        for (auto vote = static_cast<std::size_t>(from - votes.begin());
             vote < votes.size() && votes[vote].diagonal <= middle + tolerance; ++vote) {
            const Vote*& kept = nearest[votes[vote].word];
            const auto distance = [&](const Vote& v) { return std::abs(v.diagonal - middle); };
            if (kept == nullptr || distance(votes[vote]) < distance(*kept)) {
                kept = &votes[vote];
            }
        }
        std::optional<Place> candidate;
        std::uint32_t found = 0;
        const auto take = [&](std::uint32_t at) {
            candidate =
                candidate ? Place{std::min(candidate->first, at), std::max(candidate->last, at)} : Place{at, at};
            ++found;
        };
        for (std::uint32_t word = 0; word < count; ++word) {
            if (nearest[word] != nullptr) {
                take(nearest[word]->at);
                continue;
            }
            const std::uint64_t hash = source.tokens[first + word].hash;
            for (std::int64_t offset = 0; offset <= k_near; ++offset) {
                const std::int64_t at = middle + word + offset;
                const std::int64_t before = middle + word - offset;
                if (at >= 0 && at < words && rendered.tokens[static_cast<std::size_t>(at)].hash == hash) {
                    take(static_cast<std::uint32_t>(at));
                    break;
                }
                if (before >= 0 && before < words && rendered.tokens[static_cast<std::size_t>(before)].hash == hash) {
                    take(static_cast<std::uint32_t>(before));
                    break;
                }
            }
        }
        if (found > taken) {
            taken = found;
            place = candidate;
        }
    }
    if (!enough(taken, count)) {
        return std::nullopt;
    }
    return place;
}

/// Where source line `line` stands if it starts at word `start` of the resume's text: each of its words where the
/// line puts it, give or take `k_near` words, when `enough` of them are there. For a line `locate` cannot place
/// because every word of it is common (a line repeated, "and the API"), tried right after the line before it.
std::optional<Place> locate_at(const Words& source, std::uint32_t line, const Words& rendered, std::int64_t start) {
    const std::uint32_t first = source.line_start[line];
    const std::uint32_t count = source.line_start[line + 1] - first;
    const auto words = static_cast<std::int64_t>(rendered.tokens.size());
    std::optional<Place> place;
    std::uint32_t taken = 0;
    for (std::uint32_t word = 0; word < count; ++word) {
        for (std::int64_t offset = 0; offset <= k_near; ++offset) {
            std::int64_t found = -1;
            for (const std::int64_t at : {start + word + offset, start + word - offset}) {
                if (found < 0 && at >= 0 && at < words &&
                    rendered.tokens[static_cast<std::size_t>(at)].hash == source.tokens[first + word].hash) {
                    found = at;
                }
            }
            if (found >= 0) {
                const auto at = static_cast<std::uint32_t>(found);
                place = place ? Place{std::min(place->first, at), std::max(place->last, at)} : Place{at, at};
                ++taken;
                break;
            }
        }
    }
    return enough(taken, count) ? place : std::nullopt;
}

/// The resume's text from word `first` to word `last` (with `whole_lines`, all of their lines), lines joined by
/// " / ", cut to about `k_max_quote` bytes.
std::string quote_words(const ResumeDocument& document, const Words& words, std::uint32_t first, std::uint32_t last,
                        bool whole_lines) {
    std::string text;
    const Token& from = words.tokens[first];
    const Token& to = words.tokens[last];
    for (std::uint32_t line = from.line; line <= to.line; ++line) {
        const std::string_view whole = document.lines[line].text;
        const std::size_t begin = line == from.line && !whole_lines ? from.begin : 0;
        const std::size_t end = line == to.line && !whole_lines ? to.end : whole.size();
        text += (text.empty() ? "" : " / ") + std::string(whole.substr(begin, end - begin));
    }
    return cut_quote(std::move(text));
}

/// The words `[first, last]` whose squashed text is `needle`, looked for among words `[from, to)`.
std::optional<Place> find_squashed(const Words& words, std::string_view needle, std::uint32_t from, std::uint32_t to) {
    if (needle.size() < k_min_squashed || from >= to) {
        return std::nullopt;
    }
    const std::size_t begin = words.tokens[from].folded;
    const Token& last = words.tokens[to - 1];
    const std::string_view haystack =
        std::string_view(words.folded).substr(begin, last.folded + last.end - last.begin - begin);
    const auto word_starting = [&](std::size_t offset) -> std::optional<std::uint32_t> {
        const auto it = std::lower_bound(words.tokens.begin() + from, words.tokens.begin() + to, offset,
                                         [](const Token& token, std::size_t at) { return token.folded < at; });
        if (it == words.tokens.begin() + to || it->folded != offset) {
            return std::nullopt;
        }
        return static_cast<std::uint32_t>(it - words.tokens.begin());
    };
    for (std::size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) {
        const std::optional<std::uint32_t> start = word_starting(begin + at);
        const std::size_t end = begin + at + needle.size();
        const std::optional<std::uint32_t> after =
            end == last.folded + last.end - last.begin ? std::optional<std::uint32_t>(to) : word_starting(end);
        if (start && after) {
            return Place{*start, *after - 1};
        }
    }
    return std::nullopt;
}

}  // namespace apigap::detail
