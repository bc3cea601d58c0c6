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
    // Fields appended in order, as the keys are distinct: `operator[]` would search the keys before each.
    Json skills = Json::object();
    Json::object_t& ratings = skills.get_ref<Json::object_t&>();
    ratings.reserve(score.ratings.size());
    for (const auto& [id, rating] : score.ratings) {
        ratings.emplace_back(std::string(id), rating);
    }
    Json line = Json::object();
    Json::object_t& fields = line.get_ref<Json::object_t&>();
    fields.reserve(8);
    fields.emplace_back("path", std::string(path));
    fields.emplace_back("format", std::string(to_string(resume.format)));
    fields.emplace_back("lines", resume.lines);
    fields.emplace_back("warnings", resume.warnings.size());
    fields.emplace_back("level", score.level_id);
    // Rounded down, as every report does: 100 only when every target is met.
    fields.emplace_back("readiness", render_detail::readiness_number(score.readiness));
    fields.emplace_back("skills", std::move(skills));
    if (match != nullptr) {
        fields.emplace_back("match", render_detail::match_fields(*match));
    }
    return dump_line(line);
}

std::string render_batch_error(std::string_view path, std::string_view message) {
    return dump_line(Json{{"path", std::string(path)}, {"error", std::string(message)}});
}

}  // namespace apigap
