// `apigap match` as one self-contained HTML page (the style every page shares; no script, nothing fetched).
#include <algorithm>

#include <fmt/format.h>

#include "html_support.hpp"
#include "match_views.hpp"
#include "text_layout.hpp"

namespace apigap::render_detail {

namespace {

void write_summary(std::string& out, const MatchReport& report) {
    out += "<section id=\"match\">\n<h2>Match</h2>\n";
    out += fmt::format(
        "<p><meter min=\"0\" max=\"100\" low=\"50\" high=\"80\" optimum=\"100\" value=\"{}\">{}%</meter></p>\n",
        report.score, report.score);
    out += fmt::format("<p><strong>Match rate:</strong> {} (minimum {}%: <strong>{}</strong>)</p>\n",
                       html_escape(rates_text(report)), report.min_score, html_escape(gate_text(report)));
    out += fmt::format("<p><strong>Level:</strong> {}</p>\n", html_escape(level_line(report)));
    out += fmt::format("<p><strong>Verdict:</strong> {}</p>\n</section>\n", html_escape(verdict_line(report)));
}

/// What the posting asks: the part, the years, and where and how it says so.
std::string asked(const MatchSkill& skill) {
    std::string out(to_string(skill.part));
    if (skill.years) {
        out += ", " + years_text(skill.years);
    }
    return out + fmt::format("<br><span class=\"muted\">&#8220;{}&#8221;, line {}</span>", html_escape(skill.spelling),
                             skill.line);
}

void write_skills(std::string& out, const MatchReport& report) {
    const auto missing =
        std::count_if(report.skills.begin(), report.skills.end(), [](const MatchSkill& skill) { return !skill.found; });
    out += "<section id=\"skills\">\n<h2>Skills the posting names</h2>\n";
    out += fmt::format("<p>{} of {} missing, listed first. A required skill weighs 2 in the rate, any other 1.</p>\n",
                       missing, report.skills.size());
    out +=
        "<div class=\"table\"><table>\n<thead><tr><th scope=\"col\">Skill</th><th scope=\"col\">Posting</th><th "
        "scope=\"col\">Resume</th></tr></thead>\n<tbody>\n";
    for (const MatchSkill& skill : report.skills) {
        std::string resume = html_escape(resume_detail(skill));
        if (!skill.found && skill.section_line > 0) {
            resume += fmt::format(" <span class=\"muted\">(line {})</span>", skill.section_line);
        }
        out += fmt::format("<tr><th scope=\"row\">{} <span class=\"tag\">{}</span></th><td>{}</td><td>{}</td></tr>\n",
                           html_escape(skill.name), skill.found ? "found" : "missing", asked(skill), resume);
    }
    out += "</tbody>\n</table></div>\n</section>\n";
}

void write_keywords(std::string& out, const MatchReport& report) {
    if (report.keywords.empty()) {
        return;
    }
    out += "<section id=\"keywords\">\n<h2>The posting's terms</h2>\n";
    out +=
        "<p>What an ATS looks for: the posting's own words, each found when the resume writes it or an alias of "
        "it.</p>\n";
    out +=
        "<div class=\"table\"><table>\n<thead><tr><th scope=\"col\">Term</th><th scope=\"col\">Posting</th><th "
        "scope=\"col\">Resume</th></tr></thead>\n<tbody>\n";
    for (const MatchKeyword& keyword : report.keywords) {
        out += fmt::format(
            "<tr><th scope=\"row\">{} <span class=\"tag\">{}</span></th><td>{}<br><span class=\"muted\">line "
            "{}</span></td><td>{}</td></tr>\n",
            html_escape(keyword.spelling), keyword.found ? "found" : "missing", to_string(keyword.part), keyword.line,
            html_escape(keyword_detail(keyword)));
    }
    out += "</tbody>\n</table></div>\n</section>\n";
    if (!report.unassessed_terms.empty()) {
        out += fmt::format(
            "<section id=\"unassessed\">\n<h2>Not assessed</h2>\n<p>The posting asks for them; the knowledge base "
            "does not know them: {}</p>\n</section>\n",
            html_escape(join(report.unassessed_terms, ", ")));
    }
}

}  // namespace

std::string match_html(const MatchReport& report) {
    std::string out = html_page_start(fmt::format("apigap match: {}", report.posting.title));
    out += fmt::format("<header>\n<h1>apigap match: {}</h1>\n", html_escape(report.posting.title));
    out += fmt::format("<p><strong>Resume:</strong> {} ({})</p>\n", html_escape(report.resume_source),
                       to_string(report.resume_format));
    out += fmt::format("<p><strong>Posting:</strong> {} ({})</p>\n</header>\n", html_escape(report.posting.source),
                       to_string(report.posting.format));
    write_summary(out, report);
    write_skills(out, report);
    write_keywords(out, report);
    out += k_html_page_end;
    return out;
}

}  // namespace apigap::render_detail
