// The assessment history's rules that need no file system: entry names and
// their order, save times, and which entries `apigap progress` compares.
// The store itself (directory, lock, atomic writes) is in `src/cli/history_store.cpp`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/saved_report.hpp"

namespace apigap {

/// One saved assessment, numbered as `apigap history` lists it.
struct HistoryEntry {
    int number = 0;    ///< 1 for the oldest entry
    std::string file;  ///< its file name in the history directory
    SavedReport report;
};

/// The latest time a history entry can have: 9999-12-31T23:59:59Z.
inline constexpr std::int64_t k_max_timestamp = 253'402'300'799;

/// `seconds` since 1970-01-01T00:00:00Z as `YYYY-MM-DDTHH:MM:SSZ`; `seconds`
/// is clamped to [0, `k_max_timestamp`].
[[nodiscard]] std::string utc_timestamp(std::int64_t seconds);

/// The value of `SOURCE_DATE_EPOCH` as seconds: decimal digits only, at most
/// `k_max_timestamp`. Throws `Error` naming the variable otherwise.
[[nodiscard]] std::int64_t parse_source_date_epoch(std::string_view value);

/// The file name of the entry with sequence number `sequence` saved at
/// `seconds`: `000042-20260101T120000Z.json` (at least six digits).
[[nodiscard]] std::string history_entry_name(std::uint64_t sequence, std::int64_t seconds);

/// Whether `file_name` is exactly an entry name as `history_entry_name` makes them.
[[nodiscard]] bool is_history_entry_name(std::string_view file_name);

/// The sequence number of an entry name, or of a name that starts with one
/// (an entry set aside as `NAME.corrupt`); nullopt for any other name.
[[nodiscard]] std::optional<std::uint64_t> history_sequence(std::string_view file_name);

/// The sequence number the next entry gets: one more than the highest among
/// `file_names` (entries set aside count too, so a number is never reused); 1 when there is none.
[[nodiscard]] std::uint64_t next_history_sequence(const std::vector<std::string>& file_names);

/// The entry names among `file_names`, in save order: by sequence number, then name.
[[nodiscard]] std::vector<std::string> history_entry_names(const std::vector<std::string>& file_names);

/// Whether `file_name` is the temporary file of an entry being written
/// (`.NAME.XXXXXX`, see `cli::write_output`), which a killed run leaves behind.
[[nodiscard]] bool is_history_temp_name(std::string_view file_name);

/// The name a corrupt entry is set aside as on the `attempt`-th try:
/// `NAME.corrupt`, then `NAME.corrupt.1`, `NAME.corrupt.2`, …
[[nodiscard]] std::string set_aside_name(std::string_view file_name, int attempt);

/// Two entries to compare, as indexes into the history (0 the oldest).
struct EntryPair {
    std::size_t from = 0;
    std::size_t to = 0;
};

/// Which entries `apigap progress` compares in a history of `count` entries:
/// none given, the last two; one number N, entry N and the latest; two, those
/// two. Numbers are 1-based as `apigap history` shows them. Throws `Error`
/// when the history has too few entries, a number is out of range, more than
/// two are given, or both name the same entry.
[[nodiscard]] EntryPair select_progress_entries(const std::vector<long>& numbers, std::size_t count);

}  // namespace apigap
