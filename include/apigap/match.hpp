// How well a resume matches a job posting: the skills the posting asks for,
// required or preferred, the years and level it wants. Rules: docs/match.md.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/inference.hpp"
#include "apigap/keywords.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/profile.hpp"
#include "apigap/report.hpp"
#include "apigap/resume.hpp"

namespace apigap {

/// What a part of a posting says about the skills it names.
enum class PostingPart {
    required,   ///< Requirements, Qualifications, Responsibilities, What you'll do, …
    preferred,  ///< Nice to have, Preferred, Bonus, Pluses; a skill offered as an alternative
    context,    ///< the introduction, the company's stack, any other heading
    ignored,    ///< About us, Benefits, Perks, Equal opportunity, …
};

/// `required`, `preferred`, `context` or `ignored`.
[[nodiscard]] std::string_view to_string(PostingPart part);

/// The weight a skill named in `part` has in the match rate: 2 required, 1 preferred or context, 0 ignored.
[[nodiscard]] int weight_of(PostingPart part);

/// The part a heading opens by `rules` (case, `#`, bullets and a trailing colon ignored), or nullopt for a heading
/// it does not know.
[[nodiscard]] std::optional<PostingPart> classify_heading(const PostingRules& rules, std::string_view heading);

/// Whether `sentence` marks what it names as optional by one of `rules.preferred_phrases` ("is a plus", "ideally").
[[nodiscard]] bool says_preferred(const PostingRules& rules, std::string_view sentence);

/// The hits of one posting line that it offers as alternatives, by index in `hits` (each with its byte `offset`):
/// skills joined by a word of choice ("Go or Python", "Java, Kotlin or Go"), or named after a phrase of choice in
/// the same sentence ("one of Java, Kotlin, Scala", "at least one language: Go, Python"). Only a choice between
/// two skills or more is one.
[[nodiscard]] std::vector<bool> alternatives(const PostingRules& rules, std::string_view line,
                                             const std::vector<KeywordHit>& hits);

/// The years of experience `line` asks for: "5+ years", "3-5 years" (3), "at least 4 years", "minimum 2 years".
[[nodiscard]] std::optional<int> years_asked(std::string_view line);

/// Where the resume should name a missing skill.
enum class ResumeSpot { experience, skills };

/// `experience` or `skills`.
[[nodiscard]] std::string_view to_string(ResumeSpot spot);

/// How the resume's readiness compares with the posting's level (docs/match.md).
enum class LevelVerdict { under_levelled, aligned, over_levelled };

/// `under-levelled`, `aligned` or `over-levelled`.
[[nodiscard]] std::string_view to_string(LevelVerdict verdict);

/// Readiness for the posting's level below this is under-levelled.
inline constexpr double k_underlevelled_below = 70.0;
/// Readiness for the level above the posting's at or above this is over-levelled.
inline constexpr double k_overlevelled_from = 90.0;

/// The verdict for `readiness` at the posting's level and `next_readiness` at the level above (nullopt: none).
[[nodiscard]] LevelVerdict level_verdict(double readiness, std::optional<double> next_readiness);

/// The verdict for a candidate whose experience reads as the level at `candidate` (its place in the knowledge
/// base's order of levels) for a posting at the level at `posting`: below it under-levelled, above it over-levelled.
[[nodiscard]] LevelVerdict level_verdict_by_order(std::size_t candidate, std::size_t posting);

/// One skill the posting names, and whether the resume names it.
struct MatchSkill {
    std::string skill_id;
    std::string name;
    std::string spelling;  ///< as the posting first writes it
    PostingPart part = PostingPart::context;
    int weight = 0;
    int line = 0;  ///< the posting line that gave it its part
    std::optional<int> years;
    ResumeSpot spot = ResumeSpot::skills;
    int section_line = 0;  ///< the resume's first line in `spot`'s section (its heading); 0 when it has no such section
    bool found = false;
    std::vector<std::string> resume_keywords;  ///< the keywords the resume uses for it, in order of first use
};

/// A technology term the posting names, as an ATS reads it: by its own word. `term` is the knowledge base's keyword
/// (its canonical spelling; an alias the posting writes counts as it: "Postgres" is PostgreSQL).
struct MatchKeyword {
    std::string term;
    std::string skill_id;
    std::string spelling;  ///< as the posting writes it on `line`
    PostingPart part = PostingPart::context;
    int weight = 0;
    int line = 0;  ///< the posting line that gave it its part
    bool found = false;
    std::vector<std::string> resume_terms;  ///< when not found: the resume's keywords of the same skill ("you have")
};

/// Where the posting's level came from.
enum class LevelSource { option, title, years, default_level };

/// `option`, `title`, `years` or `default`.
[[nodiscard]] std::string_view to_string(LevelSource source);

/// What a posting says besides its skills: where it came from, its title, and the years and level it asks for.
struct PostingSummary {
    std::string source;
    InputFormat format = InputFormat::text;
    std::string title;  ///< the posting's first heading, or its first line
    std::string level_id;
    std::string level_name;
    LevelSource level_source = LevelSource::default_level;
    std::optional<int> years;  ///< the most years any line asks for
};

/// A job posting as `match` reads it, before any resume: read once, it can be matched against any number of them.
struct Posting {
    PostingSummary summary;
    std::vector<MatchSkill> skills;       ///< in posting order; none `found` yet
    std::vector<MatchKeyword> keywords;   ///< the technical and situational terms, in posting order; none `found` yet
    std::vector<std::string> unassessed;  ///< technical-looking words of its required and preferred lines that the
                                          ///< knowledge base does not know ("Terraform"), in order; at most 20
};

/// The keyword hits a posting line names, as `find_line_hits` (src/ingest) gives them.
using LineHits = std::function<std::vector<KeywordHit>(std::string_view line)>;

/// Reads the parts, years and level of `posting`, whose lines have the keyword hits `hits_of` gives, asked once a
/// line (a posting's hits are not kept: its skills are); a non-empty `level_id` (`--level`) overrides the level the
/// posting states. Throws `Error` naming the posting when it names no skill, or for an unknown `level_id`.
[[nodiscard]] Posting read_posting(const KnowledgeBase& kb, const ResumeDocument& posting, const LineHits& hits_of,
                                   std::string_view level_id);

/// The outcome of `apigap match`.
struct MatchReport {
    std::string resume_source;
    InputFormat resume_format = InputFormat::text;
    PostingSummary posting;
    int score = 0;  ///< floor(100 × weight found / weight asked)
    int min_score = 0;
    std::vector<MatchSkill> skills;  ///< missing first (required, then posting order), then found in posting order
    int keyword_score = 0;           ///< floor(100 × weight of the posting's terms the resume writes / weight of all)
    std::vector<MatchKeyword> keywords;         ///< ordered as `skills`
    std::vector<std::string> unassessed_terms;  ///< the posting's `unassessed`: what this match cannot judge
    double readiness = 0.0;                     ///< the resume's readiness for the posting's level
    std::string next_level_id;                  ///< the level above the posting's; empty when it is the highest
    std::optional<double> next_readiness;
    std::optional<std::string> candidate_level;    ///< the level the resume's experience reads as, when it reads as one
    LevelVerdict verdict = LevelVerdict::aligned;  ///< from `candidate_level` when it is set, else from the readiness

    /// Whether the score reaches `min_score`.
    [[nodiscard]] bool passed() const;
};

/// Matches `resume` against `posting`: `resume_mentions` is `find_mentions` of the resume and `resume_report` its
/// `make_report` for any level (only the readiness of every level is read); `min_score` is the gate;
/// `candidate_level` the level the resume's experience reads as (`read_experience`), nullopt when it reads as none
/// or was not read. A posting with no skill, or a report without the posting's or the candidate's level, is a bug:
/// `std::logic_error`.
[[nodiscard]] MatchReport match_posting(const Posting& posting, const ResumeDocument& resume,
                                        const std::vector<Mention>& resume_mentions, const Report& resume_report,
                                        int min_score, const std::optional<std::string>& candidate_level);

}  // namespace apigap
