// The assessment history on disk: where it lives, its lock, saving an entry
// and loading every entry (docs/history.md).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/history.hpp"
#include "apigap/report.hpp"

namespace CLI {
class App;
}

namespace apigap::cli {

struct Context;

/// The history directory: `$XDG_STATE_HOME/apigap` when `XDG_STATE_HOME` is
/// an absolute path, else `$HOME/.local/state/apigap` (a relative or empty
/// `HOME` does not count). Throws `Error` when there is neither.
[[nodiscard]] std::filesystem::path history_directory();

/// Adds `--save` to `command` (`apigap assess`, `apigap scan`).
void add_save_option(CLI::App& command, bool& save);

/// Saves `report` as the history's next entry, made from `input` (what `history` shows: the answers file or
/// resume, `<stdin>`, `--rate` or `interactive`): creates missing
/// directories with mode 0700, holds the history lock while it names and
/// writes the entry (`write_file`: temporary file, fsync, rename, directory fsync), and
/// removes what killed runs left half-written. The time is `SOURCE_DATE_EPOCH`
/// when set, else the clock. Says where it saved on stderr unless `-q`.
void save_to_history(const Report& report, std::string_view input, const Context& context);

/// The history as it stands on disk.
struct History {
    std::filesystem::path directory;
    std::vector<HistoryEntry> entries;  ///< oldest first, numbered from 1
};

/// Reads every entry under the history lock. A corrupt entry is reported as a
/// warning and renamed aside (`NAME.corrupt`, never replacing a file); one
/// that cannot be opened or read (permission denied, an I/O error) or that a
/// newer apigap wrote is reported and skipped, left as it is. The others are
/// still listed. No directory is an empty history.
[[nodiscard]] History load_history();

}  // namespace apigap::cli
