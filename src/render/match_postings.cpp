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

/// The fewest columns the last column of a table keeps before the names beside it wrap.
constexpr std::size_t k_min_last_width = 20;
/// Where the figures of a row start when they go on a line below its name, and where the posting starts below its
/// figures.
constexpr std::size_t k_below_indent = 4;

/// The narrowest a column of `names` may be: their longest word, up to 20 columns.
std::size_t name_minimum(const TextWriter& out, const std::vector<std::string>& names) {
    std::size_t word = 0;
    for (const std::string& name : names) {
        word = std::max(word, longest_word(out.text(name)));
    }
    return std::min<std::size_t>(word, 20);
}

/// "source: title", and "(below 60%)" when it is below the gate.
std::string posting_text(const PostingRow& row) {
    const MatchReport& match = *row.match;
    return fmt::format("{}: {}{}", row.source, match.posting.title,
                       match.passed() ? "" : fmt::format(" (below {}%)", match.min_score));
}

void write_postings(TextWriter& out, const PostingsReport& report) {
    out.blank();
    out.line("Postings (highest skill rate first)");
    // The level and verdict columns narrow to their widest entries on a narrow terminal; the posting (its path,
    // which is never split, and its title) goes on the lines below its figures when it would not fit beside them.
    std::size_t level_width = 8;
    std::size_t verdict_width = 15;
    if (2 + 6 + 2 + 5 + 2 + level_width + 1 + verdict_width > out.width()) {
        level_width = 5;
        verdict_width = 7;
        for (const PostingRow& row : report.postings) {
            if (row.match) {
                level_width = std::max(level_width, display_width(out.text(row.match->posting.level_id)));
                verdict_width = std::max(verdict_width, to_string(row.match->verdict).size());
            }
        }
    }
    const std::size_t figures = 2 + 6 + 2 + 5 + 2 + level_width + 1 + verdict_width + 1;
    const std::size_t posting_width = out.width() > figures ? out.width() - figures : 0;
    bool below = posting_width < k_min_last_width;
    for (const PostingRow& row : report.postings) {
        below = below || (row.match && longest_word(out.text(posting_text(row))) > posting_width);
    }
    const std::string header = fmt::format("  {:>6}  {:>5}  {} {}", "Skills", "Terms", pad("Level", level_width),
                                           below ? std::string("Verdict") : pad("Verdict", verdict_width));
    out.line(below ? header : header + "Posting");
    if (below) {
        out.line(std::string(k_below_indent, ' ') + "Posting");
    }
    for (const PostingRow& row : report.postings) {
        if (!row.match) {
            out.paragraph(2, "not read: ", row.error);
            continue;
        }
        const MatchReport& match = *row.match;
        std::vector<Cell> cells{fixed(fmt::format("{:>5}%  {:>4}%  {}", match.score, match.keyword_score,
                                                  pad(out.text(match.posting.level_id), level_width))),
                                Cell{{std::string(to_string(match.verdict))}, verdict_width, {}}};
        if (!below) {
            cells.push_back(out.cell(posting_text(row), posting_width));
        }
        out.row("  ", cells, 1);
        if (below) {
            out.row(std::string(k_below_indent, ' '), {out.cell(posting_text(row), out.width() - k_below_indent)});
        }
    }
}

void write_skills(TextWriter& out, const PostingsReport& report) {
    const int total = report.matched();
    out.blank();
    out.paragraph(0, "",
                  fmt::format("Skills to build ({}): asked for by the postings, not named or below target",
                              report.skills.size()));
    if (report.skills.empty()) {
        return;
    }
    std::vector<std::string> names{"Skill"};
    for (const SkillDemand& skill : report.skills) {
        names.push_back(skill.name);
    }
    // The figures beside the names, or on a line below each name when they leave the names too little.
    constexpr std::size_t k_figures = 1 + 8 + 1 + 9 + 1 + 7 + 1;
    const bool below = 2 + k_figures + 11 + name_minimum(out, names) > out.width();  // up to "on 12 lines"
    const std::size_t width = below ? out.width() - 2 : out.column(names, 2 + k_figures + 11);
    const std::size_t indent = below ? k_below_indent - 1 : 2 + width;  // the figures' gap is in `k_figures`
    const std::size_t resume_width = out.width() > indent + k_figures ? out.width() - indent - k_figures : 1;
    const std::string figures_header = fmt::format("{:<8} {:<9} {:<7} {}", "Required", "Preferred", "Rating", "Resume");
    if (below) {
        out.line("  Skill");
        out.line(std::string(indent + 1, ' ') + figures_header);
    } else {
        out.line(fmt::format("  {} {}", pad("Skill", width), figures_header));
    }
    for (const SkillDemand& skill : report.skills) {
        std::vector<Cell> cells{Cell{{of_text(skill.required_by, total)}, 8, {}},
                                Cell{{of_text(skill.preferred_by, total)}, 9, {}},
                                Cell{{fmt::format("{} {} {}", skill.rating, out.glyphs().arrow, skill.target)}, 7, {}},
                                out.cell(named_text(skill), resume_width)};
        if (below) {
            out.row("  ", {out.cell(skill.name, width)});
            out.row(std::string(indent + 1, ' '), cells, 1);
        } else {
            cells.insert(cells.begin(), out.cell(skill.name, width));
            out.row("  ", cells, 1);
        }
    }
}

void write_terms(TextWriter& out, const PostingsReport& report) {
    const int total = report.matched();
    out.blank();
    out.paragraph(
        0, "", fmt::format("Terms to write ({}): the postings' words your resume does not use", report.terms.size()));
    if (report.terms.empty()) {
        return;
    }
    std::vector<std::string> terms{"Term"};
    for (const TermDemand& term : report.terms) {
        terms.push_back(term.term);
    }
    // The figures and the skill beside the terms, or on a line below each term when they leave it too little.
    constexpr std::size_t k_figures = 1 + 8 + 1 + 9 + 1;
    const bool below = 2 + k_figures + k_min_last_width + name_minimum(out, terms) > out.width();
    const std::size_t width = below ? out.width() - 2 : out.column(terms, 2 + k_figures + k_min_last_width);
    const std::size_t indent = below ? k_below_indent - 1 : 2 + width;  // the figures' gap is in `k_figures`
    const std::string figures_header = fmt::format("{:<8} {:<9} {}", "Required", "Preferred", "Skill");
    if (below) {
        out.line("  Term");
        out.line(std::string(indent + 1, ' ') + figures_header);
    } else {
        out.line(fmt::format("  {} {}", pad("Term", width), figures_header));
    }
    for (const TermDemand& term : report.terms) {
        const std::string have = have_text(term);
        std::vector<Cell> cells{
            Cell{{of_text(term.required_by, total)}, 8, {}}, Cell{{of_text(term.preferred_by, total)}, 9, {}},
            out.cell(term.skill_name + (have.empty() ? "" : "; " + have), out.width() - indent - k_figures)};
        if (below) {
            out.row("  ", {out.cell(term.term, width)});
            out.row(std::string(indent + 1, ' '), cells, 1);
        } else {
            cells.insert(cells.begin(), out.cell(term.term, width));
            out.row("  ", cells, 1);
        }
    }
}

}  // namespace

std::string match_postings_text(const PostingsReport& report, const TextStyle& style) {
    TextWriter out(style);
    out.paragraph(0, "apigap match: ",
                  fmt::format("{} against {}", report.resume_source, plural(report.postings.size(), "posting")));
    out.paragraph(0, "Postings   ", read_text(report));
    out.paragraph(0, "Candidate  ", candidate_text(report));
    write_postings(out, report);
    write_skills(out, report);
    write_terms(out, report);
    if (!report.plan.steps.empty()) {
        out.blank();
        const std::vector<PlanStep> next = report.plan.next_steps();
        out.paragraph(0, "",
                      fmt::format("Study plan: the next step for the {} most asked for", plural(next.size(), "skill")));
        std::size_t number = 0;
        for (const PlanStep& step : next) {
            write_step(out, step, ++number);
        }
        out.blank();
        out.paragraph(0, "", plan_total(report.plan, false));
    }
    return out.take();
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

std::string render_match_postings(const PostingsReport& report, Format format, const TextStyle& style) {
    switch (format) {
    case Format::text:
        return render_detail::match_postings_text(report, style);
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
