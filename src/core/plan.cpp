// The study plan: every rung from a gap's rating to its target, round by round.
#include "apigap/plan.hpp"

#include <algorithm>

namespace apigap {

namespace {

std::vector<Resource> resources_for(const Skill& skill, int to) {
    std::vector<Resource> chosen;
    for (const Resource& resource : skill.resources) {
        if (chosen.size() < k_resources_per_step &&
            std::find(resource.ratings.begin(), resource.ratings.end(), to) != resource.ratings.end()) {
            chosen.push_back(resource);
        }
    }
    return chosen;
}

/// The step that takes `skill` from `from` to `from` + 1 on the way to `gap`'s target.
PlanStep rung_step(const Skill& skill, const Gap& gap, int from) {
    PlanStep step;
    step.skill_id = skill.id;
    step.skill_name = skill.name;
    step.from = from;
    step.to = from + 1;
    step.target = gap.score.target;
    step.rung = from - gap.score.rating + 1;
    step.rungs = gap.score.target - gap.score.rating;
    step.goal = skill.rubric[static_cast<std::size_t>(step.to)];
    const auto project = std::find_if(skill.projects.begin(), skill.projects.end(),
                                      [&](const Project& p) { return p.step == step.from; });
    if (project != skill.projects.end()) {
        step.project = *project;
        step.hours = project->hours;
    }
    step.resources = resources_for(skill, step.to);
    return step;
}

}  // namespace

std::vector<PlanStep> StudyPlan::next_steps() const {
    std::vector<PlanStep> next;
    std::copy_if(steps.begin(), steps.end(), std::back_inserter(next), [](const PlanStep& s) { return s.rung == 1; });
    return next;
}

int StudyPlan::next_hours() const {
    int hours = 0;
    for (const PlanStep& step : steps) {
        hours += step.rung == 1 ? step.hours : 0;
    }
    return hours;
}

StudyPlan make_plan(const KnowledgeBase& kb, const std::vector<Gap>& gaps) {
    StudyPlan plan;
    int rounds = 0;
    for (const Gap& gap : gaps) {
        rounds = std::max(rounds, gap.score.target - gap.score.rating);
        const Skill* skill = kb.find_skill(gap.score.skill_id);
        if (gap.score.no_evidence && skill != nullptr) {
            plan.evidence_first.push_back(EvidenceToAdd{skill->id, skill->name, skill->evidence_examples});
        }
    }
    for (int round = 0; round < rounds; ++round) {
        for (const Gap& gap : gaps) {
            const Skill* skill = kb.find_skill(gap.score.skill_id);
            const int from = gap.score.rating + round;
            if (skill == nullptr || from >= gap.score.target) {
                continue;
            }
            plan.steps.push_back(rung_step(*skill, gap, from));
            plan.total_hours += plan.steps.back().hours;
        }
    }
    return plan;
}

Schedule schedule_plan(const StudyPlan& plan, int hours_per_week, std::optional<int> weeks) {
    Schedule schedule;
    schedule.hours_per_week = std::max(hours_per_week, 1);
    schedule.weeks = weeks;
    schedule.total_hours = plan.total_hours;
    int used = 0;  // hours of the schedule so far; week w holds hours (w-1)*H+1 to w*H
    const int per_week = schedule.hours_per_week;
    for (const PlanStep& step : plan.steps) {
        const int first = used / per_week + 1;
        used += step.hours;
        const int last = step.hours == 0 ? first : (used + per_week - 1) / per_week;
        const bool in_budget = !weeks || last <= *weeks;
        schedule.steps.push_back(ScheduledStep{step, first, last, in_budget});
        schedule.total_weeks = std::max(schedule.total_weeks, last);
    }
    if (weeks && *weeks > 0) {
        schedule.hours_per_week_needed = (plan.total_hours + *weeks - 1) / *weeks;
    }
    return schedule;
}

}  // namespace apigap
