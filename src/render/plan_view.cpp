// `apigap plan`: the gaps by priority and the study plan laid out in weeks.
#include <fmt/format.h>

#include "apigap/render.hpp"
#include "basic_formats.hpp"
#include "report_parts.hpp"
#include "text_layout.hpp"

namespace apigap {

namespace {

using render_detail::Json;
using render_detail::plural;
using render_detail::TextWriter;
namespace sgr = render_detail::sgr;

/// "week 3" or "weeks 3–5".
std::string weeks_label(const ScheduledStep& step, std::string_view dash) {
    return step.first_week == step.last_week ? fmt::format("week {}", step.first_week)
                                             : fmt::format("weeks {}{}{}", step.first_week, dash, step.last_week);
}

/// The one-sentence summary: steps, hours and weeks to the targets, and what fits in a `--weeks` budget.
std::string summary(const Report& report, const Schedule& schedule) {
    const int steps = static_cast<int>(schedule.steps.size());
    std::string text = fmt::format("{} to the {} targets: {}, {} at {} a week", plural(steps, "step"),
                                   report.level_name, plural(schedule.total_hours, "hour"),
                                   plural(schedule.total_weeks, "week"), plural(schedule.hours_per_week, "hour"));
    if (schedule.weeks) {
        const auto fit = std::count_if(schedule.steps.begin(), schedule.steps.end(),
                                       [](const ScheduledStep& step) { return step.in_budget; });
        text += fit == steps
                    ? fmt::format("; it fits in {}", plural(*schedule.weeks, "week"))
                    : fmt::format("; {} of {} fit in {}: {} a week would fit them all", fit, steps,
                                  plural(*schedule.weeks, "week"), plural(schedule.hours_per_week_needed, "hour"));
    }
    return text;
}

std::string plan_text(const Report& report, const Schedule& schedule, const TextStyle& style) {
    TextWriter out(style);
    out.paragraph(0, "apigap plan: ", report.level_name, sgr::k_bold, sgr::k_bold);
    if (schedule.steps.empty()) {
        out.paragraph(0, "", fmt::format("No gaps: you meet every target for {}.", report.level_name));
        return out.take();
    }
    out.paragraph(0, "", summary(report, schedule));
    out.heading("STUDY PLAN");
    render_detail::write_evidence_first(out, report.plan);
    std::size_t number = 0;
    for (const ScheduledStep& step : schedule.steps) {
        std::string when = weeks_label(step, out.glyphs().dash) + fmt::format(" ({} h)", step.step.hours);
        if (!step.in_budget) {
            when += fmt::format(", after the {}-week budget", *schedule.weeks);
        }
        render_detail::write_step(out, step.step, ++number, when);
    }
    return out.take();
}

std::string plan_markdown(const Report& report, const Schedule& schedule) {
    std::string out = fmt::format("## Study plan: {}\n\n", render_detail::markdown_escape(report.level_name));
    if (schedule.steps.empty()) {
        return out + fmt::format("No gaps: you meet every target for {}.\n",
                                 render_detail::markdown_escape(report.level_name));
    }
    out += render_detail::markdown_escape(summary(report, schedule)) + ".\n\n";
    render_detail::write_evidence_first(out, report.plan);
    for (const ScheduledStep& step : schedule.steps) {
        std::string when = weeks_label(step, "–");
        if (!step.in_budget) {
            when += " (after the budget)";
        }
        render_detail::write_step(out, step.step, when);
    }
    return out;
}

std::string plan_json(const Report& report, const Schedule& schedule) {
    Json document = render_detail::json_header("plan");
    document["level"] = Json{{"id", report.level_id}, {"name", report.level_name}, {"focus", report.level_focus}};
    document["hours_per_week"] = schedule.hours_per_week;
    document["weeks_budget"] = schedule.weeks ? Json(*schedule.weeks) : Json(nullptr);
    document["total_hours"] = schedule.total_hours;
    document["total_weeks"] = schedule.total_weeks;
    document["hours_per_week_needed"] = schedule.weeks ? Json(schedule.hours_per_week_needed) : Json(nullptr);
    document["evidence_first"] = render_detail::evidence_first_json(report.plan);
    document["gaps"] = Json::array();
    for (const Gap& gap : report.gaps) {
        document["gaps"].push_back(render_detail::gap_json(gap));
    }
    document["steps"] = Json::array();
    for (const ScheduledStep& step : schedule.steps) {
        Json item = render_detail::step_json(step.step);
        item["first_week"] = step.first_week;
        item["last_week"] = step.last_week;
        item["in_budget"] = step.in_budget;
        document["steps"].push_back(item);
    }
    return render_detail::dump_json(document);
}

}  // namespace

std::string render_plan(const Report& report, const Schedule& schedule, Format format, const TextStyle& style) {
    return render_detail::in_basic_format(
        format, "a study plan", [&] { return plan_text(report, schedule, style); },
        [&] { return plan_json(report, schedule); }, [&] { return plan_markdown(report, schedule); });
}

}  // namespace apigap
