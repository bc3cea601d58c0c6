// Comparing two saved assessments.
#include "apigap/progress.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace apigap {

namespace {

/// `value` in tenths, as the report rounded it.
long tenths(double value) {
    return std::lround(value * 10.0);
}

ProgressEnd end_of(const HistoryEntry& entry) {
    return ProgressEnd{entry.number, entry.report.saved_at, entry.report.level_id, entry.report.level_name,
                       entry.report.input};
}

std::vector<ReadinessChange> readiness_changes(const SavedReport& from, const SavedReport& to) {
    std::vector<ReadinessChange> changes;
    for (const SavedReadiness& level : to.readiness) {
        changes.push_back(ReadinessChange{level.level_id, level.level_name, from.readiness_for(level.level_id),
                                          level.readiness, std::nullopt});
    }
    for (const SavedReadiness& level : from.readiness) {
        if (!to.readiness_for(level.level_id)) {
            changes.push_back(
                ReadinessChange{level.level_id, level.level_name, level.readiness, std::nullopt, std::nullopt});
        }
    }
    for (ReadinessChange& change : changes) {
        if (change.from && change.to) {
            change.change = static_cast<double>(tenths(*change.to) - tenths(*change.from)) / 10.0;
        }
    }
    return changes;
}

std::vector<SkillChange> skill_changes(const SavedReport& from, const SavedReport& to) {
    std::map<std::string, std::string> names;
    for (const RatedSkill& skill : from.skills) {
        names[skill.id] = skill.name;
    }
    for (const RatedSkill& skill : to.skills) {
        names[skill.id] = skill.name;  // the later name wins
    }
    std::vector<SkillChange> changes;
    for (const auto& [id, name] : names) {
        const int before = from.profile.rating(id);
        const int after = to.profile.rating(id);
        changes.push_back(SkillChange{id, name, before, after, after - before});
    }
    std::stable_sort(changes.begin(), changes.end(),
                     [](const SkillChange& a, const SkillChange& b) { return a.change > b.change; });
    return changes;
}

}  // namespace

Progress make_progress(const std::vector<HistoryEntry>& history, EntryPair pair) {
    const HistoryEntry& from = history.at(pair.from);
    const HistoryEntry& to = history.at(pair.to);
    Progress progress;
    progress.from = end_of(from);
    progress.to = end_of(to);
    progress.level_id = to.report.level_id;
    progress.level_name = to.report.level_name;
    progress.readiness = readiness_changes(from.report, to.report);
    progress.skills = skill_changes(from.report, to.report);
    for (const HistoryEntry& entry : history) {
        progress.trend.push_back(
            TrendPoint{entry.number, entry.report.saved_at, entry.report.readiness_for(progress.level_id)});
    }
    return progress;
}

}  // namespace apigap
