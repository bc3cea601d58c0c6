// `apigap check` for machines: apigap's own JSON and SARIF 2.1.0.
#include <fmt/format.h>

#include "check_views.hpp"
#include "ci_support.hpp"
#include "json_support.hpp"
#include "report_parts.hpp"
#include "text_layout.hpp"

namespace apigap::render_detail {

namespace {

Json finding_json(const Finding& finding) {
    Json json{{"rule", finding.rule}, {"severity", std::string(to_string(finding.severity))}};
    json["line"] = finding.line > 0 ? Json(finding.line) : Json(nullptr);
    json["message"] = finding.message;
    json["fix"] = finding.fix;
    if (!finding.file.empty()) {
        json["file"] = finding.file;
    }
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
    if (const std::optional<SourceComparison>& source = report.source_comparison) {
        document["source"] = Json{{"path", source->path},
                                  {"format", std::string(to_string(source->format))},
                                  {"lines", source->lines},
                                  {"lines_found", source->lines_found},
                                  {"keywords", source->keywords},
                                  {"keywords_lost", source->keywords_lost},
                                  {"keywords_mangled", source->keywords_mangled},
                                  {"results", source->results},
                                  {"results_lost", source->results_lost},
                                  {"results_mangled", source->results_mangled},
                                  {"findings_moved", source->findings_moved}};
    }
    document["level"] = Json{
        {"id", report.level_id}, {"name", report.level_name}, {"source", std::string(to_string(report.level_source))}};
    document["experience"] = experience_json(report.experience);
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
    const Json properties{{"level", report.level_id},
                          {"score", report.score},
                          {"minScore", report.min_score},
                          {"passed", report.passed()}};
    return sarif_log(check_rules(), report.findings, report.source, properties);
}

}  // namespace apigap::render_detail
