// The study plan: every rung from each gap's rating to its target, and how to climb it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "apigap/knowledge_base.hpp"
#include "apigap/scoring.hpp"

namespace apigap {

/// One step of the plan: move `skill_id` one rung, from `from` to `to` = `from` + 1.
struct PlanStep {
    std::string skill_id;
    std::string skill_name;
    int from = 0;
    int to = 0;
    int target = 0;  ///< the gap's target: the step is rung `rung` of `rungs` on the way to it
    int rung = 1;
    int rungs = 1;
    std::string goal;                 ///< the rubric sentence for `to`
    std::optional<Project> project;   ///< the knowledge base's project for this step
    std::vector<Resource> resources;  ///< at most `k_resources_per_step`, for `to` first
    int hours = 0;
};

/// A skill a resume shows no evidence of, and lines that would show it: what to write before studying it.
struct EvidenceToAdd {
    std::string skill_id;
    std::string skill_name;
    std::vector<std::string> examples;  ///< the knowledge base's `evidence_examples`
};

/// A study plan: every rung of every gap, the first rung of each gap before any second one, and within a
/// round the gaps in their priority order.
struct StudyPlan {
    std::vector<EvidenceToAdd> evidence_first;  ///< the gaps rated 0 for want of evidence, in priority order
    std::vector<PlanStep> steps;
    int total_hours = 0;

    /// The first rung of each gap: what to do next, in priority order.
    [[nodiscard]] std::vector<PlanStep> next_steps() const;
    /// The hours of `next_steps()`.
    [[nodiscard]] int next_hours() const;
};

/// How many resources a step lists.
inline constexpr std::size_t k_resources_per_step = 3;

/// Every rung from each gap's rating to its target: round k holds the k-th rung of each gap that has one, in
/// the gaps' order, so that a skill's earlier rungs come first and the highest-priority gaps lead each round.
/// Gaps with `no_evidence` also come first in `evidence_first`: say what you have done before you study it.
[[nodiscard]] StudyPlan make_plan(const KnowledgeBase& kb, const std::vector<Gap>& gaps);

/// A plan step placed in weeks: it takes weeks `first_week` to `last_week` (1-based).
struct ScheduledStep {
    PlanStep step;
    int first_week = 0;
    int last_week = 0;
    bool in_budget = true;  ///< ends within the `--weeks` budget (always, without one)
};

/// A study plan laid out week by week at a steady number of hours a week.
struct Schedule {
    int hours_per_week = 0;
    std::optional<int> weeks;  ///< the budget in weeks, when one was given
    std::vector<ScheduledStep> steps;
    int total_hours = 0;
    int total_weeks = 0;            ///< the week the last step ends in
    int hours_per_week_needed = 0;  ///< with a budget: the hours a week that fit every step in it
};

/// The default of `apigap plan --hours-per-week`.
inline constexpr int k_default_hours_per_week = 6;

/// Lays `plan` out in weeks, in its order: each step starts where the previous
/// one ended and fills `hours_per_week` (at least 1) until its hours are done.
/// With `weeks`, steps that end after it are marked out of budget.
[[nodiscard]] Schedule schedule_plan(const StudyPlan& plan, int hours_per_week, std::optional<int> weeks);

}  // namespace apigap
