// `apigap check --source`: does the resume a candidate sends (a PDF, a DOCX) say what the file it is made from
// says? Both are read as words; each source line is located among the resume's words, and each keyword and
// measurable result of the source is looked for where its line went (docs/check.md, "Checking against the source").
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "apigap/check.hpp"
#include "ascii.hpp"
#include "utf8.hpp"

namespace apigap {

namespace {

/// A word found more often than this in the resume says nothing on its own about where a line went.
constexpr std::size_t k_max_common = 64;
/// Source lines of this many words or more are what tells whether the resume is made from the source at all.
constexpr std::size_t k_min_located_words = 3;
/// With fewer such lines, the resume is not judged a mismatch.
constexpr std::size_t k_min_mismatch_lines = 5;
/// How many places with as many votes as the best one a line is tried at ("by 35%" on two lines).
constexpr std::size_t k_max_candidates = 8;
/// How many of a line's first words vote for its place: a line of a resume has fewer; a longer one (a file of one
/// 10 MiB line) is placed by them, so that the votes stay a few thousand a line.
constexpr std::uint32_t k_max_voters = 256;
/// How far from where its line puts it a common word is looked for, in words.
constexpr std::int64_t k_near = 3;
/// How many words of the resume's text around a line's place a mangled keyword is looked for in.
constexpr std::uint32_t k_search_margin = 3;
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

/// `text` lowercased (ASCII) with everything but its words left out: how a keyword reads once squashed.
std::string squashed(std::string_view text) {
    std::string out;
    for_each_word(text, [&](std::size_t begin, std::size_t end) {
        out += detail::ascii_lowercase(text.substr(begin, end - begin));
    });
    return out;
}

std::uint64_t hash_of(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a
    for (const char c : text) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return hash;
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

/// Where a source line went in the resume's text: its words `first` to `last`, both included.
struct Place {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
};

using WordIndex = std::unordered_map<std::uint64_t, std::vector<std::uint32_t>>;

WordIndex index_of(const Words& words) {
    WordIndex index;
    for (std::uint32_t at = 0; at < words.tokens.size(); ++at) {
        index[words.tokens[at].hash].push_back(at);
    }
    return index;
}

/// Whether `taken` of a line's `count` words place it: at least half of them, and two of three or more.
bool enough(std::uint32_t taken, std::uint32_t count) {
    return count > 0 && taken * 2 >= count && (count < 3 || taken >= 2);
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

/// `text` contains `part`, ASCII case ignored.
bool contains_folded(std::string_view text, std::string_view part) {
    return detail::ascii_lowercase(text).find(detail::ascii_lowercase(part)) != std::string::npos;
}

std::string without_spaces(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c != ' ' && c != '\t') {
            out += c;
        }
    }
    return out;
}

/// Everything the comparison works from: both documents, their words, and where each source line went.
class Comparison {
public:
    Comparison(const ResumeDocument& rendered, const ResumeDocument& source)
        : m_rendered(rendered),
          m_source(source),
          m_rendered_words(words_of(rendered)),
          m_source_words(words_of(source)) {
        const WordIndex index = index_of(m_rendered_words);
        m_places.reserve(source.lines.size());
        for (std::uint32_t line = 0; line < source.lines.size(); ++line) {
            m_places.push_back(locate(m_source_words, line, m_rendered_words, index));
        }
        // A line no word of which places it is tried right after the line before it went.
        std::int64_t next = 0;
        for (std::uint32_t line = 0; line < source.lines.size(); ++line) {
            if (!m_places[line]) {
                m_places[line] = locate_at(m_source_words, line, m_rendered_words, next);
            }
            next = m_places[line] ? std::int64_t{m_places[line]->last} + 1 : next;
        }
    }

    /// A finding at `source_line` (an index) of the source.
    Finding at_source(std::uint32_t source_line, std::string rule, std::string message, std::string fix) const {
        const CheckRule* known = find_check_rule(rule);
        return Finding{std::move(rule),
                       known == nullptr ? Severity::warning : known->severity,
                       m_source.lines[source_line].number,
                       std::move(message),
                       std::move(fix),
                       m_source.source};
    }

    /// What the resume's text reads where source line `line` went, for a message: "there it reads '…'".
    std::string there(std::uint32_t line) const {
        if (!m_places[line]) {
            return "no line there reads like this one";
        }
        const Place& place = *m_places[line];
        return fmt::format("there it reads '{}'",
                           quote_words(m_rendered, m_rendered_words, place.first, place.last, true));
    }

    /// Where `surface`, written on source line `line`, stands in the resume's text only squashed, near where the
    /// line went (within `k_search_margin` words).
    std::optional<Place> mangled_near(std::uint32_t line, std::string_view surface) const {
        const std::optional<Place>& place = m_places[line];
        if (!place) {
            return std::nullopt;
        }
        const auto words = static_cast<std::uint32_t>(m_rendered_words.tokens.size());
        const std::uint32_t from = place->first > k_search_margin ? place->first - k_search_margin : 0;
        const std::uint32_t to = std::min(words, place->last + k_search_margin + 1);
        return find_squashed(m_rendered_words, squashed(surface), from, to);
    }

    /// Where `surface` stands in the resume's text only squashed, anywhere: one pass over the text.
    std::optional<Place> mangled_anywhere(std::string_view surface) const {
        return find_squashed(m_rendered_words, squashed(surface), 0,
                             static_cast<std::uint32_t>(m_rendered_words.tokens.size()));
    }

    /// Whether `surface`, written on source line `line`, is one word of the resume's text, as written, near where
    /// the line went.
    [[nodiscard]] bool written_whole(std::uint32_t line, std::string_view surface) const {
        const std::optional<Place>& place = m_places[line];
        if (!place) {
            return false;
        }
        const auto words = static_cast<std::uint32_t>(m_rendered_words.tokens.size());
        const std::uint32_t to = std::min(words, place->last + k_search_margin + 1);
        for (std::uint32_t at = place->first > k_search_margin ? place->first - k_search_margin : 0; at < to; ++at) {
            const Token& token = m_rendered_words.tokens[at];
            if (m_rendered.lines[token.line].text.substr(token.begin, token.end - token.begin) == surface) {
                return true;
            }
        }
        return false;
    }

    std::string quote(const Place& place) const {
        return quote_words(m_rendered, m_rendered_words, place.first, place.last, false);
    }

    /// Whether the resume's lines where source line `line` went hold `result` as written, or only with its
    /// characters spaced apart (`mangled`); nullopt when they do not hold it.
    std::optional<bool> result_mangled(std::uint32_t line, std::string_view result) const {
        const Place& place = *m_places[line];
        std::string region;
        for (std::uint32_t rendered_line = m_rendered_words.tokens[place.first].line;
             rendered_line <= m_rendered_words.tokens[place.last].line; ++rendered_line) {
            region += std::string(m_rendered.lines[rendered_line].text) + " ";
        }
        if (contains_folded(region, result)) {
            return false;
        }
        if (contains_folded(without_spaces(region), without_spaces(result))) {
            return true;  // "4 0%"
        }
        // Its words in order, other words between them: the line broken by the neighbouring column's text.
        std::vector<std::string> parts;
        for_each_word(result, [&](std::size_t begin, std::size_t end) {
            parts.push_back(detail::ascii_lowercase(result.substr(begin, end - begin)));
        });
        std::size_t next = 0;
        for (std::uint32_t at = place.first; at <= place.last && next < parts.size(); ++at) {
            const Token& token = m_rendered_words.tokens[at];
            next += m_rendered_words.folded.compare(token.folded, token.end - token.begin, parts[next]) == 0 ? 1U : 0U;
        }
        if (!parts.empty() && next == parts.size()) {
            return true;
        }
        return std::nullopt;
    }

    [[nodiscard]] bool located(std::uint32_t line) const { return m_places[line].has_value(); }

    [[nodiscard]] std::size_t words_on(std::uint32_t line) const {
        return m_source_words.line_start[line + 1] - m_source_words.line_start[line];
    }

    /// For each line of the resume (by index), the source line (an index) most of its words came from.
    std::vector<std::optional<std::uint32_t>> origins() const {
        std::vector<std::int64_t> owner(m_rendered_words.tokens.size(), -1);
        for (std::uint32_t line = 0; line < m_places.size(); ++line) {
            if (const std::optional<Place>& place = m_places[line]) {
                for (std::uint32_t at = place->first; at <= place->last; ++at) {
                    owner[at] = owner[at] < 0 ? line : owner[at];
                }
            }
        }
        std::vector<std::optional<std::uint32_t>> origin(m_rendered.lines.size());
        for (std::uint32_t line = 0; line < m_rendered.lines.size(); ++line) {
            std::unordered_map<std::int64_t, std::uint32_t> counts;
            std::pair<std::int64_t, std::uint32_t> best{-1, 0};
            for (std::uint32_t at = m_rendered_words.line_start[line]; at < m_rendered_words.line_start[line + 1];
                 ++at) {
                const std::uint32_t count = ++counts[owner[at]];
                if (owner[at] >= 0 && count > best.second) {
                    best = {owner[at], count};
                }
            }
            if (best.first >= 0) {
                origin[line] = static_cast<std::uint32_t>(best.first);
            }
        }
        return origin;
    }

private:
    const ResumeDocument& m_rendered;
    const ResumeDocument& m_source;
    Words m_rendered_words;
    Words m_source_words;
    std::vector<std::optional<Place>> m_places;  ///< where each source line went
};

/// How many other lines of a keyword a finding names.
constexpr std::size_t k_max_other_lines = 5;

/// " (also on source lines 30 and 41)" for the lines of `at` other than `shown` (an index of a line), at most
/// `k_max_other_lines` of them, or nothing.
std::string also_on(const ResumeDocument& source, const std::vector<const LineKeyword*>& at, std::uint32_t shown) {
    std::vector<int> numbers;
    std::size_t more = 0;
    for (const LineKeyword* keyword : at) {
        const int number = source.lines[keyword->line].number;
        if (keyword->line == shown || (!numbers.empty() && numbers.back() == number)) {
            continue;
        }
        if (numbers.size() == k_max_other_lines) {
            ++more;
            continue;
        }
        numbers.push_back(number);
    }
    if (numbers.empty()) {
        return "";
    }
    std::string list;
    for (std::size_t index = 0; index < numbers.size(); ++index) {
        const bool last = index + 1 == numbers.size() && more == 0;
        list += (index == 0 ? "" : last ? " and " : ", ") + std::to_string(numbers[index]);
    }
    list += more > 0 ? fmt::format(" and {} more", more) : "";
    return fmt::format(" (also on source line{} {})", numbers.size() + more == 1 ? "" : "s", list);
}

constexpr std::string_view k_lost_fix =
    "find why the export drops it (text drawn as an image or as outlines, hidden or clipped text, a font without a "
    "Unicode map) and build the file again";
constexpr std::string_view k_mangled_fix =
    "set it in one column, without letter spacing, and keep the word whole (no forced break or hyphen inside it)";

/// The keyword findings: each keyword of the source that the resume's text does not have.
void compare_keywords(const Comparison& comparison, const ResumeDocument& source,
                      const std::vector<LineKeyword>& source_keywords,
                      const std::vector<LineKeyword>& rendered_keywords, CheckReport& report,
                      SourceComparison& counts) {
    std::unordered_set<std::string_view> rendered_terms;
    for (const LineKeyword& keyword : rendered_keywords) {
        rendered_terms.insert(keyword.span.keyword->keyword);
    }
    std::vector<std::string_view> order;
    std::unordered_map<std::string_view, std::vector<const LineKeyword*>> occurrences;
    for (const LineKeyword& keyword : source_keywords) {
        auto& at = occurrences[keyword.span.keyword->keyword];
        if (at.empty()) {
            order.push_back(keyword.span.keyword->keyword);
        }
        at.push_back(&keyword);
    }
    counts.keywords = order.size();
    for (const std::string_view term : order) {
        if (rendered_terms.count(term) > 0) {
            continue;
        }
        const std::vector<const LineKeyword*>& at = occurrences[term];
        const auto surface = [&](const LineKeyword& keyword) {
            return source.lines[keyword.line].text.substr(keyword.span.begin, keyword.span.end - keyword.span.begin);
        };
        // Near where each of its lines went; failing that, anywhere (one pass over the text for the keyword).
        const auto mangled_finding = [&](const LineKeyword& keyword, const Place& place) {
            report.findings.push_back(comparison.at_source(
                keyword.line, "source-keyword-mangled",
                fmt::format("keyword '{}'{} is in the text of {} only as '{}', which an ATS does not read as the "
                            "keyword",
                            surface(keyword), also_on(source, at, keyword.line), report.source,
                            comparison.quote(place)),
                std::string(k_mangled_fix)));
            ++counts.keywords_mangled;
        };
        bool reported = false;
        for (const LineKeyword* keyword : at) {
            if (comparison.written_whole(keyword->line, surface(*keyword))) {
                // Written whole, as in the source: the keyword engine wants context around an everyday word
                // ("indexes", "Go") that the resume's line breaks parted from it, which is not the text's fault.
                reported = true;
                break;
            }
            if (const std::optional<Place> place = comparison.mangled_near(keyword->line, surface(*keyword))) {
                mangled_finding(*keyword, *place);
                reported = true;
                break;
            }
        }
        const LineKeyword& first = *at.front();
        if (reported) {
            continue;
        }
        if (const std::optional<Place> place = comparison.mangled_anywhere(surface(first))) {
            mangled_finding(first, *place);
            continue;
        }
        report.findings.push_back(comparison.at_source(
            first.line, "source-keyword-lost",
            fmt::format("keyword '{}'{} is not in the text of {}; {}", surface(first), also_on(source, at, first.line),
                        report.source, comparison.there(first.line)),
            std::string(k_lost_fix)));
        ++counts.keywords_lost;
    }
}

/// The result findings: each measurable result of the source that is not where its line went.
void compare_results(const Comparison& comparison, const ResumeDocument& source, CheckReport& report,
                     SourceComparison& counts) {
    for (std::uint32_t line = 0; line < source.lines.size(); ++line) {
        const std::string_view text = source.lines[line].text;
        for (const TextSpan& span : measurable_results(text)) {
            ++counts.results;
            const std::string_view result = text.substr(span.begin, span.end - span.begin);
            const std::optional<bool> mangled =
                comparison.located(line) ? comparison.result_mangled(line, result) : std::nullopt;
            if (mangled == false) {
                continue;
            }
            if (mangled == true) {
                ++counts.results_mangled;
                report.findings.push_back(comparison.at_source(
                    line, "source-result-mangled",
                    fmt::format("the result '{}' is in the text of {} only spaced apart or broken up; {}", result,
                                report.source, comparison.there(line)),
                    std::string(k_mangled_fix)));
            } else {
                ++counts.results_lost;
                report.findings.push_back(
                    comparison.at_source(line, "source-result-lost",
                                         fmt::format("the result '{}' is not in the text of {}; {}", result,
                                                     report.source, comparison.there(line)),
                                         std::string(k_lost_fix)));
            }
        }
    }
}

}  // namespace

void compare_with_source(CheckReport& report, const ResumeDocument& rendered,
                         const std::vector<LineKeyword>& rendered_keywords, const ResumeDocument& source,
                         const std::vector<LineKeyword>& source_keywords) {
    const Comparison comparison(rendered, source);
    SourceComparison counts{source.source, source.format, source.lines.size()};

    // The findings about the words of the resume move to the source line they come from, where the author edits
    // them; those about how the file is made (columns, fonts, images) stay on the file.
    std::unordered_map<int, std::uint32_t> index_of_number;
    for (std::uint32_t line = 0; line < rendered.lines.size(); ++line) {
        index_of_number.emplace(rendered.lines[line].number, line);
    }
    const std::vector<std::optional<std::uint32_t>> origins = comparison.origins();
    for (Finding& finding : report.findings) {
        const auto line = index_of_number.find(finding.line);
        const CheckRule* rule = find_check_rule(finding.rule);
        if (!finding.file.empty() || finding.line <= 0 || (rule != nullptr && rule->about_file) ||
            line == index_of_number.end() || !origins[line->second]) {
            continue;
        }
        finding.file = source.source;
        finding.line = source.lines[*origins[line->second]].number;
        ++counts.findings_moved;
    }

    std::size_t worded = 0;  // source lines of k_min_located_words or more
    std::size_t found = 0;
    for (std::uint32_t line = 0; line < source.lines.size(); ++line) {
        const bool long_enough = comparison.words_on(line) >= k_min_located_words;
        worded += long_enough ? 1U : 0U;
        found += long_enough && comparison.located(line) ? 1U : 0U;
        counts.lines_found += comparison.located(line) ? 1U : 0U;
    }
    if (worded >= k_min_mismatch_lines && found * 2 < worded) {
        // Not the same resume: a finding a line would only repeat that.
        report.findings.push_back(Finding{
            "source-mismatch", Severity::error, 0,
            fmt::format("{} does not read like the source of {}: {} of its {} lines of {} words or more are not in "
                        "its text",
                        source.source, report.source, worded - found, worded, k_min_located_words),
            fmt::format("give --source the file {} is built from", report.source), source.source});
    } else {
        compare_keywords(comparison, source, source_keywords, rendered_keywords, report, counts);
        compare_results(comparison, source, report, counts);
    }
    std::stable_sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
        return std::tie(a.file, a.line, a.severity, a.rule) < std::tie(b.file, b.line, b.severity, b.rule);
    });
    report.source_comparison = std::move(counts);
}

}  // namespace apigap
