// Readiness and gaps, exactly as SPEC §3 defines them.
#include "apigap/scoring.hpp"

#include <algorithm>

namespace apigap {

namespace {

TargetScore score_target(const KnowledgeBase& kb, const Profile& profile, const Target& target) {
    TargetScore score;
    score.id = target.id;
    score.rank = target.rank;
    score.target = target.rating;
    score.weight = target.weight;
    if (const Group* group = kb.find_group(target.id)) {
        score.name = group->name;
        std::vector<std::string> members = group->members;
        // Stable: equal ratings keep the group's order, so the choice is deterministic.
        std::stable_sort(members.begin(), members.end(), [&](const std::string& a, const std::string& b) {
            return profile.rating(a) > profile.rating(b);
        });
        const auto index = static_cast<std::size_t>(target.rank - 1);
        if (index < members.size()) {
            score.skill_id = members[index];
        }
    } else {
        score.skill_id = target.id;
    }
    if (const Skill* skill = kb.find_skill(score.skill_id)) {
        score.skill_name = skill->name;
        if (score.name.empty()) {
            score.name = skill->name;
        }
        score.rating = profile.rating(score.skill_id);
    }
    return score;
}

}  // namespace

std::vector<TargetScore> score_targets(const KnowledgeBase& kb, const Profile& profile, const Level& level) {
    std::vector<TargetScore> scores;
    scores.reserve(level.targets.size());
    for (const Target& target : level.targets) {
        scores.push_back(score_target(kb, profile, target));
    }
    return scores;
}

double readiness(const KnowledgeBase& kb, const Profile& profile, const Level& level) {
    double earned = 0.0;
    double possible = 0.0;
    for (const TargetScore& score : score_targets(kb, profile, level)) {
        earned += score.weight * std::min(score.rating, score.target);
        possible += score.weight * score.target;
    }
    return possible > 0.0 ? 100.0 * earned / possible : 100.0;
}

std::vector<Gap> find_gaps(const KnowledgeBase& kb, const Profile& profile, const Level& level) {
    std::vector<Gap> gaps;
    for (TargetScore& score : score_targets(kb, profile, level)) {
        if (score.rating < score.target) {
            const double priority = score.weight * (score.target - score.rating);
            gaps.push_back(Gap{std::move(score), priority});
        }
    }
    std::sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) {
        if (a.priority != b.priority) {
            return a.priority > b.priority;
        }
        if (a.score.id != b.score.id) {
            return a.score.id < b.score.id;
        }
        return a.score.rank < b.score.rank;
    });
    return gaps;
}

}  // namespace apigap
