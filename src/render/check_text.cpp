// `apigap check` for people: the terminal report and Markdown (also the GitHub step summary).
#include <algorithm>

#include <fmt/format.h>

#include "check_views.hpp"
#include "ci_support.hpp"
#include "report_parts.hpp"
#include "text_layout.hpp"

namespace apigap::render_detail {

namespace {

constexpr int k_score_cells = 20;
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
    out.line(fmt::format("  {} {}  minimum {}%", out.paint(score_color, fmt::format("{:>3}%", report.score)),
                         meter(report.score * k_score_cells / 100, k_score_cells, out.glyphs()), report.min_score));
    // The names and what was found side by side: the names as wide as the widest, unless the keywords would have
    // less than half the line; then a long name wraps.
    std::size_t widest = 0;
    std::size_t word = 0;
    for (const CoverageItem& item : report.coverage) {
        widest = std::max(widest, display_width(out.text(item.name)));
        word = std::max(word, longest_word(out.text(item.name)));
    }
    const std::size_t room = out.width() - 2 - 4 - 2;  // the indent, "[x] " and the gap
    const std::size_t width = fit_columns({widest}, {std::min<std::size_t>(word, 20)}, room / 2).front();
    for (const CoverageItem& item : report.coverage) {
        out.row("  ", {with_prefix(item.covered ? "[x] " : "[ ] ",
                                   out.cell(item.name, width, item.covered ? sgr::k_green : sgr::k_red)),
                       out.cell(coverage_detail(item), room - width)});
    }

    out.heading(fmt::format("FINDINGS ({})", counts(report)));
    if (report.findings.empty()) {
        out.line("  none");
    }
    for (const Finding& finding : report.findings) {
        out.line(fmt::format("{}  {}  {}", finding_location(report.source, finding),
                             out.paint(severity_color(finding.severity), to_string(finding.severity)), finding.rule));
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
