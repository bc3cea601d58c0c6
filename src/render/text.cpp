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

/// What the tables say after a rating a resume shows no evidence of.
constexpr std::string_view k_no_evidence = "(no evidence found)";

/// `k_no_evidence`, dimmed, after a rating a resume shows no evidence of; else an empty cell.
render_detail::Cell no_evidence_cell(const TargetScore& score) {
    return fixed(std::string(score.no_evidence ? k_no_evidence : ""), sgr::k_dim);
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
    // "▶ " and the percentage, with the gaps between the columns; the bar narrows before a name wraps, down to
    // `k_min_readiness_cells`, and the pay band goes on a line of its own below the bar when it would not fit beside.
    const std::size_t widest = out.widest(names);
    const bool band_below = 2 + 2 + 2 + 4 + band_width + widest + k_min_readiness_cells > out.width();
    const std::size_t others = 2 + 2 + 2 + 4 + (band_below ? 0 : band_width);
    const std::size_t spare = out.width() > others + widest ? out.width() - others - widest : 0;
    const int cells = static_cast<int>(std::clamp<std::size_t>(spare, k_min_readiness_cells, k_readiness_cells));
    const std::size_t width = out.column(names, others + static_cast<std::size_t>(cells));
    for (const LevelReadiness& level : report.readiness) {
        const bool is_target = level.level_id == report.level_id;
        const int percent = render_detail::whole_percent(level.readiness);
        const std::string_view color = readiness_color(percent);
        const std::string band = out.text(render_detail::salary_band(level.salary, out.glyphs().dash));
        std::vector<render_detail::Cell> cells_of_row{
            out.cell(level.level_name, width, is_target ? sgr::k_bold : ""),
            fixed(render_detail::meter(percent * cells / 100, cells, out.glyphs()), color),
            fixed(align_right(fmt::format("{}%", percent), 4), color)};
        if (!band_below) {
            cells_of_row.push_back(fixed(band));
        }
        out.row(fmt::format("{} ", is_target ? out.glyphs().pointer : " "), cells_of_row);
        if (band_below && !band.empty()) {
            out.line(std::string(2 + width + 2, ' ') + band);
        }
    }
    if (const std::string pay = render_detail::pay_summary(report, out.glyphs().dash); !pay.empty()) {
        out.blank();
        out.paragraph(0, "Pay: ", pay, sgr::k_dim);
        for (const std::string& source : render_detail::pay_sources(report)) {
            out.line(out.paint(sgr::k_dim, "Source: ") + source);  // a URL is not wrapped
        }
    }
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

/// The width of the figures of a row of the skills table, with the gaps before each: bar, "3 → 4", weight.
constexpr std::size_t k_skill_figures = 2 + 5 + 2 + 7 + 2 + 6;

/// The columns of the figures of the gaps table besides the name, with its lead ("  12. ") and the gaps: the widest
/// "3 → 4" and "priority 12".
std::size_t gap_figures(const Report& report) {
    double top = 0;
    for (const Gap& gap : report.gaps) {
        top = std::max(top, gap.priority);
    }
    const std::size_t number_width = fmt::format("{}", report.gaps.size()).size();
    return 2 + number_width + 2 + 2 + 6 + 2 + 9 + render_detail::format_number(top).size();
}

/// How the skills and gaps tables fit the width. Side by side, each row is the name, its figures and "(no evidence
/// found)"; that note goes on a line of its own below the figures when the names would otherwise narrow past their
/// longest word (up to 20), and the figures on a line below the name (`stacked`) when even they leave it too little.
struct SkillLayout {
    std::size_t name = 0;      ///< the name column
    bool stacked = false;      ///< the figures on a line below each name
    bool note_beside = false;  ///< "(no evidence found)" after the figures, not on a line below them
};

SkillLayout skill_layout(const TextWriter& out, const Report& report) {
    std::vector<std::string> labels;
    bool any_note = false;
    for (const TargetScore& score : report.targets) {
        labels.push_back(render_detail::target_label(score));
        any_note = any_note || score.no_evidence;
    }
    for (const Gap& gap : report.gaps) {
        labels.push_back(render_detail::target_label(gap.score));
        any_note = any_note || gap.score.no_evidence;
    }
    std::size_t word = 0;
    for (const std::string& label : labels) {
        word = std::max(word, render_detail::longest_word(out.text(label)));
    }
    const std::size_t minimum = std::min<std::size_t>(word, 20);
    const std::size_t others = std::max(2 + k_skill_figures, gap_figures(report));
    const std::size_t note = any_note ? 2 + display_width(k_no_evidence) : 0;
    if (others + note + minimum <= out.width()) {
        return {out.column(labels, others + note), false, true};
    }
    if (others + minimum <= out.width()) {
        return {out.column(labels, others), false, false};
    }
    // Stacked, the figures start where the name does: 4 columns in for a skill, after "  12. " for a gap.
    const std::size_t figures = std::max(4 + k_skill_figures - 2, gap_figures(report) - 2);
    return {0, true, figures + note <= out.width()};
}

/// "(no evidence found)" on a line of its own, `indent` columns in, when a resume shows no evidence of `score`.
void write_note_below(TextWriter& out, const TargetScore& score, std::size_t indent) {
    if (score.no_evidence) {
        out.line(std::string(indent, ' ') + out.paint(sgr::k_dim, k_no_evidence));
    }
}

void write_skills(TextWriter& out, const Report& report, const SkillLayout& layout) {
    out.heading("SKILLS");
    const std::string arrow_header = fmt::format("now {} target", out.glyphs().arrow);
    const std::string figures_header = fmt::format("{}  {}", pad(arrow_header, 14), "weight");
    if (layout.stacked) {
        out.line(out.paint(sgr::k_dim, "  skill"));
        out.line(out.paint(sgr::k_dim, "    " + figures_header));
    } else {
        out.line(out.paint(sgr::k_dim, fmt::format("  {}  {}", pad("skill", layout.name), figures_header)));
    }
    const std::size_t indent = layout.stacked ? 4 : 2 + layout.name + 2;  // where the figures start
    for (const TargetScore& score : report.targets) {
        const std::string bar = render_detail::rating_bar(score.rating, score.target, out.glyphs());
        std::vector<render_detail::Cell> figures{fixed(bar, rating_color(score.rating, score.target)),
                                                 fixed(pad(from_to(out, score.rating, score.target), 7)),
                                                 fixed(align_right(render_detail::format_number(score.weight), 6))};
        if (layout.note_beside) {
            figures.push_back(no_evidence_cell(score));
        }
        const std::string label = render_detail::target_label(score);
        if (layout.stacked) {
            out.row("  ", {out.cell(label, out.width() - 2)});
            out.row("    ", figures);
        } else {
            figures.insert(figures.begin(), out.cell(label, layout.name));
            out.row("  ", figures);
        }
        if (!layout.note_beside) {
            write_note_below(out, score, indent);
        }
    }
    for (const TargetScore& score : report.targets) {
        if (const std::string note = render_detail::tie_note(score); !note.empty()) {
            out.paragraph(2, "", note, {}, sgr::k_dim);
        }
    }
}

void write_gaps(TextWriter& out, const Report& report, const SkillLayout& layout) {
    out.heading("GAPS BY PRIORITY");
    if (report.gaps.empty()) {
        out.row("  ", {out.cell(fmt::format("No gaps: you meet every target for {}.", report.level_name),
                                out.width() - 2, sgr::k_green)});
        return;
    }
    const std::size_t number_width = fmt::format("{}", report.gaps.size()).size();
    const std::size_t lead = 2 + number_width + 2;
    const std::size_t indent = layout.stacked ? lead : lead + layout.name + 2;  // where the figures start
    std::size_t rank = 0;
    for (const Gap& gap : report.gaps) {
        ++rank;
        const std::string number = fmt::format("  {}. ", align_right(fmt::format("{}", rank), number_width));
        std::vector<render_detail::Cell> figures{
            render_detail::Cell{{from_to(out, gap.score.rating, gap.score.target)},
                                6,
                                rating_color(gap.score.rating, gap.score.target)},
            fixed(fmt::format("priority {}", render_detail::format_number(gap.priority)))};
        if (layout.note_beside) {
            figures.push_back(no_evidence_cell(gap.score));
        }
        const std::string label = render_detail::target_label(gap.score);
        if (layout.stacked) {
            out.row(number, {out.cell(label, out.width() - lead)});
            out.row(std::string(lead, ' '), figures);
        } else {
            figures.insert(figures.begin(), out.cell(label, layout.name));
            out.row(number, figures);
        }
        if (!layout.note_beside) {
            write_note_below(out, gap.score, indent);
        }
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
    const SkillLayout layout = skill_layout(out, report);
    if (!report.targets.empty()) {
        write_skills(out, report, layout);
    }
    write_gaps(out, report, layout);
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
    const std::string move = fmt::format("{} {} {}", step.from, out.glyphs().arrow, step.to);
    const std::string rungs(std::string_view(rung_label(step)).substr(step.rungs > 1 ? 2 : 0));
    // The name and the rungs share what the number and the move leave: the name narrows first and wraps rather
    // than being cut; when that would take it below its longest word (up to 20), both narrow, the wider first.
    const std::size_t gaps = 2 + (rungs.empty() ? 0 : 2);
    const std::size_t used = 2 + number_text.size() + display_width(move) + gaps;
    const std::size_t room = out.width() > used ? out.width() - used : 0;
    const std::string name = out.text(step.skill_name);
    const std::size_t name_minimum = std::min<std::size_t>(longest_word(name), 20);
    std::size_t rung_width = display_width(rungs);
    std::size_t width = std::min(display_width(name), room > rung_width ? room - rung_width : 0);
    if (!rungs.empty() && rung_width + name_minimum > room) {
        const std::vector<std::size_t> widths =
            fit_columns({display_width(name), rung_width}, {name_minimum, longest_word(rungs)}, room);
        width = widths[0];
        rung_width = widths[1];
    }
    std::vector<Cell> cells{with_prefix(number_text, out.cell(step.skill_name, width, sgr::k_bold)), fixed(move)};
    if (!rungs.empty()) {
        cells.push_back(out.cell(rungs, rung_width));
    }
    out.row("  ", cells);
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
