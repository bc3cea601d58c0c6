// The years of experience and the level a resume reads as, and where the target level came from, in every format.
#include <fmt/format.h>

#include "report_parts.hpp"

namespace apigap::render_detail {

std::string experience_summary(const Experience& experience) {
    if (!experience.level) {
        return "no level read: " + experience.reason;
    }
    const std::size_t roles = experience.evidence.size();
    std::string text = fmt::format("reads as {}: {:.1f} years from {} role{}", *experience.level,
                                   experience.years.value_or(0.0), roles, roles == 1 ? "" : "s");
    if (experience.basis == ExperienceBasis::claim) {
        text += fmt::format(", stated '{}'", experience.claim);
    } else if (!experience.title.empty()) {
        text +=
            fmt::format(", {} '{}'", experience.basis == ExperienceBasis::title ? "title" : "latest", experience.title);
    }
    if (const std::size_t others = experience.not_technical.size(); others > 0) {
        text += fmt::format("; {} role{} of no technical work left out", others, others == 1 ? "" : "s");
    }
    return text;
}

std::string target_summary(std::string_view level_id, TargetSource source) {
    switch (source) {
    case TargetSource::option:
        return std::string(level_id);
    case TargetSource::resume:
        return fmt::format("{} (read from the resume)", level_id);
    case TargetSource::fallback:
        return fmt::format("{} (the default: the resume reads as no level)", level_id);
    }
    return std::string(level_id);
}

Json experience_json(const Experience& experience) {
    Json json{{"years", experience.years ? Json(*experience.years) : Json(nullptr)},
              {"level", experience.level ? Json(*experience.level) : Json(nullptr)}};
    if (!experience.reason.empty()) {
        json["reason"] = experience.reason;
    }
    json["basis"] = std::string(to_string(experience.basis));
    json["title"] = experience.title.empty() ? Json(nullptr) : Json(experience.title);
    json["claim"] = experience.claim.empty() ? Json(nullptr) : Json(experience.claim);
    json["evidence"] = Json::array();
    json["not_technical"] = Json::array();
    for (const auto& [key, roles] :
         {std::pair{"evidence", &experience.evidence}, std::pair{"not_technical", &experience.not_technical}}) {
        for (const ExperienceEvidence& role : *roles) {
            json[key].push_back(Json{{"line", role.line}, {"text", role.text}, {"title", role.title}});
        }
    }
    return json;
}

std::string_view to_string(TargetSource source) {
    switch (source) {
    case TargetSource::option:
        return "option";
    case TargetSource::resume:
        return "resume";
    case TargetSource::fallback:
        return "default";
    }
    return "option";
}

}  // namespace apigap::render_detail
