// Inferring ratings from the evidence in a resume, by the rules of docs/scoring.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/knowledge_base.hpp"
#include "apigap/profile.hpp"
#include "apigap/resume.hpp"

namespace apigap {

/// A keyword's canonical term and the skill it evidences.
/// How a keyword evidences its skill.
enum class KeywordLink {
    evidence,  ///< on its own, as strong as the line it is on
    listed,    ///< on its own, but only as listed: a tool's second skill (Kafka for microservices)
    related,   ///< only beside another keyword of the skill, and then as listed (TypeScript for Node.js)
};

struct SkillKeyword {
    std::string skill_id;
    std::string keyword;
    KeywordLink link = KeywordLink::evidence;
};

/// A keyword of a skill found on a resume line. It points into what it was found in instead of copying it (a
/// resume can name skills millions of times, so it takes 16 bytes): `keyword` into the `KeywordMatcher` that found
/// it, which must outlive the mention; `line` numbers a line of the `ResumeDocument` it was found in.
struct Mention {
    const SkillKeyword* keyword = nullptr;
    std::uint32_t line = 0;    ///< the index of the line in `ResumeDocument::lines`
    std::uint32_t offset = 0;  ///< where the keyword is written in the line's text, in bytes
};

/// The most evidence entries a rating lists (docs/scoring.md): no real resume names one skill on so many lines,
/// and a file that does would otherwise carry every one into every report.
inline constexpr std::size_t k_max_evidence = 100;

/// The most bytes of a line that evidence, or a posting's title, quotes. A longer line is quoted as a window of
/// about this many bytes around the place it is quoted for, with "…" where it was cut: evidence never holds a
/// long line once per keyword, and no report repeats a 10 MiB line.
inline constexpr std::size_t k_max_quoted_line = 500;

/// `text` quoted for what is at byte `offset` (a keyword): all of it when it has at most `k_max_quoted_line`
/// bytes, else that many bytes around `offset`, cut between words where one ends near the cut, never inside a
/// code point, and marked with "…" at each cut end.
[[nodiscard]] std::string quote_line(std::string_view text, std::size_t offset);

/// What a line shows about a skill mentioned on it, weakest first.
enum class EvidenceStrength {
    listed = 1,    ///< named outside experience and projects (skills list, summary)
    used = 2,      ///< named in experience or projects
    measured = 3,  ///< used, with a measurable result or scale on the same line
    led = 4,       ///< designed, led or mentored, with a measurable result
};

/// A piece of a text, in bytes: `[begin, end)`.
struct TextSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// The measurable results `text` states, in order: each a number with a unit of change or scale (`40%`, `3x`,
/// `200 ms`, `$1.2M`, `10k users`, `5 services`; not a year with a unit, "2020 users"), or an amount of money.
[[nodiscard]] std::vector<TextSpan> measurable_results(std::string_view text);

/// Whether `text` states a measurable result (`measurable_results` finds one).
[[nodiscard]] bool has_measurable_result(std::string_view text);

/// Whether `text` says the person designed, architected, led or mentored.
[[nodiscard]] bool has_leadership(std::string_view text);

/// The ratings `mentions`, found in `document`, earn: each skill gets the strongest of its lines
/// (a line in a section of `use`, experience or projects, with leadership but
/// no measured result counts as measured), and three or more distinct lines of
/// use count as measured too; a certification the knowledge base links to a
/// skill earns at least `used`; a `related` keyword counts only for a skill
/// that another of its keywords evidences, and only as listed. Each rating lists the lines that earned it, once per
/// keyword, by line, with `quote_line`: every one up to `k_max_evidence`; past that the first ones, the last of them
/// replaced by the first line as strong as the rating when that comes later. Takes time linear in the mentions, and
/// memory bounded by the skills and `k_max_evidence`, whatever their number.
[[nodiscard]] Profile infer_profile(const KnowledgeBase& kb, const ResumeDocument& document,
                                    const std::vector<Mention>& mentions);

/// The ratings of `infer_profile`, without their evidence lines: what `batch` writes of a resume.
[[nodiscard]] Profile infer_ratings(const KnowledgeBase& kb, const ResumeDocument& document,
                                    const std::vector<Mention>& mentions);

/// The keywords `mentions` use for each skill id, each once, in order of first use. A `related` keyword counts only
/// for a skill that one of its own keywords evidences, as in rating ("system design" alone is no microservices).
[[nodiscard]] std::map<std::string, std::vector<std::string>, std::less<>> keywords_by_skill(
    const std::vector<Mention>& mentions);

}  // namespace apigap
