// Readiness and gaps, exactly as SPEC §3 defines them.
#include "apigap/scoring.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <tuple>

namespace apigap {

namespace {

/// The evidence lines of `skill_id` in `profile`, each line once, and those in a section of `use` evidence.
EvidenceWeight evidence_weight(const KnowledgeBase& kb, const Profile& profile, const std::string& skill_id) {
    EvidenceWeight weight{skill_id, {}, 0, 0};
    if (const Skill* skill = kb.find_skill(skill_id)) {
        weight.skill_name = skill->name;
    }
    const auto rated = profile.ratings().find(skill_id);
    if (rated == profile.ratings().end()) {
        return weight;
    }
    int last_line = -1;  // evidence comes by line; a line with two keywords is listed twice
    for (const Evidence& each : rated->second.evidence) {
        if (each.line == last_line) {
            continue;
        }
        last_line = each.line;
        ++weight.lines;
        const auto section = std::find_if(kb.resume.sections.begin(), kb.resume.sections.end(),
                                          [&](const ResumeSection& s) { return s.id == each.section; });
        weight.use_lines += section != kb.resume.sections.end() && section->evidence == SectionEvidence::use ? 1 : 0;
    }
    return weight;
}

/// The members of `group` from the best to the worst for `profile`: by rating, then evidence, then group order.
std::vector<EvidenceWeight> ranked_members(const KnowledgeBase& kb, const Profile& profile, const Group& group) {
    std::vector<EvidenceWeight> members;
    for (const std::string& id : group.members) {
        members.push_back(evidence_weight(kb, profile, id));
    }
    // Stable: members equal in rating and evidence keep the group's order, so the choice is deterministic.
    std::stable_sort(members.begin(), members.end(), [&](const EvidenceWeight& a, const EvidenceWeight& b) {
        return std::make_tuple(profile.rating(a.skill_id), a.lines, a.use_lines) >
               std::make_tuple(profile.rating(b.skill_id), b.lines, b.use_lines);
    });
    return members;
}

TargetScore score_target(const KnowledgeBase& kb, const Profile& profile, const Target& target) {
    TargetScore score;
    score.id = target.id;
    score.rank = target.rank;
    score.target = target.rating;
    score.weight = target.weight;
    if (const Group* group = kb.find_group(target.id)) {
        score.name = group->name;
        const std::vector<EvidenceWeight> members = ranked_members(kb, profile, *group);
        const auto index = static_cast<std::size_t>(target.rank - 1);
        if (index < members.size()) {
            const EvidenceWeight& counted = members[index];
            score.skill_id = counted.skill_id;
            const int rating = profile.rating(counted.skill_id);
            for (const EvidenceWeight& member : members) {
                if (rating > 0 && profile.rating(member.skill_id) == rating && &member != &counted) {
                    score.tie.push_back(member);
                }
            }
            if (!score.tie.empty()) {
                score.tie.insert(score.tie.begin(), counted);
            }
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
        score.no_evidence = profile.inferred() && score.rating == 0;
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

namespace {

/// The rating `target` counts, from the ratings alone: a group's members sorted by rating give the same rating at
/// each rank whatever breaks their ties. Nullopt when a member is no skill of `kb` (its rating would count 0, and
/// which member counts then depends on the ties): `score_target` decides.
std::optional<int> counted_rating(const KnowledgeBase& kb, const Profile& profile, const Target& target) {
    const Group* group = kb.find_group(target.id);
    if (group == nullptr) {
        return kb.find_skill(target.id) != nullptr ? profile.rating(target.id) : 0;
    }
    std::array<int, 16> small{};  // groups have a handful of members
    std::vector<int> large;
    int* ratings = small.data();
    if (group->members.size() > small.size()) {
        large.resize(group->members.size());
        ratings = large.data();
    }
    for (std::size_t k = 0; k < group->members.size(); ++k) {
        if (kb.find_skill(group->members[k]) == nullptr) {
            return std::nullopt;
        }
        ratings[k] = profile.rating(group->members[k]);
    }
    const auto index = static_cast<std::size_t>(target.rank - 1);
    if (index >= group->members.size()) {
        return 0;
    }
    std::nth_element(ratings, ratings + index, ratings + group->members.size(), std::greater<>());
    return ratings[index];
}

}  // namespace

double readiness(const KnowledgeBase& kb, const Profile& profile, const Level& level) {
    double earned = 0.0;
    double possible = 0.0;
    for (const Target& target : level.targets) {
        const std::optional<int> counted = counted_rating(kb, profile, target);
        const int rating = counted ? *counted : score_target(kb, profile, target).rating;
        earned += target.weight * std::min(rating, target.rating);
        possible += target.weight * target.rating;
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
