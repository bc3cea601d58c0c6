// Output formats: each renders a finished `Report` and computes nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "apigap/report.hpp"

namespace apigap {

/// The formats every report command offers.
enum class Format { text, json, markdown };

/// Parses `text|json|markdown`; nullopt for anything else.
[[nodiscard]] std::optional<Format> parse_format(std::string_view name);

/// How the text format may draw.
struct TextStyle {
    bool color = false;   ///< ANSI colours (only on a terminal, see `docs/cli.md`)
    bool unicode = true;  ///< block bars and box characters; ASCII when false
};

/// Version of the JSON report schema, `docs/schema/report.schema.json`.
inline constexpr int k_report_schema_version = 1;

/// `report` as a terminal report that fits 80 columns.
[[nodiscard]] std::string render_text(const Report& report, const TextStyle& style);
/// `report` as Markdown for a README, a pull request or `$GITHUB_STEP_SUMMARY`.
[[nodiscard]] std::string render_markdown(const Report& report);
/// `report` as one JSON document, following the published schema; ends with a newline.
[[nodiscard]] std::string render_json(const Report& report);

/// `report` in `format`.
[[nodiscard]] std::string render_report(const Report& report, Format format, const TextStyle& style);

/// `apigap kb list`: the skills by category, the groups, the levels with
/// their pay bands and the tools, in `format` (JSON: `docs/schema/kb-list.schema.json`).
[[nodiscard]] std::string render_kb_list(const KnowledgeBase& kb, Format format, const TextStyle& style);

/// `apigap kb show`: the skill, level, group or tool called `id`, looked up
/// in that order, in full. Throws `Error` (with a suggestion) when none is.
[[nodiscard]] std::string render_kb_item(const KnowledgeBase& kb, std::string_view id, Format format,
                                         const TextStyle& style);

}  // namespace apigap
