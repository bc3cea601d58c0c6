// Pieces of the gap report that other views (the study plan, salaries) show
// the same way: a plan step in text or Markdown, steps, gaps and pay in JSON.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "apigap/experience.hpp"
#include "apigap/plan.hpp"
#include "json_support.hpp"
#include "text_layout.hpp"

namespace apigap::render_detail {

/// Step `number` of a plan in the text report: title, `when` (if any), goal,
/// project and resources.
void write_step(TextWriter& out, const PlanStep& step, std::size_t number, std::string_view when = {});

/// A plan step as a Markdown checklist item, `when` (if any) in front.
void write_step(std::string& out, const PlanStep& step, std::string_view when = {});

/// The skills a resume shows no evidence of and lines that would show them, before the plan's steps (nothing
/// when there are none): in text, then as Markdown.
void write_evidence_first(TextWriter& out, const StudyPlan& plan);
void write_evidence_first(std::string& out, const StudyPlan& plan);

/// The sentence that opens the plan's skills with no evidence: "Your resume shows no evidence of A or B, so …".
[[nodiscard]] std::string evidence_first_intro(const StudyPlan& plan);

/// " (no evidence found)" after a rating a resume shows no evidence of, else empty.
[[nodiscard]] std::string_view no_evidence_label(const TargetScore& score);

[[nodiscard]] Json step_json(const PlanStep& step);
[[nodiscard]] Json evidence_first_json(const StudyPlan& plan);

/// "  (rung 2 of 3, target 4)" after a step's move when its gap takes more than one rung, else empty.
[[nodiscard]] std::string rung_label(const PlanStep& step);

/// The last line of a report's study plan, which shows only each gap's next rung: the steps and hours of those,
/// and of the whole way to the targets when it takes more (with `point_to_plan`, "…: 'apigap plan' lays it out
/// in weeks").
[[nodiscard]] std::string plan_total(const StudyPlan& plan, bool point_to_plan = true);

/// For a group target whose member tied with others: which member counts and the evidence that chose it
/// ("Programming languages: Go, rated 3 like Python: chosen by the resume's evidence (Go: 5 lines, 4 where
/// used; Python: …)"); else empty.
[[nodiscard]] std::string tie_note(const TargetScore& score);
[[nodiscard]] Json gap_json(const Gap& gap);
[[nodiscard]] Json salary_json(const SalaryBand& band);
/// The knowledge base's pay reference, or null when it has none.
[[nodiscard]] Json pay_reference_json(const PayReference& reference);

/// One line on what the resume reads as: "reads as mid: 4.5 years from 3
/// roles, latest 'Software Engineer II'", or "no level read: no dated work entries".
[[nodiscard]] std::string experience_summary(const Experience& experience);

/// The target level and, unless `--level` chose it, where it came from: "mid (read from the resume)".
[[nodiscard]] std::string target_summary(std::string_view level_id, TargetSource source);

/// `experience` as the `experience` object of the JSON reports.
[[nodiscard]] Json experience_json(const Experience& experience);

/// `option`, `resume` or `default`, as the JSON reports write it.
[[nodiscard]] std::string_view to_string(TargetSource source);

}  // namespace apigap::render_detail
