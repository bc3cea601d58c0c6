// The HTML report: one self-contained page (inline CSS and SVG, no script, nothing fetched).
#include <fmt/format.h>

#include "apigap/render.hpp"
#include "html_support.hpp"
#include "report_parts.hpp"
#include "text_layout.hpp"

namespace apigap {

namespace {

using render_detail::html_escape;

void write_header(std::string& out, const Report& report) {
    out += fmt::format("<header>\n<h1>apigap: {} readiness</h1>\n", html_escape(report.level_name));
    if (!report.level_focus.empty()) {
        out += fmt::format("<p><strong>Focus:</strong> {}</p>\n", html_escape(report.level_focus));
    }
    if (report.resume) {
        out += fmt::format("<p><strong>Resume:</strong> {} ({}, {} lines)</p>\n", html_escape(report.resume->source),
                           to_string(report.resume->format), report.resume->lines);
    }
    if (report.experience) {
        out += fmt::format("<p><strong>Experience:</strong> {}; target: {}</p>\n",
                           html_escape(render_detail::experience_summary(*report.experience)),
                           html_escape(render_detail::target_summary(report.level_id, report.level_source)));
    }
    out += "</header>\n";
}

void write_readiness(std::string& out, const Report& report) {
    out += "<section id=\"readiness\">\n<h2>Readiness</h2>\n<div class=\"table\"><table>\n";
    out +=
        "<thead><tr><th scope=\"col\">Level</th><th scope=\"col\" colspan=\"2\">Readiness</th><th "
        "scope=\"col\" class=\"num\">Salary band</th></tr></thead>\n<tbody>\n";
    for (const LevelReadiness& level : report.readiness) {
        const bool chosen = level.level_id == report.level_id;
        const int percent = render_detail::whole_percent(level.readiness);
        out += fmt::format(
            "<tr{}><th scope=\"row\">{}{}</th><td><meter min=\"0\" max=\"100\" low=\"50\" high=\"80\" "
            "optimum=\"100\" value=\"{}\">{}%</meter></td><td class=\"num\">{}%</td><td class=\"num\">{}</td></tr>\n",
            chosen ? " class=\"chosen\"" : "", html_escape(level.level_name),
            chosen ? " <span class=\"tag\">target</span>" : "", percent, percent, percent,
            html_escape(render_detail::salary_band(level.salary, "–")));
    }
    out += "</tbody>\n</table></div>\n";
    if (const std::string pay = render_detail::pay_summary(report, "–"); !pay.empty()) {
        out += fmt::format("<p class=\"note\"><strong>Pay:</strong> {}", html_escape(pay));
        for (const std::string& source : render_detail::pay_sources(report)) {
            out += fmt::format(" Source: {}.", render_detail::html_link(source, source));
        }
        out += "</p>\n";
    }
    out += "</section>\n";
}

/// The resume lines that earned `skill` its rating, one item per line (a
/// line that names several keywords lists them together).
std::string evidence_items(const RatedSkill& skill) {
    std::string out;
    const std::vector<Evidence>& all = skill.rating.evidence;
    for (std::size_t i = 0; i < all.size();) {
        std::string keywords = html_escape(all[i].keyword);
        std::size_t next = i + 1;
        for (; next < all.size() && all[next].line == all[i].line; ++next) {
            keywords += ", " + html_escape(all[next].keyword);
        }
        out +=
            fmt::format("<li><span class=\"muted\">L{} {} ({}):</span> {}</li>", all[i].line,
                        all[i].section.empty() ? "-" : html_escape(all[i].section), keywords, html_escape(all[i].text));
        i = next;
    }
    return out;
}

void write_evidence(std::string& out, const Report& report) {
    if (!report.resume) {
        return;
    }
    out += "<section id=\"evidence\">\n<h2>Evidence</h2>\n";
    if (!report.resume->warnings.empty()) {
        out += "<p><strong>What an ATS may stumble over:</strong></p>\n<ul>\n";
        for (const ExtractionWarning& warning : report.resume->warnings) {
            const std::string where = warning.line > 0 ? fmt::format("L{}: ", warning.line) : "";
            out += fmt::format("<li>{}{} <span class=\"muted\">[{}]</span></li>\n", where, html_escape(warning.message),
                               html_escape(warning.rule));
        }
        out += "</ul>\n";
    }
    std::string skills;
    for (const RatedSkill& skill : report.skills) {
        if (!skill.rating.evidence.empty()) {
            skills += fmt::format(
                "<div class=\"skill\">\n<h3>{} <span class=\"move\">rating {}</span></h3>\n<ul "
                "class=\"evidence\">{}</ul>\n</div>\n",
                html_escape(skill.name), skill.rating.rating, evidence_items(skill));
        }
    }
    out += skills.empty() ? "<p>No skill keyword was found in the resume.</p>\n" : skills;
    out += "</section>\n";
}

/// " <span class="note">(no evidence found)</span>" for a rating a resume shows no evidence of, else empty.
std::string no_evidence_html(const TargetScore& score) {
    const std::string_view label = render_detail::no_evidence_label(score);
    return label.empty() ? "" : fmt::format(" <span class=\"note\">{}</span>", html_escape(label.substr(1)));
}

void write_targets(std::string& out, const Report& report) {
    if (report.targets.empty()) {
        return;
    }
    const std::string level = html_escape(report.level_name);
    out += fmt::format("<section id=\"skills\">\n<h2>Skills for {}</h2>\n<figure>\n", level);
    out += render_detail::radar_svg(report.targets, report.level_name);
    out +=
        "<figcaption><span class=\"key current\"></span>Current rating<span class=\"key target\"></span>Target "
        "(0 none to 4 expert)</figcaption>\n</figure>\n";
    out +=
        "<div class=\"table\"><table>\n<thead><tr><th scope=\"col\">Skill</th><th scope=\"col\" "
        "class=\"num\">Current</th><th scope=\"col\" class=\"num\">Target</th><th scope=\"col\" "
        "class=\"num\">Weight</th></tr></thead>\n<tbody>\n";
    for (const TargetScore& score : report.targets) {
        out += fmt::format(
            "<tr><th scope=\"row\">{}{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td "
            "class=\"num\">{}</td></tr>\n",
            html_escape(render_detail::target_label(score)), no_evidence_html(score), score.rating, score.target,
            render_detail::format_number(score.weight));
    }
    out += "</tbody>\n</table></div>\n";
    for (const TargetScore& score : report.targets) {
        if (const std::string note = render_detail::tie_note(score); !note.empty()) {
            out += fmt::format("<p class=\"note\">{}.</p>\n", html_escape(note));
        }
    }
    out += "</section>\n";
}

void write_gaps(std::string& out, const Report& report) {
    out += "<section id=\"gaps\">\n<h2>Gaps by priority</h2>\n";
    if (report.gaps.empty()) {
        out +=
            fmt::format("<p>No gaps: you meet every target for {}.</p>\n</section>\n", html_escape(report.level_name));
        return;
    }
    out +=
        "<div class=\"table\"><table>\n<thead><tr><th scope=\"col\" class=\"num\">#</th><th "
        "scope=\"col\">Skill</th><th scope=\"col\" class=\"num\">Now → target</th><th scope=\"col\" "
        "class=\"num\">Priority</th></tr></thead>\n<tbody>\n";
    std::size_t rank = 0;
    for (const Gap& gap : report.gaps) {
        out += fmt::format(
            "<tr><td class=\"num\">{}</td><th scope=\"row\">{}{}</th><td class=\"num\">{}</td><td "
            "class=\"num\">{}</td></tr>\n",
            ++rank, html_escape(render_detail::target_label(gap.score)), no_evidence_html(gap.score),
            render_detail::html_move(gap.score.rating, gap.score.target), render_detail::format_number(gap.priority));
    }
    out += "</tbody>\n</table></div>\n</section>\n";
}

void write_plan(std::string& out, const Report& report) {
    if (report.plan.steps.empty()) {
        return;
    }
    out += "<section id=\"plan\">\n<h2>Study plan</h2>\n";
    if (!report.plan.evidence_first.empty()) {
        out += fmt::format("<p>{}</p>\n<ul class=\"evidence-first\">\n",
                           html_escape(render_detail::evidence_first_intro(report.plan)));
        for (const EvidenceToAdd& skill : report.plan.evidence_first) {
            out += fmt::format("<li><strong>{}</strong><ul>\n", html_escape(skill.skill_name));
            for (const std::string& example : skill.examples) {
                out += fmt::format("<li>{}</li>\n", html_escape(example));
            }
            out += "</ul></li>\n";
        }
        out += "</ul>\n";
    }
    out += "<ol class=\"plan\">\n";
    std::size_t number = 0;
    for (const PlanStep& step : report.plan.next_steps()) {
        render_detail::write_html_step(out, step, ++number);
    }
    out += "</ol>\n";
    out += fmt::format("<p class=\"total\">{}.</p>\n", html_escape(render_detail::plan_total(report.plan)));
    out += "</section>\n";
}

}  // namespace

std::string render_html(const Report& report) {
    std::string out = render_detail::html_page_start(fmt::format("apigap: {} readiness", report.level_name));
    write_header(out, report);
    write_readiness(out, report);
    write_evidence(out, report);
    write_targets(out, report);
    write_gaps(out, report);
    write_plan(out, report);
    out += render_detail::k_html_page_end;
    return out;
}

}  // namespace apigap
