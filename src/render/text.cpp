// The terminal report: readiness, the target level's skills, gaps and plan in 80 columns.
#include <algorithm>

#include <fmt/format.h>

#include "apigap/render.hpp"
#include "report_parts.hpp"
#include "text_layout.hpp"

namespace apigap {

namespace {

using render_detail::align_right;
using render_detail::display_width;
using render_detail::pad;
using render_detail::TextWriter;
using render_detail::write_step;
namespace sgr = render_detail::sgr;

constexpr int k_readiness_cells = 20;
constexpr std::size_t k_max_level_width = 35;
constexpr std::size_t k_max_skill_width = 44;

/// The colour of a readiness, by the whole percentage shown beside it.
std::string_view readiness_color(int percent) {
    if (percent >= 80) {
        return sgr::k_green;
    }
    return percent >= 50 ? sgr::k_yellow : sgr::k_red;
}

std::string_view rating_color(int rating, int target) {
    if (rating >= target) {
        return sgr::k_green;
    }
    return target - rating == 1 ? sgr::k_yellow : sgr::k_red;
}

/// The width of the name column: the widest of `names`, at most `limit`.
std::size_t column_width(const TextWriter& out, const std::vector<std::string>& names, std::size_t limit) {
    std::size_t width = 0;
    for (const std::string& name : names) {
        width = std::max(width, display_width(out.text(name)));
    }
    return std::min(width, limit);
}

/// `name` fitted into a column of `width`, painted `code` (the padding is not).
std::string cell(const TextWriter& out, std::string_view name, std::size_t width, std::string_view code = {}) {
    const std::string shown = render_detail::truncate(out.text(name), width, out.glyphs().ellipsis);
    const std::size_t used = display_width(shown);
    return out.paint(code, shown) + std::string(used < width ? width - used : 0, ' ');
}

std::string from_to(const TextWriter& out, int from, int to) {
    return fmt::format("{} {} {}", from, out.glyphs().arrow, to);
}

void write_header(TextWriter& out, const Report& report) {
    out.paragraph(0, "apigap: ", report.level_name, sgr::k_bold, sgr::k_bold);
    if (!report.level_focus.empty()) {
        out.paragraph(0, "Focus: ", report.level_focus, sgr::k_dim);
    }
    if (report.resume) {
        out.paragraph(0, "Resume: ",
                      fmt::format("{} ({}, {} lines)", report.resume->source, to_string(report.resume->format),
                                  report.resume->lines),
                      sgr::k_dim);
    }
    if (report.experience) {
        out.paragraph(0, "Experience: ", out.text(render_detail::experience_summary(*report.experience)), sgr::k_dim);
        out.paragraph(0, "Target: ", render_detail::target_summary(report.level_id, report.level_source), sgr::k_dim);
    }
}

void write_readiness(TextWriter& out, const Report& report) {
    out.heading("READINESS");
    std::vector<std::string> names;
    for (const LevelReadiness& level : report.readiness) {
        names.push_back(level.level_name);
    }
    const std::size_t width = column_width(out, names, k_max_level_width);
    for (const LevelReadiness& level : report.readiness) {
        const bool is_target = level.level_id == report.level_id;
        const int percent = render_detail::whole_percent(level.readiness);
        const std::string_view color = readiness_color(percent);
        const std::string bar =
            render_detail::meter(percent * k_readiness_cells / 100, k_readiness_cells, out.glyphs());
        const std::string band = render_detail::salary_band(level.salary, out.glyphs().dash);
        std::string row =
            fmt::format("{} {}  {}  {}", is_target ? out.glyphs().pointer : " ",
                        cell(out, level.level_name, width, is_target ? sgr::k_bold : ""), out.paint(color, bar),
                        out.paint(color, align_right(fmt::format("{}%", percent), 4)));
        if (!band.empty()) {
            row += "  " + out.text(band);
        }
        out.line(row);
    }
    if (const std::string pay = render_detail::pay_summary(report, out.glyphs().dash); !pay.empty()) {
        out.blank();
        out.paragraph(0, "Pay: ", pay, sgr::k_dim);
    }
}

std::vector<std::string> target_labels(const Report& report) {
    std::vector<std::string> labels;
    for (const TargetScore& score : report.targets) {
        labels.push_back(render_detail::target_label(score));
    }
    for (const Gap& gap : report.gaps) {
        labels.push_back(render_detail::target_label(gap.score));
    }
    return labels;
}

/// How many evidence lines a skill shows before "+N more" (JSON has them all).
constexpr std::size_t k_evidence_lines = 3;

void write_evidence(TextWriter& out, const Report& report) {
    const bool any = std::any_of(report.skills.begin(), report.skills.end(),
                                 [](const RatedSkill& skill) { return !skill.rating.evidence.empty(); });
    if (!any) {
        return;
    }
    out.heading("EVIDENCE");
    for (const RatedSkill& skill : report.skills) {
        if (skill.rating.evidence.empty()) {
            continue;
        }
        out.line(fmt::format("  {}  {}", out.paint(sgr::k_bold, out.text(skill.name)), skill.rating.rating));
        // One row per line: evidence is per keyword, and a line often names several.
        std::vector<const Evidence*> lines;
        for (const Evidence& evidence : skill.rating.evidence) {
            if (lines.empty() || lines.back()->line != evidence.line) {
                lines.push_back(&evidence);
            }
        }
        std::size_t shown = 0;
        for (const Evidence* line : lines) {
            const Evidence& evidence = *line;
            if (shown++ == k_evidence_lines) {
                out.line(out.paint(sgr::k_dim, fmt::format("    +{} more", lines.size() - k_evidence_lines)));
                break;
            }
            const std::string where =
                fmt::format("L{} {}", evidence.line, evidence.section.empty() ? "-" : evidence.section);
            const std::string prefix = fmt::format("    {}  ", render_detail::pad(where, 16));
            const std::size_t room = render_detail::k_line_width - render_detail::display_width(prefix);
            out.line(out.paint(sgr::k_dim, prefix) +
                     render_detail::truncate(out.text(evidence.text), room, out.glyphs().ellipsis));
        }
    }
}

void write_skills(TextWriter& out, const Report& report, std::size_t width) {
    out.heading("SKILLS");
    const std::string arrow_header = fmt::format("now {} target", out.glyphs().arrow);
    out.line(out.paint(sgr::k_dim, fmt::format("  {}  {}  {}", pad("skill", width), pad(arrow_header, 14), "weight")));
    for (const TargetScore& score : report.targets) {
        const std::string bar = render_detail::rating_bar(score.rating, score.target, out.glyphs());
        const std::string numbers = pad(from_to(out, score.rating, score.target), 7);
        out.line(fmt::format("  {}  {}  {}  {}{}", cell(out, render_detail::target_label(score), width),
                             out.paint(rating_color(score.rating, score.target), bar), numbers,
                             align_right(render_detail::format_number(score.weight), 6),
                             out.paint(sgr::k_dim, render_detail::no_evidence_label(score))));
    }
    for (const TargetScore& score : report.targets) {
        if (const std::string note = render_detail::tie_note(score); !note.empty()) {
            out.paragraph(2, "", note, {}, sgr::k_dim);
        }
    }
}

void write_gaps(TextWriter& out, const Report& report, std::size_t width) {
    out.heading("GAPS BY PRIORITY");
    if (report.gaps.empty()) {
        const std::string message = fmt::format("No gaps: you meet every target for {}.", report.level_name);
        for (const std::string& part : render_detail::wrap(out.text(message), render_detail::k_line_width - 2)) {
            out.line("  " + out.paint(sgr::k_green, part));
        }
        return;
    }
    const std::size_t number_width = fmt::format("{}", report.gaps.size()).size();
    std::size_t rank = 0;
    for (const Gap& gap : report.gaps) {
        ++rank;
        out.line(fmt::format("  {}. {}  {}  priority {}{}", align_right(fmt::format("{}", rank), number_width),
                             cell(out, render_detail::target_label(gap.score), width),
                             cell(out, from_to(out, gap.score.rating, gap.score.target), 6,
                                  rating_color(gap.score.rating, gap.score.target)),
                             render_detail::format_number(gap.priority),
                             out.paint(sgr::k_dim, render_detail::no_evidence_label(gap.score))));
    }
}

void write_plan(TextWriter& out, const Report& report) {
    if (report.plan.steps.empty()) {
        return;
    }
    out.heading("STUDY PLAN");
    render_detail::write_evidence_first(out, report.plan);
    std::size_t number = 0;
    for (const PlanStep& step : report.plan.next_steps()) {
        write_step(out, step, ++number);
    }
    out.blank();
    out.paragraph(0, "", render_detail::plan_total(report.plan), {}, sgr::k_bold);
}

}  // namespace

std::string render_text(const Report& report, const TextStyle& style) {
    TextWriter out(style);
    write_header(out, report);
    write_readiness(out, report);
    write_evidence(out, report);
    const std::size_t width = column_width(out, target_labels(report), k_max_skill_width);
    if (!report.targets.empty()) {
        write_skills(out, report, width);
    }
    write_gaps(out, report, width);
    write_plan(out, report);
    return out.take();
}

}  // namespace apigap

namespace apigap::render_detail {

static void write_resources(TextWriter& out, const PlanStep& step) {
    for (const Resource& resource : step.resources) {
        out.paragraph(7, fmt::format("{} ", out.glyphs().bullet), resource.title);
        for (const std::string& part : wrap(resource.url, k_line_width - 9)) {
            out.line(std::string(9, ' ') + out.paint(sgr::k_cyan, part));
        }
    }
}

void write_evidence_first(TextWriter& out, const StudyPlan& plan) {
    if (plan.evidence_first.empty()) {
        return;
    }
    out.paragraph(2, "", evidence_first_intro(plan));
    for (const EvidenceToAdd& skill : plan.evidence_first) {
        out.paragraph(2, "", skill.skill_name + ":", sgr::k_bold);
        for (const std::string& example : skill.examples) {
            out.paragraph(4, std::string(out.glyphs().bullet) + " ", example, {}, sgr::k_dim);
        }
    }
    out.blank();
}

void write_step(TextWriter& out, const PlanStep& step, std::size_t number, std::string_view when) {
    if (number > 1) {
        out.blank();
    }
    const std::string title = fmt::format("{}. {}", number, out.text(step.skill_name));
    out.line(fmt::format("  {}  {} {} {}{}", out.paint(sgr::k_bold, truncate(title, 60, out.glyphs().ellipsis)),
                         step.from, out.glyphs().arrow, step.to, rung_label(step)));
    if (!when.empty()) {
        out.paragraph(5, "When: ", when, sgr::k_dim);
    }
    if (!step.goal.empty()) {
        out.paragraph(5, "Goal: ", step.goal, sgr::k_dim);
    }
    if (step.project) {
        out.paragraph(5, "Project: ", fmt::format("{} ({} h)", step.project->title, step.project->hours), sgr::k_dim);
    }
    if (!step.resources.empty()) {
        out.line(std::string(5, ' ') + out.paint(sgr::k_dim, "Resources:"));
        write_resources(out, step);
    }
}

}  // namespace apigap::render_detail
