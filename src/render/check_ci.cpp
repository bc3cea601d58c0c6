// `apigap check` for CI systems: JUnit XML, and GitHub workflow commands.
#include <fmt/format.h>

#include "check_views.hpp"
#include "ci_support.hpp"

namespace apigap::render_detail {

namespace {

std::vector<TestCase> test_cases(const CheckReport& report) {
    std::vector<TestCase> cases;
    TestCase coverage{"apigap.check", "keyword-coverage", {}, "keyword-coverage", {}, {}};
    coverage.output =
        fmt::format("keyword coverage {}% for {} (minimum {}%)\n", report.score, report.level_name, report.min_score);
    if (report.score < report.min_score) {
        coverage.failure = fmt::format("keyword coverage {}% is below the minimum {}%", report.score, report.min_score);
    }
    cases.push_back(coverage);
    for (const CheckRule& rule : check_rules()) {
        TestCase test{"apigap.check", std::string(rule.id), {}, std::string(rule.id), {}, {}};
        for (const Finding& finding : report.findings) {
            if (finding.rule != rule.id) {
                continue;
            }
            if (finding.severity == Severity::error) {
                test.failure = test.failure.empty() ? finding.message : test.failure;
                test.details += finding_line(report.source, finding) + "\n";
            } else {
                test.output += finding_line(report.source, finding) + "\n";
            }
        }
        cases.push_back(test);
    }
    return cases;
}

}  // namespace

std::string check_junit(const CheckReport& report) {
    const TestSuite suite{report.source,
                          {{"level", report.level_id},
                           {"score", std::to_string(report.score)},
                           {"min-score", std::to_string(report.min_score)}},
                          test_cases(report)};
    return junit_xml("apigap check", suite);
}

std::string check_github(const CheckReport& report) {
    std::vector<Annotation> annotations;
    if (report.score < report.min_score) {
        const std::string message = fmt::format("Keyword coverage {}% for {} is below the minimum {}%", report.score,
                                                report.level_name, report.min_score);
        annotations.push_back(Annotation{Severity::error, report.source, 0, "keyword-coverage", message, message});
    }
    for (const Finding& finding : report.findings) {
        annotations.push_back(annotation_of(report.source, finding));
    }
    return github_annotations(annotations) +
           fmt::format("apigap check: {} for {}: keyword coverage {}% (minimum {}%): {}\n", report.source,
                       report.level_name, report.score, report.min_score, verdict(report));
}

}  // namespace apigap::render_detail
