// The terminal report: readiness, the target level's skills, gaps and plan in the terminal's width.
#include <algorithm>

#include <fmt/format.h>

#include "apigap/render.hpp"
#include "report_parts.hpp"
#include "text_layout.hpp"

namespace apigap {

namespace {

using render_detail::align_right;
using render_detail::display_width;
using render_detail::fixed;
using render_detail::pad;
using render_detail::TextWriter;
using render_detail::write_step;
namespace sgr = render_detail::sgr;

/// The readiness bar's cells, and the fewest it narrows to on a narrow terminal before a level's name wraps.
constexpr std::size_t k_readiness_cells = 20;
constexpr std::size_t k_min_readiness_cells = 10;

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

/// "(no evidence found)", dimmed, after a rating a resume shows no evidence of; else an empty cell.
render_detail::Cell no_evidence_cell(const TargetScore& score) {
    const std::string_view label = render_detail::no_evidence_label(score);
    return fixed(std::string(label.empty() ? label : label.substr(1)), sgr::k_dim);
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
    std::size_t band_width = 0;
    for (const LevelReadiness& level : report.readiness) {
        names.push_back(level.level_name);
        const std::string band = out.text(render_detail::salary_band(level.salary, out.glyphs().dash));
        band_width = std::max(band_width, band.empty() ? 0 : display_width(band) + 2);
    }
    // "▶ " and the percentage, with the gaps between the columns; the bar narrows before a name wraps.
    const std::size_t others = 2 + 2 + 2 + 4 + band_width;
    const std::size_t widest = out.widest(names);
    const std::size_t spare = out.width() > others + widest ? out.width() - others - widest : 0;
    const int cells = static_cast<int>(std::clamp<std::size_t>(spare, k_min_readiness_cells, k_readiness_cells));
    const std::size_t width = out.column(names, others + static_cast<std::size_t>(cells));
    for (const LevelReadiness& level : report.readiness) {
        const bool is_target = level.level_id == report.level_id;
        const int percent = render_detail::whole_percent(level.readiness);
        const std::string_view color = readiness_color(percent);
        const std::string band = render_detail::salary_band(level.salary, out.glyphs().dash);
        out.row(fmt::format("{} ", is_target ? out.glyphs().pointer : " "),
                {out.cell(level.level_name, width, is_target ? sgr::k_bold : ""),
                 fixed(render_detail::meter(percent * cells / 100, cells, out.glyphs()), color),
                 fixed(align_right(fmt::format("{}%", percent), 4), color), fixed(out.text(band))});
    }
    if (const std::string pay = render_detail::pay_summary(report, out.glyphs().dash); !pay.empty()) {
        out.blank();
        out.paragraph(0, "Pay: ", pay, sgr::k_dim);
        for (const std::string& source : render_detail::pay_sources(report)) {
            out.line(out.paint(sgr::k_dim, "Source: ") + source);  // a URL is not wrapped
        }
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

/// How many evidence lines a skill shows before "+N more" (JSON has them all; `-v` shows them all).
constexpr std::size_t k_evidence_lines = 3;

/// One evidence line: cut at a word to fit its line, or with `-v` whole, wrapped under itself.
void write_evidence_line(TextWriter& out, const Evidence& evidence) {
    const std::string where = fmt::format("L{} {}", evidence.line, evidence.section.empty() ? "-" : evidence.section);
    const std::string label = render_detail::pad(where, 16) + "  ";
    if (out.style().verbose) {
        out.paragraph(4, label, evidence.text, sgr::k_dim);
        return;
    }
    const std::size_t used = 4 + display_width(label);
    const std::size_t room = out.width() > used ? out.width() - used : 0;
    out.line(out.paint(sgr::k_dim, std::string(4, ' ') + label) +
             render_detail::cut_at_word(out.text(evidence.text), room, out.glyphs().ellipsis));
}

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
        const std::string rating = fmt::format("{}", skill.rating.rating);
        out.row("  ", {out.cell(skill.name, out.column({skill.name}, 4 + rating.size()), sgr::k_bold), fixed(rating)});
        // One row per line: evidence is per keyword, and a line often names several.
        std::vector<const Evidence*> lines;
        for (const Evidence& evidence : skill.rating.evidence) {
            if (lines.empty() || lines.back()->line != evidence.line) {
                lines.push_back(&evidence);
            }
        }
        const std::size_t shown = out.style().verbose ? lines.size() : std::min(lines.size(), k_evidence_lines);
        for (std::size_t i = 0; i < shown; ++i) {
            write_evidence_line(out, *lines[i]);
        }
        if (shown < lines.size()) {
            out.line(out.paint(sgr::k_dim, fmt::format("    +{} more", lines.size() - shown)));
        }
    }
}

/// The columns the skills and gaps tables take besides the name, with their gaps: the wider of the two.
std::size_t skill_table_others(const Report& report) {
    const std::size_t skills = 2 + 2 + 5 + 2 + 7 + 2 + 6;  // bar, "3 → 4", weight
    double top = 0;
    for (const Gap& gap : report.gaps) {
        top = std::max(top, gap.priority);
    }
    const std::size_t number_width = fmt::format("{}", report.gaps.size()).size();
    const std::size_t gaps = 2 + number_width + 2 + 2 + 6 + 2 + 9 + render_detail::format_number(top).size();
    return std::max(skills, gaps);
}

void write_skills(TextWriter& out, const Report& report, std::size_t width) {
    out.heading("SKILLS");
    const std::string arrow_header = fmt::format("now {} target", out.glyphs().arrow);
    out.line(out.paint(sgr::k_dim, fmt::format("  {}  {}  {}", pad("skill", width), pad(arrow_header, 14), "weight")));
    for (const TargetScore& score : report.targets) {
        const std::string bar = render_detail::rating_bar(score.rating, score.target, out.glyphs());
        out.row("  ", {out.cell(render_detail::target_label(score), width),
                       fixed(bar, rating_color(score.rating, score.target)),
                       fixed(pad(from_to(out, score.rating, score.target), 7)),
                       fixed(align_right(render_detail::format_number(score.weight), 6)), no_evidence_cell(score)});
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
        out.row("  ", {out.cell(fmt::format("No gaps: you meet every target for {}.", report.level_name),
                                out.width() - 2, sgr::k_green)});
        return;
    }
    const std::size_t number_width = fmt::format("{}", report.gaps.size()).size();
    std::size_t rank = 0;
    for (const Gap& gap : report.gaps) {
        ++rank;
        out.row(fmt::format("  {}. ", align_right(fmt::format("{}", rank), number_width)),
                {out.cell(render_detail::target_label(gap.score), width),
                 render_detail::Cell{{from_to(out, gap.score.rating, gap.score.target)},
                                     6,
                                     rating_color(gap.score.rating, gap.score.target)},
                 fixed(fmt::format("priority {}", render_detail::format_number(gap.priority))),
                 no_evidence_cell(gap.score)});
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
    const std::size_t width = out.column(target_labels(report), skill_table_others(report));
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
        out.line(std::string(9, ' ') + out.paint(sgr::k_cyan, resource.url));  // whole, however long
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
    const std::string number_text = fmt::format("{}. ", number);
    const std::string rungs = fmt::format("{} {} {}{}", step.from, out.glyphs().arrow, step.to, rung_label(step));
    // The name wraps rather than being cut.
    const std::size_t room = out.width() - 2 - number_text.size() - 2 - display_width(rungs);
    const std::size_t width = std::min(display_width(out.text(step.skill_name)), room);
    out.row("  ", {with_prefix(number_text, out.cell(step.skill_name, width, sgr::k_bold)), fixed(rungs)});
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
