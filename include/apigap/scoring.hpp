// The scoring model of SPEC §3: readiness per level and the gaps, ordered.
#pragma once

#include <string>
#include <vector>

#include "apigap/knowledge_base.hpp"
#include "apigap/profile.hpp"

namespace apigap {

/// How much resume evidence a skill has: what breaks a tie between group members rated the same.
struct EvidenceWeight {
    std::string skill_id;
    std::string skill_name;
    int lines = 0;      ///< resume lines that evidence it
    int use_lines = 0;  ///< of those, lines in a section where skills are used (experience, projects)

    friend bool operator==(const EvidenceWeight&, const EvidenceWeight&) = default;
};

/// How a profile stands against one target of a level.
struct TargetScore {
    std::string id;          ///< the skill or group targeted
    int rank = 1;            ///< for a group: which member counts
    std::string name;        ///< the skill's or group's display name
    std::string skill_id;    ///< the skill that counts (the member, for a group)
    std::string skill_name;  ///< that skill's display name
    int rating = 0;
    int target = 0;
    double weight = 0.0;
    /// For a group: when other members are rated the same as the one that counts, that one first and then the
    /// others, each with its evidence; empty when no member ties with it or the tie is at 0.
    std::vector<EvidenceWeight> tie;
    /// Rated 0 from a resume that shows no evidence of the skill: unknown, not known to be none.
    bool no_evidence = false;
};

/// A target not yet met, with its priority `weight × (target − rating)`.
struct Gap {
    TargetScore score;
    double priority = 0.0;
};

/// Scores every target of `level`: the skill's own rating, or for a group its `rank`-th best member. Members
/// rated the same are ordered by their resume evidence (more lines, then more lines where the skill was used),
/// then by the group's member order.
[[nodiscard]] std::vector<TargetScore> score_targets(const KnowledgeBase& kb, const Profile& profile,
                                                     const Level& level);

/// 100 × Σ w·min(r, t) / Σ w·t over `level`'s targets; always in [0, 100].
[[nodiscard]] double readiness(const KnowledgeBase& kb, const Profile& profile, const Level& level);

/// The targets of `level` with rating < target, by priority (highest first),
/// then by id and rank.
[[nodiscard]] std::vector<Gap> find_gaps(const KnowledgeBase& kb, const Profile& profile, const Level& level);

}  // namespace apigap
