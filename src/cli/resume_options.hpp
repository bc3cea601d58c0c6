// The options of the commands that read a resume, and reading it (or a job posting) with them.
#pragma once

#include <cstddef>
#include <string>

#include "apigap/experience.hpp"
#include "apigap/input.hpp"
#include "apigap/keywords.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/match.hpp"
#include "apigap/resume.hpp"
#include "apigap/resume_pipeline.hpp"

namespace CLI {
class App;
}

namespace apigap::cli {

/// The resume positional argument, `--input-format` and `--max-bytes`.
struct ResumeOptions {
    std::string path;
    std::string input_format;  ///< empty: detect
    std::size_t max_bytes = k_default_max_bytes;
};

/// Adds the `RESUME` argument, `--input-format` and `--max-bytes` to `command`.
void add_resume_options(CLI::App& command, ResumeOptions& options);

/// Adds `--input-format` and `--max-bytes` alone, for a command that names the resume with an option.
void add_resume_format_options(CLI::App& command, ResumeOptions& options);

/// Reads the resume `options` name (what `check --source` compares a resume with), as a command without
/// `--input-format` does (`DocumentRole::detected_resume`).
[[nodiscard]] ResumeDocument read_resume(const ResumeOptions& options, const KnowledgeBase& kb);

/// Runs `pipeline` on the resume `options` name, rating it unless `rate` is false, and with `-vv` logs each
/// stage's time and each keyword found but not counted (`log_trace`).
ScannedResume& scan_resume(ResumePipeline& pipeline, const ResumeOptions& options, bool rate = true);

/// Reads the job posting at `path` (`-`: stdin; any resume format, detected) and finds its skills with `matcher`,
/// for `match` and `batch --job`; `level` (empty: the posting's own) and the errors as `read_posting` has them.
[[nodiscard]] Posting load_posting(const std::string& path, const KnowledgeBase& kb, const KeywordMatcher& matcher,
                                   std::string_view level, std::size_t max_bytes = k_default_max_bytes);

/// Logs each of `document`'s extraction warnings on stderr.
void log_warnings(const ResumeDocument& document);

/// This month: `APIGAP_TODAY` (`YYYY-MM-DD`) when it is set, else the system clock's, in UTC.
/// Throws `Error` when `APIGAP_TODAY` is not a date.
[[nodiscard]] YearMonth today();

/// What a resume reads as and the level a command targets.
struct ResumeLevel {
    Experience experience;
    std::string level;  ///< `--level`, else the experience's level, else `k_default_level`
    TargetSource source = TargetSource::option;
};

/// Reads `resume`'s experience (logged with `-v`) and picks the target level; `level` is `--level` (empty: not
/// given).
[[nodiscard]] ResumeLevel resume_level(const ScannedResume& resume, const KnowledgeBase& kb, const std::string& level);

}  // namespace apigap::cli
