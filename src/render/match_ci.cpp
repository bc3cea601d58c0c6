// `apigap match` for CI systems: SARIF 2.1.0, JUnit XML and GitHub workflow commands, all on the resume's file.
#include <fmt/format.h>

#include "ci_support.hpp"
#include "match_views.hpp"

namespace apigap::render_detail {

namespace {

constexpr std::string_view k_gate_rule = "match-score";

/// The kinds of finding, in the order SARIF lists them; docs/match.md has the table.
const std::vector<CheckRule>& match_rules() {
    static const std::vector<CheckRule> rules{
        {k_gate_rule, Severity::error, "The match rate against the posting is below --min-score."},
        {"missing-required", Severity::warning, "A skill the posting requires is not on the resume."},
        {"missing-preferred", Severity::note, "A skill the posting calls a plus is not on the resume."},
        {"missing-context", Severity::note,
         "A skill the posting names in its duties or introduction is not on the resume."},
    };
    return rules;
}

const CheckRule& rule_for(PostingPart part) {
    const std::vector<CheckRule>& rules = match_rules();
    return part == PostingPart::required ? rules[1] : part == PostingPart::preferred ? rules[2] : rules[3];
}

std::string_view asks(PostingPart part) {
    return part == PostingPart::required ? "requires" : part == PostingPart::preferred ? "prefers" : "mentions";
}

/// The gate's finding, about the whole file: what the rate is, and the minimum.
Finding gate_finding(const MatchReport& report) {
    return Finding{std::string(k_gate_rule), Severity::error, 0,
                   fmt::format("match rate {}% against {} is below the minimum {}%", report.score,
                               report.posting.source, report.min_score),
                   "name the missing skills the resume can show, required ones first (they weigh 2)"};
}

/// A missing skill as a finding at the line where its resume section starts, else at line 1.
Finding missing_finding(const MatchReport& report, const MatchSkill& skill) {
    const CheckRule& rule = rule_for(skill.part);
    std::string message = fmt::format("the posting {} {}, as '{}' at {}:{}", asks(skill.part), skill.name,
                                      skill.spelling, report.posting.source, skill.line);
    if (skill.years) {
        message += fmt::format(", with {}", years_text(skill.years));
    }
    message += "; the resume does not name it";
    const std::string_view section = to_string(skill.spot);
    const std::string fix = skill.section_line > 0
                                ? fmt::format("name it in the resume's {} section", section)
                                : fmt::format("add a section headed '{}' that names it",
                                              skill.spot == ResumeSpot::experience ? "Experience" : "Skills");
    return Finding{std::string(rule.id), rule.severity, skill.section_line > 0 ? skill.section_line : 1,
                   std::move(message), fix};
}

/// The failed gate first, then each missing skill in the report's order (required first).
std::vector<Finding> match_findings(const MatchReport& report) {
    std::vector<Finding> findings;
    if (!report.passed()) {
        findings.push_back(gate_finding(report));
    }
    for (const MatchSkill& skill : report.skills) {
        if (!skill.found) {
            findings.push_back(missing_finding(report, skill));
        }
    }
    return findings;
}

std::vector<TestCase> test_cases(const MatchReport& report) {
    const std::string gate_classname = "apigap.match";
    TestCase gate{gate_classname, std::string(k_gate_rule), {}, std::string(k_gate_rule), {}, {}};
    gate.output =
        fmt::format("match rate {}% against {} (minimum {}%)\n", report.score, report.posting.source, report.min_score);
    if (!report.passed()) {
        const Finding finding = gate_finding(report);
        gate.failure = finding.message;
        gate.details = finding_line(report.resume_source, finding) + "\n";
    }
    std::vector<TestCase> cases{gate};
    for (const MatchSkill& skill : report.skills) {
        TestCase test{gate_classname + "." + std::string(to_string(skill.part)), skill.name, {}, {}, {}, {}};
        if (skill.found) {
            test.output = fmt::format("resume: {}\n", resume_detail(skill));
        } else {
            const Finding finding = missing_finding(report, skill);
            test.failure = finding.message;
            test.failure_type = finding.rule;
            test.details = finding_line(report.resume_source, finding) + "\n";
        }
        cases.push_back(std::move(test));
    }
    return cases;
}

}  // namespace

std::string match_sarif(const MatchReport& report) {
    const Json properties{{"posting", report.posting.source},
                          {"level", report.posting.level_id},
                          {"score", report.score},
                          {"minScore", report.min_score},
                          {"passed", report.passed()}};
    return sarif_log(match_rules(), match_findings(report), report.resume_source, properties);
}

std::string match_junit(const MatchReport& report) {
    const TestSuite suite{report.resume_source,
                          {{"posting", report.posting.source},
                           {"level", report.posting.level_id},
                           {"score", std::to_string(report.score)},
                           {"min-score", std::to_string(report.min_score)}},
                          test_cases(report)};
    return junit_xml("apigap match", suite);
}

std::string match_github(const MatchReport& report) {
    std::vector<Annotation> annotations;
    for (const Finding& finding : match_findings(report)) {
        annotations.push_back(annotation_of(report.resume_source, finding));
    }
    return github_annotations(annotations) +
           fmt::format("apigap match: {} against {}: match rate {}% (minimum {}%): {}\n", report.resume_source,
                       report.posting.source, report.score, report.min_score, gate_text(report));
}

}  // namespace apigap::render_detail
