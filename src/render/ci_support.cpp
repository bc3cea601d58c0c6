// JUnit XML, GitHub workflow commands and SARIF 2.1.0, for every command with CI formats.
#include "ci_support.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "apigap/render.hpp"
#include "html_support.hpp"

namespace apigap::render_detail {

namespace {

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

/// SARIF's name for a severity (`note` is the same word).
std::string_view sarif_level(Severity severity) {
    return to_string(severity);
}

/// `path` as a relative URI reference: bytes outside RFC 3986's unreserved
/// set and `/` are percent-encoded.
std::string uri_reference(std::string_view path) {
    std::string out;
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += c;
        } else {
            out += fmt::format("%{:02X}", byte);
        }
    }
    return out;
}

/// What SARIF results and GitHub annotations say of `finding`.
std::string message_and_fix(const Finding& finding) {
    return fmt::format("{}. Fix: {}.", finding.message, finding.fix);
}

}  // namespace

std::string_view finding_file(std::string_view source, const Finding& finding) {
    return finding.file.empty() ? source : std::string_view(finding.file);
}

std::string finding_location(std::string_view source, const Finding& finding) {
    const std::string_view file = finding_file(source, finding);
    return finding.line > 0 ? fmt::format("{}:{}", file, finding.line) : std::string(file);
}

std::string finding_line(std::string_view source, const Finding& finding) {
    return fmt::format("{}: {}: {} [{}]; fix: {}", finding_location(source, finding), to_string(finding.severity),
                       finding.message, finding.rule, finding.fix);
}

Annotation annotation_of(std::string_view source, const Finding& finding) {
    return Annotation{finding.severity,
                      std::string(finding_file(source, finding)),
                      finding.line,
                      finding.rule,
                      message_and_fix(finding),
                      finding_line(source, finding)};
}

std::string junit_xml(std::string_view suites_name, const TestSuite& suite) {
    const auto failures = std::count_if(suite.cases.begin(), suite.cases.end(),
                                        [](const TestCase& test) { return !test.failure.empty(); });
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format("<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n", html_escape(suites_name),
                       suite.cases.size(), failures);
    out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
                       html_escape(suite.name), suite.cases.size(), failures);
    out += "    <properties>\n";
    for (const auto& [name, value] : suite.properties) {
        out += fmt::format("      <property name=\"{}\" value=\"{}\"/>\n", html_escape(name), html_escape(value));
    }
    out += "    </properties>\n";
    for (const TestCase& test : suite.cases) {
        out += fmt::format("    <testcase classname=\"{}\" name=\"{}\"", html_escape(test.classname),
                           html_escape(test.name));
        if (test.failure.empty() && test.output.empty()) {
            out += "/>\n";
            continue;
        }
        out += ">\n";
        if (!test.failure.empty()) {
            out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", html_escape(test.failure),
                               html_escape(test.failure_type), html_escape(test.details));
        }
        if (!test.output.empty()) {
            out += fmt::format("      <system-out>{}</system-out>\n", html_escape(test.output));
        }
        out += "    </testcase>\n";
    }
    out += "  </testsuite>\n</testsuites>\n";
    return out;
}

std::string github_annotations(const std::vector<Annotation>& annotations) {
    std::string out;
    std::map<Severity, std::size_t> annotated;
    std::vector<const Annotation*> unannotated;
    // Errors first: when GitHub's cap bites, what failed the build is still shown.
    for (const Severity severity : {Severity::error, Severity::warning, Severity::note}) {
        for (const Annotation& annotation : annotations) {
            if (annotation.severity != severity) {
                continue;
            }
            if (annotated[severity]++ >= k_github_annotations_per_kind) {
                unannotated.push_back(&annotation);
                continue;
            }
            const std::string line = annotation.line > 0 ? fmt::format(",line={}", annotation.line) : "";
            out += fmt::format("::{} file={}{},title={}::{}\n", annotation_kind(severity),
                               command_property(annotation.file), line, command_property("apigap " + annotation.rule),
                               command_data(annotation.message));
        }
    }
    if (!unannotated.empty()) {
        out += fmt::format("GitHub shows {} annotations of each kind per step; the other {} finding{}:\n",
                           k_github_annotations_per_kind, unannotated.size(), unannotated.size() == 1 ? "" : "s");
        for (const Annotation* annotation : unannotated) {
            out += annotation->listed + "\n";
        }
    }
    return out;
}

std::string sarif_log(const std::vector<CheckRule>& rules, const std::vector<Finding>& findings,
                      std::string_view artifact, const Json& properties) {
    Json driver{{"name", "apigap"}, {"version", std::string(version())}, {"rules", Json::array()}};
    for (const CheckRule& rule : rules) {
        driver["rules"].push_back(Json{{"id", std::string(rule.id)},
                                       {"shortDescription", {{"text", std::string(rule.description)}}},
                                       {"defaultConfiguration", {{"level", std::string(sarif_level(rule.severity))}}}});
    }
    Json results = Json::array();
    for (const Finding& finding : findings) {
        Json physical{{"artifactLocation", {{"uri", uri_reference(finding_file(artifact, finding))}}}};
        if (finding.line > 0) {
            physical["region"] = Json{{"startLine", finding.line}};
        }
        Json result{{"ruleId", finding.rule}};
        const auto rule =
            std::find_if(rules.begin(), rules.end(), [&](const CheckRule& known) { return known.id == finding.rule; });
        if (rule != rules.end()) {
            result["ruleIndex"] = rule - rules.begin();
        }
        result["level"] = std::string(sarif_level(finding.severity));
        result["message"] = Json{{"text", message_and_fix(finding)}};
        result["locations"] = Json::array({Json{{"physicalLocation", physical}}});
        results.push_back(result);
    }
    const Json run{{"tool", {{"driver", driver}}}, {"results", results}, {"properties", properties}};
    const Json log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", Json::array({run})}};
    return dump_json(log);
}

}  // namespace apigap::render_detail
