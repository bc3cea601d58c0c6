// The neutral result every output format renders: plain, sorted values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/experience.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/plan.hpp"
#include "apigap/profile.hpp"
#include "apigap/resume.hpp"
#include "apigap/scoring.hpp"

namespace apigap {

/// Readiness for one level.
struct LevelReadiness {
    std::string level_id;
    std::string level_name;
    double readiness = 0.0;
    SalaryBand salary;
};

/// A rated skill as reports list it.
struct RatedSkill {
    std::string id;
    std::string name;
    SkillCategory category = SkillCategory::technical;
    SkillRating rating;
};

/// The resume a scan read.
struct ResumeSummary {
    std::string source;
    InputFormat format = InputFormat::text;
    std::size_t lines = 0;  ///< as the lines are numbered: `ResumeDocument::numbered_lines`
    std::vector<ExtractionWarning> warnings;
};

/// An assessment against one target level.
struct Report {
    std::optional<ResumeSummary> resume;   ///< set by `scan`: the ratings were inferred from it
    std::optional<Experience> experience;  ///< set by `scan`: the years and level the resume reads as
    TargetSource level_source = TargetSource::option;
    std::string level_id;
    std::string level_name;
    std::string level_focus;
    std::string next_level_id;              ///< the level after the target in knowledge-base order; empty for the last
    std::vector<LevelReadiness> readiness;  ///< every level, in knowledge-base order
    PayReference pay_reference;             ///< the knowledge base's, shown beside the bands for scale
    std::vector<TargetScore> targets;       ///< the target level's, in knowledge-base order
    std::vector<Gap> gaps;                  ///< by priority, then id
    StudyPlan plan;
    std::vector<RatedSkill> skills;  ///< every skill of the profile, in knowledge-base order
};

/// What a line of `batch` gives of a resume scored for one level: the level, its readiness and each rated skill's
/// rating, in knowledge-base order. The `Report`'s own figures, without its other levels, gaps and plan.
struct ScoreSummary {
    std::string level_id;
    double readiness = 0.0;
    std::vector<std::pair<std::string_view, int>> ratings;  ///< skill id (the knowledge base's), rating
};

/// `profile` scored for `level_id` as `make_report` scores it, without building the rest of the report.
/// Throws `Error` when `level_id` names no level.
[[nodiscard]] ScoreSummary summarize(const KnowledgeBase& kb, const Profile& profile, std::string_view level_id);
/// The same figures, read from a report; the skill ids are views into `report`, which must outlive the summary.
[[nodiscard]] ScoreSummary summarize(const Report& report);

/// Scores `profile` against every level and builds the report for `level_id`.
/// Throws `Error` when `level_id` names no level.
[[nodiscard]] Report make_report(const KnowledgeBase& kb, const Profile& profile, std::string_view level_id);
/// The same, moving the ratings and their evidence out of `profile` instead of copying them.
[[nodiscard]] Report make_report(const KnowledgeBase& kb, Profile&& profile, std::string_view level_id);

/// The level called `id`, or an `Error` listing the levels there are.
[[nodiscard]] const Level& require_level(const KnowledgeBase& kb, std::string_view id);

}  // namespace apigap
