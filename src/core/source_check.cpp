// `apigap check --source`: does the resume a candidate sends (a PDF, a DOCX) say what the file it is made from
// says? Both are read as words (source_words.cpp, which also finds where each source line went), and each keyword
// and measurable result of the source is looked for where its line went (docs/check.md, "Checking against the
// source"): the findings, and the findings on the resume's words moved to the source line they come from.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "apigap/check.hpp"
#include "ascii.hpp"
#include "source_words.hpp"

namespace apigap {

namespace {

using detail::find_squashed;
using detail::folded_words;
using detail::index_of;
using detail::locate;
using detail::locate_at;
using detail::Place;
using detail::quote_words;
using detail::squashed;
using detail::Token;
using detail::WordIndex;
using detail::Words;
using detail::words_of;

/// Source lines of this many words or more are what tells whether the resume is made from the source at all.
constexpr std::size_t k_min_located_words = 3;
/// With fewer such lines, the resume is not judged a mismatch.
constexpr std::size_t k_min_mismatch_lines = 5;
/// How many words of the resume's text around a line's place a mangled keyword is looked for in.
constexpr std::uint32_t k_search_margin = 3;

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
        const std::vector<std::string> parts = folded_words(result);
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
