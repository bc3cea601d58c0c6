// Output formats: each renders a finished `Report` or `CheckReport` and computes nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "apigap/check.hpp"
#include "apigap/history.hpp"
#include "apigap/match.hpp"
#include "apigap/match_postings.hpp"
#include "apigap/progress.hpp"
#include "apigap/report.hpp"

namespace apigap {

/// The output formats. Every report command offers text, json and markdown;
/// `apigap check` and `apigap match` add the formats of CI systems: sarif,
/// junit and github; `assess`, `scan` and `match` add html.
enum class Format { text, json, markdown, sarif, junit, github, html };

/// Parses `text|json|markdown|sarif|junit|github|html`; nullopt for anything else.
[[nodiscard]] std::optional<Format> parse_format(std::string_view name);

/// The narrowest and the widest text output, in columns (`docs/cli.md`, "Width"): a narrower terminal wraps the
/// lines itself, and a wider one gets lines no longer than this, which still read.
inline constexpr std::size_t k_min_text_width = 40;
inline constexpr std::size_t k_max_text_width = 250;
/// The width of text output that does not go to a terminal (a pipe, a file).
inline constexpr std::size_t k_default_text_width = 80;

/// How the text format may draw.
struct TextStyle {
    bool color = false;                        ///< ANSI colours (only on a terminal, see `docs/cli.md`)
    bool unicode = true;                       ///< block bars and box characters; ASCII when false
    std::size_t width = k_default_text_width;  ///< the columns to fit, `k_min_text_width` to `k_max_text_width`
    bool verbose = false;  ///< `-v`: every evidence line, whole, instead of the first few cut to one line each
};

/// Version of the JSON report schema, `docs/schema/report.schema.json`.
inline constexpr int k_report_schema_version = 1;

/// `report` as a terminal report that fits `style.width` columns.
[[nodiscard]] std::string render_text(const Report& report, const TextStyle& style);
/// `report` as Markdown for a README, a pull request or `$GITHUB_STEP_SUMMARY`.
[[nodiscard]] std::string render_markdown(const Report& report);
/// `report` as one JSON document, following the published schema; ends with a newline.
[[nodiscard]] std::string render_json(const Report& report);
/// `report` as one self-contained HTML5 page (inline CSS and SVG, no script,
/// nothing fetched): readiness, a radar chart of the target level, gaps, plan.
[[nodiscard]] std::string render_html(const Report& report);

/// `report` in `format`: text, json, markdown or html (another is a bug: `Error` with exit code 3).
[[nodiscard]] std::string render_report(const Report& report, Format format, const TextStyle& style);

/// `apigap plan`: the gaps of `report` and `schedule` in text, json (`docs/schema/plan.schema.json`) or markdown
/// (a checklist to paste into an issue or a notes app).
[[nodiscard]] std::string render_plan(const Report& report, const Schedule& schedule, Format format,
                                      const TextStyle& style);

/// Most annotations of one kind (error, warning, notice) GitHub shows for a step.
inline constexpr std::size_t k_github_annotations_per_kind = 10;
/// `apigap check`'s result in `format` (JSON: `docs/schema/check.schema.json`;
/// SARIF 2.1.0; JUnit XML; GitHub workflow commands, capped per kind as GitHub caps them).
[[nodiscard]] std::string render_check(const CheckReport& report, Format format, const TextStyle& style);

/// `apigap match`'s result in `format` (JSON: `docs/schema/match.schema.json`; SARIF 2.1.0, JUnit XML and GitHub
/// workflow commands on the resume's file, one finding per missing skill; one self-contained HTML page).
[[nodiscard]] std::string render_match(const MatchReport& report, Format format, const TextStyle& style = {});

/// `apigap match` against many postings in `format`: text, json (`docs/schema/match-postings.schema.json`),
/// markdown or html (another format is a bug: `Error` with `ExitCode::internal`).
[[nodiscard]] std::string render_match_postings(const PostingsReport& report, Format format,
                                                const TextStyle& style = {});

/// `apigap kb list`: the skills by category, the groups, the levels with
/// their pay bands and the tools, in `format` (JSON: `docs/schema/kb-list.schema.json`).
[[nodiscard]] std::string render_kb_list(const KnowledgeBase& kb, Format format, const TextStyle& style);

/// `apigap salary`: each level's pay band, with the sources and caveats
/// (JSON: `docs/schema/salary.schema.json`).
[[nodiscard]] std::string render_salary(const KnowledgeBase& kb, Format format, const TextStyle& style);

/// `apigap kb show`: the skill, level, group or tool called `id` (in any case, `id_in_any_case`), looked up
/// in that order, in full. Throws `Error` (with a suggestion) when none is.
[[nodiscard]] std::string render_kb_item(const KnowledgeBase& kb, std::string_view id, Format format,
                                         const TextStyle& style);

/// A history entry (`docs/history.md`, `docs/schema/history-entry.schema.json`):
/// `render_json(report)`'s document under `report`, with `saved_at` (UTC,
/// `YYYY-MM-DDTHH:MM:SSZ`) and the `input` it was made from (null when none).
[[nodiscard]] std::string render_history_entry(const Report& report, std::string_view saved_at,
                                               const std::optional<std::string>& input);

/// `apigap history`: one line per entry, oldest first, in `format` (JSON:
/// `docs/schema/history.schema.json`). An empty history renders as nothing,
/// except in JSON, where `entries` is empty.
[[nodiscard]] std::string render_history(const std::vector<HistoryEntry>& entries, Format format,
                                         const TextStyle& style);

/// `apigap progress`: readiness per level and ratings per skill from one entry
/// to another, and the target level's readiness over the history, in `format`
/// (JSON: `docs/schema/progress.schema.json`).
[[nodiscard]] std::string render_progress(const Progress& progress, Format format, const TextStyle& style);

/// `apigap batch`: one line of JSON Lines (`docs/schema/batch-line.schema.json`) for the resume at `path`, read
/// as `resume` and scored as `score`: format, level, readiness and every skill's rating, and with `match`
/// (`batch --job`), the match as `render_match`'s JSON gives it after the resume.
[[nodiscard]] std::string render_batch_line(std::string_view path, const ResumeSummary& resume,
                                            const ScoreSummary& score, const MatchReport* match = nullptr);
/// `apigap batch`: the line for a resume that could not be read, with the error `message`.
[[nodiscard]] std::string render_batch_error(std::string_view path, std::string_view message);

}  // namespace apigap
