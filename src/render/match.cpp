// `apigap match`: the match of a resume against a job posting as text, Markdown and JSON, and the format dispatch.
#include <algorithm>

#include <fmt/format.h>

#include "apigap/error.hpp"
#include "apigap/render.hpp"
#include "json_support.hpp"
#include "match_views.hpp"
#include "text_layout.hpp"

namespace apigap::render_detail {

namespace {

/// The width of the part column: "preferred".
constexpr std::size_t k_part_width = 9;
/// The fewest columns the last column of a table (what the resume has) keeps before the names beside it wrap.
constexpr std::size_t k_min_detail_width = 24;

}  // namespace

std::string years_text(const std::optional<int>& years) {
    return years ? fmt::format("{}+ years", *years) : std::string();
}

std::string level_line(const MatchReport& report) {
    std::string line = fmt::format("{} ({}, from the {})", report.posting.level_name, report.posting.level_id,
                                   to_string(report.posting.level_source));
    if (report.posting.years) {
        line += fmt::format("; asks for {}", years_text(report.posting.years));
    }
    return line;
}

std::string readiness_line(const MatchReport& report) {
    std::string line = fmt::format("readiness {}% for {}", whole_percent(report.readiness), report.posting.level_id);
    if (report.next_readiness) {
        line += fmt::format(", {}% for {}", whole_percent(*report.next_readiness), report.next_level_id);
    }
    return line;
}

std::string verdict_line(const MatchReport& report) {
    return fmt::format("{} ({}); {}", to_string(report.verdict),
                       report.candidate_level ? fmt::format("the resume reads as {}", *report.candidate_level)
                                              : std::string("by readiness: no level read from the resume's dates"),
                       readiness_line(report));
}

std::string gate_text(const MatchReport& report) {
    return report.passed() ? "passed" : fmt::format("failed: {}% is below {}%", report.score, report.min_score);
}

std::string resume_detail(const MatchSkill& skill) {
    return skill.found ? join(skill.resume_keywords, ", ") : fmt::format("add to {}", to_string(skill.spot));
}

std::string first_terms(const std::vector<std::string>& terms) {
    // Three are enough to say what the resume calls the skill.
    const std::size_t shown = std::min<std::size_t>(terms.size(), 3);
    std::vector<std::string> first(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(shown));
    if (shown < terms.size()) {
        first.push_back("\u2026");
    }
    return join(first, ", ");
}

std::string keyword_detail(const MatchKeyword& keyword) {
    if (keyword.found) {
        return "in your resume";
    }
    if (keyword.resume_terms.empty()) {
        return "not in your resume";
    }
    return fmt::format("not in your resume (you have {}, the same skill)", first_terms(keyword.resume_terms));
}

std::string rates_text(const MatchReport& report) {
    return fmt::format("{}% of its skills, {}% of its terms", report.score, report.keyword_score);
}

/// How the table of skills is laid out: the widths of the posting's spelling and the skill's name, and of what
/// the resume has beside them, or 0 when that goes on a line of its own below them (the name too, when its width
/// is 0).
struct SkillColumns {
    std::size_t spelling = 0;
    std::size_t name = 0;
    std::size_t detail = 0;
};

/// The skill table's columns: the spellings and names as wide as the widest, and the detail beside them when it
/// keeps `k_min_detail_width` columns; else below them, and the names narrowed to fit, the wider first, and wrapped;
/// and when even their longest words do not fit side by side, the name below the spelling too.
SkillColumns skill_columns(const TextWriter& out, const MatchReport& report) {
    std::vector<std::string> spellings;
    std::vector<std::string> names;
    for (const MatchSkill& skill : report.skills) {
        spellings.push_back(skill.spelling);
        names.push_back(skill.name);
    }
    const std::size_t before = 2 + k_part_width + 2 + 2;  // the indent, the part and the gaps
    const std::size_t natural = before + out.widest(spellings) + out.widest(names);
    if (natural + 2 + k_min_detail_width <= out.width()) {
        return {out.widest(spellings), out.widest(names), out.width() - natural - 2};
    }
    const auto minimum = [&](const std::vector<std::string>& texts) {
        std::size_t word = 0;
        for (const std::string& text : texts) {
            word = std::max(word, longest_word(out.text(text)));
        }
        return std::min<std::size_t>(word, 20);
    };
    if (minimum(spellings) + minimum(names) > out.width() - before) {
        return {out.width() - (before - 2), 0, 0};
    }
    const std::vector<std::size_t> widths = fit_columns({out.widest(spellings), out.widest(names)},
                                                        {minimum(spellings), minimum(names)}, out.width() - before);
    return {widths[0], widths[1], 0};
}

std::string match_text(const MatchReport& report, const TextStyle& style) {
    TextWriter out(style);
    out.paragraph(0, "apigap match: ", fmt::format("{} against {}", report.resume_source, report.posting.source));
    out.paragraph(0, "Posting    ", report.posting.title);
    out.paragraph(0, "Level      ", level_line(report));
    out.paragraph(0, "Match      ",
                  fmt::format("{} (minimum {}%: {})", rates_text(report), report.min_score, gate_text(report)));
    out.paragraph(0, "Verdict    ", verdict_line(report));
    const SkillColumns columns = skill_columns(out, report);
    for (const bool found : {false, true}) {
        const auto count = std::count_if(report.skills.begin(), report.skills.end(),
                                         [&](const MatchSkill& skill) { return skill.found == found; });
        out.blank();
        out.line(fmt::format("{} ({})", found ? "Found" : "Missing", count));
        for (const MatchSkill& skill : report.skills) {
            if (skill.found != found) {
                continue;
            }
            const std::string detail = found
                                           ? "resume: " + join(skill.resume_keywords, ", ")
                                           : fmt::format("add to {}{}", to_string(skill.spot),
                                                         skill.years ? ", " + years_text(skill.years) : std::string());
            std::vector<Cell> cells{fixed(pad(std::string(to_string(skill.part)), k_part_width)),
                                    out.cell(skill.spelling, columns.spelling)};
            if (columns.name > 0) {
                cells.push_back(out.cell(skill.name, columns.name));
            }
            if (columns.detail > 0) {
                cells.push_back(out.cell(detail, columns.detail));
            }
            out.row("  ", cells);
            if (columns.name == 0) {
                out.paragraph(2 + k_part_width + 2, "", skill.name);
            }
            if (columns.detail == 0) {
                out.paragraph(2 + k_part_width + 2, "", detail);
            }
        }
    }
    const auto missing = std::count_if(report.keywords.begin(), report.keywords.end(),
                                       [](const MatchKeyword& keyword) { return !keyword.found; });
    out.blank();
    out.paragraph(0, "",
                  fmt::format("The posting's terms ({} of {} in your resume)",
                              report.keywords.size() - static_cast<std::size_t>(missing), report.keywords.size()));
    std::vector<std::string> terms;
    for (const MatchKeyword& keyword : report.keywords) {
        terms.push_back(keyword.spelling);
    }
    const std::size_t term_width = out.column(terms, 2 + k_part_width + 2 + 2 + k_min_detail_width);
    const std::size_t before = 2 + k_part_width + 2 + term_width + 2;
    const std::size_t detail_width = out.width() > before ? out.width() - before : 0;
    // What the resume has goes below the term when a word of it (a skill's term) would not fit beside it.
    bool below = false;
    for (const MatchKeyword& keyword : report.keywords) {
        below = below || longest_word(out.text(keyword_detail(keyword))) > detail_width;
    }
    for (const MatchKeyword& keyword : report.keywords) {
        std::vector<Cell> cells{fixed(pad(std::string(to_string(keyword.part)), k_part_width)),
                                out.cell(keyword.spelling, term_width)};
        if (!below) {
            cells.push_back(out.cell(keyword_detail(keyword), detail_width));
        }
        out.row("  ", cells);
        if (below) {
            out.paragraph(2 + k_part_width + 2, "", keyword_detail(keyword));
        }
    }
    if (!report.unassessed_terms.empty()) {
        out.blank();
        out.paragraph(0, "",
                      fmt::format("Not assessed ({}): the posting asks for them; the knowledge base does not know them",
                                  report.unassessed_terms.size()));
        out.paragraph(2, "", join(report.unassessed_terms, ", "));
    }
    return out.take();
}

std::string match_markdown(const MatchReport& report) {
    std::string out = fmt::format("# Match: {}\n\n", markdown_escape(report.posting.title));
    out += fmt::format("- Resume: `{}`; posting: `{}`\n", report.resume_source, report.posting.source);
    out += fmt::format("- Level: {}\n", markdown_escape(level_line(report)));
    out += fmt::format("- Match rate: **{}%** of its skills, {}% of its terms (minimum {}%: {})\n", report.score,
                       report.keyword_score, report.min_score, gate_text(report));
    out += fmt::format("- Level verdict: {}\n", markdown_escape(verdict_line(report)));
    out += "\n| | Posting says | Skill | Part | Years | Resume |\n|---|---|---|---|---|---|\n";
    for (const MatchSkill& skill : report.skills) {
        out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", skill.found ? "found" : "**missing**",
                           markdown_escape(skill.spelling), markdown_escape(skill.name), to_string(skill.part),
                           years_text(skill.years), markdown_escape(resume_detail(skill)));
    }
    if (!report.keywords.empty()) {
        out += "\n| | The posting's term | Part | Line | Resume |\n|---|---|---|---|---|\n";
        for (const MatchKeyword& keyword : report.keywords) {
            out += fmt::format("| {} | {} | {} | {} | {} |\n", keyword.found ? "found" : "**missing**",
                               markdown_escape(keyword.spelling), to_string(keyword.part), keyword.line,
                               markdown_escape(keyword_detail(keyword)));
        }
    }
    if (!report.unassessed_terms.empty()) {
        out += fmt::format("\nNot assessed (the posting asks for them; the knowledge base does not know them): {}\n",
                           markdown_escape(join(report.unassessed_terms, ", ")));
    }
    return out;
}

std::string match_json(const MatchReport& report) {
    Json document = json_header("match");
    document["resume"] = Json{{"path", report.resume_source}, {"format", std::string(to_string(report.resume_format))}};
    document.update(match_fields(report));
    return dump_json(document);
}

Json match_fields(const MatchReport& report) {
    Json match;
    match["posting"] = Json{{"path", report.posting.source},
                            {"format", std::string(to_string(report.posting.format))},
                            {"title", report.posting.title}};
    match["posting"]["years"] = report.posting.years ? Json(*report.posting.years) : Json(nullptr);
    match["level"] = Json{{"id", report.posting.level_id},
                          {"name", report.posting.level_name},
                          {"source", std::string(to_string(report.posting.level_source))},
                          {"verdict", std::string(to_string(report.verdict))},
                          {"candidate_level", report.candidate_level ? Json(*report.candidate_level) : Json(nullptr)},
                          {"readiness", readiness_number(report.readiness)}};
    match["level"]["next_level"] = report.next_level_id.empty() ? Json(nullptr) : Json(report.next_level_id);
    match["level"]["next_readiness"] = report.next_readiness ? readiness_number(*report.next_readiness) : Json(nullptr);
    match["score"] = report.score;
    match["min_score"] = report.min_score;
    match["passed"] = report.passed();
    match["skills"] = Json::array();
    for (const MatchSkill& skill : report.skills) {
        Json item{{"id", skill.skill_id},       {"name", skill.name},
                  {"spelling", skill.spelling}, {"part", std::string(to_string(skill.part))},
                  {"weight", skill.weight},     {"line", skill.line}};
        item["years"] = skill.years ? Json(*skill.years) : Json(nullptr);
        item["section"] = std::string(to_string(skill.spot));
        item["section_line"] = skill.section_line > 0 ? Json(skill.section_line) : Json(nullptr);
        item["found"] = skill.found;
        item["resume_keywords"] = skill.resume_keywords;
        match["skills"].push_back(std::move(item));
    }
    match["unassessed_terms"] = report.unassessed_terms;
    match["keyword_score"] = report.keyword_score;
    match["keywords"] = Json::array();
    for (const MatchKeyword& keyword : report.keywords) {
        match["keywords"].push_back(Json{{"term", keyword.term},
                                         {"skill", keyword.skill_id},
                                         {"spelling", keyword.spelling},
                                         {"part", std::string(to_string(keyword.part))},
                                         {"line", keyword.line},
                                         {"found", keyword.found},
                                         {"resume_terms", keyword.resume_terms}});
    }
    return match;
}

}  // namespace apigap::render_detail

namespace apigap {

std::string render_match(const MatchReport& report, Format format, const TextStyle& style) {
    switch (format) {
    case Format::text:
        return render_detail::match_text(report, style);
    case Format::json:
        return render_detail::match_json(report);
    case Format::markdown:
        return render_detail::match_markdown(report);
    case Format::sarif:
        return render_detail::match_sarif(report);
    case Format::junit:
        return render_detail::match_junit(report);
    case Format::github:
        return render_detail::match_github(report);
    case Format::html:
        return render_detail::match_html(report);
    }
    throw Error("`apigap match` has no such format", ExitCode::internal);
}

}  // namespace apigap
