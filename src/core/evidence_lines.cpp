// What a line of resume evidence says: its measurable results, its leadership words, and how it is quoted.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <optional>

#include "apigap/inference.hpp"
#include "ascii.hpp"
#include "byte_words.hpp"

namespace apigap {

using detail::is_ascii_alnum;
using detail::is_ascii_alpha;
using detail::is_ascii_digit;
namespace byte_words = detail::byte_words;

namespace {

/// A short list of lowercase words, looked up in any case: a word of a length or a first letter no listed word has
/// (most words of a line) is passed over at once, and by `may_open` a word no listed word opens like.
template <std::size_t N>
class WordList {
public:
    constexpr explicit WordList(const std::array<std::string_view, N>& words) : m_words(words) {
        for (const std::string_view word : words) {
            m_shortest = std::min(m_shortest, word.size());
            m_longest = std::max(m_longest, word.size());
            m_first[static_cast<unsigned char>(word.front())] = true;
            const bool opens = word.size() >= 2 && is_ascii_alpha(word[0]) && is_ascii_alpha(word[1]);
            m_by_opening = m_by_opening && opens;
            if (opens) {
                m_openings[static_cast<unsigned char>(word[0]) & 0x1FU] |= std::uint32_t{1} << (word[1] & 0x1F);
            }
        }
    }

    /// Whether a listed word may be the run of letters at `at` of `text`, by its first two letters in any case.
    [[nodiscard]] bool may_open(std::string_view text, std::size_t at) const {
        if (!m_by_opening) {
            return true;
        }
        if (at + 1 >= text.size() || !is_ascii_alpha(text[at + 1])) {
            return false;  // one letter: no listed word is so short
        }
        return ((m_openings[static_cast<unsigned char>(text[at]) & 0x1FU] >> (text[at + 1] & 0x1F)) & 1U) != 0;
    }

    [[nodiscard]] bool contains(std::string_view word) const {
        if (word.size() < m_shortest || word.size() > m_longest ||
            !m_first[static_cast<unsigned char>(detail::ascii_lower(word.front()))]) {
            return false;
        }
        return std::any_of(m_words.begin(), m_words.end(),
                           [&](std::string_view listed) { return detail::equals_lowered(word, listed); });
    }

private:
    std::array<std::string_view, N> m_words;
    std::size_t m_shortest = SIZE_MAX;
    std::size_t m_longest = 0;
    std::array<bool, 256> m_first{};
    bool m_by_opening = true;                    ///< every listed word opens with two ASCII letters
    std::array<std::uint32_t, 32> m_openings{};  ///< by first letter (its low five bits): the second letters' bits
};

/// Units that turn a number into a result or a scale ("40%", "10k users").
constexpr std::string_view k_unit_words[] = {
    "%",         "x",        "ms",        "s",         "sec",        "seconds", "minutes",  "hours",        "days",
    "weeks",     "k",        "m",         "b",         "million",    "billion", "thousand", "users",        "customers",
    "clients",   "requests", "req",       "rps",       "qps",        "tps",     "calls",    "transactions", "services",
    "endpoints", "apis",     "teams",     "engineers", "developers", "tb",      "gb",       "events",       "messages",
    "orders",    "partners", "merchants", "countries", "percent",    "times",   "errors",   "incidents"};
constexpr WordList k_units(std::to_array(k_unit_words));

constexpr std::string_view k_leadership_words[] = {"designed", "architected", "led",    "lead",
                                                   "mentored", "mentoring",   "owned",  "spearheaded",
                                                   "drove",    "founded",     "headed", "directed"};
constexpr WordList k_leadership(std::to_array(k_leadership_words));

/// The first ASCII digit of `text` from `i` on, or its size: eight bytes at a time, as most of a line has none.
std::size_t next_digit(std::string_view text, std::size_t i) {
    for (; i + sizeof(std::uint64_t) <= text.size(); i += sizeof(std::uint64_t)) {
        if (const std::uint64_t digits = byte_words::digits(byte_words::load(text, i)); digits != 0) {
            return i + static_cast<std::size_t>(std::countr_zero(digits)) / 8;
        }
    }
    while (i < text.size() && !is_ascii_digit(text[i])) {
        ++i;
    }
    return i;
}

/// The word starting at `i` of `text` (letters only).
std::string_view word_at(std::string_view text, std::size_t i) {
    std::size_t end = i;
    while (end < text.size() && is_ascii_alpha(text[end])) {
        ++end;
    }
    return text.substr(i, end - i);
}

/// Reads the measurable results of `text` in order, passing each to `on_result` until it returns false.
template <class OnResult>
void read_results(std::string_view text, OnResult&& on_result) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        i = next_digit(text, i);
        if (i == text.size()) {
            break;
        }
        if (i > 0 && is_ascii_alnum(text[i - 1])) {
            continue;
        }
        const bool dollar = i > 0 && text[i - 1] == '$';
        const bool euro = i >= 3 && text.compare(i - 3, 3, "\u20AC") == 0;
        std::size_t end = i;
        while (end < text.size() && (is_ascii_digit(text[end]) || text[end] == '.' || text[end] == ',')) {
            ++end;
        }
        while (end > i + 1 && (text[end - 1] == '.' || text[end - 1] == ',')) {
            --end;  // "40." ends a sentence
        }
        const std::string_view number(text.data() + i, end - i);
        const bool year = number.size() == 4 && (number.substr(0, 2) == "19" || number.substr(0, 2) == "20");
        const std::size_t begin = dollar ? i - 1 : euro ? i - 3 : i;
        std::size_t unit_start = end;
        if (unit_start < text.size() && text[unit_start] == ' ') {
            ++unit_start;  // "200 ms", "5 services"
        }
        std::optional<TextSpan> result;
        if (unit_start < text.size() && (text[unit_start] == '%' || text[unit_start] == '+')) {
            result = TextSpan{begin, unit_start + 1};
        } else if (const std::string_view unit = word_at(text, unit_start);
                   !unit.empty() && (dollar || euro || !year) && k_units.contains(unit)) {
            result = TextSpan{begin, unit_start + unit.size()};  // "$1.2M", "10k users"
        } else if (dollar || euro) {
            result = TextSpan{begin, end};
        }
        if (result && !on_result(*result)) {
            return;
        }
        i = result ? std::max(end, result->end) : end;
    }
}

}  // namespace

std::vector<TextSpan> measurable_results(std::string_view text) {
    std::vector<TextSpan> results;
    read_results(text, [&](const TextSpan& result) {
        results.push_back(result);
        return true;
    });
    return results;
}

bool has_measurable_result(std::string_view text) {
    bool found = false;
    read_results(text, [&](const TextSpan&) {
        found = true;
        return false;  // one is enough
    });
    return found;
}

bool has_leadership(std::string_view text) {
    // A word is a run of letters that no letter or digit comes right before ("3x" is none). Eight bytes at a time,
    // where words start; only a word a listed one starts like is read on.
    std::uint64_t before = 0;  // the high bit of the first byte set when the byte before is a letter or digit
    std::size_t i = 0;
    for (; i + sizeof(std::uint64_t) <= text.size(); i += sizeof(std::uint64_t)) {
        const std::uint64_t word = byte_words::load(text, i);
        const std::uint64_t letters = byte_words::letters(word);
        const std::uint64_t alnum = letters | byte_words::digits(word);
        for (std::uint64_t starts = letters & ~((alnum << 8U) | before); starts != 0; starts &= starts - 1) {
            const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(starts)) / 8;
            if (k_leadership.may_open(text, at) && k_leadership.contains(word_at(text, at))) {
                return true;
            }
        }
        before = alnum >> 56U;
    }
    for (; i < text.size(); ++i) {
        if (is_ascii_alpha(text[i]) && (i == 0 || !is_ascii_alnum(text[i - 1])) &&
            k_leadership.contains(word_at(text, i))) {
            return true;
        }
    }
    return false;
}

std::string quote_line(std::string_view text, std::size_t offset) {
    if (text.size() <= k_max_quoted_line) {
        return std::string(text);
    }
    constexpr std::size_t k_half = k_max_quoted_line / 2;
    constexpr std::size_t k_word_slack = k_max_quoted_line / 10;  // how far a cut moves to fall between words
    const auto continuation = [&](std::size_t at) { return (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80; };
    std::size_t start = std::min(offset, text.size()) > k_half ? std::min(offset, text.size()) - k_half : 0;
    std::size_t end = std::min(text.size(), start + k_max_quoted_line);
    start = end - std::min(end, k_max_quoted_line);
    if (start > 0) {
        const std::size_t space = text.substr(start, k_word_slack).find(' ');
        start = space == std::string_view::npos ? start : start + space + 1;
        while (start < end && continuation(start)) {
            ++start;
        }
    }
    if (end < text.size()) {
        const std::size_t space = text.substr(end - k_word_slack, k_word_slack).rfind(' ');
        end = space == std::string_view::npos ? end : end - k_word_slack + space;
        while (end > start && continuation(end)) {
            --end;
        }
    }
    std::string window = start > 0 ? "\u2026" : "";
    window += text.substr(start, end - start);
    window += end < text.size() ? "\u2026" : "";
    return window;
}

}  // namespace apigap
