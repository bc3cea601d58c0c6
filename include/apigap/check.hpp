// The CI gate: how well a resume covers a level's keywords, and what an ATS
// or a recruiter would hold against it. Rules: docs/check.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "apigap/experience.hpp"
#include "apigap/inference.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/resume.hpp"

namespace apigap {

/// How much a finding matters: an `error` fails the gate.
enum class Severity { error, warning, note };

/// `error`, `warning` or `note`.
[[nodiscard]] std::string_view to_string(Severity severity);

/// Something to change in the resume. `line` is 0 when it is about the whole file.
struct Finding {
    std::string rule;
    Severity severity = Severity::warning;
    int line = 0;
    std::string message;
    std::string fix;
};

/// A rule `check` applies, for the formats that list rules (SARIF, JUnit).
struct CheckRule {
    std::string_view id;
    Severity severity;
    std::string_view description;
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
    std::vector<Finding> findings;       ///< by line (whole-file findings first), then rule

    /// Whether the gate passes: the score reaches `min_score` and no finding is an error.
    [[nodiscard]] bool passed() const;
};

/// Checks `document` against `options`. Throws `Error` for an unknown level
/// or required skill. `mentions` are `find_mentions(document, …)`.
[[nodiscard]] CheckReport make_check(const KnowledgeBase& kb, const ResumeDocument& document,
                                     const std::vector<Mention>& mentions, const CheckOptions& options);

/// The resume-quality findings alone: contact details, sections, measurable
/// results, weak phrases, length, dates, and what the reader warned about.
[[nodiscard]] std::vector<Finding> resume_findings(const ResumeRules& rules, const ResumeDocument& document);

}  // namespace apigap
