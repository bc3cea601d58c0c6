// Profile storage.
#include "apigap/profile.hpp"

namespace apigap {

void Profile::set(const std::string& skill_id, SkillRating rating) {
    m_ratings[skill_id] = std::move(rating);
}

int Profile::rating(std::string_view skill_id) const {
    const auto it = m_ratings.find(skill_id);
    if (it == m_ratings.end() || it->second.source == RatingSource::skipped) {
        return 0;
    }
    return it->second.rating;
}

std::string_view to_string(RatingSource source) {
    switch (source) {
    case RatingSource::answered:
        return "answered";
    case RatingSource::flag:
        return "flag";
    case RatingSource::skipped:
        return "skipped";
    case RatingSource::inferred:
        return "inferred";
    }
    return "answered";
}

}  // namespace apigap
