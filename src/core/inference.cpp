// Ratings from resume evidence: the ladder listed → used → measured → led.
#include "apigap/inference.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

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

}  // namespace

namespace {

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

namespace {

/// A mention that may become evidence, numbered in the order of `mentions`.
struct Candidate {
    const Mention* mention = nullptr;
    int line = 0;  ///< the number of its line
    std::size_t order = 0;
    std::uint32_t keyword = 0;  ///< the keyword's number: each line and keyword is evidence once
};

/// What the mentions of one skill add up to, in memory bounded by `k_max_evidence`.
class Tally {
public:
    /// Adds a mention; without `with_evidence`, only to the rating (what `rating(document, false)` reads).
    void add(const Candidate& candidate, EvidenceStrength strength, bool of_use, bool with_evidence) {
        m_strength = std::max(m_strength, strength);
        const int number = candidate.line;
        const auto used_end = m_used_lines.begin() + static_cast<std::ptrdiff_t>(m_used_count);
        if (of_use && m_used_count < m_used_lines.size() &&
            std::find(m_used_lines.begin(), used_end, number) == used_end) {
            m_used_lines[m_used_count++] = number;
        }
        if (!with_evidence) {
            return;
        }
        std::optional<Candidate>& first = m_first_of[static_cast<std::size_t>(strength)];
        if (!first || before(candidate, *first)) {
            first = candidate;
        }
        m_kept.push_back(candidate);
        if (m_kept.size() == 2 * k_max_evidence) {
            prune();
        }
    }

    /// The rating and, with `with_evidence`, its evidence, in line order.
    [[nodiscard]] SkillRating rating(const ResumeDocument& document, bool with_evidence) {
        if (m_used_count == m_used_lines.size()) {
            m_strength = std::max(m_strength, EvidenceStrength::measured);
        }
        if (!with_evidence) {
            return SkillRating{static_cast<int>(m_strength), RatingSource::inferred, {}};
        }
        prune();
        const std::optional<Candidate>& strongest = m_first_of[static_cast<std::size_t>(m_strength)];
        if (strongest && std::none_of(m_kept.begin(), m_kept.end(),
                                      [&](const Candidate& kept) { return same_evidence(kept, *strongest); })) {
            if (m_kept.size() == k_max_evidence) {
                m_kept.pop_back();
            }
            m_kept.push_back(*strongest);  // after every other: its line is not before theirs
        }
        std::vector<Evidence> evidence;
        evidence.reserve(m_kept.size());
        for (const Candidate& kept : m_kept) {
            const ResumeLine& line = document.lines[kept.mention->line];
            evidence.push_back(Evidence{line.number, std::string(document.section_of(line)),
                                        kept.mention->keyword->keyword, quote_line(line.text, kept.mention->offset)});
        }
        return SkillRating{static_cast<int>(m_strength), RatingSource::inferred, std::move(evidence)};
    }

private:
    static bool before(const Candidate& a, const Candidate& b) {
        return a.line != b.line ? a.line < b.line : a.order < b.order;
    }

    static bool same_evidence(const Candidate& a, const Candidate& b) {
        return a.line == b.line && a.keyword == b.keyword;
    }

    /// Sorts the candidates by line, keeps the first of each line and keyword, and the first `k_max_evidence`.
    void prune() {
        if (!std::is_sorted(m_kept.begin(), m_kept.end(), before)) {  // `find_mentions` gives them in line order
            std::sort(m_kept.begin(), m_kept.end(), before);
        }
        std::size_t kept = 0;
        for (std::size_t k = 0; k < m_kept.size() && kept < k_max_evidence; ++k) {
            const Candidate& candidate = m_kept[k];
            bool repeated = false;  // the same line and keyword: among the candidates of this line, just kept
            for (std::size_t j = kept; j-- > 0 && m_kept[j].line == candidate.line;) {
                repeated = repeated || m_kept[j].keyword == candidate.keyword;
            }
            if (!repeated) {
                m_kept[kept++] = candidate;
            }
        }
        m_kept.resize(kept);
    }

    EvidenceStrength m_strength = EvidenceStrength::listed;
    std::array<int, 3> m_used_lines{};  ///< the first three distinct lines of use: `m_used_count` of them
    std::size_t m_used_count = 0;
    std::array<std::optional<Candidate>, 5> m_first_of;  ///< by strength: its first mention
    std::vector<Candidate> m_kept;
};

}  // namespace

namespace {

Profile infer(const KnowledgeBase& kb, const ResumeDocument& document, const std::vector<Mention>& mentions,
              bool evidence) {
    // Both lists are short (four certifications, three sections of use in the built-in knowledge base): a vector
    // each, not a hash set built again for every resume.
    std::vector<std::string_view> certifications;
    for (const Tool& tool : kb.tools) {
        if (tool.kind == ToolKind::certification) {
            certifications.push_back(tool.name);
        }
    }
    std::vector<std::string_view> sections_of_use;
    for (const ResumeSection& section : kb.resume.sections) {
        if (section.evidence == SectionEvidence::use) {
            sections_of_use.push_back(section.id);
        }
    }
    const auto listed = [](const std::vector<std::string_view>& list, std::string_view item) {
        return std::find(list.begin(), list.end(), item) != list.end();
    };
    // A related keyword ("TypeScript" for Node.js) counts only for a skill that one of its own keywords evidences.
    std::vector<std::string_view> evidenced;  // a dozen skills at most; listed only when a keyword is related
    if (std::any_of(mentions.begin(), mentions.end(),
                    [](const Mention& mention) { return mention.keyword->link == KeywordLink::related; })) {
        for (const Mention& mention : mentions) {
            if (mention.keyword->link != KeywordLink::related && !listed(evidenced, mention.keyword->skill_id)) {
                evidenced.push_back(mention.keyword->skill_id);
            }
        }
    }
    std::vector<std::pair<std::string_view, Tally>> tallies;          // by skill: a dozen at most, searched in turn
    std::unordered_map<std::string_view, std::uint32_t> keyword_ids;  // each keyword numbered by first mention
    std::size_t current = SIZE_MAX;         // the last mention's tally: a skill's mentions often follow each other
    const ResumeLine* read_line = nullptr;  // a line with several keywords is read once
    EvidenceStrength line_strength = EvidenceStrength::used;
    for (std::size_t order = 0; order < mentions.size(); ++order) {
        const Mention& mention = mentions[order];
        const KeywordLink link = mention.keyword->link;
        if (link == KeywordLink::related && !listed(evidenced, mention.keyword->skill_id)) {
            continue;
        }
        const bool only_listed = link != KeywordLink::evidence;
        const ResumeLine& line = document.lines[mention.line];
        EvidenceStrength strength = EvidenceStrength::listed;
        const bool of_use = !only_listed && listed(sections_of_use, document.section_of(line));
        if (of_use) {
            if (read_line != &line) {
                const bool measured = has_measurable_result(line.text);
                const bool led = has_leadership(line.text);
                line_strength = measured && led   ? EvidenceStrength::led
                                : measured || led ? EvidenceStrength::measured
                                                  : EvidenceStrength::used;
                read_line = &line;
            }
            strength = line_strength;
        }
        const std::string_view keyword_text = mention.keyword->keyword;
        if (!only_listed && listed(certifications, keyword_text)) {
            strength = std::max(strength, EvidenceStrength::used);
        }
        std::uint32_t keyword_id = 0;  // numbers evidence lines: only their list needs it
        if (evidence) {
            keyword_id =
                keyword_ids.try_emplace(keyword_text, static_cast<std::uint32_t>(keyword_ids.size())).first->second;
        }
        const std::string_view skill_id = mention.keyword->skill_id;
        if (current == SIZE_MAX || tallies[current].first != skill_id) {
            current =
                static_cast<std::size_t>(std::find_if(tallies.begin(), tallies.end(),
                                                      [&](const auto& tally) { return tally.first == skill_id; }) -
                                         tallies.begin());
            if (current == tallies.size()) {
                tallies.emplace_back(skill_id, Tally());
            }
        }
        tallies[current].second.add(Candidate{&mention, line.number, order, keyword_id}, strength, of_use, evidence);
    }
    Profile profile;
    profile.mark_inferred();
    for (auto& [skill_id, tally] : tallies) {
        profile.set(std::string(skill_id), tally.rating(document, evidence));
    }
    return profile;
}

}  // namespace

Profile infer_profile(const KnowledgeBase& kb, const ResumeDocument& document, const std::vector<Mention>& mentions) {
    return infer(kb, document, mentions, true);
}

Profile infer_ratings(const KnowledgeBase& kb, const ResumeDocument& document, const std::vector<Mention>& mentions) {
    return infer(kb, document, mentions, false);
}

std::map<std::string, std::vector<std::string>, std::less<>> keywords_by_skill(const std::vector<Mention>& mentions) {
    std::map<std::string, std::vector<std::string>, std::less<>> found;
    for (const Mention& mention : mentions) {
        auto skill = found.find(mention.keyword->skill_id);
        if (skill == found.end()) {
            skill = found.emplace(mention.keyword->skill_id, std::vector<std::string>()).first;
        }
        std::vector<std::string>& keywords = skill->second;
        if (std::find(keywords.begin(), keywords.end(), mention.keyword->keyword) == keywords.end()) {
            keywords.push_back(mention.keyword->keyword);
        }
    }
    return found;
}

}  // namespace apigap
