// Where a command's ratings come from: an answers file and `--rate` flags, or
// a resume (and, for `plan`, a saved report). Shared by the commands that score.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "apigap/knowledge_base.hpp"
#include "apigap/profile.hpp"
#include "apigap/report.hpp"
#include "resume_options.hpp"

namespace CLI {
class App;
}

namespace apigap::cli {

/// `--answers`, `--rate`, `--resume` and `--report` as a command declares them.
struct ProfileSources {
    std::string answers_path;
    std::vector<std::string> rates;
    ResumeOptions resume;     ///< `resume.path` empty: no resume
    std::string report_path;  ///< a saved `--format json` report or history entry; empty: none
};

/// The ratings read, the level the input names (answers may), and the resume read.
struct ProfileInput {
    Profile profile;
    std::optional<std::string> level;
    std::optional<ResumeSummary> resume;
};

/// Adds `--answers FILE` and `--rate ID=N` (repeatable) to `command`.
void add_answer_options(CLI::App& command, ProfileSources& sources);

/// Adds the answer options, `--resume FILE` with its format options and `--report FILE` to `command`.
void add_profile_sources(CLI::App& command, ProfileSources& sources);

/// Whether any source was given.
[[nodiscard]] bool has_profile_source(const ProfileSources& sources);

/// Reads the ratings from `sources`: answers then `--rate` flags on top, a resume (with each
/// extraction warning logged), or a saved report (its ratings and level). Throws `Error` when a
/// resume or a report is given with another source.
[[nodiscard]] ProfileInput read_profile(const ProfileSources& sources, const KnowledgeBase& kb);

}  // namespace apigap::cli
