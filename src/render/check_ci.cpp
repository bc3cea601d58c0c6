// `apigap check` for CI systems: JUnit XML, and GitHub workflow commands.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "check_views.hpp"
#include "html_support.hpp"
#include "text_layout.hpp"

namespace apigap::render_detail {

namespace {

std::string finding_line(const CheckReport& report, const Finding& finding) {
    return fmt::format("{}: {}: {} [{}]; fix: {}", finding_location(report, finding), to_string(finding.severity),
                       finding.message, finding.rule, finding.fix);
}

/// A JUnit test case: its name, the failure message if it failed, and the text under it.
struct TestCase {
    std::string name;
    std::string failure;
    std::string details;
    std::string output;
};

std::vector<TestCase> test_cases(const CheckReport& report) {
    std::vector<TestCase> cases;
    TestCase coverage{"keyword-coverage", {}, {}, {}};
    coverage.output =
        fmt::format("keyword coverage {}% for {} (minimum {}%)\n", report.score, report.level_name, report.min_score);
    if (report.score < report.min_score) {
        coverage.failure = fmt::format("keyword coverage {}% is below the minimum {}%", report.score, report.min_score);
    }
    cases.push_back(coverage);
    for (const CheckRule& rule : check_rules()) {
        TestCase test{std::string(rule.id), {}, {}, {}};
        for (const Finding& finding : report.findings) {
            if (finding.rule != rule.id) {
                continue;
            }
            if (finding.severity == Severity::error) {
                test.failure = test.failure.empty() ? finding.message : test.failure;
                test.details += finding_line(report, finding) + "\n";
            } else {
                test.output += finding_line(report, finding) + "\n";
            }
        }
        cases.push_back(test);
    }
    return cases;
}

/// Workflow-command data: `%`, CR and LF encoded.
std::string command_data(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '%':
            out += "%25";
            break;
        case '\r':
            out += "%0D";
            break;
        case '\n':
            out += "%0A";
            break;
        default:
            out += c;
        }
    }
    return out;
}

/// A workflow-command property value: its data encoding, and `:` and `,` too.
std::string command_property(std::string_view text) {
    std::string out;
    for (const char c : command_data(text)) {
        out += c == ':' ? "%3A" : c == ',' ? "%2C" : std::string(1, c);
    }
    return out;
}

/// GitHub's annotation kinds: `notice` is its word for a note.
std::string_view annotation_kind(Severity severity) {
    return severity == Severity::note ? "notice" : to_string(severity);
}

}  // namespace

std::string check_junit(const CheckReport& report) {
    const std::vector<TestCase> cases = test_cases(report);
    const auto failures =
        std::count_if(cases.begin(), cases.end(), [](const TestCase& test) { return !test.failure.empty(); });
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format("<testsuites name=\"apigap check\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n", cases.size(),
                       failures);
    out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
                       html_escape(report.source), cases.size(), failures);
    out += "    <properties>\n";
    out += fmt::format("      <property name=\"level\" value=\"{}\"/>\n", html_escape(report.level_id));
    out += fmt::format("      <property name=\"score\" value=\"{}\"/>\n", report.score);
    out += fmt::format("      <property name=\"min-score\" value=\"{}\"/>\n", report.min_score);
    out += "    </properties>\n";
    for (const TestCase& test : cases) {
        out += fmt::format("    <testcase classname=\"apigap.check\" name=\"{}\"", html_escape(test.name));
        if (test.failure.empty() && test.output.empty()) {
            out += "/>\n";
            continue;
        }
        out += ">\n";
        if (!test.failure.empty()) {
            out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", html_escape(test.failure),
                               html_escape(test.name), html_escape(test.details));
        }
        if (!test.output.empty()) {
            out += fmt::format("      <system-out>{}</system-out>\n", html_escape(test.output));
        }
        out += "    </testcase>\n";
    }
    out += "  </testsuite>\n</testsuites>\n";
    return out;
}

std::string check_github(const CheckReport& report) {
    std::string out;
    std::map<Severity, std::size_t> annotated;
    std::vector<const Finding*> unannotated;
    if (report.score < report.min_score) {
        ++annotated[Severity::error];
        out += fmt::format("::error file={},title={}::{}\n", command_property(report.source),
                           command_property("apigap keyword-coverage"),
                           command_data(fmt::format("Keyword coverage {}% for {} is below the minimum {}%",
                                                    report.score, report.level_name, report.min_score)));
    }
    // Errors first: when GitHub's cap bites, what failed the build is still shown.
    std::vector<const Finding*> ordered;
    for (const Severity severity : {Severity::error, Severity::warning, Severity::note}) {
        for (const Finding& finding : report.findings) {
            if (finding.severity == severity) {
                ordered.push_back(&finding);
            }
        }
    }
    for (const Finding* finding : ordered) {
        if (annotated[finding->severity]++ >= k_github_annotations_per_kind) {
            unannotated.push_back(finding);
            continue;
        }
        const std::string line = finding->line > 0 ? fmt::format(",line={}", finding->line) : "";
        out += fmt::format("::{} file={}{},title={}::{}\n", annotation_kind(finding->severity),
                           command_property(report.source), line, command_property("apigap " + finding->rule),
                           command_data(fmt::format("{}. Fix: {}.", finding->message, finding->fix)));
    }
    if (!unannotated.empty()) {
        out += fmt::format("GitHub shows {} annotations of each kind per step; the other {} finding{}:\n",
                           k_github_annotations_per_kind, unannotated.size(), unannotated.size() == 1 ? "" : "s");
        for (const Finding* finding : unannotated) {
            out += finding_line(report, *finding) + "\n";
        }
    }
    out += fmt::format("apigap check: {} for {}: keyword coverage {}% (minimum {}%): {}\n", report.source,
                       report.level_name, report.score, report.min_score, verdict(report));
    return out;
}

}  // namespace apigap::render_detail
