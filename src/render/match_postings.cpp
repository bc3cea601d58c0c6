// `apigap match` against many postings as text, Markdown, JSON and HTML: a row per posting, the skills and terms
// they ask for that the resume lacks, and the study plan's first steps.
#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "apigap/error.hpp"
#include "apigap/render.hpp"
#include "html_support.hpp"
#include "json_support.hpp"
#include "match_views.hpp"
#include "report_parts.hpp"
#include "text_layout.hpp"

namespace apigap::render_detail {

namespace {

/// "reads as mid (4.5 years)", or what the verdicts come from when the resume reads as no level.
std::string candidate_text(const PostingsReport& report) {
    if (!report.candidate_level) {
        return "no level read from the resume's dates: each verdict is from the readiness for the posting's level";
    }
    return report.candidate_years
               ? fmt::format("reads as {} ({:.1f} years)", *report.candidate_level, *report.candidate_years)
               : fmt::format("reads as {}", *report.candidate_level);
}

/// "3 of 5", or "-" for none.
std::string of_text(int count, int total) {
    return count == 0 ? std::string("-") : fmt::format("{} of {}", count, total);
}

/// What the resume shows of a skill: "not named", "on 1 line".
std::string named_text(const SkillDemand& skill) {
    return skill.resume_lines == 0 ? std::string("not named") : "on " + plural(skill.resume_lines, "line");
}

/// What the resume writes for a missing term's skill: "you have PostgreSQL, Redis", or "".
std::string have_text(const TermDemand& term) {
    return term.resume_terms.empty() ? std::string() : "you have " + first_terms(term.resume_terms);
}

/// "2 of 3 read; minimum 60%: 1 below it", the part after "; " only with a gate.
std::string read_text(const PostingsReport& report) {
    std::string text = fmt::format("{} of {} read", report.matched(), report.postings.size());
    if (report.min_score > 0) {
        const auto below = std::count_if(report.postings.begin(), report.postings.end(),
                                         [](const PostingRow& row) { return row.match && !row.match->passed(); });
        text += fmt::format("; minimum {}%: {} below it", report.min_score, below);
    }
    return text;
}

std::string postings_text(const PostingsReport& report) {
    std::string out = fmt::format("\nPostings (highest skill rate first)\n  {:>6}  {:>5}  {:<8} {:<15} {}\n", "Skills",
                                  "Terms", "Level", "Verdict", "Posting");
    for (const PostingRow& row : report.postings) {
        if (!row.match) {
            out += fmt::format("  not read: {}\n", row.error);
            continue;
        }
        const MatchReport& match = *row.match;
        std::string verdict(to_string(match.verdict));
        out += fmt::format("  {:>5}%  {:>4}%  {:<8} {:<15} {}: {}{}\n", match.score, match.keyword_score,
                           match.posting.level_id, verdict, row.source, truncate(match.posting.title, 40, "..."),
                           match.passed() ? "" : fmt::format(" (below {}%)", match.min_score));
    }
    return out;
}

}  // namespace

std::string match_postings_text(const PostingsReport& report) {
    std::string out =
        fmt::format("apigap match: {} against {}\n", report.resume_source, plural(report.postings.size(), "posting"));
    out += fmt::format("Postings   {}\n", read_text(report));
    out += fmt::format("Candidate  {}\n", candidate_text(report));
    out += postings_text(report);

    const int total = report.matched();
    out += fmt::format("\nSkills to build ({}): asked for by the postings, not named or below target\n",
                       report.skills.size());
    if (!report.skills.empty()) {
        out += fmt::format("  {:<34} {:<8} {:<9} {:<7} {}\n", "Skill", "Required", "Preferred", "Rating", "Resume");
    }
    for (const SkillDemand& skill : report.skills) {
        out += fmt::format("  {:<34} {:<8} {:<9} {:<7} {}\n", truncate(skill.name, 34, "..."),
                           of_text(skill.required_by, total), of_text(skill.preferred_by, total),
                           fmt::format("{} \u2192 {}", skill.rating, skill.target), named_text(skill));
    }
    out += fmt::format("\nTerms to write ({}): the postings' words your resume does not use\n", report.terms.size());
    if (!report.terms.empty()) {
        out += fmt::format("  {:<22} {:<8} {:<9} {}\n", "Term", "Required", "Preferred", "Skill");
    }
    for (const TermDemand& term : report.terms) {
        const std::string have = have_text(term);
        out +=
            fmt::format("  {:<22} {:<8} {:<9} {}{}\n", truncate(term.term, 22, "..."), of_text(term.required_by, total),
                        of_text(term.preferred_by, total), term.skill_name, have.empty() ? "" : "; " + have);
    }
    if (!report.plan.steps.empty()) {
        TextWriter plan(TextStyle{});
        const std::vector<PlanStep> next = report.plan.next_steps();
        plan.line(fmt::format("Study plan: the next step for the {} most asked for", plural(next.size(), "skill")));
        std::size_t number = 0;
        for (const PlanStep& step : next) {
            write_step(plan, step, ++number);
        }
        plan.blank();
        plan.paragraph(0, "", plan_total(report.plan, false));
        out += '\n';
        out += plan.take();
    }
    return out;
}

std::string match_postings_markdown(const PostingsReport& report) {
    std::string out =
        fmt::format("# Match: `{}` against {}\n\n", report.resume_source, plural(report.postings.size(), "posting"));
    out += fmt::format("- Postings: {}\n- Candidate: {}\n", read_text(report), markdown_escape(candidate_text(report)));
    out += "\n| Skills | Terms | Level | Verdict | Posting |\n|---:|---:|---|---|---|\n";
    for (const PostingRow& row : report.postings) {
        if (!row.match) {
            out += fmt::format("| | | | not read | `{}`: {} |\n", row.source, markdown_escape(row.error));
            continue;
        }
        const MatchReport& match = *row.match;
        out += fmt::format("| {}%{} | {}% | {} | {} | `{}`: {} |\n", match.score,
                           match.passed() ? "" : " (below the minimum)", match.keyword_score, match.posting.level_id,
                           to_string(match.verdict), row.source, markdown_escape(match.posting.title));
    }
    const int total = report.matched();
    out += "\n## Skills to build\n\n";
    if (report.skills.empty()) {
        out += "None: the resume names every skill the postings ask for, at its target.\n";
    } else {
        out += "| Skill | Required by | Preferred by | Resume | Rating → target |\n|---|---|---|---|---|\n";
        for (const SkillDemand& skill : report.skills) {
            out += fmt::format("| {} | {} | {} | {} | {} → {} |\n", markdown_escape(skill.name),
                               of_text(skill.required_by, total), of_text(skill.preferred_by, total), named_text(skill),
                               skill.rating, skill.target);
        }
    }
    out += "\n## Terms to write\n\n";
    if (report.terms.empty()) {
        out += "None: the resume writes every term the postings ask for.\n";
    } else {
        out += "| Term | Required by | Preferred by | Skill | Resume |\n|---|---|---|---|---|\n";
        for (const TermDemand& term : report.terms) {
            out += fmt::format("| {} | {} | {} | {} | {} |\n", markdown_escape(term.term),
                               of_text(term.required_by, total), of_text(term.preferred_by, total),
                               markdown_escape(term.skill_name), markdown_escape(have_text(term)));
        }
    }
    if (!report.plan.steps.empty()) {
        out += "\n## Study plan\n\n";
        for (const PlanStep& step : report.plan.next_steps()) {
            write_step(out, step);
        }
        out += fmt::format("\n{}.\n", markdown_escape(plan_total(report.plan, false)));
    }
    return out;
}

std::string match_postings_json(const PostingsReport& report) {
    Json document = json_header("match-postings");
    document["resume"] = Json{{"path", report.resume_source}, {"format", std::string(to_string(report.resume_format))}};
    document["candidate"] =
        Json{{"level", report.candidate_level ? Json(*report.candidate_level) : Json(nullptr)},
             {"years", report.candidate_years ? json_number(*report.candidate_years) : Json(nullptr)}};
    document["min_score"] = report.min_score;
    document["passed"] = report.passed();
    document["matched"] = report.matched();
    document["postings"] = Json::array();
    for (const PostingRow& row : report.postings) {
        document["postings"].push_back(row.match ? Json{{"path", row.source}, {"match", match_fields(*row.match)}}
                                                 : Json{{"path", row.source}, {"error", row.error}});
    }
    Json skills = Json::array();
    for (const SkillDemand& skill : report.skills) {
        skills.push_back(Json{{"id", skill.skill_id},
                              {"name", skill.name},
                              {"required_by", skill.required_by},
                              {"preferred_by", skill.preferred_by},
                              {"rating", skill.rating},
                              {"target", skill.target},
                              {"distance", skill.distance()},
                              {"resume_lines", skill.resume_lines},
                              {"postings", skill.postings}});
    }
    Json terms = Json::array();
    for (const TermDemand& term : report.terms) {
        terms.push_back(Json{{"term", term.term},
                             {"skill", term.skill_id},
                             {"skill_name", term.skill_name},
                             {"required_by", term.required_by},
                             {"preferred_by", term.preferred_by},
                             {"resume_terms", term.resume_terms},
                             {"postings", term.postings}});
    }
    document["gaps"] = Json{{"skills", std::move(skills)}, {"terms", std::move(terms)}};
    document["plan"] = Json{{"total_hours", report.plan.total_hours}, {"steps", Json::array()}};
    for (const PlanStep& step : report.plan.steps) {
        document["plan"]["steps"].push_back(step_json(step));
    }
    return dump_json(document);
}

std::string match_postings_html(const PostingsReport& report) {
    const std::string title =
        fmt::format("apigap match: {} against {}", report.resume_source, plural(report.postings.size(), "posting"));
    std::string out = html_page_start(title);
    out += fmt::format("<header>\n<h1>{}</h1>\n", html_escape(title));
    out += fmt::format("<p><strong>Postings:</strong> {}</p>\n<p><strong>Candidate:</strong> {}</p>\n</header>\n",
                       html_escape(read_text(report)), html_escape(candidate_text(report)));

    out += "<section id=\"postings\">\n<h2>Postings</h2>\n<p>Highest skill rate first.</p>\n";
    out +=
        "<div class=\"table\"><table>\n<thead><tr><th scope=\"col\">Posting</th><th scope=\"col\">Skills</th><th "
        "scope=\"col\">Terms</th><th scope=\"col\">Level</th><th scope=\"col\">Verdict</th></tr></thead>\n<tbody>\n";
    for (const PostingRow& row : report.postings) {
        if (!row.match) {
            out += fmt::format("<tr><th scope=\"row\">{}</th><td colspan=\"4\">not read: {}</td></tr>\n",
                               html_escape(row.source), html_escape(row.error));
            continue;
        }
        const MatchReport& match = *row.match;
        out += fmt::format(
            "<tr><th scope=\"row\">{}<br><span class=\"muted\">{}</span></th><td>{}%{}</td><td>{}%</td><td>{}</td>"
            "<td>{}</td></tr>\n",
            html_escape(match.posting.title), html_escape(row.source), match.score,
            match.passed() ? "" : " <span class=\"tag\">below the minimum</span>", match.keyword_score,
            html_escape(match.posting.level_id), to_string(match.verdict));
    }
    out += "</tbody>\n</table></div>\n</section>\n";

    const int total = report.matched();
    out += "<section id=\"skills\">\n<h2>Skills to build</h2>\n";
    if (report.skills.empty()) {
        out += "<p>None: the resume names every skill the postings ask for, at its target.</p>\n";
    } else {
        out +=
            "<div class=\"table\"><table>\n<thead><tr><th scope=\"col\">Skill</th><th scope=\"col\">Required "
            "by</th><th scope=\"col\">Preferred by</th><th scope=\"col\">Resume</th><th scope=\"col\">Rating</th>"
            "</tr></thead>\n<tbody>\n";
        for (const SkillDemand& skill : report.skills) {
            out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                               html_escape(skill.name), of_text(skill.required_by, total),
                               of_text(skill.preferred_by, total), named_text(skill),
                               html_move(skill.rating, skill.target));
        }
        out += "</tbody>\n</table></div>\n";
    }
    out += "</section>\n<section id=\"terms\">\n<h2>Terms to write</h2>\n";
    if (report.terms.empty()) {
        out += "<p>None: the resume writes every term the postings ask for.</p>\n";
    } else {
        out +=
            "<div class=\"table\"><table>\n<thead><tr><th scope=\"col\">Term</th><th scope=\"col\">Required "
            "by</th><th scope=\"col\">Preferred by</th><th scope=\"col\">Skill</th></tr></thead>\n<tbody>\n";
        for (const TermDemand& term : report.terms) {
            const std::string have = have_text(term);
            out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}{}</td></tr>\n",
                               html_escape(term.term), of_text(term.required_by, total),
                               of_text(term.preferred_by, total), html_escape(term.skill_name),
                               have.empty() ? "" : "<br><span class=\"muted\">" + html_escape(have) + "</span>");
        }
        out += "</tbody>\n</table></div>\n";
    }
    out += "</section>\n";
    if (!report.plan.steps.empty()) {
        out += "<section id=\"plan\">\n<h2>Study plan</h2>\n<ol class=\"plan\">\n";
        std::size_t number = 0;
        for (const PlanStep& step : report.plan.next_steps()) {
            write_html_step(out, step, ++number);
        }
        out +=
            fmt::format("</ol>\n<p class=\"total\">{}.</p>\n</section>\n", html_escape(plan_total(report.plan, false)));
    }
    out += k_html_page_end;
    return out;
}

}  // namespace apigap::render_detail

namespace apigap {

std::string render_match_postings(const PostingsReport& report, Format format) {
    switch (format) {
    case Format::text:
        return render_detail::match_postings_text(report);
    case Format::json:
        return render_detail::match_postings_json(report);
    case Format::markdown:
        return render_detail::match_postings_markdown(report);
    case Format::html:
        return render_detail::match_postings_html(report);
    default:
        break;
    }
    throw Error("`apigap match` reports on many postings only as text, json, markdown or html", ExitCode::internal);
}

}  // namespace apigap
