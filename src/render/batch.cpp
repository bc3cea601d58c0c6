// `apigap batch`'s JSON Lines: one compact object per resume, as docs/schema/batch-line.schema.json describes it.
#include <cmath>

#include "apigap/render.hpp"
#include "json_support.hpp"

namespace apigap {

namespace {

using render_detail::Json;

std::string dump_line(const Json& line) {
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string render_batch_line(std::string_view path, const Report& report, const MatchReport* match) {
    double readiness = 0.0;
    for (const LevelReadiness& level : report.readiness) {
        if (level.level_id == report.level_id) {
            readiness = level.readiness;
        }
    }
    Json skills = Json::object();
    for (const RatedSkill& skill : report.skills) {
        skills[skill.id] = skill.rating.rating;
    }
    Json line{{"path", std::string(path)}};
    line["format"] = report.resume ? std::string(to_string(report.resume->format)) : std::string();
    line["lines"] = report.resume ? report.resume->lines : 0;
    line["warnings"] = report.resume ? report.resume->warnings.size() : 0;
    line["level"] = report.level_id;
    // Rounded down, as every report does: 100 only when every target is met.
    line["readiness"] = render_detail::readiness_number(readiness);
    line["skills"] = std::move(skills);
    if (match != nullptr) {
        line["match"] = render_detail::match_fields(*match);
    }
    return dump_line(line);
}

std::string render_batch_error(std::string_view path, std::string_view message) {
    return dump_line(Json{{"path", std::string(path)}, {"error", std::string(message)}});
}

}  // namespace apigap
