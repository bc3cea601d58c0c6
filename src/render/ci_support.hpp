// What the CI formats of `check` and `match` share: JUnit XML, GitHub workflow commands and SARIF 2.1.0.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "apigap/check.hpp"
#include "json_support.hpp"

namespace apigap::render_detail {

/// A JUnit test case: it failed when `failure` (the message) is not empty; `details` is the text of the failure
/// element, `output` the test's `<system-out>`.
struct TestCase {
    std::string classname;
    std::string name;
    std::string failure;
    std::string failure_type;
    std::string details;
    std::string output;
};

/// One JUnit test suite: its name, its properties (name, value) and its cases.
struct TestSuite {
    std::string name;
    std::vector<std::pair<std::string, std::string>> properties;
    std::vector<TestCase> cases;
};

/// `suite` as a JUnit XML document: `<testsuites name="{suites_name}">` holding it, every text escaped.
[[nodiscard]] std::string junit_xml(std::string_view suites_name, const TestSuite& suite);

/// The file `finding` is on: its own `file`, else `source` (the resume checked).
[[nodiscard]] std::string_view finding_file(std::string_view source, const Finding& finding);

/// `file:line` (the file `finding_file` names), or the file alone for a finding about the whole file.
[[nodiscard]] std::string finding_location(std::string_view source, const Finding& finding);

/// `finding` on one plain line: "cv.md:7: warning: message [rule]; fix: fix".
[[nodiscard]] std::string finding_line(std::string_view source, const Finding& finding);

/// A GitHub annotation: the file it is on (`line` 0: the whole file), titled `apigap RULE`, and the plain line to
/// list instead when GitHub's cap for its kind is reached.
struct Annotation {
    Severity severity = Severity::note;
    std::string file;
    int line = 0;
    std::string rule;
    std::string message;
    std::string listed;
};

/// `finding` in the file `source` as an annotation saying "message. Fix: fix.", listed as its `finding_line`.
[[nodiscard]] Annotation annotation_of(std::string_view source, const Finding& finding);

/// Workflow commands `::error file=…,line=…,title=…::…` for `annotations`, errors first, then warnings, then notes
/// (each kind in the given order); at most `k_github_annotations_per_kind` of each kind, the others as their `listed`
/// lines after one saying why.
[[nodiscard]] std::string github_annotations(const std::vector<Annotation>& annotations);

/// A SARIF 2.1.0 log of one run: `rules` as the driver's rules with their default levels, and a result for each of
/// `findings` on its file (`finding_file` of `artifact`, a path, written as a relative URI reference) with the index of
/// its rule and the text "message. Fix: fix."; `properties` are the run's.
[[nodiscard]] std::string sarif_log(const std::vector<CheckRule>& rules, const std::vector<Finding>& findings,
                                    std::string_view artifact, const Json& properties);

}  // namespace apigap::render_detail
