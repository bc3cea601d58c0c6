// The Markdown report, for a README, a pull request comment or `$GITHUB_STEP_SUMMARY`.
#include <fmt/format.h>

#include "apigap/render.hpp"
#include "report_parts.hpp"
#include "text_layout.hpp"

namespace apigap {

// The report's parts, in a namespace of their own: html.cpp has parts of the same names.
namespace markdown_report {

namespace {

using render_detail::markdown_escape;
using render_detail::write_step;

std::string from_to(int from, int to) {
    return fmt::format("{} → {}", from, to);
}

void write_readiness(std::string& out, const Report& report) {
    out += "| Level | Readiness | Salary band |\n|:--|--:|:--|\n";
    for (const LevelReadiness& level : report.readiness) {
        const std::string name = level.level_id == report.level_id
                                     ? fmt::format("**{}** (target)", markdown_escape(level.level_name))
                                     : markdown_escape(level.level_name);
        out += fmt::format("| {} | {}% | {} |\n", name, render_detail::whole_percent(level.readiness),
                           markdown_escape(render_detail::salary_band(level.salary, "–")));
    }
    if (const std::string pay = render_detail::pay_summary(report, "–"); !pay.empty()) {
        out += fmt::format("\n**Pay:** {}", markdown_escape(pay));
        for (const std::string& source : render_detail::pay_sources(report)) {
            out += fmt::format(" Source: <{}>", source);
        }
        out += '\n';
    }
}

void write_evidence(std::string& out, const Report& report) {
    std::string rows;
    for (const RatedSkill& skill : report.skills) {
        std::string lines;
        for (const Evidence& evidence : skill.rating.evidence) {
            lines +=
                fmt::format("{}L{} ({})", lines.empty() ? "" : ", ", evidence.line, markdown_escape(evidence.keyword));
        }
        if (!lines.empty()) {
            rows += fmt::format("| {} | {} | {} |\n", markdown_escape(skill.name), skill.rating.rating, lines);
        }
    }
    if (!rows.empty()) {
        out += "\n### Evidence\n\n| Skill | Rating | Resume lines |\n|:--|--:|:--|\n" + rows;
    }
}

void write_targets(std::string& out, const Report& report) {
    if (report.targets.empty()) {
        return;
    }
    out += fmt::format("\n### Skills for {}\n\n", markdown_escape(report.level_name));
    out += "| Skill | Current | Target | Weight |\n|:--|--:|--:|--:|\n";
    for (const TargetScore& score : report.targets) {
        out += fmt::format("| {} | {}{} | {} | {} |\n", markdown_escape(render_detail::target_label(score)),
                           score.rating, render_detail::no_evidence_label(score), score.target,
                           render_detail::format_number(score.weight));
    }
    for (const TargetScore& score : report.targets) {
        if (const std::string note = render_detail::tie_note(score); !note.empty()) {
            out += fmt::format("\n{}.\n", markdown_escape(note));
        }
    }
}

void write_gaps(std::string& out, const Report& report) {
    out += "\n### Gaps by priority\n\n";
    if (report.gaps.empty()) {
        out += fmt::format("No gaps: you meet every target for {}.\n", markdown_escape(report.level_name));
        return;
    }
    std::size_t rank = 0;
    for (const Gap& gap : report.gaps) {
        out += fmt::format("{}. **{}**: {}, priority {}{}\n", ++rank,
                           markdown_escape(render_detail::target_label(gap.score)),
                           from_to(gap.score.rating, gap.score.target), render_detail::format_number(gap.priority),
                           render_detail::no_evidence_label(gap.score));
    }
}

void write_plan(std::string& out, const Report& report) {
    if (report.plan.steps.empty()) {
        return;
    }
    out += "\n### Study plan\n\n";
    render_detail::write_evidence_first(out, report.plan);
    for (const PlanStep& step : report.plan.next_steps()) {
        write_step(out, step);
    }
    out += fmt::format("\n{}.\n", markdown_escape(render_detail::plan_total(report.plan)));
}

}  // namespace

}  // namespace markdown_report

std::string render_markdown(const Report& report) {
    using render_detail::markdown_escape;
    std::string out = fmt::format("## apigap: {} readiness\n\n", markdown_escape(report.level_name));
    if (!report.level_focus.empty()) {
        out += fmt::format("**Focus:** {}\n\n", markdown_escape(report.level_focus));
    }
    if (report.resume) {
        out += fmt::format("**Resume:** {} ({}, {} lines)\n\n", markdown_escape(report.resume->source),
                           to_string(report.resume->format), report.resume->lines);
    }
    if (report.experience) {
        out += fmt::format("**Experience:** {}; target: {}\n\n",
                           markdown_escape(render_detail::experience_summary(*report.experience)),
                           markdown_escape(render_detail::target_summary(report.level_id, report.level_source)));
    }
    markdown_report::write_readiness(out, report);
    markdown_report::write_evidence(out, report);
    markdown_report::write_targets(out, report);
    markdown_report::write_gaps(out, report);
    markdown_report::write_plan(out, report);
    return out;
}

}  // namespace apigap

namespace apigap::render_detail {

void write_evidence_first(std::string& out, const StudyPlan& plan) {
    if (plan.evidence_first.empty()) {
        return;
    }
    out += markdown_escape(evidence_first_intro(plan)) + "\n\n";
    for (const EvidenceToAdd& skill : plan.evidence_first) {
        out += fmt::format("- **{}**\n", markdown_escape(skill.skill_name));
        for (const std::string& example : skill.examples) {
            out += fmt::format("  - {}\n", markdown_escape(example));
        }
    }
    out += "\n";
}

void write_step(std::string& out, const PlanStep& step, std::string_view when) {
    out += fmt::format("- [ ] {}**{}** {} \u2192 {}{}", when.empty() ? "" : fmt::format("{}: ", markdown_escape(when)),
                       markdown_escape(step.skill_name), step.from, step.to, rung_label(step));
    out += step.goal.empty() ? "\n" : fmt::format(": {}\n", markdown_escape(step.goal));
    if (step.project) {
        out += fmt::format("  - Project: **{}** ({} h)", markdown_escape(step.project->title), step.project->hours);
        out += step.project->description.empty() ? "\n"
                                                 : fmt::format(": {}\n", markdown_escape(step.project->description));
    }
    for (const Resource& resource : step.resources) {
        out += fmt::format("  - [{}]({})\n", markdown_escape(resource.title), markdown_link_target(resource.url));
    }
}

}  // namespace apigap::render_detail
