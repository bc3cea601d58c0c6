// `apigap check` for people: the terminal report and Markdown (also the GitHub step summary).
#include <algorithm>

#include <fmt/format.h>

#include "check_views.hpp"
#include "ci_support.hpp"
#include "report_parts.hpp"
#include "text_layout.hpp"

namespace apigap::render_detail {

namespace {

/// The coverage bar's cells, and the fewest it narrows to on a narrow terminal.
constexpr std::size_t k_score_cells = 20;
constexpr std::size_t k_min_score_cells = 5;
constexpr std::size_t k_max_found_shown = 4;

std::string_view severity_color(Severity severity) {
    switch (severity) {
    case Severity::error:
        return sgr::k_red;
    case Severity::warning:
        return sgr::k_yellow;
    case Severity::note:
        return sgr::k_cyan;
    }
    return {};
}

/// The keywords found for `item`, at most a few, or what to add when it is missing.
std::string coverage_detail(const CoverageItem& item) {
    if (!item.covered) {
        std::vector<std::string> quoted;
        for (const std::string& word : item.suggest) {
            quoted.push_back("'" + word + "'");
        }
        return "missing: add " + join(quoted, ", ");
    }
    std::vector<std::string> shown(item.found.begin(), item.found.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                                                item.found.size(), k_max_found_shown)));
    if (item.found.size() > k_max_found_shown) {
        shown.push_back(fmt::format("+{} more", item.found.size() - k_max_found_shown));
    }
    return join(shown, ", ");
}

/// "14" on the resume, "resume.tex:14" on the source, nothing for the whole resume.
std::string finding_place(const Finding& finding) {
    if (!finding.file.empty()) {
        return finding.line > 0 ? fmt::format("{}:{}", finding.file, finding.line) : finding.file;
    }
    return finding.line > 0 ? std::to_string(finding.line) : "";
}

/// "resume.tex (latex, 80 lines, 76 found in the resume): 42 keywords, 1 lost, 1 mangled; 9 measurable results, 1
/// lost".
std::string source_summary(const SourceComparison& source) {
    const auto part = [](std::size_t all, std::string_view what, std::size_t lost, std::size_t mangled) {
        std::string text = plural(all, what);
        text += lost + mangled == 0 ? ", all in the resume" : "";
        text += lost > 0 ? fmt::format(", {} lost", lost) : "";
        text += mangled > 0 ? fmt::format(", {} mangled", mangled) : "";
        return text;
    };
    return fmt::format("{} ({}, {}, {} found in the resume): {}; {}", source.path, to_string(source.format),
                       plural(source.lines, "line"), source.lines_found,
                       part(source.keywords, "keyword", source.keywords_lost, source.keywords_mangled),
                       part(source.results, "measurable result", source.results_lost, source.results_mangled));
}

std::string counts(const CheckReport& report) {
    return fmt::format("{}, {}, {}", plural(count_of(report, Severity::error), "error"),
                       plural(count_of(report, Severity::warning), "warning"),
                       plural(count_of(report, Severity::note), "note"));
}

}  // namespace

std::size_t count_of(const CheckReport& report, Severity severity) {
    return static_cast<std::size_t>(
        std::count_if(report.findings.begin(), report.findings.end(),
                      [&](const Finding& finding) { return finding.severity == severity; }));
}

std::string verdict(const CheckReport& report) {
    std::vector<std::string> reasons;
    if (report.score < report.min_score) {
        reasons.push_back(fmt::format("keyword coverage {}% is below the minimum {}%", report.score, report.min_score));
    }
    if (const std::size_t errors = count_of(report, Severity::error); errors > 0) {
        reasons.push_back(plural(errors, "error finding"));
    }
    return reasons.empty() ? "passed" : "failed: " + join(reasons, "; ");
}

std::string check_text(const CheckReport& report, const TextStyle& style) {
    TextWriter out(style);
    out.paragraph(0, "apigap check: ", report.level_name, sgr::k_bold, sgr::k_bold);
    out.paragraph(0,
                  "Resume: ", fmt::format("{} ({}, {} lines)", report.source, to_string(report.format), report.lines),
                  sgr::k_dim);
    if (report.source_comparison) {
        out.paragraph(0, "Source: ", source_summary(*report.source_comparison), sgr::k_dim);
    }
    out.paragraph(0, "Experience: ", out.text(experience_summary(report.experience)), sgr::k_dim);
    out.paragraph(0, "Target: ", target_summary(report.level_id, report.level_source), sgr::k_dim);
    out.heading("KEYWORD COVERAGE");
    const std::string_view score_color = report.score >= report.min_score ? sgr::k_green : sgr::k_red;
    const std::string minimum = fmt::format("minimum {}%", report.min_score);
    // The bar narrows to what the figures leave it, down to `k_min_score_cells`.
    const std::size_t figures = 2 + 4 + 1 + 2 + minimum.size();
    const int cells = static_cast<int>(
        std::clamp<std::size_t>(out.width() > figures ? out.width() - figures : 0, k_min_score_cells, k_score_cells));
    out.line(fmt::format("  {} {}  {}", out.paint(score_color, fmt::format("{:>3}%", report.score)),
                         meter(report.score * cells / 100, cells, out.glyphs()), minimum));
    // The names and what was found side by side: the names as wide as the widest, unless the keywords would have
    // less than half the line, or less than their longest word; then a long name wraps. When even the names' longest
    // word leaves the keywords too little, the keywords go on the lines below the name.
    std::size_t widest = 0;
    std::size_t word = 0;
    std::size_t detail_word = 0;
    for (const CoverageItem& item : report.coverage) {
        widest = std::max(widest, display_width(out.text(item.name)));
        word = std::max(word, longest_word(out.text(item.name)));
        detail_word = std::max(detail_word, longest_word(out.text(coverage_detail(item))));
    }
    const std::size_t room = out.width() - 2 - 4 - 2;  // the indent, "[x] " and the gap
    const std::size_t name_minimum = std::min<std::size_t>(word, 20);
    const bool below = name_minimum + detail_word > room;
    std::size_t width = fit_columns({widest}, {name_minimum}, room / 2).front();
    if (!below && room - width < detail_word) {
        width = room - detail_word;
    }
    for (const CoverageItem& item : report.coverage) {
        const Cell name =
            with_prefix(item.covered ? "[x] " : "[ ] ",
                        out.cell(item.name, below ? room + 2 : width, item.covered ? sgr::k_green : sgr::k_red));
        if (below) {
            out.row("  ", {name});
            out.row(std::string(6, ' '), {out.cell(coverage_detail(item), room + 2)});
        } else {
            out.row("  ", {name, out.cell(coverage_detail(item), room - width)});
        }
    }

    out.heading(fmt::format("FINDINGS ({})", counts(report)));
    if (report.findings.empty()) {
        out.line("  none");
    }
    for (const Finding& finding : report.findings) {
        // Where, then the severity and the rule: below the place when the place (a long path) leaves them no room.
        const std::string place = finding_location(report.source, finding);
        const std::string kind = fmt::format("{}  {}", to_string(finding.severity), finding.rule);
        const std::string painted = fmt::format(
            "{}  {}", out.paint(severity_color(finding.severity), to_string(finding.severity)), finding.rule);
        if (display_width(out.text(place)) + 2 + kind.size() <= out.width()) {
            out.line(fmt::format("{}  {}", place, painted));
        } else {
            out.line(place);
            out.line(std::string(4, ' ') + painted);
        }
        out.paragraph(4, "", finding.message);
        out.paragraph(4, "fix: ", finding.fix, sgr::k_dim);
    }
    out.blank();
    const std::string result = verdict(report);
    out.paragraph(0, "Result: ", result, sgr::k_bold, report.passed() ? sgr::k_green : sgr::k_red);
    return out.take();
}

std::string check_markdown(const CheckReport& report) {
    std::string out = fmt::format("## apigap check: {}\n\n", markdown_escape(report.source));
    out += fmt::format("**{}** {} for {}: keyword coverage **{}%** (minimum {}%).\n\n",
                       report.passed() ? "\u2705 Passed" : "\u274c Failed", markdown_escape(report.source),
                       markdown_escape(report.level_name), report.score, report.min_score);
    if (report.source_comparison) {
        out += fmt::format("**Source:** {}\n\n", markdown_escape(source_summary(*report.source_comparison)));
    }
    out += fmt::format("**Experience:** {}; target: {}\n\n", markdown_escape(experience_summary(report.experience)),
                       markdown_escape(target_summary(report.level_id, report.level_source)));
    if (!report.passed()) {
        out += fmt::format("{}\n\n", markdown_escape(verdict(report)));
    }
    out += "| Skill | Weight | Keywords |\n|---|---:|---|\n";
    for (const CoverageItem& item : report.coverage) {
        out += fmt::format("| {} {} | {} | {} |\n", item.covered ? "\u2705" : "\u274c", markdown_escape(item.name),
                           format_number(item.weight), markdown_escape(coverage_detail(item)));
    }
    out += fmt::format("\n### Findings ({})\n\n", counts(report));
    if (report.findings.empty()) {
        return out + "None.\n";
    }
    out += "| Severity | Line | Rule | Finding | Fix |\n|---|---:|---|---|---|\n";
    for (const Finding& finding : report.findings) {
        out += fmt::format("| {} | {} | `{}` | {} | {} |\n", to_string(finding.severity),
                           markdown_escape(finding_place(finding)), finding.rule, markdown_escape(finding.message),
                           markdown_escape(finding.fix));
    }
    return out;
}

}  // namespace apigap::render_detail
