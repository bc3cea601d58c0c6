// `apigap match` against many postings: a match for each, then what they ask for that the resume lacks, across
// them, ranked, with the study plan's first steps. Rules: docs/match.md ("Many postings").
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/experience.hpp"
#include "apigap/inference.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/match.hpp"
#include "apigap/plan.hpp"
#include "apigap/profile.hpp"
#include "apigap/resume.hpp"

namespace apigap {

/// One posting of many: its match, or why it could not be read.
struct PostingRow {
    std::string source;
    std::optional<MatchReport> match;  ///< nullopt when the posting could not be read
    std::string error;                 ///< why, when it could not
};

/// A skill some postings require or prefer that the resume does not name, or names below its target.
struct SkillDemand {
    std::string skill_id;
    std::string name;
    int required_by = 0;                ///< the postings that require it
    int preferred_by = 0;               ///< the postings that prefer it
    int rating = 0;                     ///< the resume's rating of it (docs/scoring.md)
    int target = 0;                     ///< its highest target at the levels of those postings
    int resume_lines = 0;               ///< the resume's lines that name it
    std::vector<std::string> postings;  ///< the sources of those postings, in row order

    /// How far the rating is below the target: 0 when it is not.
    [[nodiscard]] int distance() const { return std::max(0, target - rating); }
};

/// A term some postings require or prefer that the resume does not write (nor an alias of it).
struct TermDemand {
    std::string term;
    std::string skill_id;
    std::string skill_name;
    int required_by = 0;
    int preferred_by = 0;
    std::vector<std::string> resume_terms;  ///< the resume's keywords of the same skill ("you have")
    std::vector<std::string> postings;      ///< as `SkillDemand::postings`
};

/// The rating a posting's skill is taken to need at a level whose targets name neither it nor a group of it:
/// "working", as a posting that asks for a skill asks for routine use of it.
inline constexpr int k_asked_rating = 2;

/// How many of the ranked skills the study plan takes a step for.
inline constexpr std::size_t k_planned_skills = 3;

/// The outcome of `apigap match RESUME --job A --job B …`.
struct PostingsReport {
    std::string resume_source;
    InputFormat resume_format = InputFormat::text;
    std::optional<std::string> candidate_level;  ///< the level the resume's experience reads as, when it reads as one
    std::optional<double> candidate_years;       ///< the years it reads
    int min_score = 0;
    std::vector<PostingRow> postings;  ///< those matched, by skill rate then term rate (highest first), then
                                       ///< source; then those not read, by source
    std::vector<SkillDemand> skills;   ///< by postings that require it, then prefer it, then distance (most first)
    std::vector<TermDemand> terms;     ///< by postings that require it, then prefer it (most first), then term
    StudyPlan plan;                    ///< a step for each of the first `k_planned_skills` skills with a distance

    /// How many postings were matched.
    [[nodiscard]] int matched() const;
    /// Whether every posting was read and reached `min_score`.
    [[nodiscard]] bool passed() const;
};

/// The rating `level_id` expects of `skill_id`: its own target, else the highest target of a group it belongs to,
/// else `k_asked_rating`. Throws `std::logic_error` for an unknown level.
[[nodiscard]] int target_for(const KnowledgeBase& kb, std::string_view level_id, std::string_view skill_id);

/// Orders `rows` and gathers what they ask for that the resume (read as `profile` with its `mentions`) lacks.
/// `experience` is what the resume's dated roles read as; its level should have given each match's verdict.
[[nodiscard]] PostingsReport summarize_postings(const KnowledgeBase& kb, const ResumeDocument& resume,
                                                const Profile& profile, const std::vector<Mention>& mentions,
                                                const Experience& experience, std::vector<PostingRow> rows,
                                                int min_score);

}  // namespace apigap
