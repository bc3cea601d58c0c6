// Reading a report back: what `apigap assess` or `apigap scan` wrote with
// `--format json`, or a history entry that holds one (`docs/history.md`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/profile.hpp"
#include "apigap/report.hpp"

namespace apigap {

/// The version of the history entry format, `docs/schema/history-entry.schema.json`.
inline constexpr int k_history_entry_schema_version = 1;

/// Readiness for one level, as a saved report states it (rounded down to one decimal).
struct SavedReadiness {
    std::string level_id;
    std::string level_name;
    double readiness = 0.0;
};

/// What a saved report says about a person at the time it was made.
struct SavedReport {
    std::string kind;  ///< `assessment` or `scan`
    std::string level_id;
    std::string level_name;
    std::vector<SavedReadiness> readiness;  ///< every level, in the report's order; includes `level_id`
    std::vector<RatedSkill> skills;         ///< every rated or skipped skill, in the report's order
    Profile profile;                        ///< the same ratings by id, as `make_report` takes them
    std::optional<std::string> saved_at;    ///< a history entry's time, `YYYY-MM-DDTHH:MM:SSZ` (UTC)
    std::optional<std::string> input;       ///< the answers file or resume the report came from, when known

    /// The readiness for `level_id`, or nullopt when the report has no such level.
    [[nodiscard]] std::optional<double> readiness_for(std::string_view level_id) const;
};

/// Parses a plain `--format json` report (`kind` `assessment` or `scan`) or a
/// history entry (`kind` `history-entry`, the report under `report`), named
/// `source` in messages. Fields it does not read are ignored, so a report
/// with more fields still reads. Throws `Error` with `source:line:col` when
/// the text is not JSON, is truncated, or a field it reads is missing or of
/// the wrong type or range, and when `schema_version` is not 1.
[[nodiscard]] SavedReport parse_saved_report(std::string_view text, std::string_view source);

/// The `schema_version` of the report or history entry `text` when it is higher than this apigap reads
/// (`k_history_entry_schema_version`), in the document or in a history entry's `report`: a newer apigap wrote it,
/// so it is not damaged, only unreadable here. nullopt for anything else, such as text that is not a JSON object
/// or has no whole-number `schema_version` (`parse_saved_report` says what is wrong with it).
[[nodiscard]] std::optional<long> newer_schema_version(std::string_view text, std::string_view source);

/// Whether `text` is a UTC time written `YYYY-MM-DDTHH:MM:SSZ` with a valid
/// month, day, hour, minute and second.
[[nodiscard]] bool is_utc_timestamp(std::string_view text);

}  // namespace apigap
