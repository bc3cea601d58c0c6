// Assembling the neutral report from the scoring engine's results.
#include "apigap/report.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "apigap/suggest.hpp"

namespace apigap {

const Level& require_level(const KnowledgeBase& kb, std::string_view id) {
    if (const Level* level = kb.find_level(id_in_any_case(id))) {
        return *level;
    }
    std::string known;
    std::vector<std::string> ids;
    for (const Level& level : kb.levels) {
        known += known.empty() ? level.id : ", " + level.id;
        ids.push_back(level.id);
    }
    if (const std::optional<std::string> nearest = closest_match(id_in_any_case(id), ids)) {
        throw Error(fmt::format("unknown level '{}' (did you mean '{}'?)", id, *nearest));
    }
    throw Error(fmt::format("unknown level '{}'; expected one of: {}", id, known));
}

namespace {

/// The report without its `skills`.
Report scored_report(const KnowledgeBase& kb, const Profile& profile, std::string_view level_id) {
    const Level& level = require_level(kb, level_id);
    Report report;
    report.level_id = level.id;
    report.level_name = level.name;
    report.level_focus = level.focus;
    report.pay_reference = kb.pay_reference;
    for (const Level& each : kb.levels) {
        report.readiness.push_back(LevelReadiness{each.id, each.name, readiness(kb, profile, each), each.salary});
    }
    const auto target =
        std::find_if(kb.levels.begin(), kb.levels.end(), [&](const Level& each) { return &each == &level; });
    if (target != kb.levels.end() && target + 1 != kb.levels.end()) {
        report.next_level_id = (target + 1)->id;
    }
    report.targets = score_targets(kb, profile, level);
    report.gaps = find_gaps(kb, profile, level);
    report.plan = make_plan(kb, report.gaps);
    return report;
}

}  // namespace

ScoreSummary summarize(const KnowledgeBase& kb, const Profile& profile, std::string_view level_id) {
    const Level& level = require_level(kb, level_id);
    ScoreSummary summary{level.id, readiness(kb, profile, level), {}};
    for (const Skill& skill : kb.skills) {
        if (const auto it = profile.ratings().find(skill.id); it != profile.ratings().end()) {
            summary.ratings.emplace_back(skill.id, it->second.rating);
        }
    }
    return summary;
}

ScoreSummary summarize(const Report& report) {
    ScoreSummary summary{report.level_id, 0.0, {}};
    for (const LevelReadiness& level : report.readiness) {
        if (level.level_id == report.level_id) {
            summary.readiness = level.readiness;
        }
    }
    for (const RatedSkill& skill : report.skills) {
        summary.ratings.emplace_back(skill.id, skill.rating.rating);
    }
    return summary;
}

Report make_report(const KnowledgeBase& kb, const Profile& profile, std::string_view level_id) {
    Report report = scored_report(kb, profile, level_id);
    for (const Skill& skill : kb.skills) {
        const auto it = profile.ratings().find(skill.id);
        if (it != profile.ratings().end()) {
            report.skills.push_back(RatedSkill{skill.id, skill.name, skill.category, it->second});
        }
    }
    return report;
}

Report make_report(const KnowledgeBase& kb, Profile&& profile, std::string_view level_id) {
    Report report = scored_report(kb, profile, level_id);
    auto ratings = profile.release();
    for (const Skill& skill : kb.skills) {
        const auto it = ratings.find(skill.id);
        if (it != ratings.end()) {
            report.skills.push_back(RatedSkill{skill.id, skill.name, skill.category, std::move(it->second)});
        }
    }
    return report;
}

}  // namespace apigap
