// The neutral result every output format renders: plain, sorted values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "apigap/knowledge_base.hpp"
#include "apigap/plan.hpp"
#include "apigap/profile.hpp"
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

/// An assessment against one target level.
struct Report {
    std::string level_id;
    std::string level_name;
    std::string level_focus;
    std::vector<LevelReadiness> readiness;  ///< every level, in knowledge-base order
    std::vector<TargetScore> targets;       ///< the target level's, in knowledge-base order
    std::vector<Gap> gaps;                  ///< by priority, then id
    StudyPlan plan;
    std::vector<RatedSkill> skills;  ///< every skill of the profile, in knowledge-base order
};

/// Scores `profile` against every level and builds the report for `level_id`.
/// Throws `Error` when `level_id` names no level.
[[nodiscard]] Report make_report(const KnowledgeBase& kb, const Profile& profile, std::string_view level_id);

/// The level called `id`, or an `Error` listing the levels there are.
[[nodiscard]] const Level& require_level(const KnowledgeBase& kb, std::string_view id);

}  // namespace apigap
