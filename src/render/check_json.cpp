// `apigap check` for machines: apigap's own JSON and SARIF 2.1.0.
#include <fmt/format.h>

#include "check_views.hpp"
#include "json_support.hpp"
#include "text_layout.hpp"

namespace apigap::render_detail {

namespace {

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

Json finding_json(const Finding& finding) {
    Json json{{"rule", finding.rule}, {"severity", std::string(to_string(finding.severity))}};
    json["line"] = finding.line > 0 ? Json(finding.line) : Json(nullptr);
    json["message"] = finding.message;
    json["fix"] = finding.fix;
    return json;
}

Json coverage_json(const CoverageItem& item) {
    return Json{{"id", item.id},           {"name", item.name},      {"weight", json_number(item.weight)},
                {"covered", item.covered}, {"keywords", item.found}, {"suggest", item.suggest}};
}

}  // namespace

std::string check_json(const CheckReport& report) {
    Json document = json_header("check");
    document["resume"] =
        Json{{"path", report.source}, {"format", std::string(to_string(report.format))}, {"lines", report.lines}};
    document["level"] = Json{{"id", report.level_id}, {"name", report.level_name}};
    document["score"] = report.score;
    document["min_score"] = report.min_score;
    document["passed"] = report.passed();
    document["coverage"] = Json::array();
    for (const CoverageItem& item : report.coverage) {
        document["coverage"].push_back(coverage_json(item));
    }
    document["findings"] = Json::array();
    for (const Finding& finding : report.findings) {
        document["findings"].push_back(finding_json(finding));
    }
    return dump_json(document);
}

std::string check_sarif(const CheckReport& report) {
    const std::vector<CheckRule>& rules = check_rules();
    Json driver{{"name", "apigap"}, {"version", std::string(version())}, {"rules", Json::array()}};
    for (const CheckRule& rule : rules) {
        driver["rules"].push_back(Json{{"id", std::string(rule.id)},
                                       {"shortDescription", {{"text", std::string(rule.description)}}},
                                       {"defaultConfiguration", {{"level", std::string(sarif_level(rule.severity))}}}});
    }
    Json results = Json::array();
    for (const Finding& finding : report.findings) {
        Json physical{{"artifactLocation", {{"uri", uri_reference(report.source)}}}};
        if (finding.line > 0) {
            physical["region"] = Json{{"startLine", finding.line}};
        }
        Json result{{"ruleId", finding.rule}};
        if (const CheckRule* rule = find_check_rule(finding.rule)) {
            result["ruleIndex"] = rule - rules.data();
        }
        result["level"] = std::string(sarif_level(finding.severity));
        result["message"] = Json{{"text", fmt::format("{}. Fix: {}.", finding.message, finding.fix)}};
        result["locations"] = Json::array({Json{{"physicalLocation", physical}}});
        results.push_back(result);
    }
    Json run{{"tool", {{"driver", driver}}},
             {"results", results},
             {"properties",
              {{"level", report.level_id},
               {"score", report.score},
               {"minScore", report.min_score},
               {"passed", report.passed()}}}};
    const Json log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", Json::array({run})}};
    return dump_json(log);
}

}  // namespace apigap::render_detail
