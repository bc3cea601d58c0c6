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

std::string render_batch_line(std::string_view path, const ResumeSummary& resume, const ScoreSummary& score,
                              const MatchReport* match) {
    Json skills = Json::object();
    for (const auto& [id, rating] : score.ratings) {
        skills[std::string(id)] = rating;
    }
    Json line{{"path", std::string(path)}};
    line["format"] = std::string(to_string(resume.format));
    line["lines"] = resume.lines;
    line["warnings"] = resume.warnings.size();
    line["level"] = score.level_id;
    // Rounded down, as every report does: 100 only when every target is met.
    line["readiness"] = render_detail::readiness_number(score.readiness);
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
