// The study plan: for each gap, the next step up the rubric and how to take it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "apigap/knowledge_base.hpp"
#include "apigap/scoring.hpp"

namespace apigap {

/// One step of the plan: move `skill_id` from `from` to `to`.
struct PlanStep {
    std::string skill_id;
    std::string skill_name;
    int from = 0;
    int to = 0;
    std::string goal;                 ///< the rubric sentence for `to`
    std::optional<Project> project;   ///< the knowledge base's project for this step
    std::vector<Resource> resources;  ///< at most `k_resources_per_step`, for `to` first
    int hours = 0;
};

/// A study plan: steps in the order of the gaps they close.
struct StudyPlan {
    std::vector<PlanStep> steps;
    int total_hours = 0;
};

/// How many resources a step lists.
inline constexpr std::size_t k_resources_per_step = 3;

/// The next step for each gap, in the gaps' order.
[[nodiscard]] StudyPlan make_plan(const KnowledgeBase& kb, const std::vector<Gap>& gaps);

}  // namespace apigap
