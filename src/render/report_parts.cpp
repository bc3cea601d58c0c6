// Sentences the report views share: a plan step's rung, the plan's total, how a group's member was chosen.
#include "report_parts.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace apigap::render_detail {

namespace {

/// "A", "A or B", "A, B or C".
std::string join_names(const std::vector<std::string>& names) {
    if (names.size() < 2) {
        return names.empty() ? "" : names.front();
    }
    return join(std::vector<std::string>(names.begin(), names.end() - 1), ", ") + " or " + names.back();
}

}  // namespace

std::string rung_label(const PlanStep& step) {
    return step.rungs > 1 ? fmt::format("  (rung {} of {}, target {})", step.rung, step.rungs, step.target) : "";
}

std::string plan_total(const StudyPlan& plan, bool point_to_plan) {
    const auto steps_and_hours = [](std::size_t steps, int hours) {
        const std::string counted = plural(static_cast<int>(steps), "step");
        return hours == 0 ? counted : fmt::format("{} and about {}", counted, plural(hours, "hour"));
    };
    const std::size_t next = plan.next_steps().size();
    if (next == plan.steps.size()) {
        return fmt::format("Total to the targets: {}", steps_and_hours(next, plan.total_hours));
    }
    return fmt::format("Next: {}; the whole way to the targets is {}{}", steps_and_hours(next, plan.next_hours()),
                       steps_and_hours(plan.steps.size(), plan.total_hours),
                       point_to_plan ? ": 'apigap plan' lays it out in weeks" : "");
}

std::string evidence_first_intro(const StudyPlan& plan) {
    std::vector<std::string> names;
    for (const EvidenceToAdd& skill : plan.evidence_first) {
        names.push_back(skill.skill_name);
    }
    return fmt::format(
        "First, your resume: it shows no evidence of {}, so {} rated 0. If you have done this work, "
        "write it in your experience or projects, the way these lines do; study what you have not done.",
        join_names(names), names.size() == 1 ? "it is" : "they are");
}

std::string_view no_evidence_label(const TargetScore& score) {
    return score.no_evidence ? " (no evidence found)" : "";
}

std::string tie_note(const TargetScore& score) {
    if (score.tie.size() < 2) {
        return {};
    }
    const EvidenceWeight& counted = score.tie.front();
    std::vector<std::string> others;
    std::vector<std::string> evidence;
    for (const EvidenceWeight& member : score.tie) {
        if (&member != &counted) {
            others.push_back(member.skill_name);
        }
        evidence.push_back(
            fmt::format("{}: {}, {} where used", member.skill_name, plural(member.lines, "line"), member.use_lines));
    }
    const bool equal = std::all_of(score.tie.begin(), score.tie.end(), [&](const EvidenceWeight& member) {
        return member.lines == counted.lines && member.use_lines == counted.use_lines;
    });
    const std::string start =
        fmt::format("{}, rated {} like {}", target_label(score), score.rating, join(others, ", "));
    return equal ? fmt::format("{}: the resume's evidence is equal ({}), so the knowledge base's order decides", start,
                               join(evidence, "; "))
                 : fmt::format("{}: chosen by the resume's evidence ({})", start, join(evidence, "; "));
}

}  // namespace apigap::render_detail
