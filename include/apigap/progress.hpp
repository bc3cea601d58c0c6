// What changed between two saved assessments: readiness per level, ratings
// per skill, and the target level's readiness over the whole history.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "apigap/history.hpp"

namespace apigap {

/// One end of the comparison.
struct ProgressEnd {
    int number = 0;
    std::optional<std::string> saved_at;
    std::string level_id;
    std::string level_name;
    std::optional<std::string> input;
};

/// A level's readiness in both entries; `from` or `to` is nullopt when that
/// entry has no such level (the knowledge base changed in between).
struct ReadinessChange {
    std::string level_id;
    std::string level_name;
    std::optional<double> from;
    std::optional<double> to;
    std::optional<double> change;  ///< `to − from` to one decimal, when both are known
};

/// A skill's rating in both entries (0 when an entry did not rate it or it was skipped).
struct SkillChange {
    std::string id;
    std::string name;
    int from = 0;
    int to = 0;
    int change = 0;  ///< `to − from`
};

/// The target level's readiness in one entry of the history.
struct TrendPoint {
    int number = 0;
    std::optional<std::string> saved_at;
    std::optional<double> readiness;  ///< nullopt when the entry has no such level
};

/// The change from one saved assessment to another.
struct Progress {
    ProgressEnd from;
    ProgressEnd to;
    std::string level_id;  ///< the level progress is measured for: `to`'s target level
    std::string level_name;
    std::vector<ReadinessChange> readiness;  ///< `to`'s levels in its order, then any only `from` has
    std::vector<SkillChange> skills;         ///< every skill either rates, by change (biggest gain first), then id
    std::vector<TrendPoint> trend;           ///< the target level's readiness in every entry, oldest first
};

/// Compares `history[pair.from]` with `history[pair.to]` (see `select_progress_entries`).
[[nodiscard]] Progress make_progress(const std::vector<HistoryEntry>& history, EntryPair pair);

}  // namespace apigap
