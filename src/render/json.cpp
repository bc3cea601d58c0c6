// The JSON report, as `docs/schema/report.schema.json` describes it.
#include <cmath>

#include "apigap/render.hpp"
#include "json_support.hpp"
#include "report_parts.hpp"

namespace apigap {

namespace {

using render_detail::gap_json;
using render_detail::Json;
using render_detail::json_number;
using render_detail::readiness_number;
using render_detail::salary_json;
using render_detail::step_json;

Json readiness_json(const LevelReadiness& level) {
    return Json{{"level", level.level_id},
                {"name", level.level_name},
                {"readiness", readiness_number(level.readiness)},
                {"salary", salary_json(level.salary)}};
}

Json target_json(const TargetScore& score) {
    Json tie = Json::array();
    for (const EvidenceWeight& member : score.tie) {
        tie.push_back(Json{{"skill", member.skill_id}, {"lines", member.lines}, {"use_lines", member.use_lines}});
    }
    return Json{{"id", score.id},
                {"rank", score.rank},
                {"name", score.name},
                {"skill", score.skill_id},
                {"skill_name", score.skill_name},
                {"rating", score.rating},
                {"target", score.target},
                {"weight", json_number(score.weight)},
                {"tie", tie},
                {"no_evidence", score.no_evidence}};
}

Json skill_json(const RatedSkill& skill) {
    Json evidence = Json::array();
    for (const Evidence& item : skill.rating.evidence) {
        evidence.push_back(
            Json{{"line", item.line}, {"section", item.section}, {"keyword", item.keyword}, {"text", item.text}});
    }
    return Json{{"id", skill.id},
                {"name", skill.name},
                {"category", std::string(to_string(skill.category))},
                {"rating", skill.rating.rating},
                {"source", std::string(to_string(skill.rating.source))},
                {"evidence", evidence}};
}

/// `items` as a JSON array, each turned into JSON by `to_json`.
template <typename T, typename F>
Json array_of(const std::vector<T>& items, F to_json) {
    Json array = Json::array();
    for (const T& item : items) {
        array.push_back(to_json(item));
    }
    return array;
}

}  // namespace

Json render_detail::report_json(const Report& report) {
    Json document = render_detail::json_header(report.resume ? "scan" : "assessment");
    if (report.resume) {
        Json warnings = Json::array();
        for (const ExtractionWarning& warning : report.resume->warnings) {
            warnings.push_back(Json{{"rule", warning.rule}, {"line", warning.line}, {"message", warning.message}});
        }
        document["resume"] = Json{{"path", report.resume->source},
                                  {"format", std::string(to_string(report.resume->format))},
                                  {"lines", report.resume->lines},
                                  {"warnings", warnings}};
    }
    document["level"] = Json{{"id", report.level_id},
                             {"name", report.level_name},
                             {"focus", report.level_focus},
                             {"next_level", report.next_level_id.empty() ? Json(nullptr) : Json(report.next_level_id)}};
    if (report.experience) {
        document["level"]["source"] = std::string(render_detail::to_string(report.level_source));
        document["experience"] = render_detail::experience_json(*report.experience);
    }
    document["readiness"] = array_of(report.readiness, readiness_json);
    document["pay_reference"] = render_detail::pay_reference_json(report.pay_reference);
    document["targets"] = array_of(report.targets, target_json);
    document["gaps"] = array_of(report.gaps, gap_json);
    document["plan"] = Json{{"evidence_first", evidence_first_json(report.plan)},
                            {"total_hours", report.plan.total_hours},
                            {"steps", array_of(report.plan.steps, step_json)}};
    document["profile"] = Json{{"skills", array_of(report.skills, skill_json)}};
    return document;
}

std::string render_json(const Report& report) {
    return render_detail::dump_json(render_detail::report_json(report));
}

}  // namespace apigap

namespace apigap::render_detail {

Json salary_json(const SalaryBand& band) {
    return Json{{"min", band.min},           {"max", band.max},   {"open_ended", band.open_ended},
                {"currency", band.currency}, {"year", band.year}, {"source", band.source},
                {"note", band.note}};
}

Json pay_reference_json(const PayReference& reference) {
    if (reference.amount == 0) {
        return nullptr;
    }
    return Json{{"name", reference.name},
                {"amount", reference.amount},
                {"currency", reference.currency},
                {"year", reference.year},
                {"source", reference.source}};
}

Json gap_json(const Gap& gap) {
    return Json{{"id", gap.score.id},
                {"rank", gap.score.rank},
                {"name", gap.score.name},
                {"skill", gap.score.skill_id},
                {"rating", gap.score.rating},
                {"target", gap.score.target},
                {"weight", json_number(gap.score.weight)},
                {"priority", json_number(gap.priority)},
                {"no_evidence", gap.score.no_evidence}};
}

Json evidence_first_json(const StudyPlan& plan) {
    Json skills = Json::array();
    for (const EvidenceToAdd& skill : plan.evidence_first) {
        skills.push_back(
            Json{{"skill", skill.skill_id}, {"skill_name", skill.skill_name}, {"examples", skill.examples}});
    }
    return skills;
}

Json step_json(const PlanStep& step) {
    Json project = nullptr;
    if (step.project) {
        project = Json{
            {"title", step.project->title}, {"description", step.project->description}, {"hours", step.project->hours}};
    }
    Json resources = Json::array();
    for (const Resource& resource : step.resources) {
        resources.push_back(Json{{"title", resource.title}, {"url", resource.url}, {"type", resource.type}});
    }
    return Json{{"skill", step.skill_id}, {"skill_name", step.skill_name},
                {"from", step.from},      {"to", step.to},
                {"target", step.target},  {"rung", step.rung},
                {"rungs", step.rungs},    {"goal", step.goal},
                {"hours", step.hours},    {"project", project},
                {"resources", resources}};
}

}  // namespace apigap::render_detail
