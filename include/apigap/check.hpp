// The CI gate: how well a resume covers a level's keywords, and what an ATS
// or a recruiter would hold against it. Rules: docs/check.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/experience.hpp"
#include "apigap/inference.hpp"
#include "apigap/keywords.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/resume.hpp"

namespace apigap {

/// How much a finding matters: an `error` fails the gate.
enum class Severity { error, warning, note };

/// `error`, `warning` or `note`.
[[nodiscard]] std::string_view to_string(Severity severity);

/// Something to change in the resume. `line` is 0 when it is about the whole file; `file` is empty when the
/// finding is on the resume checked, else the file it is on (the source the resume is made from).
struct Finding {
    std::string rule;
    Severity severity = Severity::warning;
    int line = 0;
    std::string message;
    std::string fix;
    std::string file = {};
};

/// A rule `check` applies, for the formats that list rules (SARIF, JUnit).
struct CheckRule {
    std::string_view id;
    Severity severity;
    std::string_view description;
    /// Its findings are about how the file is made (layout, fonts, encoding), not about the words an author
    /// writes: `check --source` leaves them on the resume instead of moving them to the source's lines.
    bool about_file = false;
};

/// Every rule, in the order the documentation lists them.
[[nodiscard]] const std::vector<CheckRule>& check_rules();

/// The rule called `id`, or nullptr.
[[nodiscard]] const CheckRule* find_check_rule(std::string_view id);

/// One skill or group the level targets, and whether the resume names it.
struct CoverageItem {
    std::string id;
    std::string name;
    double weight = 0.0;
    bool covered = false;
    std::vector<std::string> found;    ///< the keywords the resume uses for it, in order of first use
    std::vector<std::string> suggest;  ///< for a missing one: the keywords to name where they were used
};

/// What `check` was asked for.
struct CheckOptions {
    std::string level_id;
    int min_score = 0;
    std::vector<std::string> required;  ///< skill ids that must have evidence
};

/// What comparing the resume with the source it is made from (`check --source`) counted.
struct SourceComparison {
    std::string path;
    InputFormat format = InputFormat::text;
    std::size_t lines = 0;
    std::size_t lines_found = 0;       ///< of them, lines whose words are in the resume's text
    std::size_t keywords = 0;          ///< distinct keywords the source writes
    std::size_t keywords_lost = 0;     ///< of them, not in the resume's text
    std::size_t keywords_mangled = 0;  ///< of them, in the resume's text only split, spaced or merged
    std::size_t results = 0;           ///< measurable results the source states
    std::size_t results_lost = 0;
    std::size_t results_mangled = 0;
    std::size_t findings_moved = 0;  ///< findings on the resume's lines reported at the source line instead
};

/// The outcome of `apigap check` on one resume.
struct CheckReport {
    std::string source;
    InputFormat format = InputFormat::text;
    std::size_t lines = 0;
    std::string level_id;
    std::string level_name;
    TargetSource level_source = TargetSource::option;
    Experience experience;  ///< the years and level the resume reads as
    int score = 0;          ///< weighted share of `coverage` that is covered, 0–100, rounded down
    int min_score = 0;
    std::vector<CoverageItem> coverage;  ///< in the level's target order
    std::vector<Finding> findings;       ///< by file (the resume's first), line (whole-file findings first), rule
    std::optional<SourceComparison> source_comparison;  ///< with `--source`

    /// Whether the gate passes: the score reaches `min_score` and no finding is an error.
    [[nodiscard]] bool passed() const;
};

/// Checks `document` against `options`. Throws `Error` for an unknown level
/// or required skill. `mentions` are `find_mentions(document, …)`.
[[nodiscard]] CheckReport make_check(const KnowledgeBase& kb, const ResumeDocument& document,
                                     const std::vector<Mention>& mentions, const CheckOptions& options);

/// A keyword written on a line: `line` indexes `ResumeDocument::lines`, the span is in that line's text.
struct LineKeyword {
    std::uint32_t line = 0;
    KeywordSpan span;
};

/// Compares `rendered` (the resume checked, usually a PDF or DOCX, with `report` made from it) with `source`, the
/// file it is made from (any format), as docs/check.md ("Checking against the source") describes: adds a finding,
/// at the source's line, for each keyword of `source_keywords` that `rendered_keywords` lacks (lost, or only
/// mangled) and each measurable result the rendered text lacks; moves the findings on `rendered`'s lines to the
/// source lines they come from; fills `report.source_comparison`. `*_keywords` are `find_keywords` of each.
void compare_with_source(CheckReport& report, const ResumeDocument& rendered,
                         const std::vector<LineKeyword>& rendered_keywords, const ResumeDocument& source,
                         const std::vector<LineKeyword>& source_keywords);

/// The resume-quality findings alone: contact details, sections, measurable
/// results, weak phrases, length, dates, and what the reader warned about.
[[nodiscard]] std::vector<Finding> resume_findings(const ResumeRules& rules, const ResumeDocument& document);

}  // namespace apigap
